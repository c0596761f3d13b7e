"""Relatives with and without accounts, on verified and unverified links."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from rest_framework.test import APIClient

from cases.models import MissingPerson
from families import services
from families.models import FamilyMember

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_throttle_counts() -> Iterator[None]:
    # Throttle counters live in the cache and are keyed by address: every
    # test starts with a full budget.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_member(caseworker: User) -> Callable[..., FamilyMember]:
    """A relative linked to `case`; with `account=True` they can log in."""

    def _make(
        case: MissingPerson | None = None,
        *,
        verified: bool = True,
        account: bool = True,
        relationship: str = "mother",
        **fields: Any,
    ) -> FamilyMember:
        n = next(_numbers)
        values: dict[str, Any] = {
            "full_name": f"Mariam Hovhannisyan {n}",
            "email": f"relative{n}@example.org",
            "language": "hy",
            "channels": ["email"],
        }
        values.update(fields)
        links = [{"case": case, "relationship": relationship, "verified": verified}] if case else []
        member = services.family_member_create(actor=caseworker, links=links, **values)
        if account:
            user = User.objects.create_user(
                username=f"relative{n}", password="a-long-family-password-1"
            )
            FamilyMember.objects.filter(pk=member.pk).update(user=user)
            member.refresh_from_db()
        return member

    return _make


@pytest.fixture
def member(make_member: Callable[..., FamilyMember], case: MissingPerson) -> FamilyMember:
    return make_member(case)


@pytest.fixture
def other_case(make_case: Callable[..., MissingPerson]) -> MissingPerson:
    return make_case(given_name="Davit", family_name="Ghazaryan")


@pytest.fixture
def other_member(
    make_member: Callable[..., FamilyMember], other_case: MissingPerson
) -> FamilyMember:
    """Another family, verified on another case."""
    return make_member(other_case, full_name="Anahit Ghazaryan")


def api_as(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def anonymous_api() -> APIClient:
    return APIClient()


@pytest.fixture
def staff_api(caseworker: User) -> APIClient:
    return api_as(caseworker)


@pytest.fixture
def supervisor_api(supervisor: User) -> APIClient:
    return api_as(supervisor)


@pytest.fixture
def family_api(member: FamilyMember) -> APIClient:
    return api_as(member.user)
