"""The services clean every text they write with the one rule of
cases.plaintext, so the admin, the imports and the commands store what the
API stores."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User

from cases import services
from cases.errors import InvalidInput
from cases.models import CaseEvent, EventKind, MissingPerson
from cases.services.staff import staff_phone_set

pytestmark = pytest.mark.django_db

RLO, ZWSP = "\u202e", "\u200b"


def test_opening_a_case_stores_names_and_places_as_they_show(caseworker: User) -> None:
    case = services.case_open(
        actor=caseworker,
        given_name=f"Ar{RLO}men",
        family_name=f"Petro{ZWSP}syan",
        patronymic="Ка\u0301рен",
        name_native=f"Պետրոսյան{ZWSP} Արմեն",
        place_of_birth=f"Step{RLO}anakert",
        last_seen_place=f"Hin{ZWSP}  Tagher",
        circumstances=f"Seen{RLO} at the\r\npost.",
        service_number=f"  AM{ZWSP}0100  ",
    )
    case.refresh_from_db()
    assert (case.given_name, case.family_name) == ("Armen", "Petrosyan")
    assert case.patronymic == "Ка́рен"  # NFC: one precomposed character where one exists
    assert case.name_native == "Պետրոսյան Արմեն"
    assert (case.place_of_birth, case.last_seen_place) == ("Stepanakert", "Hin Tagher")
    assert case.circumstances == "Seen at the\npost."
    assert case.service_number == "AM0100"


def test_a_control_character_in_a_case_is_refused_naming_each_field(caseworker: User) -> None:
    with pytest.raises(InvalidInput) as refused:
        services.case_open(actor=caseworker, given_name="Ar\x00men", family_name="P\x1bx")
    assert set(refused.value.errors) == {"given_name", "family_name"}
    assert MissingPerson.objects.count() == 0


def test_an_update_that_only_adds_invisible_characters_changes_nothing(
    caseworker: User, case: MissingPerson
) -> None:
    events = CaseEvent.objects.filter(case=case).count()
    updated = services.case_update(
        case=case,
        actor=caseworker,
        expected_version=case.version,
        family_name=f"{case.family_name}{ZWSP}",
    )
    assert updated.version == case.version
    assert CaseEvent.objects.filter(case=case).count() == events


def test_a_capture_report_is_cleaned(caseworker: User, case: MissingPerson) -> None:
    report = services.capture_report_add(
        actor=caseworker,
        case=case,
        source="icrc",
        reported_on=date(2020, 12, 20),
        name_as_reported=f"Armen{RLO} Petrosyan",
        place_of_detention=f"Ba{ZWSP}ku",
        notes=f"Seen\u2028on video{RLO}.",
    )
    report.refresh_from_db()
    assert report.name_as_reported == "Armen Petrosyan"
    assert report.place_of_detention == "Baku"
    assert report.notes == "Seen\non video."
    services.capture_report_update(report=report, actor=caseworker, health=f"Go{ZWSP}od")
    report.refresh_from_db()
    assert report.health == "Good"


def test_an_exchange_is_cleaned(supervisor: User) -> None:
    exchange = services.exchange_plan(
        actor=supervisor, name=f"All{RLO} for all", place="Gor\u200bis"
    )
    assert (exchange.name, exchange.place) == ("All for all", "Goris")
    exchange = services.exchange_update(exchange=exchange, actor=supervisor, mediator=f"ICRC{ZWSP}")
    exchange.refresh_from_db()
    assert exchange.mediator == "ICRC"


def test_a_note_and_a_transition_note_are_cleaned(caseworker: User, case: MissingPerson) -> None:
    services.case_note_add(case=case, actor=caseworker, text=f"Call{RLO} us", family_visible=True)
    assert CaseEvent.objects.get(case=case, kind=EventKind.NOTE).data["text"] == "Call us"
    with pytest.raises(InvalidInput) as refused:
        services.case_transition(case=case, actor=caseworker, to_status="closed", note="\x1b")
    assert set(refused.value.errors) == {"note"}


def test_a_caseworkers_phone_is_cleaned(supervisor: User, caseworker: User) -> None:
    profile = staff_phone_set(user=caseworker, actor=supervisor, phone=f"+374{ZWSP} 10{RLO} 555")
    assert profile.phone == "+374 10 555"


def test_the_admin_stores_the_same_as_the_api(caseworker: User, client: Any) -> None:
    caseworker.is_staff = True
    caseworker.save()
    client.force_login(caseworker)
    response = client.post(
        "/admin/cases/missingperson/add/",
        {"given_name": f"Ar{RLO}men", "family_name": f"Petro{ZWSP}syan"},
    )
    assert response.status_code == 302, response.content
    case = MissingPerson.objects.get()
    assert (case.given_name, case.family_name) == ("Armen", "Petrosyan")


def test_a_detention_place_the_family_reads_is_cleaned(
    caseworker: User, case: MissingPerson
) -> None:
    event = services.detention_event_add(
        case=case,
        actor=caseworker,
        type="transfer",
        occurred_on=date(2021, 1, 5),
        source="icrc",
        place=f"Ba{RLO}ku{ZWSP}",
        share_with_family=True,
    )
    assert event.place == "Baku"
    timeline = CaseEvent.objects.get(case=case, kind=EventKind.DETENTION_EVENT)
    assert timeline.data["place"] == "Baku"
    with pytest.raises(InvalidInput) as refused:
        services.detention_event_add(
            case=case,
            actor=caseworker,
            type="transfer",
            occurred_on=date(2021, 1, 6),
            source="icrc",
            place="Ba\x1bku",
        )
    assert set(refused.value.errors) == {"place"}
