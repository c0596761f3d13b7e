"""Taking a file in and matching its rows."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import dates
from cases.errors import Conflict, InvalidInput
from cases.imports.columns import find_columns
from cases.imports.errors import ImportProblem, RowInvalid
from cases.imports.files import Limits, read_table
from cases.imports.models import (
    Action,
    BatchStatus,
    ImportBatch,
    ImportRow,
    NameOrder,
    Purpose,
    RowState,
)
from cases.imports.pfif import interpret_person
from cases.imports.selectors import linked_cases
from cases.imports.values import RowData, interpret
from cases.matching import Candidate, match_many
from cases.models import Exchange, ExchangeStatus
from cases.services import refuse_future_dates, require_supervisor, validate_instance

logger = logging.getLogger(__name__)

CANDIDATES_PER_ROW = 5
MATCH_FIELDS = ["data", "outcome", "state", "candidates", "error"]


# --- taking a file in ------------------------------------------------------------------


def import_create(
    *,
    actor: Any,
    file_name: str,
    data: bytes,
    source: str,
    purpose: str,
    exchange: Exchange | None = None,
    reported_on: date | None = None,
    verification: str = "unverified",
    share_with_family: bool = False,
    name_order: str = NameOrder.FAMILY_FIRST,
    columns: dict[str, Any] | None = None,
    enqueue: bool = True,
) -> ImportBatch:
    """Read the file and store its rows, or refuse it (400) storing nothing;
    matching runs after the commit in Celery tasks (`enqueue=False` leaves
    it to the caller, as import_list does in the terminal)."""
    require_supervisor(actor)
    _check_purpose(purpose, exchange, reported_on)
    try:
        table = read_table(data, limits=Limits.from_settings())
        mapping = (
            table.columns if table.columns is not None else find_columns(table.header, columns)
        )
    except ImportProblem as exc:
        raise InvalidInput({exc.field: exc.message}) from exc
    _check_kind(table.kind, purpose)
    batch = ImportBatch(
        file_name=file_name[:255],
        file_kind=table.kind,
        sha256=hashlib.sha256(data).hexdigest(),
        source=source,
        purpose=purpose,
        exchange=exchange,
        reported_on=reported_on,
        verification=verification,
        share_with_family=share_with_family,
        name_order=name_order,
        header=_labels(table.header),
        columns=mapping,
        total=len(table.rows),
        created_by=actor,
        progress_at=timezone.now(),
    )
    validate_instance(batch, exclude=["sha256"])
    _refuse_same_file(batch)
    with transaction.atomic():
        _save_new(batch)
        ImportRow.objects.bulk_create(
            [
                ImportRow(batch=batch, line=row.line, cells=row.cells, error=_problems(row))
                for row in table.rows
            ],
            batch_size=1000,
        )
        if enqueue:
            spans = _spans([row.line for row in table.rows])
            transaction.on_commit(lambda: _publish_matching(batch.pk, spans))
    return batch


def imports_sweep() -> int:
    """Publish again the work of imports that stopped moving for
    IMPORT_SWEEP_GRACE_SECONDS: matching whose tasks never reached the broker,
    applying whose task was lost. The tasks are safe to run twice. Returns
    how many imports were restarted."""
    from cases.imports.services.review import publish_apply

    cutoff = timezone.now() - timedelta(seconds=settings.IMPORT_SWEEP_GRACE_SECONDS)
    stalled = ImportBatch.objects.filter(
        status__in=[BatchStatus.QUEUED, BatchStatus.MATCHING, BatchStatus.APPLYING],
        progress_at__lt=cutoff,
    )
    restarted = 0
    for batch in stalled:
        # Claimed by moving progress_at: two sweeps do not both restart it.
        if not ImportBatch.objects.filter(pk=batch.pk, progress_at=batch.progress_at).update(
            progress_at=timezone.now()
        ):
            continue
        logger.warning("sweep: import %s stalled while %s; restarted", batch.pk, batch.status)
        if batch.status == BatchStatus.APPLYING:
            publish_apply(batch.pk)
        else:
            pending = ImportRow.objects.filter(batch=batch, state=RowState.PENDING)
            _publish_matching(
                batch.pk, _spans(list(pending.order_by("line").values_list("line", flat=True)))
            )
        restarted += 1
    return restarted


def _check_purpose(purpose: str, exchange: Exchange | None, reported_on: date | None) -> None:
    if purpose == Purpose.EXCHANGE_LISTING:
        if exchange is None:
            raise InvalidInput({"exchange": _("An exchange list needs the exchange (its id).")})
        if exchange.status != ExchangeStatus.PLANNED:
            message = _("This exchange is %(status)s; only a planned one takes a list.")
            raise InvalidInput({"exchange": message % {"status": exchange.get_status_display()}})
    elif purpose == Purpose.CAPTURE_REPORT:
        if reported_on is None:
            raise InvalidInput({"reported_on": _("Capture reports need the date of the list.")})
        if exchange is not None:
            raise InvalidInput({"exchange": _("Only an exchange list names an exchange.")})
        refuse_future_dates({"reported_on": reported_on}, ["reported_on"])


def _check_kind(kind: str, purpose: str) -> None:
    if kind == "pfif" and purpose != Purpose.CAPTURE_REPORT:
        raise InvalidInput(
            {
                "purpose": _(
                    "A PFIF file brings persons and their notes: import it as capture reports."
                )
            }
        )


def _labels(header: Sequence[str]) -> list[str]:
    """One unique label per column: the header, or its letter when the
    header is empty or repeats."""
    from openpyxl.utils.cell import get_column_letter

    labels: list[str] = []
    for index, text in enumerate(header, start=1):
        # Stored and keyed by (the API's `values`): the letter alone, in no
        # reader's language.
        label = text or get_column_letter(index)
        labels.append(label if label not in labels else f"{label} ({get_column_letter(index)})")
    return labels


def _problems(row: Any) -> str:
    return line_error(row.line, *row.problems) if row.problems else ""


def line_error(line: int, *problems: str) -> str:
    """How a row's error reads: its line first, then each problem, ending
    with one full stop (a problem that is a sentence brings its own)."""
    problem = "; ".join(p.strip().rstrip(".") for p in problems)
    return _("Line %(line)d: %(problem)s.") % {"line": line, "problem": problem}


def _refuse_same_file(batch: ImportBatch) -> None:
    earlier = (
        ImportBatch.objects.filter(sha256=batch.sha256, purpose=batch.purpose)
        .exclude(status=BatchStatus.FAILED)
        .first()
    )
    if earlier is not None:
        raise Conflict(_same_file_message(earlier))


def _same_file_message(earlier: ImportBatch) -> str:
    return _("This file was already uploaded as import #%(id)d (%(when)s, %(status)s).") % {
        "id": earlier.pk,
        "when": dates.moment(earlier.created_at),
        "status": earlier.get_status_display(),
    }


def _save_new(batch: ImportBatch) -> None:
    try:
        with transaction.atomic():
            batch.save()
    except IntegrityError as exc:  # the same file, uploaded at the same moment
        earlier = ImportBatch.objects.filter(sha256=batch.sha256, purpose=batch.purpose).first()
        raise Conflict(_same_file_message(earlier) if earlier else str(exc)) from exc


def _spans(lines: list[int]) -> list[tuple[int, int]]:
    """(first line, last line) of each task's share of the rows."""
    size = max(1, settings.IMPORT_TASK_ROWS)
    return [(lines[i], lines[min(i + size, len(lines)) - 1]) for i in range(0, len(lines), size)]


def _publish_matching(batch_id: int, spans: list[tuple[int, int]]) -> None:
    from cases.imports.tasks import match_import_rows

    try:
        for first, last in spans:
            match_import_rows.delay(batch_id, first, last)
    except Exception:
        if match_import_rows.app.conf.task_always_eager:
            raise
        logger.warning("broker unavailable: import %s waits to be matched", batch_id, exc_info=True)


# --- matching ------------------------------------------------------------------------


def import_match_rows(
    *,
    batch_id: int,
    first_line: int,
    last_line: int,
    on_progress: Callable[[ImportBatch], None] | None = None,
) -> int:
    """Match the rows of lines first..last still waiting, saving progress
    every IMPORT_PROGRESS_EVERY rows. Safe to run twice, and in parallel
    (a row is taken by one step only)."""
    ImportBatch.objects.filter(pk=batch_id, status=BatchStatus.QUEUED).update(
        status=BatchStatus.MATCHING
    )
    done = 0
    while step := _match_step(batch_id, first_line, last_line):
        done += step
        if on_progress is not None:
            on_progress(ImportBatch.objects.get(pk=batch_id))
    return done


@transaction.atomic
def _match_step(batch_id: int, first_line: int, last_line: int) -> int:
    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status != BatchStatus.MATCHING:
        return 0
    rows = list(
        ImportRow.objects.select_for_update(skip_locked=True)
        .filter(batch_id=batch_id, state=RowState.PENDING, line__range=(first_line, last_line))
        .order_by("line")[: max(1, settings.IMPORT_PROGRESS_EVERY)]
    )
    _match_rows(batch, rows)
    _save_matched(rows)
    if rows:
        recount(batch_id)
    return len(rows)


def _save_matched(rows: list[ImportRow]) -> None:
    """One plain UPDATE a row, sent together (psycopg pipelines executemany):
    bulk_update's CASE expressions over JSON cost more to build than the rows
    cost to write, and a save() a row waits for each reply (bench/README.md)."""
    table = connection.ops.quote_name(ImportRow._meta.db_table)
    columns = ", ".join(f"{connection.ops.quote_name(name)} = %s" for name in MATCH_FIELDS)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET {columns} WHERE id = %s",  # noqa: S608 - names from the model
            [
                (
                    json.dumps(row.data),
                    row.outcome,
                    row.state,
                    json.dumps(row.candidates),
                    row.error,
                    row.pk,
                )
                for row in rows
            ],
        )


def _match_rows(batch: ImportBatch, rows: list[ImportRow]) -> None:
    """Read each row, then match together those the matcher decides: a
    handful of queries for the share instead of several a row (each row is
    still matched as if alone, cases/blocking.py)."""
    read: list[tuple[ImportRow, RowData]] = []
    for row in rows:
        if row.error:
            continue
        try:
            read.append((row, _interpret(batch, row)))
        except RowInvalid as exc:
            row.error = line_error(row.line, exc.message)
    found = _candidates([data for _row, data in read])
    for (row, data), candidates in zip(read, found, strict=True):
        row.data = data.to_json()
        row.outcome, row.candidates = classify(candidates)
    for row in rows:
        if row.error:
            row.outcome = RowState.ERROR
        row.state = RowState.SKIPPED if row.decision_action == Action.SKIP else row.outcome


def _interpret(batch: ImportBatch, row: ImportRow) -> RowData:
    if batch.file_kind == "pfif":
        return interpret_person(batch.header, row.cells, name_order=batch.name_order)
    return interpret(row.cells, batch.columns, name_order=batch.name_order)


def _candidates(rows: list[RowData]) -> list[list[Candidate]]:
    """A PFIF record applied before (or one of our own records) is its case,
    for certain; everything else goes to the matcher, all together."""
    linked = linked_cases(data.record_id for data in rows if data.record_id)
    asked = [data.query() for data in rows if data.record_id not in linked]
    found = iter(match_many(asked, limit=CANDIDATES_PER_ROW))
    return [
        [Candidate(case=linked[data.record_id], score=1.0, reasons=("same PFIF record",))]
        if data.record_id in linked
        else next(found)
        for data in rows
    ]


def classify(candidates: Sequence[Candidate]) -> tuple[str, list[dict[str, Any]]]:
    """matched: one clear candidate (score at least IMPORT_MATCH_SCORE and
    IMPORT_CLEAR_MARGIN above the next); ambiguous: candidates, none clear;
    new: no candidate worth showing. A candidate is worth showing on its own
    likelihood: the score is shared among namesakes, so a common name's
    many namesakes each score low, and the row is ambiguous, never new."""
    floor = settings.IMPORT_CANDIDATE_SCORE
    kept = sorted(
        (c for c in candidates if max(c.score, c.likelihood) >= floor),
        key=lambda c: c.score,
        reverse=True,
    )
    shown = [_candidate_json(c) for c in kept]
    if not kept:
        return RowState.NEW, shown
    runner_up = kept[1].score if len(kept) > 1 else 0.0
    best = kept[0].score
    if best >= settings.IMPORT_MATCH_SCORE and best - runner_up >= settings.IMPORT_CLEAR_MARGIN:
        return RowState.MATCHED, shown
    return RowState.AMBIGUOUS, shown


def _candidate_json(candidate: Candidate) -> dict[str, Any]:
    case = candidate.case
    return {
        "case": case.pk,
        "case_number": case.case_number,
        "name": case.full_name,
        "date_of_birth": case.date_of_birth.isoformat() if case.date_of_birth else None,
        "service_number": case.service_number or "",
        "status": case.status,
        "score": round(candidate.score, 3),
        "reasons": list(candidate.reasons),
    }


def recount(batch_id: int) -> ImportBatch:
    """Counters from the rows themselves, under the batch's row lock (so two
    tasks finishing together write them in turn); the batch is ready for
    review once no row is pending."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
    counts = ImportRow.objects.filter(batch_id=batch_id).aggregate(
        pending=Count("id", filter=Q(state=RowState.PENDING)),
        matched=Count("id", filter=Q(state=RowState.MATCHED)),
        new=Count("id", filter=Q(state=RowState.NEW)),
        ambiguous=Count("id", filter=Q(state=RowState.AMBIGUOUS)),
        errors=Count("id", filter=Q(state=RowState.ERROR)),
        skipped=Count("id", filter=Q(state=RowState.SKIPPED)),
        applied=Count("id", filter=Q(applied_at__isnull=False)),
    )
    batch.done = batch.total - counts.pop("pending")
    for name, value in counts.items():
        setattr(batch, name, value)
    batch.progress_at = timezone.now()
    fields = ["done", "progress_at", *counts]
    if batch.status == BatchStatus.MATCHING and batch.done >= batch.total:
        batch.status = BatchStatus.REVIEW
        batch.reviewable_at = timezone.now()
        fields += ["status", "reviewable_at"]
    batch.save(update_fields=fields)
    return batch


def import_fail(*, batch_id: int, reason: str) -> None:
    """A task gave up (after its retries). Matching that stopped fails the
    import, saying why; applying that stopped goes back to review, so that
    the supervisor can apply again (the rows already applied stay so)."""
    ImportBatch.objects.filter(
        pk=batch_id, status__in=[BatchStatus.QUEUED, BatchStatus.MATCHING]
    ).update(status=BatchStatus.FAILED, failure=reason[:500])
    ImportBatch.objects.filter(pk=batch_id, status=BatchStatus.APPLYING).update(
        status=BatchStatus.REVIEW, failure=reason[:500]
    )
