"""case_open and case_update: each writes its event and its history row."""

from __future__ import annotations

from datetime import date

import pytest

from cases import services
from cases.errors import InvalidInput, NotAllowed, StaleVersion
from cases.models import CaseEvent, EventKind, MissingPerson

pytestmark = pytest.mark.django_db


def test_opening_a_case_numbers_it_and_writes_its_event_and_history(caseworker) -> None:
    case = services.case_open(
        actor=caseworker,
        given_name="  Armen ",
        family_name="Hovhannisyan",
        service_number=" AM-1 ",
        last_seen_date=date(2020, 12, 11),
    )
    assert case.case_number == "MP-2020-00001"
    assert (case.status, case.version) == ("missing", 1)
    assert (case.given_name, case.service_number) == ("Armen", "AM-1")
    event = CaseEvent.objects.get(case=case)
    assert (event.kind, event.actor, event.family_visible) == (EventKind.OPENED, caseworker, False)
    history = list(case.history.all())
    assert len(history) == 1
    assert (history[0].history_type, history[0].history_user) == ("+", caseworker)


def test_case_numbers_count_up_within_the_year_last_seen(make_case) -> None:
    first, second = make_case(), make_case()
    other_year = make_case(last_seen_date=date(2021, 3, 1))
    assert [first.case_number, second.case_number, other_year.case_number] == [
        "MP-2020-00001",
        "MP-2020-00002",
        "MP-2021-00001",
    ]


def test_opening_refuses_unknown_fields_future_dates_and_outsiders(caseworker, outsider) -> None:
    with pytest.raises(InvalidInput) as err:
        services.case_open(actor=caseworker, given_name="A", family_name="B", status="detained")
    assert err.value.errors == {"status": ["This field cannot be changed here."]}
    with pytest.raises(InvalidInput) as err:
        services.case_open(
            actor=caseworker, given_name="A", family_name="B", date_of_birth=date(2999, 1, 1)
        )
    assert list(err.value.errors) == ["date_of_birth"]
    with pytest.raises(NotAllowed):
        services.case_open(actor=outsider, given_name="A", family_name="B")
    assert not MissingPerson.objects.exists()


def test_a_duplicate_service_number_is_invalid_input_naming_the_field(make_case) -> None:
    make_case(service_number="AM-42")
    with pytest.raises(InvalidInput) as err:
        make_case(service_number="AM-42")
    assert "service_number" in err.value.errors


def test_updating_a_case_bumps_its_version_and_writes_event_and_history(case, caseworker) -> None:
    updated = services.case_update(
        case=case, actor=caseworker, expected_version=1, rank="Sergeant", unit="Unit 3"
    )
    assert (updated.rank, updated.version) == ("Sergeant", 2)
    event = case.events.first()
    assert event.kind == EventKind.UPDATED
    assert event.data == {"fields": ["rank", "unit"]}
    latest, before = list(case.history.order_by("-history_id")[:2])
    assert (latest.history_type, latest.history_user, latest.rank) == ("~", caseworker, "Sergeant")
    assert (before.rank, before.version) == ("", 1)


def test_an_update_that_changes_nothing_writes_nothing(case, caseworker) -> None:
    same = services.case_update(
        case=case, actor=caseworker, expected_version=1, given_name=case.given_name
    )
    assert same.version == 1
    assert case.events.count() == 1
    assert case.history.count() == 1


def test_an_update_from_a_stale_version_is_refused_and_changes_nothing(case, caseworker) -> None:
    services.case_update(case=case, actor=caseworker, expected_version=1, rank="Sergeant")
    with pytest.raises(StaleVersion) as err:
        services.case_update(case=case, actor=caseworker, expected_version=1, rank="Private")
    assert (err.value.expected, err.value.actual) == (1, 2)
    assert MissingPerson.objects.get(pk=case.pk).rank == "Sergeant"
    assert case.events.filter(kind=EventKind.UPDATED).count() == 1


def test_status_cannot_be_changed_by_an_update(case, caseworker) -> None:
    with pytest.raises(InvalidInput) as err:
        services.case_update(case=case, actor=caseworker, expected_version=1, status="repatriated")
    assert list(err.value.errors) == ["status"]
