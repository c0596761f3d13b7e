"""Celery tasks of list imports: they take ids and call a service."""

from __future__ import annotations

import logging
from typing import Any

from celery import Task, shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from cases.imports import services

logger = logging.getLogger(__name__)
# The database went away for a moment: worth another try. Anything else is a
# bug, and retrying it would only hide it.
RETRY_ON = (OperationalError, InterfaceError)


class ImportTask(Task):
    """After its last retry, a task says so on the import, so the supervisor
    sees that it stopped instead of a progress that never moves."""

    stage = "Matching"

    def on_failure(self, exc: Exception, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        logger.error("import %s: %s gave up: %s", args[0], self.name, type(exc).__name__)
        reason = f"{self.stage} stopped: {type(exc).__name__}."
        services.import_fail(batch_id=args[0], reason=reason)


class ApplyTask(ImportTask):
    stage = "Applying"


@shared_task(
    base=ImportTask,
    bind=True,
    acks_late=True,
    autoretry_for=RETRY_ON,
    retry_backoff=2,
    max_retries=5,
)
def match_import_rows(self: Task, batch_id: int, first_line: int, last_line: int) -> int:
    """Match one share of an import's rows; safe to run twice."""
    return services.import_match_rows(batch_id=batch_id, first_line=first_line, last_line=last_line)


@shared_task(
    base=ApplyTask,
    bind=True,
    acks_late=True,
    autoretry_for=RETRY_ON,
    retry_backoff=2,
    max_retries=8,
)
def apply_import_rows(self: Task, batch_id: int, after_line: int) -> int | None:
    """Apply the decided rows, a share per task; each row once, however
    often this runs."""
    cursor = services.import_apply_rows(
        batch_id=batch_id, after_line=after_line, limit=settings.IMPORT_TASK_ROWS
    )
    if cursor is not None:
        apply_import_rows.delay(batch_id, cursor)
    return cursor


@shared_task(acks_late=True, ignore_result=True)
def sweep_imports() -> int:
    return services.imports_sweep()
