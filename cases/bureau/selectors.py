"""Reads of the bureau's audit records: supervisors only."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from cases.bureau.models import CaseAccess, ExportRecord
from cases.roles import is_supervisor


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
