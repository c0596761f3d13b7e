"""No token (API, invitation, opt-out, password reset) reaches a log: not
casemgr's own logs and not gunicorn's access log."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from gunicorn.config import Config

from accounts.gunicorn import RedactingLogger
from accounts.redact import RedactSecrets, redact

KNOX = "9f" * 32
INVITATION = "Qm9yZWQ_b2YtdGhpcy1pbnZpdGF0aW9uLXRva2VuLTQy"
OPTOUT = "c.e:Xy3kP0aQ_9zLmN2b"
SECRET_PARAMS = ("token", "uidb64")


@pytest.fixture
def console() -> Iterator[io.StringIO]:
    """What the configured console handler writes, while the test runs."""
    (handler,) = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactSecrets) for f in h.filters)
    ]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    before = handler.setStream(buffer)
    yield buffer
    handler.setStream(before)


def test_a_refused_opt_out_link_is_logged_without_its_token(db: Any, console: io.StringIO) -> None:
    assert Client().get(f"/optout/{OPTOUT}/").status_code == 404
    assert "/optout/[redacted]/" in console.getvalue()
    assert OPTOUT not in console.getvalue()


def test_a_refused_invitation_is_logged_without_its_token(db: Any, console: io.StringIO) -> None:
    assert Client().get(f"/family/invite/{INVITATION}/").status_code == 400
    assert "/family/invite/[redacted]/" in console.getvalue()
    assert INVITATION not in console.getvalue()


@pytest.mark.parametrize(
    "message",
    [
        f"GET /optout/{OPTOUT}/ HTTP/1.1",
        f"Not Found: /family/invite/{INVITATION}/",
        f"GET /accounts/reset/MTI/{INVITATION}/ HTTP/1.1",
        f"GET /api/cases/?q=x&token={KNOX} HTTP/1.1",
        f"GET /x?api_key={KNOX}&page=2",
        f"Authorization: Token {KNOX}",
        f"sent with Bearer {KNOX}",
    ],
)
def test_the_filter_blanks_every_kind_of_token(message: str) -> None:
    cleaned = redact(message)
    assert "[redacted]" in cleaned
    for secret in (KNOX, INVITATION, OPTOUT):
        assert secret not in cleaned


def test_the_filter_leaves_case_numbers_and_plain_paths_alone() -> None:
    message = (
        "notification 12 (case MP-2020-00001) sent; GET /api/cases/?page=2;"
        " GET /accounts/password/reset/done/"
    )
    assert redact(message) == message


def test_a_record_with_arguments_is_redacted_after_formatting() -> None:
    record = logging.LogRecord("x", logging.INFO, "f", 1, "GET %s", (f"/optout/{OPTOUT}/",), None)
    assert RedactSecrets().filter(record)
    assert record.getMessage() == "GET /optout/[redacted]/"


def _routes(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern


def test_every_route_that_carries_a_token_is_redacted() -> None:
    carrying = [
        (route, pattern)
        for route, pattern in _routes(get_resolver().url_patterns)
        if any(name in SECRET_PARAMS for name in pattern.pattern.converters)
    ]
    assert len(carrying) >= 2  # the opt-out and invitation links at least
    for route, pattern in carrying:
        path = "/" + route
        for name in pattern.pattern.converters:
            path = path.replace(f"<str:{name}>", INVITATION).replace(f"<{name}>", INVITATION)
        assert INVITATION not in redact(f"GET {path} HTTP/1.1"), route


@pytest.mark.parametrize(
    "name", ["", "django", "django.request", "django.server", "families", "cases", "celery"]
)
def test_every_handler_that_writes_a_log_redacts(name: str) -> None:
    logger: logging.Logger | None = logging.getLogger(name)
    handlers = []
    while logger is not None:
        handlers += logger.handlers
        logger = logger.parent if logger.propagate else None
    assert handlers
    for handler in handlers:
        if type(handler).__module__.startswith("_pytest"):  # pytest's own capture
            continue
        assert any(isinstance(f, RedactSecrets) for f in handler.filters), (name, handler)


def test_gunicorns_access_log_drops_query_strings_tokens_and_credentials(tmp_path: Path) -> None:
    log_file = tmp_path / "access.log"
    config = Config()
    config.set("accesslog", str(log_file))
    config.set("access_log_format", '%(h)s "%(r)s" %(U)s %(q)s %(s)s "%(f)s" %({authorization}i)s')
    logger = RedactingLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/family/invite/{INVITATION}/?token={KNOX}",
        "PATH_INFO": f"/family/invite/{INVITATION}/",
        "QUERY_STRING": f"token={KNOX}&q=Hovhannisyan",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "198.51.100.7",
        "HTTP_REFERER": f"https://casemgr.example.org/optout/{OPTOUT}/?q=Hovhannisyan",
    }
    request = SimpleNamespace(headers=[("AUTHORIZATION", f"Token {KNOX}")])
    response = SimpleNamespace(status="200 OK", sent=12, headers=[])
    logger.access(response, request, environ, timedelta(milliseconds=5))
    for handler in logger.access_log.handlers:
        handler.flush()
    written = log_file.read_text()
    assert '"GET /family/invite/[redacted]/ HTTP/1.1"' in written
    for secret in (KNOX, INVITATION, OPTOUT, "Hovhannisyan"):
        assert secret not in written
