"""A NUL character in the address, a query parameter, a cookie or a header is
a 400 before any view or query runs (PostgreSQL refuses NUL in text: it used
to be a 500). Every URL pattern of the project is tried, with NUL in each
path value it takes and in the query string."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from drf_spectacular.generators import SchemaGenerator

from cases.models import MissingPerson
from families.models import FamilyMember
from families.services import family_member_create
from tests.api.conftest import token_client
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def query_parameters() -> list[str]:
    """Every query parameter the API documents, and the admin's search."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    names = {
        parameter["name"]
        for operations in schema["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query"
    }
    return sorted(names | {"q", "o", "p", "status__exact"})


NUL_QUERY = "&".join(f"{name}=a%00b" for name in query_parameters())


def _named_patterns(patterns: list[Any], namespace: str = "") -> Iterator[tuple[str, list[str]]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", sorted(entry.pattern.regex.groupindex)


def _path(name: str, params: list[str], value: str) -> str | None:
    try:
        return reverse(name, kwargs={p: value for p in params})
    except NoReverseMatch:
        return None  # the pattern cannot hold this value (an int converter)


def every_url(value: str) -> list[str]:
    """One concrete path per named URL pattern, with `value` in each path
    parameter that can hold it, else "1"."""
    paths = set()
    for name, params in _named_patterns(get_resolver().url_patterns):
        path = _path(name, params, value) or _path(name, params, "1")
        if path is not None:
            paths.add(path)
    return sorted(paths)


def test_every_documented_filter_is_tried() -> None:
    assert {"q", "status", "service_number", "page", "page_size"} <= set(query_parameters())


def test_every_url_pattern_is_found() -> None:
    urls = every_url("1")
    for expected in (
        "/api/cases/",
        "/api/family-members/",
        "/api/family/cases/1/",
        "/admin/cases/missingperson/",
        "/family/",
        "/healthz",
    ):
        assert expected in urls
    assert len(urls) > 60


@pytest.fixture
def superuser(db: Any) -> User:
    return User.objects.create_superuser("root", "root@example.org", "a-long-test-password-1")


@pytest.mark.parametrize("url", every_url("MP\x002020"))
def test_a_nul_in_the_path_or_the_query_is_a_400_before_the_database(
    url: str, superuser: User, django_assert_num_queries: Any
) -> None:
    client = Client()
    client.force_login(superuser)
    with django_assert_num_queries(0):
        response = client.get(f"{url}?{NUL_QUERY}")
    assert response.status_code == 400, url
    if url.startswith("/api/"):
        assert response["Content-Type"] == "application/json"


def test_the_relatives_search_refuses_a_nul_as_json(caseworker: User) -> None:
    response = token_client(caseworker).get("/api/family-members/?q=Hov%00hannisyan&case=")
    assert response.status_code == 400
    assert response.json() == {"q": ["This value contains a NUL character."]}


def test_the_admin_search_refuses_a_nul_with_a_plain_page(superuser: User) -> None:
    client = Client()
    client.force_login(superuser)
    response = client.get("/admin/families/familymember/?q=%00")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


def test_a_family_case_number_with_a_nul_is_a_400(caseworker: User, case: MissingPerson) -> None:
    relative = make_user("anahit.family", None)
    family_member_create(
        actor=caseworker,
        full_name="Anahit Hovhannisyan",
        links=[{"case": case, "relationship": "mother", "verified": True}],
    )
    FamilyMember.objects.update(user=relative)
    assert token_client(relative).get(f"/api/family/cases/{case.case_number}/").status_code == 200
    response = token_client(relative).get(f"/api/family/cases/{case.case_number}%00/")
    assert response.status_code == 400
    assert response.json()["code"] == "nul_character"


def test_a_session_cookie_with_a_nul_is_a_400(django_assert_num_queries: Any) -> None:
    client = Client()
    client.cookies["sessionid"] = "abcdefgh\x00ijklmnop"
    with django_assert_num_queries(0):
        response = client.get("/family/")
    assert response.status_code == 400


def test_a_token_with_a_nul_is_a_400() -> None:
    response = Client().get("/api/cases/", HTTP_AUTHORIZATION="Token abc\x00def")
    assert response.status_code == 400


def test_the_same_requests_without_a_nul_still_work(caseworker: User) -> None:
    response = token_client(caseworker).get("/api/family-members/?q=Hovhannisyan")
    assert response.status_code == 200
