"""Progress (`done` of `total`) is saved as matching goes, readable by
anyone while it runs; matching is shared between tasks and safe to repeat."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from cases.imports import services
from cases.imports.models import BatchStatus, ImportBatch
from tests.imports.lists import committed, csv_bytes

pytestmark = pytest.mark.django_db

ROWS = [("ФИО",), *[(f"Оганесян Арам{i}",) for i in range(7)]]


def create(supervisor: Any) -> ImportBatch:
    return services.import_create(
        actor=supervisor,
        file_name="list.csv",
        data=csv_bytes(ROWS),
        source="ombudsman",
        purpose="capture_report",
        reported_on=date(2020, 12, 28),
        enqueue=False,
    )


def test_progress_is_saved_every_n_rows_while_matching_runs(supervisor: Any, settings: Any) -> None:
    settings.IMPORT_PROGRESS_EVERY = 3
    batch = create(supervisor)
    seen: list[tuple[str, int, int]] = []

    services.import_match_rows(
        batch_id=batch.pk,
        first_line=1,
        last_line=100,
        on_progress=lambda b: seen.append((b.status, b.done, b.total)),
    )

    assert seen == [("matching", 3, 7), ("matching", 6, 7), ("review", 7, 7)]


def test_a_new_import_is_queued_with_its_total_before_matching(supervisor: Any) -> None:
    batch = create(supervisor)

    assert (batch.status, batch.done, batch.total) == (BatchStatus.QUEUED, 0, 7)


def test_rows_are_shared_between_tasks_and_the_last_one_opens_the_review(
    supervisor: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.IMPORT_TASK_ROWS = 3
    with django_capture_on_commit_callbacks() as callbacks:
        batch = services.import_create(
            actor=supervisor, file_name="list.csv", data=csv_bytes(ROWS), source="ombudsman",
            purpose="capture_report", reported_on=date(2020, 12, 28),
        )  # fmt: skip
    assert len(callbacks) == 1  # publishes one task per share: lines 2-4, 5-7, 8
    spans = [(2, 4), (5, 7), (8, 8)]

    services.import_match_rows(batch_id=batch.pk, first_line=5, last_line=7)
    assert ImportBatch.objects.get(pk=batch.pk).done == 3
    for first, last in spans:
        services.import_match_rows(batch_id=batch.pk, first_line=first, last_line=last)

    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.new) == ("review", 7, 7)


def test_matching_again_changes_nothing(supervisor: Any) -> None:
    batch = create(supervisor)
    services.import_match_rows(batch_id=batch.pk, first_line=1, last_line=100)

    assert services.import_match_rows(batch_id=batch.pk, first_line=1, last_line=100) == 0


def test_a_matching_task_that_fails_fails_the_import_saying_so(supervisor: Any) -> None:
    from cases.imports.tasks import match_import_rows

    batch = create(supervisor)
    # A column the rows do not have: every row would fail the same way.
    ImportBatch.objects.filter(pk=batch.pk).update(
        columns={"full_name": {"index": 7, "header": "gone"}}
    )

    result = match_import_rows.apply(args=(batch.pk, 1, 100), throw=False)

    assert result.failed()
    batch.refresh_from_db()
    assert (batch.status, batch.failure) == ("failed", "Matching stopped: IndexError.")


def test_an_apply_task_that_fails_goes_back_to_review_saying_so(supervisor: Any) -> None:
    from cases.imports.tasks import apply_import_rows

    batch = create(supervisor)
    services.import_match_rows(batch_id=batch.pk, first_line=1, last_line=100)
    row = batch.rows.order_by("line").first()
    assert row is not None
    services.import_row_decide(row=row, actor=supervisor, action="new")
    batch.rows.filter(pk=row.pk).update(data={"unexpected": True})
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.APPLYING, apply_requested_by=supervisor
    )

    result = apply_import_rows.apply(args=(batch.pk, 0), throw=False)

    assert result.failed()
    batch.refresh_from_db()
    assert (batch.status, batch.failure) == ("review", "Applying stopped: TypeError.")


def test_the_sweep_restarts_matching_whose_tasks_were_lost(supervisor: Any, settings: Any) -> None:
    settings.IMPORT_TASK_ROWS = 3
    batch = create(supervisor)  # as if the broker had been down at the commit
    services.import_match_rows(batch_id=batch.pk, first_line=2, last_line=3)
    assert services.imports_sweep() == 0  # it moved a moment ago: not stalled
    stalled_since = timezone.now() - timedelta(seconds=settings.IMPORT_SWEEP_GRACE_SECONDS + 1)
    ImportBatch.objects.filter(pk=batch.pk).update(progress_at=stalled_since)

    with committed():
        assert services.imports_sweep() == 1

    batch.refresh_from_db()
    assert (batch.status, batch.done) == ("review", 7)


def test_the_sweep_restarts_applying_whose_task_was_lost(supervisor: Any, settings: Any) -> None:
    batch = create(supervisor)
    services.import_match_rows(batch_id=batch.pk, first_line=1, last_line=100)
    for row in batch.rows.all():
        services.import_row_decide(row=row, actor=supervisor, action="new")
    services.import_apply(batch=batch, actor=supervisor, enqueue=False)  # the publish is lost
    stalled_since = timezone.now() - timedelta(seconds=settings.IMPORT_SWEEP_GRACE_SECONDS + 1)
    ImportBatch.objects.filter(pk=batch.pk).update(progress_at=stalled_since)

    with committed():
        assert services.imports_sweep() == 1

    batch.refresh_from_db()
    assert (batch.status, batch.applied) == ("applied", 7)
    assert services.imports_sweep() == 0
