"""One row as understood: the name split into its parts, the date of birth
read (dd.mm.yyyy, yyyy-mm-dd, the year alone, or an Excel serial number),
the other fields checked against the lengths the capture report keeps.
A row that cannot be understood raises RowInvalid naming the column.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from cases.imports.errors import RowInvalid
from cases.imports.models import NameOrder
from cases.matching import MatchQuery

EXCEL_EPOCH = date(1899, 12, 30)  # Excel's 1900 date system, past its 1900-02-29 bug
DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
YEAR = re.compile(r"^(\d{4})$")
SERIAL = re.compile(r"^(\d{5})(?:\.0+)?$")  # 10000 = 1927-05-18
LIMITS = {
    "full_name": 300,
    "family_name": 150,
    "given_name": 150,
    "patronymic": 150,
    "service_number": 40,
    "place_of_birth": 200,
    "rank": 80,
}


@dataclass(frozen=True)
class RowData:
    name: str
    family_name: str
    given_name: str
    patronymic: str = ""
    date_of_birth: date | None = None
    birth_year: int | None = None
    service_number: str = ""
    place_of_birth: str = ""
    rank: str = ""
    # PFIF persons only: what a list of names does not carry.
    sex: str = ""
    name_native: str = ""
    age: str = ""
    record_id: str = ""
    notes: list[dict[str, str]] = field(default_factory=list)

    def query(self) -> MatchQuery:
        return MatchQuery(
            name=self.name,
            date_of_birth=self.date_of_birth,
            birth_year=self.birth_year,
            patronymic=self.patronymic,
            service_number=self.service_number,
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["date_of_birth"] = self.date_of_birth.isoformat() if self.date_of_birth else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RowData:
        values = dict(data)
        born = values.get("date_of_birth")
        values["date_of_birth"] = date.fromisoformat(born) if born else None
        return cls(**values)


def interpret(cells: list[str], columns: dict[str, Any], *, name_order: str) -> RowData:
    text = {name: cells[spec["index"]].strip() for name, spec in columns.items()}
    for name, limit in LIMITS.items():
        if len(text.get(name, "")) > limit:
            raise RowInvalid(
                _("%(column)s is longer than %(limit)d characters")
                % {"column": _header(columns, name), "limit": limit}
            )
    family, given, patronymic = _name_parts(text, name_order)
    if not (family or given):
        raise RowInvalid(_("there is no name on this row"))
    born, year = read_birth(text.get("date_of_birth", ""), _header(columns, "date_of_birth"))
    return RowData(
        name=" ".join(p for p in (family, given, patronymic) if p)
        if name_order == NameOrder.FAMILY_FIRST
        else " ".join(p for p in (given, patronymic, family) if p),
        family_name=family,
        given_name=given,
        patronymic=patronymic,
        date_of_birth=born,
        birth_year=year,
        service_number=text.get("service_number", ""),
        place_of_birth=text.get("place_of_birth", ""),
        rank=text.get("rank", ""),
    )


def _header(columns: dict[str, Any], name: str) -> str:
    spec = columns.get(name)
    return _('column "%(header)s"') % {"header": spec["header"]} if spec else name


def _name_parts(text: dict[str, str], name_order: str) -> tuple[str, str, str]:
    """(family, given, patronymic). A full name is split by the list's order;
    a third word is the father's name unless a column gives it."""
    patronymic = text.get("patronymic", "")
    if "full_name" not in text:
        return text.get("family_name", ""), text.get("given_name", ""), patronymic
    words = text["full_name"].split()
    if len(words) <= 1:
        return (words[0] if words else ""), "", patronymic
    if name_order == NameOrder.GIVEN_FIRST:
        words = [words[-1], *words[:-1]]
    family, given, rest = words[0], words[1], words[2:]
    if rest and not patronymic:
        return family, given, " ".join(rest)
    return family, " ".join([given, *rest]), patronymic


def read_birth(text: str, where: str = "") -> tuple[date | None, int | None]:
    """(date, year): a full date gives both, a year alone only the year."""
    if not text:
        return None, None
    where = where or _("date of birth")
    born = _read_date(text, where)
    if born is None:
        year = int(YEAR.match(text).group(1))  # type: ignore[union-attr]
        _check_year(year, text, where)
        return None, year
    if born > timezone.localdate():
        raise RowInvalid(
            _('%(where)s: "%(text)s" is in the future') % {"where": where, "text": text}
        )
    _check_year(born.year, text, where)
    return born, born.year


def _read_date(text: str, where: str) -> date | None:
    """None for a year alone; RowInvalid for what is not a date."""
    try:
        if m := DAY_FIRST.match(text):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := ISO.match(text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise _not_a_date(text, where) from None
    if YEAR.match(text) and 1900 <= int(text) <= 2100:
        return None
    if m := SERIAL.match(text):
        # A date cell without a date format reaches us as Excel's day number.
        return EXCEL_EPOCH + timedelta(days=int(m.group(1)))
    raise _not_a_date(text, where)


def _not_a_date(text: str, where: str) -> RowInvalid:
    return RowInvalid(
        _('%(where)s: "%(text)s" is not a date (write dd.mm.yyyy, yyyy-mm-dd or the year)')
        % {"where": where, "text": text}
    )


def _check_year(year: int, text: str, where: str) -> None:
    if not 1900 <= year <= timezone.localdate().year:
        raise RowInvalid(
            _('%(where)s: "%(text)s" is not a plausible date of birth')
            % {"where": where, "text": text}
        )
