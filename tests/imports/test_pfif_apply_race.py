"""The same PFIF person in two imports applied at the same moment opens one
case: the later of the two is refused on its row, then links to that case."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import pytest
from django.db import connection, connections

from cases.imports import services
from cases.imports.models import BatchStatus, ImportBatch, ImportRow, PfifRecord
from cases.models import CaptureReport, MissingPerson
from tests.imports.pfif_files import person, pfif

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
]


def _decided_new(supervisor: Any, text: str) -> ImportBatch:
    data = pfif(person(person_record_id="pf.example.org/7", full_name="Vahe Zakaryan", age=text))
    batch = services.import_create(
        actor=supervisor, file_name="f.xml", data=data, source="other",
        purpose="capture_report", reported_on=date(2021, 1, 5), enqueue=False,
    )  # fmt: skip
    services.import_match_rows(batch_id=batch.pk, first_line=1, last_line=10)
    (row,) = batch.rows.all()
    services.import_row_decide(row=row, actor=supervisor, action="new")
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.APPLYING, apply_requested_by=supervisor
    )
    return batch


def test_two_imports_of_one_person_applied_at_once_open_one_case(supervisor: Any) -> None:
    batches = [_decided_new(supervisor, "20"), _decided_new(supervisor, "21")]
    barrier = threading.Barrier(2)

    def apply(batch: ImportBatch) -> Any:
        try:
            barrier.wait(10)
            return services.import_apply_rows(batch_id=batch.pk)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(apply, b) for b in batches]:
            future.result(timeout=60)
    for batch in batches:  # the refused one, applied again
        if ImportBatch.objects.get(pk=batch.pk).status == BatchStatus.REVIEW:
            services.import_apply(batch=batch, actor=supervisor, enqueue=False)
            services.import_apply_rows(batch_id=batch.pk)

    assert MissingPerson.objects.count() == 1
    assert CaptureReport.objects.count() == 1
    rows = ImportRow.objects.filter(batch__in=batches)
    assert {r.applied_case_id for r in rows} == {MissingPerson.objects.get().pk}
    assert PfifRecord.objects.filter(record_id="pf.example.org/7").count() == 1
