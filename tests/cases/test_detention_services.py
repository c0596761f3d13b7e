"""Detention events: typed, dated, sourced, each on the timeline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from cases import services
from cases.errors import InvalidInput, NotAllowed
from cases.models import CaseEvent, DetentionEvent, EventKind


def test_a_transfer_is_recorded_and_appended_to_the_timeline(case, caseworker):
    event = services.detention_event_add(
        case=case,
        actor=caseworker,
        type="transfer",
        occurred_on=date(2021, 1, 5),
        source="icrc",
        place="Baku, pre-trial detention centre",
        prisoner_number="P-117",
        share_with_family=True,
    )
    timeline = CaseEvent.objects.filter(case=case, kind=EventKind.DETENTION_EVENT).get()
    assert timeline.data["detention_event_id"] == event.pk
    assert timeline.data["place"] == "Baku, pre-trial detention centre"
    assert "prisoner_number" not in timeline.data
    assert timeline.family_visible is True
    assert event.recorded_by == caseworker


def test_death_particulars_stay_off_the_timeline_data(case, caseworker):
    services.detention_event_add(
        case=case,
        actor=caseworker,
        type="death",
        occurred_on=date(2021, 2, 1),
        source="detaining_power",
        place="Military hospital",
        cause_of_death="wounds",
        certificate_reference="DC-9",
        place_of_burial="Cemetery 3, row 2",
        grave_marked=True,
        grave_findable=True,
        personal_effects="watch, letter",
    )
    timeline = CaseEvent.objects.get(case=case, kind=EventKind.DETENTION_EVENT)
    assert timeline.family_visible is False
    assert set(timeline.data) == {"detention_event_id", "type", "occurred_on", "source"}


@pytest.mark.parametrize("kind", ["death", "escape"])
def test_a_death_or_an_escape_cannot_be_shared_with_the_family(case, caseworker, kind):
    with pytest.raises(InvalidInput) as exc:
        services.detention_event_add(
            case=case,
            actor=caseworker,
            type=kind,
            occurred_on=date(2021, 2, 1),
            source="icrc",
            share_with_family=True,
        )
    assert "share_with_family" in exc.value.errors
    assert not DetentionEvent.objects.exists()


def test_a_field_the_type_does_not_carry_is_refused_naming_it(case, caseworker):
    with pytest.raises(InvalidInput) as exc:
        services.detention_event_add(
            case=case,
            actor=caseworker,
            type="icrc_visit",
            occurred_on=date(2021, 2, 1),
            source="icrc",
            cause_of_death="x",
        )
    assert list(exc.value.errors) == ["cause_of_death"]


def test_each_type_requires_what_it_is_about(case, caseworker):
    with pytest.raises(InvalidInput) as exc:
        services.detention_event_add(
            case=case, actor=caseworker, type="health", occurred_on=date(2021, 2, 1), source="icrc"
        )
    assert list(exc.value.errors) == ["health"]
    with pytest.raises(InvalidInput) as exc:
        services.detention_event_add(
            case=case,
            actor=caseworker,
            type="transfer",
            occurred_on=date(2021, 2, 1),
            source="icrc",
        )
    assert list(exc.value.errors) == ["place"]


def test_an_unknown_type_and_a_future_date_are_refused(case, caseworker):
    with pytest.raises(InvalidInput) as exc:
        services.detention_event_add(
            case=case, actor=caseworker, type="parole", occurred_on=date(2021, 2, 1), source="icrc"
        )
    assert list(exc.value.errors) == ["type"]
    with pytest.raises(InvalidInput) as exc:
        services.detention_event_add(
            case=case,
            actor=caseworker,
            type="icrc_visit",
            occurred_on=timezone.localdate() + timedelta(days=1),
            source="icrc",
        )
    assert list(exc.value.errors) == ["occurred_on"]


def test_a_shared_event_on_a_case_standing_at_a_death_is_not_told(case, caseworker, supervisor):
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    services.transition_confirm(transition_id=pending.pk, actor=supervisor)
    services.detention_event_add(
        case=case,
        actor=caseworker,
        type="icrc_visit",
        occurred_on=date(2021, 2, 1),
        source="icrc",
        share_with_family=True,
    )
    assert CaseEvent.objects.get(case=case, kind=EventKind.DETENTION_EVENT).family_visible is False


def test_only_staff_record_detention_events(case, outsider):
    with pytest.raises(NotAllowed):
        services.detention_event_add(
            case=case,
            actor=outsider,
            type="icrc_visit",
            occurred_on=date(2021, 2, 1),
            source="icrc",
        )


@pytest.mark.parametrize(
    "fields",
    [
        {"type": "health", "health": "seriously_wounded"},
        {"type": "transfer", "place": "Բաքու, հիվանդանոց"},
    ],
)
def test_a_shared_event_while_a_death_waits_for_a_supervisor_is_not_told(case, caseworker, fields):
    services.case_transition(case=case, actor=caseworker, to_status="deceased")
    services.detention_event_add(
        case=case,
        actor=caseworker,
        occurred_on=date(2021, 2, 1),
        source="icrc",
        share_with_family=True,
        **fields,
    )
    assert CaseEvent.objects.get(case=case, kind=EventKind.DETENTION_EVENT).family_visible is False
