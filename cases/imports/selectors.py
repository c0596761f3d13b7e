"""Reads of list imports. Imports are the supervisors' work (CONTRACT.md):
they alone see them."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from cases.errors import InvalidInput
from cases.imports.models import ImportBatch, ImportRow, RowState
from cases.roles import SUPERVISOR, is_supervisor


def imports_visible_to(user: Any) -> QuerySet[ImportBatch]:
    if not is_supervisor(user):
        return ImportBatch.objects.none()
    return ImportBatch.objects.select_related("created_by", "exchange", "apply_requested_by")


def import_rows(*, batch: ImportBatch, state: str | None = None) -> QuerySet[ImportRow]:
    """A batch's rows in file order, optionally in one state (a 400 names
    an unknown state)."""
    rows = ImportRow.objects.filter(batch=batch).select_related("batch").order_by("line")
    if state:
        if state not in RowState.values:
            raise InvalidInput(
                {"state": f"Unknown state; use one of {', '.join(RowState.values)}."}
            )
        rows = rows.filter(state=state)
    return rows


def supervisors() -> QuerySet[Any]:
    """Active supervisors: who may run an import from the terminal."""
    return get_user_model().objects.filter(is_active=True, groups__name=SUPERVISOR).order_by("pk")
