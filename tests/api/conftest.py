"""Fixtures for the API tests: clients that authenticate the way machines do
(a real token in the Authorization header), and a family member's account."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.services import token_issue
from cases.models import MissingPerson
from families.models import FamilyMember
from families.services import family_member_create
from tests.conftest import make_user


@pytest.fixture(autouse=True)
def _fresh_throttles() -> Iterator[None]:
    """Throttle counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def token_client(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        _, key = token_issue(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def as_user() -> Callable[[User | None], APIClient]:
    return token_client


@pytest.fixture
def anon(db: Any) -> APIClient:
    return APIClient()


@pytest.fixture
def cw(caseworker: User) -> APIClient:
    return token_client(caseworker)


@pytest.fixture
def sup(supervisor: User) -> APIClient:
    return token_client(supervisor)


@pytest.fixture
def sup2(other_supervisor: User) -> APIClient:
    return token_client(other_supervisor)


@pytest.fixture
def family_user(caseworker: User, case: MissingPerson) -> User:
    """A relative with a portal account, verified-linked to `case`."""
    member = family_member_create(
        actor=caseworker,
        full_name="Anahit Hovhannisyan",
        email="anahit@example.org",
        language="hy",
        links=[{"case": case, "relationship": "mother", "verified": True}],
    )
    user = make_user("anahit.family", None)
    FamilyMember.objects.filter(pk=member.pk).update(user=user)
    return User.objects.get(pk=user.pk)


@pytest.fixture
def fam(family_user: User) -> APIClient:
    return token_client(family_user)


def etag_of(client: APIClient, case_id: int) -> str:
    response = client.get(f"/api/cases/{case_id}/")
    assert response.status_code == 200
    return response["ETag"]
