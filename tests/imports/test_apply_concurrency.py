"""Two applies of the same import at once (a double click, a redelivered
task) make each report once: each row is claimed under its row lock."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import pytest
from django.db import connection, connections

from cases.imports import services
from cases.imports.models import BatchStatus, ImportBatch, ImportRow
from cases.models import CaptureReport, CaseEvent, EventKind, MissingPerson
from tests.imports.lists import csv_bytes

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and concurrent writers need PostgreSQL"
    ),
]

MEN = 20


def test_two_applies_at_once_make_each_report_once(
    supervisor: Any, make_case: Callable[..., MissingPerson]
) -> None:
    cases = [make_case(given_name=f"Aram{i:02d}", family_name="Petrosyan") for i in range(MEN)]
    data = csv_bytes([("Full name",), *[(f"Petrosyan Aram{i:02d}",) for i in range(MEN)]])
    batch = services.import_create(
        actor=supervisor, file_name="l.csv", data=data, source="icrc",
        purpose="capture_report", reported_on=date(2020, 12, 28), enqueue=False,
    )  # fmt: skip
    services.import_match_rows(batch_id=batch.pk, first_line=1, last_line=10_000)
    # Decided by hand: this test is about applying, whatever the matcher says.
    for row, case in zip(batch.rows.order_by("line"), cases, strict=True):
        services.import_row_decide(row=row, actor=supervisor, action="match", case=case)
    # As import_apply leaves it, without its own task running first.
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.APPLYING, apply_requested_by=supervisor
    )
    barrier = threading.Barrier(2)

    def apply() -> Any:
        try:
            barrier.wait(10)
            return services.import_apply_rows(batch_id=batch.pk, limit=1000)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(apply), pool.submit(apply)]:
            future.result(timeout=60)

    assert CaptureReport.objects.count() == MEN
    assert sorted(CaptureReport.objects.values_list("case_id", flat=True)) == [c.pk for c in cases]
    added = CaseEvent.objects.filter(kind=EventKind.CAPTURE_REPORT_ADDED).count()
    assert added == MEN
    assert not ImportRow.objects.filter(batch=batch, applied_at__isnull=True).exists()
    assert ImportBatch.objects.get(pk=batch.pk).status == BatchStatus.APPLIED
