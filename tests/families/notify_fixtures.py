"""Fixtures for the notification tests: a caseworker families can reach, a
case of theirs, and relatives made through the real services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User

from cases.models import MissingPerson, StaffProfile
from cases.services import case_transition, event_dispatch
from families.models import FamilyMember, Notification
from families.services import family_member_create

CASEWORKER_NAME = "Anna Petrosyan"
CASEWORKER_PHONE = "+374 10 555123"


@pytest.fixture
def named_caseworker(caseworker: User) -> User:
    caseworker.first_name, caseworker.last_name = CASEWORKER_NAME.split()
    caseworker.save()
    StaffProfile.objects.create(user=caseworker, phone=CASEWORKER_PHONE)
    return caseworker


@pytest.fixture
def staffed_case(make_case: Callable[..., MissingPerson], named_caseworker: User) -> MissingPerson:
    # A fixed, real-length name: the SMS length tests measure it (make_case's
    # numbered default grows with the number of cases the run has opened).
    return make_case(
        caseworker=named_caseworker, given_name="Armen", name_native="Արմեն Հովհաննիսյան"
    )


_emails = iter(range(1, 10**6))


@pytest.fixture
def make_relative(caseworker: User) -> Callable[..., FamilyMember]:
    def _make(
        case: MissingPerson,
        *,
        language: str = "hy",
        channels: tuple[str, ...] = ("email",),
        verified: bool = True,
        **fields: Any,
    ) -> FamilyMember:
        n = next(_emails)
        values: dict[str, Any] = {
            "full_name": f"Relative {n}",
            "email": f"relative{n}@example.org",
            "phone": f"+37491{n:06d}",
            "language": language,
            "channels": list(channels),
        }
        if "webhook" in channels:
            values.setdefault("webhook_url", "https://hooks.example.org/family")
            values.setdefault("webhook_secret", "s3cret-for-tests")
        values.update(fields)
        return family_member_create(
            actor=caseworker,
            links=[{"case": case, "relationship": "mother", "verified": verified}],
            **values,
        )

    return _make


@pytest.fixture
def make_notification(
    staffed_case: MissingPerson, make_relative: Callable[..., FamilyMember], caseworker: User
) -> Callable[..., Notification]:
    """A pending Notification made by the real fan-out (a status change on
    staffed_case, dispatched in this transaction; nothing is delivered)."""
    statuses = iter(["capture_reported", "detained", "release_scheduled", "repatriated", "closed"])

    def _make(channel: str = "email", **relative: Any) -> Notification:
        relative.setdefault("channels", (channel,))
        member = make_relative(staffed_case, **relative)
        case = MissingPerson.objects.get(pk=staffed_case.pk)
        outcome = case_transition(case=case, actor=caseworker, to_status=next(statuses), note="x")
        event_dispatch(event_id=outcome.event.pk)
        return Notification.objects.get(event=outcome.event, member=member, channel=channel)

    return _make


@pytest.fixture
def webhooks_to_localhost(settings: Any) -> None:
    """Let webhooks reach the fake receivers on 127.0.0.1, as an operator
    allows a named internal receiver (WEBHOOK_ALLOWED_HOSTS)."""
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
