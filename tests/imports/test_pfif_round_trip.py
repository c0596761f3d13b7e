"""PFIF 1.4 round trip: our feed, read into an empty registry (every person
new), loses nothing PFIF carries; the same records again change nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import transaction

from cases import services
from cases.imports.models import ImportBatch
from cases.models import CaptureReport, CaseEvent, EventKind, MissingPerson
from tests.imports.lists import upload
from tests.imports.pfif_files import apply, decide_all, note, rows

pytestmark = pytest.mark.django_db
NS = "http://zesty.ca/pfif/1.4"


class _Forget(Exception):
    """Rolls the first registry back: what stays is its export."""


def _origin_registry(sup: Any, make_case: Any, caseworker: Any) -> tuple[bytes, list[dict]]:
    cases = [
        make_case(
            given_name="Արմեն", family_name="Հովհաննիսյան", name_native="Արմեն Կարենի Հովհաննիսյան",
            sex="male", date_of_birth=date(2001, 3, 14), pfif_public=True,
        ),
        make_case(given_name="Anna", family_name="Sargsyan", sex="female", pfif_public=True),
    ]  # fmt: skip
    services.case_transition(case=cases[0], actor=caseworker, to_status="capture_reported")
    services.case_transition(case=cases[0], actor=caseworker, to_status="detained")
    services.case_transition(case=cases[1], actor=caseworker, to_status="found_alive")
    content = sup.get("/api/pfif/").content
    return content, [_snapshot(MissingPerson.objects.get(pk=c.pk)) for c in cases]


def _snapshot(case: MissingPerson) -> dict[str, Any]:
    return {
        "record_id": f"origin.example.am/{case.case_number}",
        "given_name": case.given_name,
        "family_name": case.family_name,
        "name_native": case.name_native,
        "sex": case.sex,
        "birth_year": case.date_of_birth.year if case.date_of_birth else None,
    }


@pytest.fixture
def exported(sup: Any, make_case: Any, caseworker: Any, settings: Any) -> tuple[bytes, list]:
    settings.PFIF_DOMAIN = "origin.example.am"
    try:
        with transaction.atomic():
            result = _origin_registry(sup, make_case, caseworker)
            raise _Forget
    except _Forget:
        pass
    assert not MissingPerson.objects.exists()
    settings.PFIF_DOMAIN = "receiver.example.am"
    return result


def _import_all_new(sup: Any, content: bytes, name: str = "feed.xml") -> ImportBatch:
    response = upload(sup, content, name=name)
    assert response.status_code == 202, response.json()
    batch_id = response.json()["id"]
    decide_all(sup, batch_id, "new")
    return apply(sup, batch_id)


def _exported_notes(content: bytes) -> dict[str, dict[str, str]]:
    from xml.etree import ElementTree as ET

    notes = ET.fromstring(content).iter(f"{{{NS}}}note")
    return {
        n.findtext(f"{{{NS}}}note_record_id"): {c.tag.split("}")[1]: c.text for c in n}
        for n in notes
    }


def test_every_field_pfif_carries_survives_the_round_trip(sup: Any, exported: Any) -> None:
    content, originals = exported
    batch = _import_all_new(sup, content)
    assert (batch.status, batch.applied) == ("applied", 2)
    for original, row in zip(originals, rows(batch.pk), strict=True):
        case = row.applied_case
        assert case is not None
        assert case.given_name == original["given_name"]
        assert case.family_name == original["family_name"]
        assert case.name_native == original["name_native"]
        assert case.sex == original["sex"]
        report = CaptureReport.objects.get(pk=row.applied_object_id)
        assert report.source_detail.endswith(f"record {original['record_id']}")
        if original["birth_year"]:
            assert f"Year of birth as reported: {original['birth_year']}." in report.notes


def test_every_note_arrives_with_its_text_status_and_dates(sup: Any, exported: Any) -> None:
    content, _originals = exported
    sent = _exported_notes(content)
    _import_all_new(sup, content)
    events = CaseEvent.objects.filter(kind=EventKind.NOTE, data__pfif__isnull=False)
    arrived = {e.data["pfif"]["note_record_id"]: e.data["pfif"] for e in events}
    assert len(sent) == 3
    assert arrived == sent
    assert not any(e.family_visible for e in events)
    for event in events:
        assert sent[event.data["pfif"]["note_record_id"]]["text"] in event.data["text"]


def test_a_note_status_never_changes_the_case_status(sup: Any, exported: Any) -> None:
    content, _originals = exported
    _import_all_new(sup, content)
    assert set(MissingPerson.objects.values_list("status", flat=True)) == {"missing"}
    suggested = CaseEvent.objects.filter(kind=EventKind.NOTE).values_list(
        "data__suggests", flat=True
    )
    assert sorted(suggested) == ["detained", "found_alive", "missing"]


def test_the_same_file_twice_is_recognised(sup: Any, exported: Any) -> None:
    content, _originals = exported
    _import_all_new(sup, content)
    again = upload(sup, content, name="renamed.xml")
    assert again.status_code == 409
    assert "already uploaded" in again.json()["detail"]


def test_the_same_records_in_another_file_link_to_the_same_cases_and_add_only_new_notes(
    sup: Any, exported: Any
) -> None:
    content, _originals = exported
    first = _import_all_new(sup, content)
    extra = note(
        note_record_id="origin.example.am/note.later", status="believed_alive", text="Seen"
    )
    later = content.replace(b"</pfif:person>", extra.encode() + b"</pfif:person>", 1)
    second = _import_all_new(sup, later, name="later.xml")
    assert MissingPerson.objects.count() == 2
    assert CaptureReport.objects.count() == 2
    first_cases = [r.applied_case_id for r in rows(first.pk)]
    assert [r.applied_case_id for r in rows(second.pk)] == first_cases
    assert [r.outcome for r in rows(second.pk)] == ["matched", "matched"]
    assert CaseEvent.objects.filter(kind=EventKind.NOTE).count() == 4


def test_applying_twice_changes_nothing(sup: Any, exported: Any) -> None:
    content, _originals = exported
    batch = _import_all_new(sup, content)
    counts = (MissingPerson.objects.count(), CaseEvent.objects.count())
    apply(sup, batch.pk)
    assert (MissingPerson.objects.count(), CaseEvent.objects.count()) == counts
