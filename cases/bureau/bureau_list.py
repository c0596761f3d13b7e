"""The bureau's list for the ICRC's Central Tracing Agency: the persons and
the detention events recorded since a date, as CSV or XLSX.

COLUMNS is the one list of the columns, with their meaning in English and
Armenian; the XLSX carries it on a second sheet and docs/bureau-list.md
prints it (tests hold the two to each other).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from cases.models import DetentionEvent, MissingPerson


@dataclass(frozen=True)
class Row:
    case: MissingPerson
    event: DetentionEvent | None


@dataclass(frozen=True)
class Column:
    key: str
    en: str
    hy: str
    value: Callable[[Row], Any]


def _c(attr: str) -> Callable[[Row], Any]:
    return lambda row: getattr(row.case, attr)


def _e(attr: str) -> Callable[[Row], Any]:
    return lambda row: getattr(row.event, attr) if row.event is not None else ""


COLUMNS: tuple[Column, ...] = (
    Column("case_number", "Bureau case number", "Բյուրոյի գործի համարը", _c("case_number")),
    Column("family_name", "Surname", "Ազգանուն", _c("family_name")),
    Column("given_name", "First names", "Անուն(ներ)", _c("given_name")),
    Column("name_native", "Name in own script", "Անունը մայրենի գրով", _c("name_native")),
    Column(
        "father_first_name",
        "First name of father",
        "Հոր անունը",
        lambda r: r.case.father_first_name or r.case.patronymic,
    ),
    Column(
        "mother_maiden_name",
        "Mother's maiden name",
        "Մոր օրիորդական ազգանունը",
        _c("mother_maiden_name"),
    ),
    Column("sex", "Sex (male, female)", "Սեռ", _c("sex")),
    Column("date_of_birth", "Date of birth", "Ծննդյան ամսաթիվ", _c("date_of_birth")),
    Column("place_of_birth", "Place of birth", "Ծննդավայր", _c("place_of_birth")),
    Column(
        "citizenship",
        "Power on which the person depends",
        "Պետությունը, որից կախված է անձը",
        _c("citizenship"),
    ),
    Column("rank", "Rank", "Կոչում", _c("rank")),
    Column("service_number", "Service number", "Ծառայողական համար", _c("service_number")),
    Column(
        "legal_status",
        "Legal status claimed (prisoner_of_war, civilian_internee, "
        "detained_on_criminal_charges, unknown)",
        "Պնդվող իրավական կարգավիճակ",
        _c("legal_status"),
    ),
    Column("case_status", "Status of the case", "Գործի կարգավիճակը", _c("status")),
    Column(
        "event_type",
        "Event (transfer, hospital_admission, health, icrc_visit, escape, release, death); "
        "empty: the person's record changed",
        "Իրադարձություն",
        _e("type"),
    ),
    Column("event_date", "Date of the event", "Իրադարձության ամսաթիվ", _e("occurred_on")),
    Column(
        "place",
        "Place of detention, hospital or place of death",
        "Պահման վայր, հիվանդանոց կամ մահվան վայր",
        _e("place"),
    ),
    Column("prisoner_number", "Prisoner number", "Գերու համարը", _e("prisoner_number")),
    Column("health", "State of health (Annex IV B)", "Առողջական վիճակ", _e("health")),
    Column(
        "certificate_reference",
        "Death certificate reference",
        "Մահվան վկայականի համարը",
        _e("certificate_reference"),
    ),
    Column("cause_of_death", "Cause of death", "Մահվան պատճառը", _e("cause_of_death")),
    Column("place_of_burial", "Place of burial", "Թաղման վայրը", _e("place_of_burial")),
    Column("grave_marked", "Grave marked", "Գերեզմանը նշված է", _e("grave_marked")),
    Column("grave_findable", "Grave findable", "Գերեզմանը գտնելի է", _e("grave_findable")),
    Column("personal_effects", "Personal effects", "Անձնական իրեր", _e("personal_effects")),
    Column("source", "Source of the event", "Աղբյուր", _e("source")),
)

# A cell that a spreadsheet would run as a formula is written as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    # Text stored before the plain-text rule may hold control characters,
    # which openpyxl refuses (a 500) and no reader wants.
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _values(row: Row) -> list[str]:
    return [_safe(_cell(column.value(row))) for column in COLUMNS]


def render_csv(rows: Iterable[Row]) -> bytes:
    """UTF-8 with a BOM, so that spreadsheet programs read Armenian right."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column.key for column in COLUMNS])
    for row in rows:
        writer.writerow(_values(row))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def render_xlsx(rows: Iterable[Row]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Bureau list"
    sheet.append([column.key for column in COLUMNS])
    for row in rows:
        sheet.append(_values(row))
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"  # never a formula, whatever the text
    legend = workbook.create_sheet("Columns")
    legend.append(["column", "meaning (English)", "նշանակությունը (հայերեն)"])
    for column in COLUMNS:
        legend.append([column.key, column.en, column.hy])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
