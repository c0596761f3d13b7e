"""PFIF from outside systems: unknown fields kept and ignored, another
record-id domain, top-level notes, a reported death never applied; bad XML
refused storing nothing; our own feed coming back adds nothing."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from cases import services
from cases.bureau.pfif import NOTE_TO_STATUS, STATUS_TO_NOTE
from cases.imports.models import ImportBatch
from cases.models import CaptureReport, CaseEvent, EventKind, MissingPerson
from tests.imports.lists import upload
from tests.imports.pfif_files import apply, decide_all, note, person, pfif, rows

pytestmark = pytest.mark.django_db

DEAD = note(
    note_record_id="personfinder.example.org/note.9",
    status="believed_dead",
    author_name="A neighbour",
    source_date="2021-01-02T10:00:00Z",
    text="Heard he died.",
)
FEED = pfif(
    person(
        DEAD,
        "<ext:blood_type>O+</ext:blood_type><pfif:favourite_song>Dle Yaman</pfif:favourite_song>",
        person_record_id="personfinder.example.org/p.1",
        full_name="Vahe Zakaryan",
        date_of_birth="1999-05",
        sex="other",
        age="21",
    ),
    loose=note(
        person_record_id="personfinder.example.org/p.1",
        note_record_id="personfinder.example.org/note.10",
        status="information_sought",
        text="Who has news?",
    ),
)


def _upload_ok(client: Any, content: bytes, **fields: Any) -> ImportBatch:
    response = upload(client, content, name="feed.dat", name_order="given_first", **fields)
    assert response.status_code == 202, response.json()
    return ImportBatch.objects.get(pk=response.json()["id"])


def test_an_outside_feed_keeps_its_unknown_fields_in_the_row_values(sup: Any) -> None:
    batch = _upload_ok(sup, FEED)
    assert batch.file_kind == "pfif"
    (row,) = sup.get(f"/api/imports/{batch.pk}/rows/").json()["results"]
    assert row["values"]["blood_type"] == "O+"
    assert row["values"]["favourite_song"] == "Dle Yaman"
    assert row["data"]["record_id"] == "personfinder.example.org/p.1"
    assert (row["data"]["family_name"], row["data"]["given_name"]) == ("Zakaryan", "Vahe")
    assert (row["data"]["birth_year"], row["data"]["sex"], row["state"]) == (1999, "", "new")
    assert [n["note_record_id"].split("/")[1] for n in row["data"]["notes"]] == [
        "note.9",
        "note.10",
    ]


def test_a_reported_death_is_a_staff_note_and_never_a_death(sup: Any) -> None:
    batch = _upload_ok(sup, FEED)
    decide_all(sup, batch.pk, "new")
    (row,) = rows(apply(sup, batch.pk).pk)
    case = MissingPerson.objects.get(pk=row.applied_case_id)
    assert case.status == "missing"
    death = CaseEvent.objects.get(case=case, kind=EventKind.NOTE, data__suggests="deceased")
    assert "NOT applied" in death.data["text"]
    assert not death.family_visible
    assert not CaseEvent.objects.filter(case=case, family_visible=True, kind=EventKind.NOTE)
    assert "Age as reported: 21." in CaptureReport.objects.get(case=case).notes


def test_a_record_matched_to_another_case_than_its_own_is_refused_on_applying(
    sup: Any, make_case: Any
) -> None:
    first = _upload_ok(sup, FEED)
    decide_all(sup, first.pk, "new")
    apply(sup, first.pk)
    other = make_case(given_name="Other")
    second = _upload_ok(sup, FEED.replace(b"Who has news?", b"Any news?"))
    (row,) = rows(second.pk)
    assert row.outcome == "matched"
    url = f"/api/imports/{second.pk}/rows/{row.pk}/"
    sup.patch(url, {"decision": {"action": "match", "case": other.pk}}, format="json")
    (row,) = rows(apply(sup, second.pk).pk)
    assert "belongs to case" in row.apply_error
    assert row.applied_at is None


def test_our_own_feed_coming_back_links_each_person_to_his_case_and_adds_nothing(
    sup: Any, make_case: Any, caseworker: Any
) -> None:
    case = make_case(given_name="Gor", family_name="Mkrtchyan", pfif_public=True)
    services.case_transition(case=case, actor=caseworker, to_status="detained")
    batch = _upload_ok(sup, sup.get("/api/pfif/").content)
    (row,) = rows(batch.pk)
    assert (row.outcome, row.candidates[0]["case"]) == ("matched", case.pk)
    events = CaseEvent.objects.count()
    sup.post(f"/api/imports/{batch.pk}/accept-matched/")
    (row,) = rows(apply(sup, batch.pk).pk)
    assert row.applied_case_id == case.pk
    assert (CaseEvent.objects.count(), CaptureReport.objects.count()) == (events, 0)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"<?xml version='1.0'?><pfif:pfif xmlns:pfif='http://zesty.ca/pfif/1.4'><pfif:person>",
         "cannot be read"),
        (b"<html><body>not a feed</body></html>", "not PFIF"),
        (b'<pfif xmlns="http://example.org/other"/>', "not PFIF"),
        (b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><pfif:pfif '
         b'xmlns:pfif="http://zesty.ca/pfif/1.4">&a;</pfif:pfif>', "DTD"),
        (b'<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"></pfif:pfif>', "no <person>"),
    ],
)  # fmt: skip
def test_xml_that_is_not_a_pfif_feed_is_a_400_storing_nothing(
    sup: Any, content: bytes, says: str
) -> None:
    response = upload(sup, content, name="feed.xml")
    assert response.status_code == 400
    assert says in response.json()["file"][0]
    assert not ImportBatch.objects.exists()


def test_a_person_without_a_record_id_is_an_error_row(sup: Any) -> None:
    batch = _upload_ok(sup, pfif(person(full_name="Vahe Zakaryan")))
    (row,) = rows(batch.pk)
    assert (row.state, "person_record_id" in row.error) == ("error", True)


def test_a_pfif_file_is_not_an_exchange_list(sup: Any, make_case: Any) -> None:
    response = upload(sup, FEED, name="feed.xml", purpose="exchange_listing", exchange="1")
    assert response.status_code == 400


@pytest.mark.parametrize("client", ["cw", "fam", "anon"])
def test_only_supervisors_import_pfif(client: str, request: Any) -> None:
    response = upload(request.getfixturevalue(client), FEED, name="feed.xml")
    assert response.status_code in (401, 403)
    assert not ImportBatch.objects.exists()


def test_import_list_reads_a_pfif_file(tmp_path: Path, supervisor: Any) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(FEED)
    call_command(
        "import_list", str(path), "--source", "other", "--purpose", "capture_report",
        "--reported-on", "2021-01-05", stdout=StringIO(),
    )  # fmt: skip
    batch = ImportBatch.objects.get()
    assert (batch.file_kind, batch.status, batch.new) == ("pfif", "review", 1)


@pytest.mark.parametrize("note_status", sorted(NOTE_TO_STATUS))
def test_the_way_back_agrees_with_the_export(note_status: str) -> None:
    for suggested in {s for s in NOTE_TO_STATUS[note_status] if s}:
        if note_status not in ("is_note_author", "information_sought"):
            assert STATUS_TO_NOTE[suggested][0] == note_status


def test_unknown_fields_past_the_column_limit_are_not_kept(sup: Any, settings: Any) -> None:
    settings.IMPORT_MAX_COLUMNS = 4
    many = "".join(f"<ext:f{i}>x</ext:f{i}>" for i in range(50))
    batch = _upload_ok(sup, pfif(person(many, person_record_id="x.org/1", full_name="A B")))
    assert batch.header == ["person_record_id", "full_name", "f0", "notes"]


def test_a_record_of_our_domain_naming_no_case_of_ours_is_linked_like_any_other(
    sup: Any, settings: Any
) -> None:
    settings.PFIF_DOMAIN = "bureau.example.am"
    feed = pfif(person(person_record_id="bureau.example.am/2099-99999", full_name="Vahe Zakaryan"))
    for name in ("a.xml", "b.xml"):
        batch = _upload_ok(sup, feed + f"<!-- {name} -->".encode())
        decide_all(sup, batch.pk, "new")
        apply(sup, batch.pk)
    assert MissingPerson.objects.count() == 1
    assert CaptureReport.objects.count() == 1
