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
from django.utils import timezone

from cases import services
from cases.status import DEATH_STATUSES
from families.labels import status_label, status_meaning
from tests.bureau.conftest import confirm_death, record_death
from tests.bureau.outputs import FAMILY_OUTPUTS, OUTPUTS, World


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
