"""Celery tasks of the families app: they take ids and call a service."""

from __future__ import annotations

from celery import shared_task

from families.delivery import notification_deliver, notifications_sweep


@shared_task(bind=True, acks_late=True, max_retries=None, ignore_result=True)
def deliver(self, notification_id: int) -> str:
    """Send one notification. Retries (with backoff) live here; how many and
    whether to give up is decided from the row's own attempt count, so a
    task re-enqueued by the sweep continues the same count."""
    result = notification_deliver(notification_id=notification_id)
    if result.retry_in is not None and not self.request.is_eager:
        # If this publish fails (broker down) the row stays pending and the
        # sweep takes it; the retry is only the fast path.
        raise self.retry(countdown=result.retry_in)
    return result.outcome


@shared_task(acks_late=True, ignore_result=True)
def sweep_notifications() -> dict[str, int]:
    return notifications_sweep()
