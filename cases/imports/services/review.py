"""The supervisor's part of an import: deciding rows (one by one, or every
matched row at once) and applying the decisions through the registry's
services. A row remembers what applying it made, under its row lock, in the
same transaction as the report or listing itself: applying twice, or two
applies at once, make each thing once.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import DatabaseError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from cases.errors import Conflict, DomainError, InvalidInput
from cases.imports.models import Action, BatchStatus, ImportBatch, ImportRow, Purpose, RowState
from cases.imports.services.intake import line_error, recount
from cases.imports.services.pfif import pfif_person_apply
from cases.imports.values import RowData
from cases.models import ExchangeListing, MissingPerson
from cases.services import capture_report_add, case_open, exchange_list_case, require_supervisor

logger = logging.getLogger(__name__)

DECISION_FIELDS = ["decision_action", "decision_case", "decided_by", "decided_at", "state"]
FAILED = _lazy("This import failed; upload the file again.")
APPLIED_FIELDS = ["applied_at", "applied_case", "applied_object_id", "apply_error"]


# --- decisions ---------------------------------------------------------------------------


def _lock_reviewable(batch_id: int) -> ImportBatch:
    batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
    if batch.status in (BatchStatus.QUEUED, BatchStatus.MATCHING):
        raise Conflict(_("This import is still being matched; decide its rows once it is done."))
    if batch.status == BatchStatus.APPLYING:
        raise Conflict(_("This import is being applied; decide again when it is done."))
    if batch.status == BatchStatus.FAILED:
        raise Conflict(str(FAILED))
    if batch.status == BatchStatus.APPLIED:
        # A row decided after applying (a skipped one taken up) reopens the review.
        batch.status = BatchStatus.REVIEW
        batch.save(update_fields=["status"])
    return batch


def _check_decision(
    batch: ImportBatch, row: ImportRow, action: str | None, case: MissingPerson | None
) -> None:
    if row.applied_at is not None:
        raise Conflict(
            _("Line %(line)d was applied already; it cannot change.") % {"line": row.line}
        )
    if action is None:
        return
    if action not in Action.values:
        raise InvalidInput({"decision": _("Unknown action; use match, new or skip.")})
    if row.outcome == RowState.ERROR and action != Action.SKIP:
        raise InvalidInput({"decision": f"{row.error} {_('This row can only be skipped.')}"})
    if action == Action.MATCH and case is None:
        raise InvalidInput({"decision": _("A match needs the case (its id).")})
    if action != Action.MATCH and case is not None:
        raise InvalidInput({"decision": _("Only a match names a case.")})
    if action == Action.NEW and batch.purpose == Purpose.EXCHANGE_LISTING:
        raise InvalidInput(
            {
                "decision": _(
                    "An exchange list only lists existing cases: match this row or skip it."
                )
            }
        )


def _set_decision(row: ImportRow, action: str | None, case_id: int | None, actor: Any) -> None:
    row.decision_action = action or ""
    row.decision_case_id = case_id
    row.decided_by = actor if action else None
    row.decided_at = timezone.now() if action else None
    row.state = RowState.SKIPPED if action == Action.SKIP else row.outcome


@transaction.atomic
def import_row_decide(
    *, row: ImportRow, actor: Any, action: str | None, case: MissingPerson | None = None
) -> ImportRow:
    """Match the row to a case, open a new case for it, or skip it
    (action None clears the decision)."""
    require_supervisor(actor)
    batch = _lock_reviewable(row.batch_id)
    locked = ImportRow.objects.select_for_update().get(pk=row.pk)
    _check_decision(batch, locked, action, case)
    _set_decision(locked, action, case.pk if case is not None else None, actor)
    locked.save(update_fields=DECISION_FIELDS)
    recount(batch.pk)
    return locked


@transaction.atomic
def import_accept_matched(*, batch: ImportBatch, actor: Any) -> int:
    """Every matched row still undecided is matched to its candidate."""
    require_supervisor(actor)
    locked = _lock_reviewable(batch.pk)
    rows = list(
        ImportRow.objects.select_for_update().filter(
            batch=locked, state=RowState.MATCHED, decision_action="", applied_at__isnull=True
        )
    )
    for row in rows:
        _set_decision(row, Action.MATCH, row.candidates[0]["case"], actor)
    ImportRow.objects.bulk_update(rows, DECISION_FIELDS, batch_size=500)
    recount(locked.pk)
    return len(rows)


# --- applying ----------------------------------------------------------------------------


@transaction.atomic
def import_apply(*, batch: ImportBatch, actor: Any, enqueue: bool = True) -> ImportBatch:
    """Start applying the decided rows (in a task, after the commit; with
    enqueue=False the caller runs import_apply_rows itself). An import
    already applying or applied is left as it is."""
    require_supervisor(actor)
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.status in (BatchStatus.QUEUED, BatchStatus.MATCHING):
        raise Conflict(_("This import is still being matched; apply it once it is reviewed."))
    if locked.status == BatchStatus.FAILED:
        raise Conflict(str(FAILED))
    if locked.status == BatchStatus.REVIEW:
        locked.status = BatchStatus.APPLYING
        locked.apply_requested_by = actor
        locked.apply_requested_at = locked.progress_at = timezone.now()
        locked.save(
            update_fields=["status", "apply_requested_by", "apply_requested_at", "progress_at"]
        )
        if enqueue:
            transaction.on_commit(lambda: publish_apply(locked.pk))
    return locked


def publish_apply(batch_id: int) -> None:
    from cases.imports.tasks import apply_import_rows

    try:
        apply_import_rows.delay(batch_id, 0)
    except Exception:
        if apply_import_rows.app.conf.task_always_eager:
            raise
        logger.warning("broker unavailable: import %s waits to be applied", batch_id, exc_info=True)


def import_apply_rows(*, batch_id: int, after_line: int = 0, limit: int = 500) -> int | None:
    """Apply up to `limit` decided rows after `after_line`, each in its own
    transaction. Returns the line to continue after, or None when done."""
    batch = ImportBatch.objects.select_related("exchange", "apply_requested_by").get(pk=batch_id)
    if batch.status != BatchStatus.APPLYING:
        return None
    waiting = ImportRow.objects.filter(
        batch_id=batch_id,
        line__gt=after_line,
        decision_action__in=[Action.MATCH, Action.NEW],
        applied_at__isnull=True,
    ).order_by("line")
    todo = list(waiting.values_list("pk", "line")[:limit])
    for row_id, _line in todo:
        _apply_row(batch, row_id)
    if len(todo) == limit:
        ImportBatch.objects.filter(pk=batch_id).update(progress_at=timezone.now())
        return todo[-1][1]
    _finish_apply(batch_id)
    return None


@transaction.atomic
def _apply_row(batch: ImportBatch, row_id: int) -> None:
    row = (
        ImportRow.objects.select_for_update(of=("self",))
        .select_related("decision_case")
        .get(pk=row_id)
    )
    if row.applied_at is not None or row.decision_action not in (Action.MATCH, Action.NEW):
        return  # another apply took it first
    actor = batch.apply_requested_by
    try:
        with transaction.atomic():
            case, made = _APPLY[batch.purpose](batch, row, actor)
    except DomainError as exc:
        _refuse_row(row, exc.message)
        return
    except OperationalError:
        raise  # passing (a lock conflict, the connection): the task retries
    except DatabaseError as exc:
        # This row's data the database would not store (a value too long, a
        # constraint): its savepoint is undone, the other rows still apply.
        # The log names the error's kind only: its text may quote a name.
        code = getattr(exc.__cause__, "sqlstate", "")
        logger.warning("import #%s line %s refused by the database (%s)", batch.pk, row.line, code)
        _refuse_row(row, _("The database refused this row's values; correct the file"))
        return
    row.applied_at = timezone.now()
    row.applied_case = case
    row.applied_object_id = made
    row.apply_error = ""
    row.save(update_fields=APPLIED_FIELDS)


def _refuse_row(row: ImportRow, message: str) -> None:
    row.apply_error = line_error(row.line, message)
    row.save(update_fields=["apply_error"])


def _report_of(batch: ImportBatch, row: ImportRow, case: MissingPerson, actor: Any) -> int:
    data = RowData.from_json(row.data)
    report = capture_report_add(
        actor=actor,
        case=case,
        source=batch.source,
        source_detail=_detail(batch, row, data),
        reported_on=batch.reported_on,
        name_as_reported=data.name,
        patronymic_as_reported=data.patronymic,
        date_of_birth_as_reported=data.date_of_birth,
        place_of_birth_as_reported=data.place_of_birth,
        rank_as_reported=data.rank,
        service_number_as_reported=data.service_number,
        verification=batch.verification,
        share_with_family=batch.share_with_family,
        notes=_report_notes(data),
    )
    return report.pk


def _detail(batch: ImportBatch, row: ImportRow, data: RowData) -> str:
    if data.record_id:
        return f"PFIF import #{batch.pk}, record {data.record_id}"[:500]
    return f"List import #{batch.pk}, line {row.line}"


def _report_notes(data: RowData) -> str:
    """What the report has no field for: a year of birth alone, an age."""
    said = []
    if data.date_of_birth is None and data.birth_year:
        said.append(f"Year of birth as reported: {data.birth_year}.")
    if data.age:
        said.append(f"Age as reported: {data.age}.")
    return " ".join(said)


def _open_case(row: ImportRow, actor: Any) -> MissingPerson:
    data = RowData.from_json(row.data)
    return case_open(
        actor=actor,
        given_name=data.given_name,
        family_name=data.family_name,
        patronymic=data.patronymic,
        date_of_birth=data.date_of_birth,
        place_of_birth=data.place_of_birth,
        service_number=data.service_number,
        rank=data.rank,
        sex=data.sex,
        name_native=data.name_native,
    )


def _apply_report(
    batch: ImportBatch, row: ImportRow, actor: Any
) -> tuple[MissingPerson, int | None]:
    if batch.file_kind == "pfif":
        return pfif_person_apply(
            batch=batch,
            row=row,
            actor=actor,
            open_case=lambda: _open_case(row, actor),
            add_report=lambda case: _report_of(batch, row, case, actor),
        )
    case = row.decision_case if row.decision_action == Action.MATCH else _open_case(row, actor)
    assert case is not None
    return case, _report_of(batch, row, case, actor)


def _apply_listing(batch: ImportBatch, row: ImportRow, actor: Any) -> tuple[MissingPerson, int]:
    case = row.decision_case
    assert case is not None
    assert batch.exchange is not None
    listed = ExchangeListing.objects.filter(exchange=batch.exchange, case=case).first()
    if listed is not None:  # already on the list (by hand): nothing more to do
        return case, listed.pk
    return case, exchange_list_case(exchange=batch.exchange, case=case, actor=actor).pk


_APPLY: dict[str, Any] = {
    Purpose.CAPTURE_REPORT: _apply_report,
    Purpose.EXCHANGE_LISTING: _apply_listing,
}


@transaction.atomic
def _finish_apply(batch_id: int) -> None:
    """Applied when nothing waits any more; otherwise back to review (rows
    still undecided, or whose applying was refused, e.g. a case that moved on)."""
    batch = recount(batch_id)
    if batch.status != BatchStatus.APPLYING:
        return
    rows = ImportRow.objects.filter(batch_id=batch_id, applied_at__isnull=True)
    waiting = rows.exclude(state=RowState.ERROR).exclude(decision_action=Action.SKIP).exists()
    batch.status = BatchStatus.REVIEW if waiting else BatchStatus.APPLIED
    batch.applied_at = timezone.now()
    batch.save(update_fields=["status", "applied_at"])
