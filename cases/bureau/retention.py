"""Retention: the personal data of cases closed longer ago than
settings.RETENTION_CLOSED_CASE_DAYS is removed (README: "Retention").

What stays is the skeleton the bureau must still account for: the case
number, its status history, the kinds and dates of its events, and the
audit records (exports, access log). What goes is everything that names or
identifies the person, every free text about them, and the history rows
that still hold the old values.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from cases.models import (
    CaptureReport,
    CaseEvent,
    DetentionEvent,
    EventKind,
    MissingPerson,
)
from cases.services.events import event_append
from cases.status import Status

REMOVED = "[removed]"
CASE_FIELDS: dict[str, Any] = {
    "given_name": REMOVED,
    "family_name": REMOVED,
    "patronymic": "",
    "name_native": "",
    "father_first_name": "",
    "mother_maiden_name": "",
    "date_of_birth": None,
    "place_of_birth": "",
    "service_number": None,
    "circumstances": "",
    "last_seen_place": "",
    "closed_reason": "",
    "provenance": {},
}
REPORT_FIELDS: dict[str, Any] = {
    "name_as_reported": REMOVED,
    "patronymic_as_reported": "",
    "date_of_birth_as_reported": None,
    "place_of_birth_as_reported": "",
    "service_number_as_reported": "",
    "source_detail": "",
    "health": "",
    "notes": "",
}
DETENTION_FIELDS: dict[str, Any] = {
    "prisoner_number": "",
    "source_detail": "",
    "cause_of_death": "",
    "personal_effects": "",
    "notes": "",
}


def retention_due(*, now: datetime | None = None) -> QuerySet[MissingPerson]:
    """Closed cases past the retention period whose data is still here."""
    days = settings.RETENTION_CLOSED_CASE_DAYS
    if days <= 0:
        return MissingPerson.objects.none()
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return MissingPerson.objects.filter(
        status=Status.CLOSED, status_changed_at__lte=cutoff, personal_data_removed_at__isnull=True
    ).order_by("pk")


def _wipe_history(case: MissingPerson) -> None:
    MissingPerson.history.filter(id=case.pk).delete()
    CaptureReport.history.filter(case_id=case.pk).delete()
    DetentionEvent.history.filter(case_id=case.pk).delete()


@transaction.atomic
def case_personal_data_remove(*, case_id: int, now: datetime) -> bool:
    """Remove one closed case's personal data; False if it is no longer due
    (reopened, or already done by another run)."""
    case = MissingPerson.objects.select_for_update().filter(pk=case_id).first()
    if case is None or case.personal_data_removed_at or case.status != Status.CLOSED:
        return False
    MissingPerson.objects.filter(pk=case.pk).update(
        **CASE_FIELDS, personal_data_removed_at=now, version=case.version + 1
    )
    CaptureReport.objects.filter(case=case).update(**REPORT_FIELDS)
    DetentionEvent.objects.filter(case=case).update(**DETENTION_FIELDS)
    CaseEvent.objects.filter(case=case, kind=EventKind.NOTE).update(summary=REMOVED, data={})
    _wipe_history(case)
    event_append(
        case=case,
        kind=EventKind.PERSONAL_DATA_REMOVED,
        actor=None,
        summary="Personal data removed under the retention setting.",
        data={"retention_days": settings.RETENTION_CLOSED_CASE_DAYS},
        at=now,
    )
    return True


def retention_apply(*, now: datetime | None = None, dry_run: bool = False) -> list[str]:
    """Apply retention to every case due; each case in its own transaction.
    Returns the case numbers done (or due, with dry_run)."""
    now = now or timezone.now()
    due = list(retention_due(now=now).values_list("pk", "case_number"))
    if dry_run:
        return [number for _, number in due]
    return [number for pk, number in due if case_personal_data_remove(case_id=pk, now=now)]
