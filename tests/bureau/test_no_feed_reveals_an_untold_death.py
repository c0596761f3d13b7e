"""A death both people confirmed, whose family has not yet been told in
person, changes nothing in the public PFIF feed: a mirror of the full feed,
or of `since` feeds, reads the person exactly as before the death move (the
status he stood at, the notes he had, the same entry_date). Once the family
is told, the feed carries the death and a `since` feed sends him again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from django.utils import timezone

from cases import services
from cases.bureau.selectors import pfif_notes, pfif_public_cases
from tests.bureau.conftest import confirm_death, record_death
from tests.bureau.outputs import PFIF_OUTPUTS, World

NS = {"pfif": "http://zesty.ca/pfif/1.4"}


def _feed(world: World, since: Any = None) -> list[tuple[str | None, list[str | None]]]:
    """Each person of the feed: his given name and his notes' statuses."""
    params = {"since": since.isoformat()} if since else {}
    root = ET.fromstring(world.sup.get("/api/pfif/", params).content)
    return [
        (
            person.findtext("pfif:given_name", namespaces=NS),
            [
                note.findtext("pfif:status", namespaces=NS)
                for note in person.findall("pfif:note", NS)
            ],
        )
        for person in root.findall("pfif:person", NS)
    ]


def death_confirmed(world: World, caseworker: Any, supervisor: Any) -> None:
    record_death(world.case, caseworker)
    confirm_death(world.case, caseworker, supervisor)


def remains_returned_too(world: World, caseworker: Any, supervisor: Any) -> None:
    """Then the remains come back before anyone reached the family."""
    death_confirmed(world, caseworker, supervisor)
    services.case_transition(case=world.case, actor=caseworker, to_status="remains_returned")


def record_edited_too(world: World, caseworker: Any, supervisor: Any) -> None:
    """Then a name is corrected: it goes out with the death, once told."""
    death_confirmed(world, caseworker, supervisor)
    services.case_update(
        case=world.case, actor=caseworker, expected_version=None, given_name="Արմենակ"
    )


STEPS: dict[str, Callable[[World, Any, Any], None]] = {
    "death_confirmed": death_confirmed,
    "remains_returned_too": remains_returned_too,
    "record_edited_too": record_edited_too,
}


@pytest.mark.parametrize("step", sorted(STEPS))
@pytest.mark.parametrize("output", sorted(PFIF_OUTPUTS))
def test_a_confirmed_death_not_yet_told_changes_no_feed(
    world, output, step, caseworker, supervisor
):
    read = PFIF_OUTPUTS[output]
    before = read(world)
    assert output == "pfif_since" or b"believed_alive" in before
    STEPS[step](world, caseworker, supervisor)
    assert read(world) == before


def test_once_the_family_is_told_the_feed_carries_the_death_and_sends_him_again(
    world, caseworker, supervisor
):
    death_confirmed(world, caseworker, supervisor)
    confirmed = timezone.now()
    assert _feed(world, since=confirmed) == []
    services.case_family_told(case=world.case, actor=caseworker)
    him = [("Արմեն", ["believed_alive", "believed_dead"])]
    assert _feed(world) == him
    assert _feed(world, since=world.since) == him
    assert _feed(world, since=confirmed) == him


def test_returned_remains_not_yet_told_leave_the_told_death_as_it_went_out(
    world, caseworker, supervisor
):
    death_confirmed(world, caseworker, supervisor)
    services.case_family_told(case=world.case, actor=caseworker)
    world.since = timezone.now()
    before = {name: read(world) for name, read in PFIF_OUTPUTS.items()}
    assert _feed(world) == [("Արմեն", ["believed_alive", "believed_dead"])]
    services.case_transition(case=world.case, actor=caseworker, to_status="remains_returned")
    assert {name: read(world) for name, read in PFIF_OUTPUTS.items()} == before
    services.case_family_told(case=world.case, actor=caseworker)
    told = [("Արմեն", ["believed_alive", "believed_dead", "believed_dead"])]
    assert _feed(world) == told
    assert _feed(world, since=world.since) == told


def test_a_case_public_by_its_status_goes_out_by_the_status_it_stood_at(
    world, caseworker, supervisor, settings
):
    """Public because detained (not flagged): still out, as detained, while
    the death is untold; out of the feed once told (deceased is not public)."""
    services.case_update(
        case=world.case, actor=caseworker, expected_version=None, pfif_public=False
    )
    settings.PFIF_PUBLIC_STATUSES = ["detained"]
    before = _feed(world)
    assert before == [("Արմեն", ["believed_alive"])]
    death_confirmed(world, caseworker, supervisor)
    assert _feed(world) == before
    services.case_family_told(case=world.case, actor=caseworker)
    assert _feed(world) == []


def test_a_case_public_only_once_dead_stays_out_until_the_family_is_told(
    world, caseworker, supervisor, settings
):
    services.case_update(
        case=world.case, actor=caseworker, expected_version=None, pfif_public=False
    )
    settings.PFIF_PUBLIC_STATUSES = ["deceased"]
    death_confirmed(world, caseworker, supervisor)
    assert _feed(world) == []
    services.case_family_told(case=world.case, actor=caseworker)
    assert _feed(world) == [("Արմեն", ["believed_alive", "believed_dead"])]


def test_the_feed_reads_untold_deaths_in_one_query_however_many(
    world, make_case, caseworker, supervisor, django_assert_num_queries
):
    """The live cases, the records from before untold deaths, the notes:
    three queries, none per case (a record's own values, no read-back)."""
    for name in ("Davit", "Gor"):
        other = make_case(given_name=name)
        services.case_update(case=other, actor=caseworker, expected_version=None, pfif_public=True)
        confirm_death(other, caseworker, supervisor)
    death_confirmed(world, caseworker, supervisor)
    with django_assert_num_queries(3):
        cases = pfif_public_cases()
        pfif_notes(cases)
    assert [case.given_name for case in cases] == ["Արմեն", "Davit", "Gor"]
