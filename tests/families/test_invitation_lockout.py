"""Guessing invitation tokens locks the guessing address out, on the API and
on the invitation page, and never the relative at their own address."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from families import services

ATTACKER = "203.0.113.66"
RELATIVE = "198.51.100.7"
PASSWORD = "quiet-river-lantern-42"


@pytest.fixture(autouse=True)
def generous_throttles(monkeypatch: pytest.MonkeyPatch) -> None:
    # The per-address throttle would answer 429 first; these tests are about the lockout.
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"accept_invite": "1000/min", "token": "1000/min"}
    )


@pytest.fixture
def token(make_member: Any, case: Any, caseworker: Any) -> str:
    member = make_member(case, account=False)
    services.invitation_create(member=member, actor=caseworker)
    return re.search(r"/family/invite/([^/\s]+)/", mail.outbox[-1].body).group(1)


def api_accept(token: str, address: str) -> Any:
    body = {"token": token, "username": "mariam", "password": PASSWORD}
    return APIClient().post("/api/family/accept-invite/", body, format="json", REMOTE_ADDR=address)


def page_accept(token: str, address: str) -> Any:
    body = {"username": "mariam", "password": PASSWORD, "password2": PASSWORD}
    return Client().post(f"/family/invite/{token}/", body, REMOTE_ADDR=address)


def test_guessed_tokens_on_the_api_lock_the_address_out(token: str, settings: Any) -> None:
    codes = [api_accept(f"guess{i}", ATTACKER).status_code for i in range(30)]
    limit = settings.AXES_FAILURE_LIMIT
    assert codes == [400] * (limit - 1) + [429] * (30 - limit + 1)
    refused = api_accept(token, ATTACKER)
    assert refused.status_code == 429
    assert refused.json()["code"] == "locked_out"
    assert api_accept(token, RELATIVE).status_code == 201


def test_guessed_tokens_on_the_page_lock_the_address_out(token: str, settings: Any) -> None:
    for i in range(30):
        page_accept(f"guess{i}", ATTACKER)
    refused = page_accept(token, ATTACKER)
    assert refused.status_code == 429
    assert "Too many failed attempts" in refused.content.decode()
    assert page_accept(token, RELATIVE).status_code == 302


def test_guessing_invitations_does_not_lock_the_address_out_of_logging_in(
    token: str, caseworker: Any
) -> None:
    for i in range(30):
        api_accept(f"guess{i}", ATTACKER)
    login = APIClient().post(
        "/api/auth/token/",
        {"username": caseworker.username, "password": "a-long-test-password-1"},
        format="json",
        REMOTE_ADDR=ATTACKER,
    )
    assert login.status_code == 200
