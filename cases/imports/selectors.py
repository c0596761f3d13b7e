"""Reads of list imports. Imports are the supervisors' work (CONTRACT.md):
they alone see them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext

from cases.bureau.pfif import record_domain
from cases.errors import InvalidInput
from cases.imports.models import ImportBatch, ImportRow, PfifRecord, RowState
from cases.models import MissingPerson
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
            known = ", ".join(RowState.values)
            raise InvalidInput(
                {"state": gettext("Unknown state; use one of %(values)s.") % {"values": known}}
            )
        rows = rows.filter(state=state)
    return rows


def supervisors() -> QuerySet[Any]:
    """Active supervisors: who may run an import from the terminal."""
    return get_user_model().objects.filter(is_active=True, groups__name=SUPERVISOR).order_by("pk")


def linked_case(record_id: str) -> MissingPerson | None:
    """The case a PFIF person record belongs to: the one an earlier import
    linked it to, or ours when the record is one of our own
    (PFIF_DOMAIN/case number, as cases/bureau/pfif.py writes it)."""
    return linked_cases([record_id]).get(record_id)


def linked_cases(record_ids: Iterable[str]) -> dict[str, MissingPerson]:
    """linked_case for many records, in two queries: the records with a case."""
    wanted = set(record_ids)
    found = {
        linked.record_id: linked.case
        for linked in PfifRecord.objects.select_related("case").filter(record_id__in=wanted)
    }
    domain = record_domain()
    own: dict[str, str] = {}
    for record_id in wanted - found.keys():
        record_domain_, _sep, local = record_id.partition("/")
        if record_domain_ == domain and local:
            own[local] = record_id
    if own:
        for case in MissingPerson.objects.filter(case_number__in=list(own)):
            found[own[case.case_number]] = case
    return found


def records_known(record_ids: list[str]) -> set[str]:
    """Which of these PFIF records were applied already."""
    return set(
        PfifRecord.objects.filter(record_id__in=record_ids).values_list("record_id", flat=True)
    )


def is_own_record(record_id: str) -> bool:
    return record_id.partition("/")[0] == record_domain()
