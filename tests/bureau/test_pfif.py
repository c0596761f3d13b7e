"""PFIF 1.4 export: valid against the schema written from the specification,
only public cases, the status -> note status mapping, the audit, the command."""

from __future__ import annotations

import hashlib
from io import StringIO
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema
from django.core.management import call_command
from django.core.management.base import CommandError

from cases import services
from cases.bureau.models import ExportRecord

XSD = Path(__file__).resolve().parents[2] / "cases" / "bureau" / "pfif-1.4.xsd"
NS = {"pfif": "http://zesty.ca/pfif/1.4"}


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD))


def _public(case, caseworker):
    return services.case_update(
        case=case, actor=caseworker, expected_version=None, pfif_public=True
    )


def _persons(content: bytes) -> list[ET.Element]:
    return ET.fromstring(content).findall("pfif:person", NS)


def _field(element: ET.Element, name: str) -> str | None:
    found = element.find(f"pfif:{name}", NS)
    return found.text if found is not None else None


def test_the_export_is_valid_pfif_1_4(sup, prisoner, caseworker, schema, settings):
    settings.PFIF_DOMAIN = "bureau.example.am"
    _public(prisoner, caseworker)
    services.case_transition(case=prisoner, actor=caseworker, to_status="detained")
    response = sup.get("/api/pfif/")
    assert response.status_code == 200
    schema.validate(response.content.decode("utf-8"))
    (person,) = _persons(response.content)
    assert _field(person, "person_record_id") == f"bureau.example.am/{prisoner.case_number}"
    assert _field(person, "alternate_names") == "Արմեն Կարենի Հովհաննիսյան"
    assert (_field(person, "sex"), _field(person, "date_of_birth")) == ("male", "2001")
    notes = person.findall("pfif:note", NS)
    assert [_field(n, "status") for n in notes] == ["believed_alive"]


def test_the_schema_refuses_what_pfif_does_not_allow(schema):
    bad = (
        '<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person>'
        "<pfif:person_record_id>no-domain</pfif:person_record_id>"
        "<pfif:source_date>2021-01-01</pfif:source_date>"
        "<pfif:full_name>X</pfif:full_name></pfif:person></pfif:pfif>"
    )
    assert not schema.is_valid(bad)


def test_only_public_cases_leave_and_never_sources_places_or_notes(
    sup, prisoner, make_case, caseworker
):
    make_case(given_name="Private")
    _public(prisoner, caseworker)
    content = sup.get("/api/pfif/").content
    assert [_field(p, "given_name") for p in _persons(content)] == ["Արմեն"]
    text = content.decode("utf-8")
    for secret in ("P-117", "Բաքու", "icrc", "Գյումրի", "SN-"):
        assert secret not in text


def test_a_status_setting_makes_cases_public(sup, make_case, settings):
    settings.PFIF_PUBLIC_STATUSES = ["missing"]
    make_case(given_name="Listed")
    assert len(_persons(sup.get("/api/pfif/").content)) == 1


def test_a_death_leaves_only_once_the_family_was_told_in_person(
    sup, case, caseworker, supervisor, schema
):
    _public(case, caseworker)
    before = sup.get("/api/pfif/").content
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    services.transition_confirm(transition_id=pending.pk, actor=supervisor)
    # Until then he goes out as before the move (test_no_feed_reveals_an_untold_death.py).
    assert sup.get("/api/pfif/").content == before
    services.case_family_told(case=case, actor=caseworker)
    content = sup.get("/api/pfif/").content
    schema.validate(content.decode("utf-8"))
    (person,) = _persons(content)
    assert [_field(n, "status") for n in person.findall("pfif:note", NS)] == ["believed_dead"]


@pytest.mark.parametrize(
    ("status", "note_status"),
    [
        ("capture_reported", "believed_missing"),
        ("detained", "believed_alive"),
        ("found_alive", "believed_alive"),
        ("closed", None),
    ],
)
def test_each_status_maps_to_its_note_status(sup, case, caseworker, status, note_status):
    _public(case, caseworker)
    services.case_transition(case=case, actor=caseworker, to_status=status, note="reason")
    (person,) = _persons(sup.get("/api/pfif/").content)
    (note,) = person.findall("pfif:note", NS)
    assert _field(note, "status") == note_status


def test_a_case_put_on_an_exchange_list_has_its_note(sup, case, caseworker, supervisor):
    """Listing moves the case to release_scheduled by its own event kind
    (exchange_listed): a status change like any other, so a note."""
    _public(case, caseworker)
    services.case_transition(case=case, actor=caseworker, to_status="detained")
    exchange = services.exchange_plan(actor=supervisor, name="Via the ICRC")
    services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    (person,) = _persons(sup.get("/api/pfif/").content)
    texts = [_field(n, "text") for n in person.findall("pfif:note", NS)]
    assert texts == ["Confirmed in detention.", "On an agreed exchange list."]


def test_since_limits_the_feed_to_what_changed(sup, case, caseworker):
    _public(case, caseworker)
    assert len(_persons(sup.get("/api/pfif/?since=2000-01-01").content)) == 1
    assert _persons(sup.get("/api/pfif/?since=2999-01-01").content) == []
    response = sup.get("/api/pfif/?since=yesterday")
    assert response.status_code == 400
    assert "since" in response.json()


def test_each_export_is_sealed_in_the_audit(sup, supervisor, case, caseworker):
    _public(case, caseworker)
    response = sup.get("/api/pfif/?since=2000-01-01")
    record = ExportRecord.objects.get()
    assert (record.kind, record.actor, record.parameters["persons"]) == ("pfif", supervisor, 1)
    assert record.sha256 == hashlib.sha256(response.content).hexdigest()


def test_only_supervisors_read_the_feed(cw, fam, anon, db):
    assert cw.get("/api/pfif/").status_code == 403
    assert fam.get("/api/pfif/").status_code == 403
    assert anon.get("/api/pfif/").status_code == 401
    assert not ExportRecord.objects.exists()


def test_the_command_writes_the_same_feed_and_records_it(
    supervisor, case, caseworker, tmp_path, schema
):
    _public(case, caseworker)
    out = tmp_path / "feed.xml"
    call_command(
        "export_pfif", "--as", supervisor.username, "--output", str(out), stderr=StringIO()
    )
    schema.validate(out.read_text(encoding="utf-8"))
    record = ExportRecord.objects.get()
    assert record.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()


def test_the_command_refuses_a_caseworker(caseworker, db):
    with pytest.raises(CommandError):
        call_command("export_pfif", "--as", caseworker.username, stdout=StringIO())
    assert not ExportRecord.objects.exists()
