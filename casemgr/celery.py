"""The Celery app. Configuration lives in Django settings under CELERY_*."""

from __future__ import annotations

import os
from typing import Any

from celery import Celery, states
from celery.signals import task_postrun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casemgr.settings")

app = Celery("casemgr")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_postrun.connect
def keep_or_close_db_connections(sender: Any = None, state: str | None = None, **_: Any) -> None:
    """Between tasks, treat database connections as Django does between
    requests. Celery's own fixup would close them after every task (celery
    #9824) unless CELERY_DB_REUSE_MAX is set (settings set it): a new
    PostgreSQL connection per task was the largest cost of a delivery
    (bench/README.md). Reuse is safe only after a task that ended normally:
    one stopped by its time limit or an error may have left a query half
    done, so its connections are closed. Otherwise close_old_connections
    applies CONN_MAX_AGE and makes the next query check the connection
    first (CONN_HEALTH_CHECKS), so a restarted PostgreSQL costs no task."""
    if getattr(getattr(sender, "request", None), "is_eager", False):
        return  # in-process (eager) tasks share the caller's connection and transaction
    from django.db import close_old_connections, connections

    if state == states.SUCCESS:
        close_old_connections()
    else:
        connections.close_all()
