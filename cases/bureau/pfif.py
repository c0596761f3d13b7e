"""PFIF 1.4 (People Finder Interchange Format) export: persons and notes.

Only public cases leave (selectors.pfif_public_cases; a case whose death is
not yet told in person comes as its record stood before, unsaved, from its
history, and is rendered as any other). A person carries the
names, sex and year of birth; never sources, places of detention, notes or
death particulars. Each confirmed status change is one note, its PFIF status
from STATUS_TO_NOTE (README: "PFIF").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from urllib.parse import urlparse
from xml.etree import ElementTree as ET

from django.conf import settings

from cases.models import CaseEvent, MissingPerson, Sex
from cases.status import Status

NS = "http://zesty.ca/pfif/1.4"
ET.register_namespace("pfif", NS)

# Our status -> (PFIF note status, author_made_contact). None: no status.
STATUS_TO_NOTE: dict[str, tuple[str | None, bool]] = {
    Status.MISSING: ("believed_missing", False),
    # An unconfirmed report of capture is not yet news that he is alive.
    Status.CAPTURE_REPORTED: ("believed_missing", False),
    Status.DETAINED: ("believed_alive", False),
    Status.RELEASE_SCHEDULED: ("believed_alive", False),
    Status.REPATRIATED: ("believed_alive", True),
    Status.FOUND_ALIVE: ("believed_alive", True),
    Status.DECEASED: ("believed_dead", False),
    Status.REMAINS_RETURNED: ("believed_dead", False),
    Status.CLOSED: (None, False),
}
# The way back (PFIF imports, cases/imports/services/pfif.py): the status a
# note status suggests, (without contact, with contact). A suggestion only,
# written on the staff note: an imported note never changes a status, and a
# reported death is never applied by a message (two people, told in person).
NOTE_TO_STATUS: dict[str, tuple[str | None, str | None]] = {
    "believed_missing": (Status.MISSING, Status.MISSING),
    "believed_alive": (Status.DETAINED, Status.FOUND_ALIVE),
    "believed_dead": (Status.DECEASED, Status.DECEASED),
    "is_note_author": (Status.FOUND_ALIVE, Status.FOUND_ALIVE),
    "information_sought": (None, None),
}
# Plain public words of each status (English: PFIF has no language field).
STATUS_TEXT: dict[str, str] = {
    Status.MISSING: "Missing; whereabouts not known.",
    Status.CAPTURE_REPORTED: "Reported captured; not confirmed.",
    Status.DETAINED: "Confirmed in detention.",
    Status.RELEASE_SCHEDULED: "On an agreed exchange list.",
    Status.REPATRIATED: "Returned home.",
    Status.FOUND_ALIVE: "Found alive.",
    Status.DECEASED: "Death confirmed.",
    Status.REMAINS_RETURNED: "Remains returned.",
    Status.CLOSED: "Case closed.",
}
PFIF_SEX = {Sex.MALE: "male", Sex.FEMALE: "female"}


def record_domain() -> str:
    """The home repository's domain in every record id (domain/local-id)."""
    return settings.PFIF_DOMAIN or urlparse(settings.SITE_URL).hostname or "localhost"


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent: ET.Element, name: str, value: str | None) -> None:
    if value:
        ET.SubElement(parent, f"{{{NS}}}{name}").text = value


def person_record_id(case: MissingPerson) -> str:
    return f"{record_domain()}/{case.case_number}"


def _note(parent: ET.Element, event: CaseEvent, person_id: str) -> None:
    to = str((event.data or {}).get("to", ""))
    status, contact = STATUS_TO_NOTE.get(to, (None, False))
    note = ET.SubElement(parent, f"{{{NS}}}note")
    _add(note, "note_record_id", f"{record_domain()}/note.{event.pk}")
    _add(note, "person_record_id", person_id)
    _add(note, "entry_date", _utc(event.at))
    _add(note, "author_name", settings.PFIF_SOURCE_NAME)
    _add(note, "source_date", _utc(event.at))
    _add(note, "author_made_contact", "true" if contact else "false")
    _add(note, "status", status)
    _add(note, "text", STATUS_TEXT.get(to, ""))


def _person(root: ET.Element, case: MissingPerson, notes: Sequence[CaseEvent]) -> None:
    person = ET.SubElement(root, f"{{{NS}}}person")
    person_id = person_record_id(case)
    _add(person, "person_record_id", person_id)
    _add(person, "entry_date", _utc(case.updated_at))
    _add(person, "author_name", settings.PFIF_SOURCE_NAME)
    _add(person, "source_name", settings.PFIF_SOURCE_NAME)
    _add(person, "source_date", _utc(case.created_at))
    _add(person, "full_name", case.full_name)
    _add(person, "given_name", case.given_name)
    _add(person, "family_name", case.family_name)
    _add(person, "alternate_names", case.name_native)
    _add(person, "sex", PFIF_SEX.get(case.sex))  # type: ignore[call-overload]
    # The year only: a public feed needs no more to tell two men apart.
    _add(person, "date_of_birth", str(case.date_of_birth.year) if case.date_of_birth else None)
    for event in notes:
        _note(person, event, person_id)


def render_pfif(cases: Iterable[MissingPerson], notes_by_case: dict[int, list[CaseEvent]]) -> bytes:
    root = ET.Element(f"{{{NS}}}pfif")
    for case in cases:
        _person(root, case, notes_by_case.get(case.pk, []))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
