"""Opening and editing cases, notes, and recording that a family was told."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from cases.errors import Conflict, InvalidInput, StaleVersion
from cases.models import CASE_EDITABLE_FIELDS, CaseNumberCounter, EventKind, MissingPerson
from cases.services._common import (
    integrity_to_invalid,
    refuse_future_dates,
    refuse_unknown_fields,
    require_caseworker,
    validate_instance,
)
from cases.services.events import event_append
from cases.services.locking import atomic_retrying, lock_case
from cases.services.provenance import provenance_apply, sources_check
from cases.services.spellings import CASE_NAME_FIELDS, case_name_spellings, case_spellings_record
from cases.services.text import clean_text, clean_text_values
from cases.status import DEATH_STATUSES, Status

# Facts about the person: who told us each is recorded (cases.services.provenance).
SOURCED_FIELDS = frozenset(CASE_EDITABLE_FIELDS) - {"caseworker", "pfif_public", "circumstances"}
DATE_FIELDS = ("date_of_birth", "last_seen_date")


def _next_case_number(year: int) -> str:
    counter, _ = CaseNumberCounter.objects.select_for_update().get_or_create(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"MP-{year}-{counter.last:05d}"


def _normalise(values: dict[str, Any]) -> dict[str, Any]:
    values = clean_text_values(MissingPerson, values)
    if "service_number" in values:
        values["service_number"] = values["service_number"] or None
    return values


@transaction.atomic
def case_open(*, actor: Any, sources: dict[str, Any] | None = None, **fields: Any) -> MissingPerson:
    """Open a case. The case number's year is the year the person was last seen.
    `sources` names who told us a field: {field: {"source", "detail", "on"}}."""
    require_caseworker(actor)
    refuse_unknown_fields(fields, CASE_EDITABLE_FIELDS)
    sources = sources or {}
    sources_check(sources, SOURCED_FIELDS)
    values = _normalise(dict(fields))
    refuse_future_dates(values, DATE_FIELDS)
    now = timezone.now()
    case = MissingPerson(status=Status.MISSING, status_changed_at=now, **values)
    provenance_apply(case, fields=_sourced(values, sources), sources=sources, actor=actor)
    validate_instance(case, exclude=["case_number"])
    year = (case.last_seen_date or timezone.localdate()).year
    case.case_number = _next_case_number(year)
    case._history_user = actor  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError as exc:
        raise integrity_to_invalid(exc) from exc
    case_spellings_record(case=case, spellings=case_name_spellings(case), actor=actor)
    event_append(
        case=case,
        kind=EventKind.OPENED,
        actor=actor,
        summary=f"Case {case.case_number} opened.",
        data={"status": case.status},
        at=now,
    )
    return case


def check_version(case: MissingPerson, expected_version: int | None) -> None:
    if expected_version is not None and case.version != expected_version:
        raise StaleVersion(expected=expected_version, actual=case.version)


def _sourced(changed: Iterable[str], sources: dict[str, Any]) -> list[str]:
    """The fields whose provenance a write records: the facts it changed, and
    any fact a source was named for (a second source confirming a value)."""
    return sorted((set(changed) & SOURCED_FIELDS) | set(sources))


@atomic_retrying
def case_update(
    *,
    case: MissingPerson,
    actor: Any,
    expected_version: int | None,
    sources: dict[str, Any] | None = None,
    **fields: Any,
) -> MissingPerson:
    """Change a case's details. The row is locked and its version compared, so
    of two writers who read the same version only the first one wins.
    `sources` as for case_open; naming a source alone (no new value) records
    that this source confirms the field."""
    require_caseworker(actor)
    refuse_unknown_fields(fields, CASE_EDITABLE_FIELDS)
    sources = sources or {}
    sources_check(sources, SOURCED_FIELDS)
    values = _normalise(dict(fields))
    refuse_future_dates(values, DATE_FIELDS)
    locked = lock_case(case.pk)
    check_version(locked, expected_version)
    changes = {
        name: (getattr(locked, name), value)
        for name, value in values.items()
        if getattr(locked, name) != value
    }
    if not changes and not sources:
        return locked
    for name, (_, value) in changes.items():
        setattr(locked, name, value)
    provenance_apply(locked, fields=_sourced(changes, sources), sources=sources, actor=actor)
    validate_instance(locked)
    locked.version += 1
    locked._history_user = actor  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            locked.save()
    except IntegrityError as exc:
        raise integrity_to_invalid(exc) from exc
    if changes.keys() & {field for field, _, _ in CASE_NAME_FIELDS}:
        # The old spellings stay: an old list still finds the man by them.
        case_spellings_record(case=locked, spellings=case_name_spellings(locked), actor=actor)
    event_append(
        case=locked,
        kind=EventKind.UPDATED,
        actor=actor,
        summary="Updated: " + ", ".join(sorted(changes) or ["sources"]),
        data={"fields": sorted(changes), **({"sourced": sorted(sources)} if sources else {})},
    )
    return locked


@transaction.atomic
def case_note_add(*, case: MissingPerson, actor: Any, text: str, family_visible: bool) -> Any:
    """A note on the timeline; a family-visible one is how a caseworker tells
    families something in words."""
    require_caseworker(actor)
    text = clean_text("text", text or "", multiline=True)
    if not text:
        raise InvalidInput({"text": gettext("A note cannot be empty.")})
    if len(text) > 2000:
        raise InvalidInput({"text": gettext("A note can be at most 2000 characters.")})
    return event_append(
        case=case,
        kind=EventKind.NOTE,
        actor=actor,
        summary=text[:200],
        family_visible=family_visible,
        data={"text": text},
    )


@atomic_retrying
def case_family_told(*, case: MissingPerson, actor: Any, note: str = "") -> MissingPerson:
    """Record that the family was told of a death in person; only then does
    the portal show the full status."""
    require_caseworker(actor)
    note = clean_text("note", note, multiline=True)
    locked = lock_case(case.pk)
    if locked.status not in DEATH_STATUSES:
        raise Conflict(gettext("Only a death or returned remains is told in person first."))
    if locked.family_told_in_person_at is not None:
        return locked
    locked.family_told_in_person_at = timezone.now()
    locked.version += 1
    locked._history_user = actor  # type: ignore[attr-defined]
    locked.save()
    event_append(
        case=locked,
        kind=EventKind.FAMILY_TOLD,
        actor=actor,
        summary="The family was told in person.",
        data={"status": locked.status, "note": note[:500]},
    )
    return locked
