"""What goes out to a family (SMS, email, webhook, the portal) never carries
an invisible or control character, even from names stored before the rule
(cases.plaintext) or set outside the services (a staff name in Django's user
admin)."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from rest_framework.test import APIClient

from cases.models import CaseEvent, EventKind, MissingPerson, StaffProfile
from cases.plaintext import is_invisible
from families.models import FamilyMember
from families.services import family_member_create
from families.texts import DETENTION, MESSAGE_KINDS, render_message
from families.wording import MESSAGE_LANGUAGES
from tests.api.conftest import token_client
from tests.conftest import make_user
from tests.families.test_texts import OPTOUT, event_for

pytestmark = pytest.mark.django_db

RLO, ZWSP = "\u202e", "\u200b"


def unsafe_characters(text: str) -> list[str]:
    return [
        f"U+{ord(ch):04X}"
        for ch in text
        if is_invisible(ch) or (unicodedata.category(ch) == "Cc" and ch not in "\n\t")
    ]


@pytest.fixture
def tainted_case(staffed_case: MissingPerson, named_caseworker: User) -> MissingPerson:
    """Names stored before the rule, and a staff name set in the user admin."""
    MissingPerson.objects.filter(pk=staffed_case.pk).update(
        given_name=f"Ar{RLO}men\x1b", family_name=f"Petro{ZWSP}syan", name_native=f"Արմեն{RLO}"
    )
    User.objects.filter(pk=named_caseworker.pk).update(first_name=f"An{RLO}na\x07")
    StaffProfile.objects.filter(user=named_caseworker).update(phone=f"+374{RLO} 10 555123")
    return MissingPerson.objects.select_related("caseworker__staff_profile").get(pk=staffed_case.pk)


def tainted_event(case: MissingPerson, kind: str) -> CaseEvent:
    """An event of this kind whose words were stored before the rule."""
    if kind == DETENTION:
        return CaseEvent(
            case=case,
            kind=EventKind.DETENTION_EVENT,
            at=timezone.now(),
            family_visible=True,
            summary="test",
            data={"type": "transfer", "occurred_on": "2021-01-05", "place": f"Ba{RLO}ku\x1b"},
        )
    return event_for(case, kind, text=f"Call{RLO} us{ZWSP}\x00")


@pytest.mark.parametrize("language", MESSAGE_LANGUAGES)
@pytest.mark.parametrize("kind", MESSAGE_KINDS)
@pytest.mark.parametrize("channel", ["email", "sms", "webhook"])
def test_no_message_carries_an_invisible_or_control_character(
    tainted_case: MissingPerson, language: str, kind: str, channel: str
) -> None:
    event = tainted_event(tainted_case, kind)
    member = FamilyMember(pk=7, full_name="R", language=language, email="r@example.org")
    message = render_message(event=event, member=member, channel=channel, optout_link=OPTOUT)
    for part in (message.subject, message.body_text, message.body_html, message.sms_text):
        assert unsafe_characters(part) == []
    # The given name survives the cleaning, in the reader's script.
    assert {"en": "Armen", "hy": "Արմեն", "ru": "Армен"}[language] in message.sms_text


def test_the_portal_shows_no_invisible_character(
    tainted_case: MissingPerson, caseworker: User
) -> None:
    member = family_member_create(
        actor=caseworker,
        full_name="Anahit",
        links=[{"case": tainted_case, "relationship": "mother", "verified": True}],
    )
    relative = make_user("anahit.family", None)
    FamilyMember.objects.filter(pk=member.pk).update(user=relative)
    client: APIClient = token_client(relative)
    data = client.get(f"/api/family/cases/{tainted_case.case_number}/").json()
    assert data["caseworker"]["name"].startswith("Anna")
    for text in (data["name"], data["caseworker"]["name"], data["caseworker"]["phone"]):
        assert unsafe_characters(text) == []


def test_the_invitation_names_the_relative_as_shown(caseworker: User, mailoutbox: Any) -> None:
    from families.services import invitation_create

    member = family_member_create(
        actor=caseworker, full_name=f"Ana{RLO}hit{ZWSP}", email="a@example.org", language="en"
    )
    invitation_create(member=member, actor=caseworker)
    assert "Dear Anahit," in mailoutbox[0].body
