"""Which detention events reach a family, and in what words."""

from __future__ import annotations

from datetime import date

import pytest

from cases import services as case_services
from families import selectors
from families.models import Notification

EXTRA = {
    "transfer": {"place": "Baku, detention centre 2", "prisoner_number": "P-117"},
    "hospital_admission": {"place": "Central military hospital", "health": "sick"},
    "health": {"health": "seriously_wounded"},
    "icrc_visit": {"place": "Baku"},
    "escape": {"place": "somewhere"},
    "release": {},
    "death": {"cause_of_death": "wounds", "place_of_burial": "Cemetery 3"},
}
TOLD = {
    "transfer": "On 05.01.2021 your relative was moved to another place of detention: "
    "Baku, detention centre 2.",
    "hospital_admission": "On 05.01.2021 your relative was admitted to hospital: "
    "Central military hospital.",
    "health": "News of your relative's health, given on 05.01.2021: seriously wounded.",
    "icrc_visit": "On 05.01.2021 the ICRC visited your relative.",
    "release": "On 05.01.2021 your relative was released.",
}


def _record(case, actor, kind, *, share):
    return case_services.detention_event_add(
        case=case,
        actor=actor,
        type=kind,
        occurred_on=date(2021, 1, 5),
        source="detaining_power",
        source_detail="Letter no. 44 of the detaining power",
        notes="staff only: the guard's name",
        share_with_family=share,
        **EXTRA[kind],
    )


def _dispatch(case):
    for event_id in case.events.filter(dispatched=False).values_list("id", flat=True):
        case_services.event_dispatch(event_id=event_id)


def _updates(member, case):
    """The updates of one case as the portal and the API read them."""
    (view,) = selectors.family_case_views(
        member, [selectors.family_case_or_404(member, case.case_number)]
    )
    return [u.message for u in view.updates]


@pytest.mark.parametrize("kind", sorted(TOLD))
def test_a_shared_event_of_a_told_type_reaches_the_family_in_plain_words(
    make_member, case, caseworker, kind
):
    relative = make_member(case, language="en")
    _record(case, caseworker, kind, share=True)
    assert _updates(relative, case) == [TOLD[kind]]


@pytest.mark.parametrize("kind", sorted(TOLD))
def test_an_unshared_event_never_reaches_the_family(make_member, case, caseworker, kind):
    relative = make_member(case, language="en")
    _record(case, caseworker, kind, share=False)
    assert _updates(relative, case) == []


@pytest.mark.parametrize("kind", ["death", "escape"])
def test_death_and_escape_never_reach_the_family_even_if_flagged(
    make_member, case, caseworker, kind
):
    relative = make_member(case, language="en")
    _record(case, caseworker, kind, share=False)
    # Even an event flagged family-visible by a mistake elsewhere stays out.
    case.events.filter(kind="detention_event").update(family_visible=True)
    assert _updates(relative, case) == []


def test_the_family_never_reads_the_source_the_prisoner_number_or_notes(
    make_member, case, caseworker
):
    relative = make_member(case, language="en")
    _record(case, caseworker, "transfer", share=True)
    text = " ".join(_updates(relative, case))
    for secret in ("P-117", "Letter no. 44", "guard", "detaining"):
        assert secret not in text


def test_a_shared_transfer_is_sent_to_the_family_as_a_message(make_relative, case, caseworker):
    relative = make_relative(case, language="en")
    _record(case, caseworker, "transfer", share=True)
    _dispatch(case)
    message = Notification.objects.get(member=relative)
    assert "moved to another place of detention" in message.body_text
    assert "P-117" not in message.body_text


@pytest.mark.parametrize("kind", ["death", "escape"])
def test_death_and_escape_make_no_message(make_relative, case, caseworker, kind):
    relative = make_relative(case, language="en")
    _record(case, caseworker, kind, share=False)
    case.events.filter(kind="detention_event").update(family_visible=True)
    _dispatch(case)
    assert not Notification.objects.filter(member=relative).exists()
