"""Celery tasks of the registry: they take ids, and call a service."""

from __future__ import annotations

import logging

from celery import Task, shared_task

from cases.services import event_dispatch, events_sweep

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=2,
    retry_backoff_max=300,
    max_retries=8,
)
def dispatch_events(self: Task, event_ids: list[int]) -> int:
    """Dispatch each event in its own transaction. Safe to run twice."""
    done = 0
    for event_id in event_ids:
        done += event_dispatch(event_id=event_id)
    return done


@shared_task(acks_late=True)
def sweep_undispatched_events() -> int:
    return events_sweep()
