"""API tokens: one per login, expiring, refreshable, revoked by logout, by
a password change and one at a time (CONTRACT.md: {"token", "expires"})."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from rest_framework.test import APIClient

from accounts.models import ApiToken
from tests.api.conftest import family_user

__all__ = ["family_user"]  # the fixture, imported for this module

PASSWORD = "a-long-test-password-1"


def login(user: User, password: str = PASSWORD) -> dict[str, Any]:
    response = APIClient().post(
        "/api/auth/token/", {"username": user.username, "password": password}, format="json"
    )
    assert response.status_code == 200, response.content
    return response.json()


def bearer(token: str) -> APIClient:
    return APIClient(HTTP_AUTHORIZATION=f"Token {token}")


def works(token: str) -> bool:
    status = bearer(token).get("/api/cases/").status_code
    assert status in (200, 401)
    return status == 200


def test_a_login_answers_the_token_and_when_it_expires(caseworker: User, settings: Any) -> None:
    before = timezone.now()
    body = login(caseworker)
    expires = parse_datetime(body["expires"])
    assert expires is not None
    ttl = settings.REST_KNOX["TOKEN_TTL"]
    assert before + ttl <= expires <= timezone.now() + ttl
    assert works(body["token"])


def test_each_login_gets_its_own_token_and_both_work(caseworker: User) -> None:
    first, second = login(caseworker)["token"], login(caseworker)["token"]
    assert first != second
    assert works(first)
    assert works(second)


def test_the_token_is_stored_only_as_a_digest(caseworker: User) -> None:
    token = login(caseworker)["token"]
    stored = ApiToken.objects.get(user=caseworker)
    assert token not in (stored.digest, stored.token_key)
    assert len(stored.digest) == 128


def test_an_expired_token_is_refused(caseworker: User) -> None:
    token = login(caseworker)["token"]
    ApiToken.objects.filter(user=caseworker).update(expiry=timezone.now() - timedelta(seconds=1))
    assert not works(token)
    assert not ApiToken.objects.filter(user=caseworker).exists()


def test_logout_revokes_the_token_it_is_sent_with_and_no_other(caseworker: User) -> None:
    laptop, phone = login(caseworker)["token"], login(caseworker)["token"]
    assert bearer(laptop).post("/api/auth/logout/").status_code == 204
    assert not works(laptop)
    assert works(phone)


def test_logout_without_a_token_is_401(db: Any) -> None:
    assert APIClient().post("/api/auth/logout/").status_code == 401


def test_a_refresh_gives_a_new_token_and_retires_the_old(caseworker: User) -> None:
    old = login(caseworker)
    ApiToken.objects.filter(user=caseworker).update(expiry=timezone.now() + timedelta(minutes=5))
    response = bearer(old["token"]).post("/api/auth/token/refresh/")
    assert response.status_code == 200
    new = response.json()
    assert new["token"] != old["token"]
    assert parse_datetime(new["expires"]) > timezone.now() + timedelta(hours=1)
    assert works(new["token"])
    assert not works(old["token"])


def test_a_password_change_revokes_every_token_of_the_user(
    caseworker: User, supervisor: User
) -> None:
    mine = [login(caseworker)["token"] for _ in range(2)]
    theirs = login(supervisor)["token"]
    caseworker.set_password("another-long-password-2")
    caseworker.save()
    assert [works(token) for token in mine] == [False, False]
    assert works(theirs)
    assert not ApiToken.objects.filter(user=caseworker).exists()


def test_a_password_changed_in_the_admin_revokes_the_tokens(caseworker: User) -> None:
    token = login(caseworker)["token"]
    admin = User.objects.create_superuser("root", password=PASSWORD)
    browser = APIClient()
    browser.force_login(admin)
    new = "another-long-password-2"
    response = browser.post(
        f"/admin/auth/user/{caseworker.pk}/password/",
        {"password1": new, "password2": new, "usable_password": "true"},
        format="multipart",
    )
    assert response.status_code == 302, response.content
    assert not works(token)
    assert works(login(caseworker, new)["token"])


def test_a_user_lists_their_live_tokens_without_the_tokens(caseworker: User) -> None:
    first, second = login(caseworker)["token"], login(caseworker)["token"]
    listed = bearer(second).get("/api/auth/tokens/").json()
    assert len(listed) == 2
    assert [t["current"] for t in listed] == [True, False]  # newest first
    text = str(listed)
    assert first not in text
    assert second not in text


def test_one_token_is_revoked_by_its_id(caseworker: User) -> None:
    lost, kept = login(caseworker)["token"], login(caseworker)["token"]
    listed = bearer(kept).get("/api/auth/tokens/").json()
    lost_id = next(t["id"] for t in listed if not t["current"])
    assert bearer(kept).delete(f"/api/auth/tokens/{lost_id}/").status_code == 204
    assert not works(lost)
    assert works(kept)


def test_another_users_token_cannot_be_revoked(caseworker: User, supervisor: User) -> None:
    theirs = login(supervisor)["token"]
    their_id = ApiToken.objects.get(user=supervisor).reference
    mine = login(caseworker)["token"]
    assert bearer(mine).delete(f"/api/auth/tokens/{their_id}/").status_code == 404
    assert works(theirs)


@pytest.mark.parametrize("header", ["Token é", "Token ☃☃", "Token zz", "Token " + "0" * 64])
def test_a_token_that_is_not_one_is_401_not_500(header: str, db: Any) -> None:
    client = APIClient()
    response = client.get("/api/cases/", HTTP_AUTHORIZATION=header.encode().decode("latin-1"))
    assert response.status_code == 401


def test_an_admin_revokes_a_users_token_and_never_sees_it(caseworker: User) -> None:
    token = login(caseworker)["token"]
    stored = ApiToken.objects.get(user=caseworker)
    admin = User.objects.create_superuser("root", password=PASSWORD)
    browser = APIClient()
    browser.force_login(admin)
    listing = browser.get("/admin/accounts/apitoken/")
    assert listing.status_code == 200
    assert stored.reference in listing.content.decode()
    assert token not in listing.content.decode()
    response = browser.post(
        "/admin/accounts/apitoken/",
        {"action": "revoke", "_selected_action": [stored.pk]},
        format="multipart",
    )
    assert response.status_code == 302
    assert not works(token)


def test_a_login_sweeps_the_users_expired_tokens(caseworker: User, supervisor: User) -> None:
    login(caseworker)
    login(supervisor)
    ApiToken.objects.update(expiry=timezone.now() - timedelta(seconds=1))
    login(caseworker)
    assert ApiToken.objects.filter(user=caseworker).count() == 1
    assert ApiToken.objects.filter(user=supervisor).count() == 1  # theirs wait for their login


def test_the_hourly_sweep_deletes_every_expired_token(caseworker: User, supervisor: User) -> None:
    from accounts.tasks import sweep_expired_tokens

    expired, live = login(caseworker)["token"], login(supervisor)["token"]
    ApiToken.objects.filter(user=caseworker).update(expiry=timezone.now() - timedelta(seconds=1))
    assert sweep_expired_tokens.delay().get() == 1
    assert list(ApiToken.objects.values_list("user", flat=True)) == [supervisor.pk]
    assert works(live)
    assert not works(expired)


def test_a_relative_manages_their_own_tokens_too(family_user: User) -> None:
    token = login(family_user)["token"]
    assert bearer(token).get("/api/auth/tokens/").status_code == 200
    assert bearer(token).post("/api/auth/logout/").status_code == 204
    assert bearer(token).get("/api/family/cases/").status_code == 401
