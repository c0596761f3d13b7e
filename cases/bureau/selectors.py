"""Reads of the bureau: its audit records (supervisors only) and what the
documents that go out are made of."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from cases.bureau.bureau_list import Row
from cases.bureau.models import CaseAccess, ExportRecord
from cases.models import (
    STATUS_MOVE_KINDS,
    CaptureReport,
    CaseEvent,
    DetentionEvent,
    DetentionEventType,
    MissingPerson,
    Verification,
)
from cases.roles import is_supervisor
from cases.selectors import death_confirmed_q, untold_death_q
from cases.status import DEATH_STATUSES


def case_accesses_visible_to(
    user: Any, *, case_id: int | None = None, user_id: int | None = None
) -> QuerySet[CaseAccess]:
    """Who opened which case, newest first, per case or per staff member."""
    if not is_supervisor(user):
        return CaseAccess.objects.none()
    qs = CaseAccess.objects.select_related("user", "case").only(
        "id", "at", "via", "path", "case__id", "case__case_number", "user__id", "user__username"
    )
    if case_id is not None:
        qs = qs.filter(case_id=case_id)
    if user_id is not None:
        qs = qs.filter(user_id=user_id)
    return qs.order_by("-at", "-id")


def exports_visible_to(user: Any, *, kind: str = "") -> QuerySet[ExportRecord]:
    if not is_supervisor(user):
        return ExportRecord.objects.none()
    qs = ExportRecord.objects.select_related("case").order_by("-at", "-id")
    return qs.filter(kind=kind) if kind else qs


# --- What goes out ---------------------------------------------------------------


def bureau_list_rows(*, since: datetime) -> list[Row]:
    """Each detention event recorded since `since` (with its person), and each
    person whose record changed since with no such event: three queries."""
    # Death particulars go out only once the death is confirmed (two people):
    # a death event on a case still detained, or whose move waits, stays in.
    unconfirmed_death = Q(type=DetentionEventType.DEATH) & ~death_confirmed_q("case__")
    events = list(
        DetentionEvent.objects.filter(recorded_at__gte=since)
        .exclude(unconfirmed_death)
        .select_related("case")
        .order_by("case__case_number", "occurred_on", "id")
    )
    with_events = {event.case_id for event in events}
    persons = MissingPerson.objects.filter(updated_at__gte=since).exclude(pk__in=with_events)
    rows = [Row(case, None) for case in persons.order_by("case_number")]
    rows += [Row(event.case, event) for event in events]
    return sorted(rows, key=lambda row: row.case.case_number)


# The events a PFIF note is made of: a confirmed status change (a listing on
# an exchange is one, to release_scheduled, in its own words). Only a
# confirmed move writes one (a sensitive move writes it when the second
# person confirms it), never a request. A record carries the notes up to its
# own status_changed_at: each move stamps both with the same time.
PFIF_NOTE_KINDS = STATUS_MOVE_KINDS


def _public_q() -> Q:
    """A record may leave: flagged public, or in a public status. Read on a
    case or on a record of its history (the same field names)."""
    return Q(pfif_public=True) | Q(status__in=settings.PFIF_PUBLIC_STATUSES)


def _changed_since_q(since: datetime) -> Q:
    """The record was written since, or one of the notes it carries was
    (on a case or a record of its history: `id` is the case's in both)."""
    noted = CaseEvent.objects.filter(
        case=OuterRef("id"),
        kind__in=PFIF_NOTE_KINDS,
        at__gte=since,
        at__lte=OuterRef("status_changed_at"),
    )
    return Q(updated_at__gte=since) | Q(Exists(noted))


def _as_before_untold_deaths(since: datetime | None) -> list[MissingPerson]:
    """Each case that stands at a death its family has not been told of in
    person, as its record last stood outside one (its history's latest
    record that untold_death_q does not match), if that record was public
    (and changed since `since`): unsaved cases, never to be written. A case
    with no such record on file stays out. Few: it is a caseworker's queue."""
    history = MissingPerson.history.model
    untold = MissingPerson.objects.filter(untold_death_q(), personal_data_removed_at__isnull=True)
    last_outside = (
        history.objects.filter(id=OuterRef("id"))
        .exclude(untold_death_q())
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    records = history.objects.filter(
        _public_q(), id__in=untold.values("pk"), history_id=Subquery(last_outside)
    )
    if since is not None:
        records = records.filter(_changed_since_q(since))
    return [record.instance for record in records]


def pfif_public_cases(*, since: datetime | None = None) -> list[MissingPerson]:
    """The cases that may leave in the public PFIF feed, oldest stamp first:
    flagged public, or in a status settings.PFIF_PUBLIC_STATUSES names;
    never a case whose data was removed.

    Nothing a mirror of the feed reads may tell of a death before the family
    is told in person (README, "PFIF"), nor of a move still asked for. So
    the feed reads confirmed writes only: the case's record, which a
    request, a rejection or a death event does not touch, and the confirmed
    status changes (PFIF_NOTE_KINDS). `since` counts those alone: any event
    would send the person again, with nothing new, the moment a death was
    recorded or asked for.

    A death confirmed but not yet told in person (untold_death_q) is not left
    out either: a mirror would see the person vanish the moment it is
    confirmed. The case goes out as its record last stood before the death
    move, from its history: the status it stood at (the `from` of that
    move), its stamp, names and flag, and so the notes it carried then; a
    `since` feed reads that record too, so the move and its confirmation
    send nothing. Once a caseworker records that the family was told, the
    case goes out as it stands, with its death note, and is sent again.
    """
    live = (
        MissingPerson.objects.filter(_public_q())
        .filter(personal_data_removed_at__isnull=True)
        .exclude(untold_death_q())
    )
    if since is not None:
        live = live.filter(_changed_since_q(since))
    cases = [*live, *_as_before_untold_deaths(since)]
    return sorted(cases, key=lambda case: (case.updated_at, case.pk))


def pfif_notes(cases: Sequence[MissingPerson]) -> dict[int, list[CaseEvent]]:
    """Each case's confirmed status changes up to its record's own
    status_changed_at, oldest first (one query): a record from before an
    untold death carries the notes it had then. A death is a note only
    while the record stands at it and the family was told."""
    stood = {c.pk: c.status_changed_at for c in cases}
    told = {c.pk for c in cases if c.status in DEATH_STATUSES and c.family_told_in_person_at}
    events = CaseEvent.objects.filter(case__in=list(stood), kind__in=PFIF_NOTE_KINDS)
    notes: dict[int, list[CaseEvent]] = {}
    for event in events.order_by("at", "id"):
        to = (event.data or {}).get("to")
        if event.at > stood[event.case_id]:
            continue
        if to in DEATH_STATUSES and event.case_id not in told:
            continue
        notes.setdefault(event.case_id, []).append(event)
    return notes


def capture_card_facts(case: MissingPerson) -> dict[str, Any]:
    """What the capture card says beyond the record: the date of capture (the
    latest report not refuted), the latest health news, the latest transfer."""
    report = (
        CaptureReport.objects.filter(case=case, captured_on__isnull=False)
        .exclude(verification=Verification.REFUTED)
        .order_by("-reported_on", "-id")
        .first()
    )
    health = case.detention_events.exclude(health="").order_by("-occurred_on", "-id").first()
    transfer = (
        case.detention_events.filter(type=DetentionEventType.TRANSFER)
        .order_by("-occurred_on", "-id")
        .first()
    )
    return {
        "captured_on": report.captured_on if report else None,
        "health": health.health if health else "",
        "transfer": transfer,
    }


def death_particulars(case: MissingPerson) -> DetentionEvent | None:
    """The latest death particulars recorded for this case."""
    return (
        case.detention_events.filter(type=DetentionEventType.DEATH)
        .order_by("-occurred_on", "-id")
        .first()
    )
