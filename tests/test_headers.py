"""Every URL the project serves answers with a Content-Security-Policy and
Cache-Control: no-store, for the anonymous and for a logged-in admin alike;
pages whose address is a token send it to no other site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

pytestmark = pytest.mark.django_db

_CONVERTER = re.compile(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>")
_NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")
_GROUP = re.compile(r"\([^)]*\)")


def _sample(name: str) -> str:
    return "cases" if name == "app_label" else "1"


def _concrete(route: str) -> str:
    path = route.replace("^", "").replace("$", "")
    path = _CONVERTER.sub(lambda m: _sample(m["name"]), path)
    path = _NAMED_GROUP.sub(lambda m: _sample(m["name"]), path)
    return "/" + _GROUP.sub("1", path)


def _routes(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def every_path() -> list[str]:
    paths = []
    for route in _routes(get_resolver().url_patterns):
        path = _concrete(route)
        try:
            resolve(path)
        except Resolver404:
            continue
        paths.append(path)
    return sorted(set(paths))


def test_the_walk_reaches_every_part_of_the_site() -> None:
    paths = every_path()
    assert len(paths) > 100
    for expected in ["/", "/accounts/login/", "/admin/", "/api/cases/", "/family/", "/api/docs/"]:
        assert expected in paths


def _check(response: Any, path: str) -> None:
    policy = response.get("Content-Security-Policy", "")
    assert "default-src 'self'" in policy, (path, response.status_code)
    assert "script-src 'self'" in policy
    scripts = re.search(r"script-src ([^;]*)", policy)
    assert scripts is not None
    assert "unsafe" not in scripts.group(1)
    if not path.startswith("/api/docs/"):  # Swagger UI sets inline styles (only there)
        assert "unsafe-inline" not in policy
    assert "no-store" in response.get("Cache-Control", ""), (path, response.status_code)


def test_every_url_answers_the_anonymous_with_the_headers() -> None:
    client = Client()
    for path in every_path():
        _check(client.get(path), path)


def test_every_url_answers_an_admin_with_the_headers(supervisor: User) -> None:
    supervisor.is_staff = supervisor.is_superuser = True
    supervisor.save()
    client = Client()
    client.force_login(supervisor)
    for path in every_path():
        _check(client.get(path), path)


def test_api_answers_to_token_clients_carry_no_store(supervisor: User) -> None:
    from accounts.services import token_issue

    _, key = token_issue(user=supervisor)
    response = Client().get("/api/cases/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    _check(response, "/api/cases/")


@pytest.mark.parametrize("path", ["/family/invite/some-token/", "/optout/some-token/"])
def test_pages_addressed_by_a_token_send_their_address_to_no_other_site(path: str) -> None:
    assert Client().get(path)["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_static_files_keep_their_own_caching(live_server: Any) -> None:
    import urllib.request

    with urllib.request.urlopen(f"{live_server.url}/static/casemgr/base.css") as response:
        assert "no-store" not in (response.headers.get("Cache-Control") or "")


def test_no_template_has_inline_script_or_style() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "templates"
    served = [p for p in root.rglob("*.html") if "notifications/email" not in str(p)]
    assert served
    for template in served:
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template
        assert "<style" not in text, template
        assert not re.search(r"\sstyle=", text), template
        assert not re.search(r"\son[a-z]+=", text), template
