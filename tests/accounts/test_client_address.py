"""The client's address: X-Forwarded-For is believed only as far as the
configured proxies wrote it, for every throttle and for the lockout alike."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from accounts.client import forwarded_client
from accounts.throttles import ClientAddressMixin


@pytest.fixture
def three_a_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"token": "3/min", "accept_invite": "3/min"}
    )


_names = itertools.count()


def guess(forwarded: str, remote: str = "192.0.2.10") -> int:
    # A new username each time: only the per-address budget is at stake.
    return (
        APIClient()
        .post(
            "/api/auth/token/",
            {"username": f"someone{next(_names)}", "password": "guess"},
            format="json",
            REMOTE_ADDR=remote,
            HTTP_X_FORWARDED_FOR=forwarded,
        )
        .status_code
    )


@pytest.mark.usefixtures("three_a_minute")
def test_without_proxies_a_new_forwarded_header_does_not_reset_the_throttle(db: Any) -> None:
    codes = [guess(f"203.0.113.{i}") for i in range(1, 6)]
    assert codes == [400, 400, 400, 429, 429]


@pytest.mark.usefixtures("three_a_minute")
def test_behind_one_proxy_the_address_it_appended_is_the_client(db: Any, settings: Any) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    # The client forges the left part; the proxy appends the real address.
    same_client = [guess(f"10.0.0.{i}, 198.51.100.7") for i in range(1, 5)]
    assert same_client == [400, 400, 400, 429]
    assert guess("198.51.100.8") == 400  # another client behind the same proxy


@pytest.mark.usefixtures("three_a_minute")
def test_the_invitation_throttle_keys_on_the_same_address(db: Any, settings: Any) -> None:
    codes = [
        APIClient()
        .post(
            "/api/family/accept-invite/",
            {"token": "x", "username": "u", "password": "p"},
            format="json",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}",
        )
        .status_code
        for i in range(1, 6)
    ]
    assert codes[-1] == 429


def test_the_lockout_records_the_same_address(caseworker: User, settings: Any) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    APIClient().post(
        "/api/auth/token/",
        {"username": caseworker.username, "password": "wrong"},
        format="json",
        HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7",
    )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["198.51.100.7"]


@pytest.mark.parametrize(
    ("header", "proxies", "client"),
    [
        ("203.0.113.9", 0, ""),
        ("203.0.113.9", 1, "203.0.113.9"),
        ("1.1.1.1, 203.0.113.9", 1, "203.0.113.9"),
        ("1.1.1.1, 203.0.113.9, 10.0.0.2", 2, "203.0.113.9"),
        ("203.0.113.9", 2, "203.0.113.9"),  # shorter than the chain: written by our proxies
        ("1.1.1.1,2001:db8::1", 1, "2001:db8::1"),
        ("1.1.1.1, not-an-address", 1, ""),
        ("", 1, ""),
        (" , ", 1, ""),
    ],
)
def test_the_forwarded_client_is_that_many_places_from_the_right(
    header: str, proxies: int, client: str
) -> None:
    assert forwarded_client(header, proxies) == client


def _views(patterns: list[Any]) -> list[Any]:
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found += _views(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            view = getattr(pattern.callback, "cls", None) or getattr(
                pattern.callback, "view_class", None
            )
            if view is not None:
                found.append(view)
    return found


def test_every_throttle_of_every_view_knows_the_client_by_the_one_rule() -> None:
    views = _views(get_resolver().url_patterns)
    throttled = [view for view in views if getattr(view, "throttle_classes", ())]
    assert throttled  # the walk found the token and invitation views
    for view in throttled:
        for throttle in view.throttle_classes:
            assert issubclass(throttle, ClientAddressMixin), (view, throttle)
