"""The bureau's list for the ICRC: persons and events since a date, as CSV
and XLSX, documented in English and Armenian, sealed in the audit."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cases import services
from cases.bureau.bureau_list import COLUMNS
from cases.bureau.models import ExportRecord
from cases.models import MissingPerson
from tests.bureau.conftest import confirm_death, record_death

DOC = Path(__file__).resolve().parents[2] / "docs" / "bureau-list.md"


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_csv_has_a_row_per_event_with_the_persons_record(sup, prisoner):
    response = sup.get("/api/exports/bureau-list/?since=2000-01-01&type=csv")
    assert response.status_code == 200
    rows = _csv_rows(response.content)
    assert [r["event_type"] for r in rows] == ["transfer", "health"]
    transfer = rows[0]
    assert transfer["family_name"] == "Հովհաննիսյան"
    assert transfer["father_first_name"] == "Կարեն"
    assert transfer["mother_maiden_name"] == "Սարգսյան"
    assert transfer["legal_status"] == "prisoner_of_war"
    assert transfer["prisoner_number"] == "P-117"
    assert transfer["event_date"] == "2021-01-05"


def test_a_person_changed_with_no_event_is_one_row(sup, make_case):
    make_case(given_name="Davit")
    (row,) = _csv_rows(sup.get("/api/exports/bureau-list/?since=2000-01-01").content)
    assert (row["given_name"], row["event_type"]) == ("Davit", "")


def test_nothing_since_a_later_date(sup, prisoner):
    assert _csv_rows(sup.get("/api/exports/bureau-list/?since=2999-01-01").content) == []


def test_the_xlsx_has_the_same_rows_and_a_sheet_explaining_the_columns(sup, prisoner):
    response = sup.get("/api/exports/bureau-list/?since=2000-01-01&type=xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Bureau list"]
    header = [c.value for c in sheet[1]]
    assert header == [c.key for c in COLUMNS]
    assert [sheet.cell(row=r, column=header.index("event_type") + 1).value for r in (2, 3)] == [
        "transfer",
        "health",
    ]
    legend = {row[0].value: row[2].value for row in book["Columns"].iter_rows(min_row=2)}
    assert legend["mother_maiden_name"] == "Մոր օրիորդական ազգանունը"


def test_a_value_that_looks_like_a_formula_stays_text(sup, make_case):
    make_case(given_name='=HYPERLINK("http://x")')
    csv_row = _csv_rows(sup.get("/api/exports/bureau-list/?since=2000-01-01").content)[0]
    assert csv_row["given_name"].startswith("'=")
    book = load_workbook(
        io.BytesIO(sup.get("/api/exports/bureau-list/?since=2000-01-01&type=xlsx").content)
    )
    cell = book["Bureau list"].cell(row=2, column=3)
    assert cell.data_type == "s"


def test_a_control_character_stored_before_the_text_rule_is_left_out_of_the_sheet(sup, make_case):
    case = make_case(given_name="Davit")
    MissingPerson.objects.filter(pk=case.pk).update(given_name="Da\x07vit\x1b")
    response = sup.get("/api/exports/bureau-list/?since=2000-01-01&type=xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book["Bureau list"].cell(row=2, column=3).value == "Davit"


def test_every_list_is_sealed_in_the_audit(sup, supervisor, prisoner):
    response = sup.get("/api/exports/bureau-list/?since=2021-01-01&type=xlsx")
    record = ExportRecord.objects.get()
    assert (record.kind, record.actor) == ("bureau_list_xlsx", supervisor)
    assert record.parameters["rows"] == 2
    assert record.parameters["since"].startswith("2021-01-01T00:00:00")
    assert record.sha256 == hashlib.sha256(response.content).hexdigest()
    listed = sup.get("/api/exports/").json()["results"]
    assert [(r["kind"], r["sha256"]) for r in listed] == [("bureau_list_xlsx", record.sha256)]


@pytest.mark.parametrize(
    ("query", "field"),
    [("", "since"), ("?since=31.12.2020", "since"), ("?since=2021-01-01&type=pdf", "type")],
)
def test_bad_parameters_are_a_400_naming_them(sup, db, query, field):
    response = sup.get(f"/api/exports/bureau-list/{query}")
    assert response.status_code == 400
    assert field in response.json()
    assert not ExportRecord.objects.exists()


def test_only_supervisors_get_the_list_and_the_audit(cw, fam, anon, db):
    for url in ("/api/exports/bureau-list/?since=2021-01-01", "/api/exports/"):
        assert cw.get(url).status_code == 403
        assert fam.get(url).status_code == 403
        assert anon.get(url).status_code == 401


def test_the_columns_are_documented_in_english_and_armenian():
    doc = DOC.read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column.key}` | {column.en} | {column.hy} |" in doc, column.key


def test_a_since_date_counts_from_its_local_midnight(sup, prisoner, caseworker):
    services.detention_event_add(
        case=prisoner,
        actor=caseworker,
        type="icrc_visit",
        occurred_on=date(2021, 2, 1),
        source="icrc",
    )
    rows = _csv_rows(sup.get("/api/exports/bureau-list/?since=2000-01-01").content)
    assert len(rows) == 3


def test_an_unconfirmed_death_event_does_not_go_out_in_the_list(sup, prisoner, caseworker):
    record_death(prisoner, caseworker)
    rows = _csv_rows(sup.get("/api/exports/bureau-list/?since=2000-01-01").content)
    assert [r["event_type"] for r in rows] == ["transfer", "health"]
    assert not any(r["cause_of_death"] for r in rows)


def test_a_death_event_waiting_for_a_supervisor_does_not_go_out(sup, prisoner, caseworker):
    record_death(prisoner, caseworker)
    services.case_transition(case=prisoner, actor=caseworker, to_status="deceased")
    content = sup.get("/api/exports/bureau-list/?since=2000-01-01").content
    assert "Վերքեր" not in content.decode("utf-8-sig")


def test_a_confirmed_death_goes_out_with_its_particulars(sup, prisoner, caseworker, supervisor):
    record_death(prisoner, caseworker)
    confirm_death(prisoner, caseworker, supervisor)
    rows = _csv_rows(sup.get("/api/exports/bureau-list/?since=2000-01-01").content)
    (death,) = [r for r in rows if r["event_type"] == "death"]
    assert death["cause_of_death"] == "Վերքեր / wounds"
