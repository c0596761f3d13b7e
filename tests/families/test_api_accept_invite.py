"""POST /api/family/accept-invite/: the relative chooses a username and password."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone
from rest_framework.test import APIClient

from families import services
from families.models import Invitation

URL = "/api/family/accept-invite/"
PASSWORD = "quiet-river-lantern-42"


@pytest.fixture
def invitee(make_member, case):
    return make_member(case, account=False)


@pytest.fixture
def token(invitee, caseworker):
    services.invitation_create(member=invitee, actor=caseworker)
    return re.search(r"/family/invite/([^/\s]+)/", mail.outbox[-1].body).group(1)


def _accept(token, username="mariam", password=PASSWORD):
    return APIClient().post(
        URL, {"token": token, "username": username, "password": password}, format="json"
    )


def test_accepting_creates_the_account_and_the_relative_can_then_read_their_cases(
    token, invitee, case
):
    response = _accept(token)
    assert response.status_code == 201, response.json()
    assert response.json()["username"] == "mariam"
    assert "password" not in response.json()

    login = APIClient().post(
        "/api/auth/token/", {"username": "mariam", "password": PASSWORD}, format="json"
    )
    assert login.status_code == 200
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {login.json()['token']}")
    cases = client.get("/api/family/cases/").json()
    assert [c["case_number"] for c in cases["results"]] == [case.case_number]


def test_a_second_acceptance_is_400_naming_token(token):
    assert _accept(token).status_code == 201
    response = _accept(token, username="someone-else")
    assert response.status_code == 400
    assert "token" in response.json()
    assert not User.objects.filter(username="someone-else").exists()


def test_an_expired_invitation_is_400_naming_token(token):
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = _accept(token)
    assert response.status_code == 400
    assert "expired" in response.json()["token"][0]


def test_an_unknown_token_is_400_naming_token(db):
    response = _accept("no-such-token")
    assert response.status_code == 400
    assert "token" in response.json()


def test_a_superseded_invitation_is_400_naming_token(token, invitee, caseworker):
    services.invitation_create(member=invitee, actor=caseworker)
    response = _accept(token)
    assert response.status_code == 400
    assert "newer" in response.json()["token"][0]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"password": "12345678"}, "password"),
        ({"password": ""}, "password"),
        ({"username": ""}, "username"),
        ({"username": "bad name!"}, "username"),
        ({"username": "u" * 151}, "username"),
    ],
)
def test_bad_choices_are_400_naming_the_field(token, body, field):
    response = _accept(token, **body)
    assert response.status_code == 400
    assert field in response.json()


def test_a_taken_username_is_400_naming_username(token, caseworker):
    response = _accept(token, username=caseworker.username)
    assert response.status_code == 400
    assert "username" in response.json()


def test_a_missing_token_is_400_naming_token(db):
    response = APIClient().post(URL, {"username": "a", "password": PASSWORD}, format="json")
    assert response.status_code == 400
    assert "token" in response.json()


def test_guessing_is_throttled(db, settings):
    settings.AXES_FAILURE_LIMIT = 100  # the lockout has its own tests (test_invitation_lockout)
    for _ in range(10):
        assert _accept("guess").status_code == 400
    assert _accept("guess").status_code == 429
