"""Repeated failed logins are refused for a while on every way in, keyed on
(username, client address) so that guesses from elsewhere never lock the
owner out (django-axes; CONTRACT.md: 429 on the API, a message on the forms)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

PASSWORD = "a-long-test-password-1"
OWNER = "198.51.100.7"
ATTACKER = "203.0.113.66"


@pytest.fixture
def generous_throttles(monkeypatch: pytest.MonkeyPatch) -> None:
    # The per-address throttle would answer 429 first; these tests are about the lockout.
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"token": "1000/min", "accept_invite": "1000/min"}
    )


def token_login(username: str, password: str, address: str) -> Any:
    return APIClient().post(
        "/api/auth/token/",
        {"username": username, "password": password},
        format="json",
        REMOTE_ADDR=address,
    )


def form_login(url: str, username: str, password: str, address: str) -> Any:
    return Client().post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_wrong_tokens_logins_from_rotating_addresses_do_not_block_the_owner(
    caseworker: User,
) -> None:
    for i in range(10):
        wrong = token_login(caseworker.username, f"guess{i}", f"203.0.113.{i + 1}")
        assert wrong.status_code == 400
    right = token_login(caseworker.username, PASSWORD, OWNER)
    assert right.status_code == 200
    assert "token" in right.json()


@pytest.mark.usefixtures("generous_throttles")
def test_thirty_wrong_passwords_from_one_address_lock_that_pair_out_of_the_api(
    caseworker: User, settings: Any
) -> None:
    codes = [token_login(caseworker.username, f"guess{i}", ATTACKER).status_code for i in range(30)]
    limit = settings.AXES_FAILURE_LIMIT
    assert codes == [400] * (limit - 1) + [429] * (30 - limit + 1)
    right = token_login(caseworker.username, PASSWORD, ATTACKER)
    assert right.status_code == 429
    assert right.json()["code"] == "locked_out"
    assert int(right["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert "token" not in right.json()
    # The owner, at their own address, is not locked out.
    assert token_login(caseworker.username, PASSWORD, OWNER).status_code == 200


@pytest.mark.usefixtures("generous_throttles")
def test_the_lockout_ends_after_the_cool_off(caseworker: User, settings: Any) -> None:
    for i in range(settings.AXES_FAILURE_LIMIT):
        token_login(caseworker.username, f"guess{i}", ATTACKER)
    assert token_login(caseworker.username, PASSWORD, ATTACKER).status_code == 429
    past = settings.AXES_COOLOFF_TIME + timedelta(seconds=1)
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=attempt.attempt_time - past)
    assert token_login(caseworker.username, PASSWORD, ATTACKER).status_code == 200


@pytest.fixture
def staff(supervisor: User) -> User:
    supervisor.is_staff = True  # may use the admin's login too
    supervisor.save()
    return supervisor


@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_thirty_wrong_passwords_on_a_form_lock_that_pair_out_with_a_message(
    url: str, staff: User
) -> None:
    supervisor = staff
    for i in range(30):
        form_login(url, supervisor.username, f"guess{i}", ATTACKER)
    refused = form_login(url, supervisor.username, PASSWORD, ATTACKER)
    assert refused.status_code == 429
    assert "Too many failed attempts" in refused.content.decode()
    assert "_auth_user_id" not in refused.wsgi_request.session
    # The owner at their own address logs in.
    owner = form_login(url, supervisor.username, PASSWORD, OWNER)
    assert owner.status_code == 302
    assert owner.wsgi_request.session["_auth_user_id"] == str(supervisor.pk)


@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_wrong_passwords_on_a_form_from_rotating_addresses_do_not_block_the_owner(
    url: str, staff: User
) -> None:
    for i in range(30):
        form_login(url, staff.username, f"guess{i}", f"203.0.113.{i + 1}")
    assert form_login(url, staff.username, PASSWORD, OWNER).status_code == 302


def test_a_failure_on_the_form_counts_with_the_api_for_the_same_pair(
    caseworker: User, settings: Any, generous_throttles: None
) -> None:
    half = settings.AXES_FAILURE_LIMIT // 2
    for i in range(half):
        form_login("/accounts/login/", caseworker.username, f"guess{i}", ATTACKER)
    for i in range(settings.AXES_FAILURE_LIMIT - half):
        token_login(caseworker.username, f"guess{i}", ATTACKER)
    assert token_login(caseworker.username, PASSWORD, ATTACKER).status_code == 429


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_a_name_longer_than_any_account_counts_as_a_failure_not_a_crash(
    url: str,
) -> None:
    # Axes keeps the name in a varchar(255): a longer one was a DataError (500).
    name = "x" * 300
    codes = [form_login(url, name, f"guess{i}", ATTACKER).status_code for i in range(2)]
    assert codes == [200, 200]
    attempt = AccessAttempt.objects.get(ip_address=ATTACKER)
    assert (attempt.username, attempt.failures_since_start) == ("x" * 150, 2)
