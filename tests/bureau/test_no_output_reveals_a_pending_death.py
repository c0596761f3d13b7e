"""No output that leaves the staff side says anything of a death a second
person has not confirmed, and none a family reads says anything of a death
before they were told in person.

Each output (tests/bureau/outputs.py) is read before and after a death is
recorded and its move asked for: a pending move must leave every output as
it was, full feeds and incremental ones alike (a person sent again "since"
the request, with nothing new, is the hint itself).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from cases import services
from cases.status import DEATH_STATUSES
from families.labels import status_label, status_meaning
from families.models import FamilyMember
from families.services import family_member_create
from tests.bureau.conftest import confirm_death, record_death
from tests.bureau.outputs import (
    FAMILY_OUTPUTS,
    OUTPUTS,
    World,
    dispatch_everything,
)
from tests.conftest import make_user


@pytest.fixture
def world(prisoner, caseworker, supervisor, sup, cw, tmp_path, as_user) -> World:
    """The prisoner, public in the PFIF feed, confirmed detained (the family
    was told), with a note shared with his mother and her enquiry; then
    `since` is taken."""
    services.case_update(case=prisoner, actor=caseworker, expected_version=None, pfif_public=True)
    services.case_transition(case=prisoner, actor=caseworker, to_status="detained")
    member = family_member_create(
        actor=caseworker,
        full_name="Anahit Hovhannisyan",
        email="anahit@example.org",
        phone="+37491000001",
        language="hy",
        channels=["email", "sms", "webhook"],
        webhook_url="https://hooks.example.org/family",
        webhook_secret="s3cret-for-tests",
        links=[{"case": prisoner, "relationship": "mother", "verified": True}],
    )
    user = make_user("anahit.family", None)
    FamilyMember.objects.filter(pk=member.pk).update(user=user)
    services.case_note_add(
        case=prisoner, actor=caseworker, text="We asked the ICRC to visit.", family_visible=True
    )
    dispatch_everything()  # the messages of the setup are made (and delivered or not)
    fam = as_user(user)
    enquiry = {"case_number": prisoner.case_number, "text": "Is there any news of my son?"}
    assert fam.post("/api/family/enquiries/", enquiry, format="json").status_code == 201
    portal = Client()
    portal.force_login(user)
    return World(
        case=prisoner,
        member=FamilyMember.objects.get(pk=member.pk),
        supervisor_username=supervisor.username,
        sup=sup,
        cw=cw,
        fam=fam,
        portal=portal,
        since=timezone.now(),
        tmp_path=tmp_path,
    )


def death_asked(world: World, caseworker: Any, supervisor: Any) -> None:
    """The detaining power's notice recorded, and the move to deceased asked
    for: it waits for a supervisor."""
    record_death(world.case, caseworker)
    services.case_transition(case=world.case, actor=caseworker, to_status="deceased")


def death_asked_and_rejected(world: World, caseworker: Any, supervisor: Any) -> None:
    record_death(world.case, caseworker)
    outcome = services.case_transition(case=world.case, actor=caseworker, to_status="deceased")
    services.transition_reject(transition_id=outcome.pending.pk, actor=supervisor)


STEPS: dict[str, Callable[[World, Any, Any], None]] = {
    "asked": death_asked,
    "asked_and_rejected": death_asked_and_rejected,
}


@pytest.mark.parametrize("step", sorted(STEPS))
@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_a_death_waiting_for_a_supervisor_changes_no_output(
    world, output, step, caseworker, supervisor
):
    read = OUTPUTS[output]
    before = read(world)
    STEPS[step](world, caseworker, supervisor)
    assert read(world) == before


@pytest.mark.parametrize("output", sorted(FAMILY_OUTPUTS))
def test_news_shared_while_a_death_waits_reaches_no_family_output(
    world, output, caseworker, supervisor
):
    read = FAMILY_OUTPUTS[output]
    before = read(world)
    death_asked(world, caseworker, supervisor)
    services.detention_event_add(
        case=world.case,
        actor=caseworker,
        type="health",
        occurred_on=date(2021, 2, 2),
        source="icrc",
        health="seriously_wounded",
        share_with_family=True,
    )
    services.capture_report_add(
        actor=caseworker,
        case=world.case,
        source="icrc",
        reported_on=date(2021, 2, 3),
        name_as_reported="Armen Hovhannisyan",
        verification="confirmed",
        share_with_family=True,
    )
    assert read(world) == before


def _death_words() -> set[str]:
    """What would name the death: its statuses, their words for families in
    every language, and the particulars record_death writes."""
    words = {"deceased", "remains_returned", "believed_dead", "Death confirmed"}
    words |= {"Զինվորական հոսպիտալ", "Վերքեր", "DC-2021-9", "Գերեզմանատուն", "ժամացույց"}
    for language in ("hy", "ru", "en"):
        for status in DEATH_STATUSES:
            words.add(status_label(status, language, "male"))
            words.update(status_meaning(status, language, "male"))
    return {word.casefold() for word in words}


def _as_text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


@pytest.mark.parametrize("output", sorted(FAMILY_OUTPUTS))
def test_a_confirmed_death_reaches_no_family_output_before_they_are_told_in_person(
    world, output, caseworker, supervisor
):
    record_death(world.case, caseworker)
    confirm_death(world.case, caseworker, supervisor)
    text = _as_text(FAMILY_OUTPUTS[output](world)).casefold()
    assert [word for word in _death_words() if word in text] == []


@pytest.mark.parametrize("output", sorted(FAMILY_OUTPUTS))
def test_a_reopening_of_a_told_death_asked_for_changes_no_family_output(
    world, output, caseworker, supervisor
):
    """Asking to reopen a death (a wrong identification) is a sensitive move
    too: until a second person confirms it, the family and the public feed
    read what they read (the PFIF feed still says believed_dead)."""
    record_death(world.case, caseworker)
    confirm_death(world.case, caseworker, supervisor)
    services.case_family_told(case=world.case, actor=caseworker)
    world.since = timezone.now()
    read = FAMILY_OUTPUTS[output]
    before = read(world)
    assert output != "pfif" or b"believed_dead" in before
    services.case_transition(case=world.case, actor=caseworker, to_status="missing")
    assert read(world) == before
