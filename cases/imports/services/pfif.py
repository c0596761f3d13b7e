"""Applying one PFIF person: its case, its capture report, its notes.

The person record is linked to its case once (PfifRecord): the same record
in a later file, or the same file applied again, links to the same case and
makes no second report. Each note becomes one staff-only note on the case's
timeline, carrying every field of the PFIF note; it never changes a status.
A note that reports a death says so and says that it was not applied: a
death is recorded by two people and told to the family in person, never by
a message from another system. Our own records (PFIF_DOMAIN) coming back
link to their case and add nothing.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from cases.bureau.pfif import NOTE_TO_STATUS
from cases.errors import Conflict
from cases.imports.models import Action, ImportBatch, ImportRow, PfifRecord
from cases.imports.selectors import is_own_record, linked_case, records_known
from cases.imports.values import RowData
from cases.models import EventKind, MissingPerson
from cases.services import event_append
from cases.status import DEATH_STATUSES

NOTE_TEXT_MAX = 2000


def pfif_person_apply(
    *, batch: ImportBatch, row: ImportRow, actor: Any, open_case: Any, add_report: Any
) -> tuple[MissingPerson, int | None]:
    """(the case, the capture report made or made before). `open_case` and
    `add_report` are the list imports' own ways (services/review.py)."""
    data = RowData.from_json(row.data)
    linked = PfifRecord.objects.select_for_update().filter(record_id=data.record_id).first()
    known = linked.case if linked is not None else linked_case(data.record_id)
    case = _case_for(row, data, known, open_case)
    if linked is not None:
        made = linked.made_object_id
    elif known is not None and is_own_record(data.record_id):
        made = None  # one of our own cases, back from our own feed
    else:
        made = add_report(case)
        _link(data.record_id, case, made, batch)
    pfif_notes_apply(case=case, data=data, batch=batch, actor=actor)
    return case, made


def _case_for(
    row: ImportRow, data: RowData, known: MissingPerson | None, open_case: Any
) -> MissingPerson:
    if row.decision_action == Action.MATCH:
        assert row.decision_case is not None
        if known is not None and known.pk != row.decision_case.pk:
            raise Conflict(
                gettext(
                    "PFIF record %(record)s belongs to case %(case)s, not %(chosen)s: "
                    "match it to that case."
                )
                % {
                    "record": data.record_id,
                    "case": known.case_number,
                    "chosen": row.decision_case.case_number,
                }
            )
        return row.decision_case
    # "New", but an earlier import (or we) already hold this person.
    return known if known is not None else open_case()


def pfif_notes_apply(*, case: MissingPerson, data: RowData, batch: ImportBatch, actor: Any) -> int:
    """Each note not seen before becomes a staff-only timeline note."""
    notes = {_note_id(data.record_id, note): note for note in data.notes}
    fresh = set(notes) - records_known(list(notes))
    made = 0
    for note_id, note in notes.items():
        if note_id in fresh and not is_own_record(note_id):
            _link(note_id, case, _note_event(case, note, actor).pk, batch)
            made += 1
    return made


def _link(record_id: str, case: MissingPerson, made: int | None, batch: ImportBatch) -> None:
    """Remember what the record became. Another import applying the same
    record at this moment wins; this row is refused (all it made undone)
    and links to that case when applied again."""
    try:
        with transaction.atomic():
            PfifRecord.objects.create(
                record_id=record_id, case=case, made_object_id=made, batch=batch
            )
    except IntegrityError:
        raise Conflict(
            gettext(
                "PFIF record %(record)s was applied by another import at the same moment; "
                "apply again."
            )
            % {"record": record_id}
        ) from None


def _note_id(person_id: str, note: dict[str, str]) -> str:
    """The note's own id; for a note without one, its person's id and a
    digest of its content (the same note twice is still one note)."""
    if note.get("note_record_id"):
        # Whole, never cut: two long ids sharing a prefix are two notes. The
        # reader refuses a longer id than PfifRecord keeps (an error row).
        return note["note_record_id"]
    digest = hashlib.sha256(json.dumps(note, sort_keys=True).encode()).hexdigest()[:16]
    return f"{person_id[:470]}#note-{digest}"


def _note_event(case: MissingPerson, note: dict[str, str], actor: Any) -> Any:
    suggests = suggested_status(note)
    text = note_text(note, suggests)
    return event_append(
        case=case,
        kind=EventKind.NOTE,
        actor=actor,
        summary=text[:200],
        family_visible=False,
        data={"text": text, "pfif": note, "suggests": suggests or ""},
    )


def suggested_status(note: dict[str, str]) -> str | None:
    """Our status a PFIF note status suggests (the export's mapping reversed)."""
    without, with_contact = NOTE_TO_STATUS.get(note.get("status", ""), (None, None))
    return with_contact if note.get("author_made_contact") == "true" else without


def note_text(note: dict[str, str], suggests: str | None) -> str:
    """What staff read on the timeline (English, as every stored summary)."""
    head = f"PFIF note from {note.get('author_name') or 'an unnamed author'}"
    if note.get("source_date"):
        head += f", {note['source_date']}"
    if note.get("status"):
        head += f"; status {note['status']}"
    if suggests in DEATH_STATUSES:
        head += (
            " - a death is reported; it was NOT applied: a death is recorded by two "
            "people and told to the family in person"
        )
    elif suggests:
        head += f" (suggests: {suggests}; the status was not changed)"
    body = note.get("text", "")
    return f"{head}.\n{body}"[:NOTE_TEXT_MAX] if body else f"{head}."
