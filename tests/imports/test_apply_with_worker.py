"""The whole path with a real Celery worker and Redis: a list is matched in
the worker, applied, and each linked relative is told exactly once; a task
delivered again changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db.models import Count

from cases import services as registry
from cases.imports import services
from cases.imports.models import BatchStatus, ImportBatch
from cases.imports.tasks import apply_import_rows
from cases.models import CaptureReport, CaseEvent
from families.models import Notification, NotificationStatus
from families.services import family_member_create
from tests.families.notify_scenario import eager_celery, staff
from tests.families.test_pipeline import delivered_ids
from tests.imports.lists import csv_bytes
from tests.worker import Worker, celery_worker, wait_for

__all__ = ["celery_worker"]

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MEN = ("Petrosyan Aram", "Sargsyan Davit", "Mkrtchyan Hayk")
RELATIVES_EACH = 2


def status_of(batch_id: int) -> Callable[[], str]:
    return lambda: ImportBatch.objects.get(pk=batch_id).status


def test_applying_a_list_tells_each_linked_relative_once(
    celery_worker: Callable[..., Worker], tmp_path: Path, settings: Any
) -> None:
    settings.IMPORT_MATCH_SCORE = 0.5  # see tests/imports/conftest.py
    worker_user = staff("cw-import", "caseworker", first_name="Anna", last_name="Petrosyan")
    boss = staff("sup-import", "supervisor", first_name="Sona", last_name="Avagyan")
    with eager_celery():
        for n, name in enumerate(MEN):
            family, given = name.split()
            case = registry.case_open(
                actor=worker_user, given_name=given, family_name=family,
                last_seen_date=date(2020, 12, 11), caseworker=worker_user,
            )  # fmt: skip
            for r in range(RELATIVES_EACH):
                family_member_create(
                    actor=worker_user, full_name=f"Relative {n}-{r}",
                    email=f"rel-{n}-{r}@example.org", language=("hy", "ru")[r], channels=["email"],
                    links=[{"case": case, "relationship": "sibling", "verified": True}],
                )  # fmt: skip
    mail = tmp_path / "mail"
    mail.mkdir()
    # The worker's own settings: a sole candidate is clear there too.
    celery_worker(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail),
        IMPORT_MATCH_SCORE="0.5",
    )

    batch = services.import_create(
        actor=boss, file_name="list.csv", data=csv_bytes([("ФИО",), *[(m,) for m in MEN]]),
        source="ombudsman", purpose="capture_report", reported_on=date(2020, 12, 28),
        verification="confirmed", share_with_family=True,
    )  # fmt: skip
    wait_for(lambda: status_of(batch.pk)() == BatchStatus.REVIEW, timeout=60)
    assert services.import_accept_matched(batch=batch, actor=boss) == len(MEN)
    services.import_apply(batch=batch, actor=boss)
    wait_for(lambda: status_of(batch.pk)() == BatchStatus.APPLIED, timeout=60)
    expected = len(MEN) * RELATIVES_EACH
    sent = Notification.objects.filter(status=NotificationStatus.SENT)
    wait_for(lambda: sent.count() == expected, timeout=120, interval=0.5)

    # A task delivered again (or a second apply) finds every row applied.
    ImportBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.APPLYING)
    apply_import_rows.delay(batch.pk, 0)
    wait_for(lambda: status_of(batch.pk)() == BatchStatus.APPLIED, timeout=60)
    services.import_apply(batch=batch, actor=boss)
    wait_for(lambda: not CaseEvent.objects.filter(dispatched=False).exists(), timeout=60)

    assert CaptureReport.objects.count() == len(MEN)
    per_member = Notification.objects.values("member").annotate(n=Count("id"))
    assert {row["n"] for row in per_member} == {1}
    assert per_member.count() == expected
    delivered = delivered_ids(mail)
    assert len(delivered) == expected
    assert set(delivered.values()) == {1}
