"""Health probes for /healthz: the database and the Celery broker."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.warning("health: database unreachable", exc_info=True)
        return False
    return True


def broker_state() -> str:
    """'eager' when tasks run in-process, 'ok' when the broker answers, else 'down'."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from casemgr.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            # A TCP connect is not enough for Redis: ask it to answer.
            client = getattr(conn.default_channel, "client", None)
            if client is not None:
                client.ping()
    except Exception:
        logger.warning("health: broker unreachable", exc_info=True)
        return "down"
    return "ok"
