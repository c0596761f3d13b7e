"""PFIF (People Finder Interchange Format) files as the third kind of list.

A PFIF document is recognised by its content (XML whose root is
`{http://zesty.ca/pfif/1.N}pfif`), never by its name. It is parsed with
defusedxml: no DTD, no entity, no external reference is ever read, and the
size limits of every list apply (bytes, persons). Each <person> is one row:
its fields become the row's cells, one column per field name (the fields we
do not know, from an outside system, are kept there too and otherwise
ignored); its <note>s, and the top-level notes that name it, travel in the
row's "notes" cell as JSON, so that applying can record them.

The schema (cases/bureau/pfif-1.4.xsd) is not applied on the way in: it
refuses every field PFIF does not define, and other systems add their own.
What we need is checked instead: the root, persons with a record id.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from cases.imports.errors import FileRefused, RowInvalid
from cases.imports.files import Limits, RawRow, Table
from cases.imports.models import PfifRecord
from cases.imports.values import RowData, interpret

PFIF_NS = re.compile(r"^\{http://zesty\.ca/pfif/1\.[1-4]\}$")
NOTES = "notes"
# The matcher's fields, in the column order a PFIF row is shown in.
NAME_FIELDS = ("full_name", "given_name", "family_name")
KNOWN = (
    "person_record_id", "entry_date", "expiry_date", "author_name", "author_email",
    "author_phone", "source_name", "source_date", "source_url", *NAME_FIELDS,
    "alternate_names", "description", "sex", "date_of_birth", "age", "home_street",
    "home_neighborhood", "home_city", "home_state", "home_postal_code", "home_country",
    "photo_url", "profile_urls",
)  # fmt: skip
MAX_NOTES = 500  # a person's notes; more is not a person's history but a flood
NATIVE_MAX = 150
RECORD_ID_MAX = PfifRecord._meta.get_field("record_id").max_length or 500
PFIF_SEX = {"male": "male", "female": "female"}  # PFIF's "other" has no place in the case


def read_pfif(data: bytes, *, limits: Limits) -> Table:
    root = _parse(data)
    persons = _persons(root, limits)
    if not persons:
        raise FileRefused(_("The PFIF file holds no <person>."))
    header = _header(persons, limits.max_columns)
    rows = [_row(line, person, header) for line, person in enumerate(persons, start=1)]
    columns = {name: {"index": header.index(name), "header": name} for name in _matched(header)}
    return Table(kind="pfif", header=header, rows=rows, columns=columns)


def _parse(data: bytes) -> Element:
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise FileRefused(
            _("The XML file declares a DTD or entities; a PFIF file needs neither.")
        ) from None
    except ParseError as exc:
        raise FileRefused(_("The XML cannot be read: %(error)s.") % {"error": exc}) from None
    namespace, local = _split(root.tag)
    if local != "pfif" or not PFIF_NS.match(namespace):
        raise FileRefused(
            _(
                "This XML is not PFIF: its root is <%(root)s>, not <pfif> in the namespace "
                "http://zesty.ca/pfif/1.4."
            )
            % {"root": root.tag}
        )
    return root


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}", 1)
        return "{" + namespace + "}", local
    return "", tag


def _local(element: Element) -> str:
    return _split(element.tag)[1]


@dataclasses.dataclass
class _Person:
    fields: dict[str, str]
    notes: list[dict[str, str]]


def _persons(root: Element, limits: Limits) -> list[_Person]:
    persons: list[_Person] = []
    loose: list[dict[str, str]] = []
    for child in root:
        if _local(child) == "person":
            if len(persons) >= limits.max_rows:
                raise limits.too_many_rows()
            persons.append(_person(child))
        elif _local(child) == "note":
            loose.append(_fields(child))
    _attach(persons, loose)
    return persons


def _person(element: Element) -> _Person:
    notes = [_fields(child) for child in element if _local(child) == "note"]
    fields = _fields(element, skip="note")
    return _Person(fields=fields, notes=notes)


def _fields(element: Element, skip: str = "") -> dict[str, str]:
    """Field name -> text (a repeated field's texts joined by a space)."""
    found: dict[str, str] = {}
    for child in element:
        name = _local(child)
        if name == skip:
            continue
        text = _clean("".join(child.itertext()))
        found[name] = f"{found[name]} {text}".strip() if name in found else text
    return found


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _attach(persons: list[_Person], loose: list[dict[str, str]]) -> None:
    """Top-level notes go to the person they name (others are not ours)."""
    by_id = {p.fields.get("person_record_id", ""): p for p in persons}
    for note in loose:
        person = by_id.get(note.get("person_record_id", ""))
        if person is not None:
            person.notes.append(note)


def _header(persons: list[_Person], most: int) -> list[str]:
    """The PFIF fields the persons use, then the others by first appearance,
    as many as the column limit leaves room for (every row is this wide)."""
    seen = [name for name in KNOWN if any(name in p.fields for p in persons)]
    for person in persons:
        for name in person.fields:
            if len(seen) + 1 >= most:
                return [*seen, NOTES]
            if name not in seen and name != NOTES:
                seen.append(name)
    return [*seen, NOTES]


def _too_long(field: str) -> str:
    # A record id is kept whole (PfifRecord.record_id): cut, two ids could meet.
    return _("%(column)s is longer than %(limit)d characters") % {
        "column": field,
        "limit": RECORD_ID_MAX,
    }


def _matched(header: list[str]) -> list[str]:
    return [name for name in (*NAME_FIELDS, "date_of_birth") if name in header]


def _row(line: int, person: _Person, header: list[str]) -> RawRow:
    cells = [person.fields.get(name, "") for name in header[:-1]]
    row = RawRow(line=line, cells=[*cells, json.dumps(person.notes, ensure_ascii=False)])
    record_id = person.fields.get("person_record_id", "")
    if not record_id:
        row.problems.append(_("this <person> has no person_record_id"))
    elif len(record_id) > RECORD_ID_MAX:
        row.problems.append(_too_long("person_record_id"))
    if any(len(n.get("note_record_id", "")) > RECORD_ID_MAX for n in person.notes):
        row.problems.append(_too_long("note_record_id"))
    if len(person.notes) > MAX_NOTES:
        row.problems.append(_("this <person> has more than %(most)d notes") % {"most": MAX_NOTES})
    return row


# --- one person as understood --------------------------------------------------------


def interpret_person(header: list[str], cells: list[str], *, name_order: str) -> RowData:
    """The row the matcher and applying use: names (given and family when the
    file gives them, else the full name split by the import's name order),
    the date of birth (a year, a month or a day), sex, the native-script
    names, the record id and the notes."""
    values = dict(zip(header, cells, strict=False))
    data = interpret(*_name_cells(values), name_order=name_order)
    native = values.get("alternate_names", "")
    if len(native) > NATIVE_MAX:
        raise RowInvalid(
            _("alternate_names is longer than %(limit)d characters") % {"limit": NATIVE_MAX}
        )
    return dataclasses.replace(
        data,
        sex=PFIF_SEX.get(values.get("sex", "").lower(), ""),
        name_native=native,
        age=values.get("age", "")[:20],
        record_id=values.get("person_record_id", ""),
        notes=json.loads(values.get(NOTES) or "[]"),
    )


def _name_cells(values: dict[str, str]) -> tuple[list[str], dict[str, Any]]:
    """Cells and columns for values.interpret: the parts when given, the full
    name only when they are not (interpret prefers a full name)."""
    fields = ["given_name", "family_name"]
    if not (values.get("given_name") or values.get("family_name")):
        fields = ["full_name"]
    fields.append("date_of_birth")
    cells = [values.get(name, "") for name in fields]
    cells[-1] = _birth(cells[-1])
    return cells, {name: {"index": i, "header": name} for i, name in enumerate(fields)}


def _birth(text: str) -> str:
    """PFIF writes yyyy, yyyy-mm or yyyy-mm-dd; a month is kept as its year."""
    month = re.match(r"^(\d{4})-\d{2}$", text)
    return month.group(1) if month else text
