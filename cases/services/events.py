"""The outbox: appending events, handing them to consumers, and the sweep."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import timedelta
from functools import cache
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from cases.models import CaseEvent, EventKind, MissingPerson

logger = logging.getLogger(__name__)

# Events per dispatch task. Small, so that the first relatives hear while
# the rest of a large save is still being fanned out (bench/README.md).
DISPATCH_CHUNK = 10
# Below the default priority (0, served first by the Redis transport): the
# work the consumers publish for an event (each message's delivery) goes ahead
# of the fan-out of the next events, so the first messages of a large save go
# out while the rest is still being fanned out, instead of after all of it.
DISPATCH_PRIORITY = 6


def event_append(
    *,
    case: MissingPerson,
    kind: EventKind | str,
    actor: Any,
    summary: str,
    family_visible: bool = False,
    data: dict[str, Any] | None = None,
    at: Any = None,
) -> CaseEvent:
    """Append one event and schedule its dispatch for after the commit."""
    event = CaseEvent.objects.create(
        case=case,
        kind=kind,
        actor=actor if getattr(actor, "pk", None) else None,
        at=at or timezone.now(),
        family_visible=family_visible,
        summary=summary[:500],
        data=data or {},
    )
    enqueue_dispatch([event.pk])
    return event


def enqueue_dispatch(event_ids: Iterable[int]) -> None:
    """After commit, publish the dispatch of these events.

    This is only the fast path: if the broker is down the publish fails fast
    (bounded timeouts in settings) and the sweep dispatches the events later.
    """
    ids = list(event_ids)
    if ids:
        transaction.on_commit(lambda: _publish_dispatch(ids))


def _publish_dispatch(ids: list[int]) -> None:
    from cases.tasks import dispatch_events

    published = 0
    try:
        # One producer (one broker connection) for every chunk.
        with dispatch_events.app.producer_or_acquire() as producer:
            for start in range(0, len(ids), DISPATCH_CHUNK):
                chunk = ids[start : start + DISPATCH_CHUNK]
                try:
                    dispatch_events.apply_async(
                        (chunk,), producer=producer, priority=DISPATCH_PRIORITY
                    )
                except Exception:
                    if not dispatch_events.app.conf.task_always_eager:
                        raise
                    # In-process mode: the failure is a real error in a consumer.
                    logger.exception("dispatch of events %s failed; the sweep will retry", chunk)
                published += len(chunk)
    except Exception:
        # The broker is down: every further chunk would wait out the same
        # dead broker (up to the socket timeout each); the sweep has them all.
        logger.warning(
            "broker unavailable: %d event(s) left for the sweep",
            len(ids) - published,
            exc_info=True,
        )


@cache
def _consumers(paths: tuple[str, ...]) -> list[Callable[[CaseEvent], None]]:
    return [import_string(path) for path in paths]


def event_consumers() -> list[Callable[[CaseEvent], None]]:
    return _consumers(tuple(settings.CASE_EVENT_CONSUMERS))


@transaction.atomic
def event_dispatch(*, event_id: int) -> bool:
    """Hand one event to every consumer, then mark it dispatched.

    Consumers run in this transaction and must be idempotent: if a worker
    dies before the commit, the event is dispatched again, and nothing the
    consumers wrote the first time survives the rollback. Returns False when
    there was nothing to do (already dispatched, or another worker holds it).
    """
    event = (
        CaseEvent.objects.select_for_update(skip_locked=True)
        .select_related("case")
        .filter(pk=event_id, dispatched=False)
        .first()
    )
    if event is None:
        return False
    for consumer in event_consumers():
        consumer(event)
    event.dispatched = True
    event.dispatched_at = timezone.now()
    event.save(update_fields=["dispatched", "dispatched_at"])
    return True


def events_sweep(*, limit: int = 500) -> int:
    """Dispatch events that the fast path missed (broker down, worker lost).

    Each event is dispatched in its own transaction so that one failing
    consumer does not hold back the others.
    """
    cutoff = timezone.now() - timedelta(seconds=settings.OUTBOX_SWEEP_GRACE_SECONDS)
    ids = list(
        CaseEvent.objects.filter(dispatched=False, at__lte=cutoff)
        .order_by("at", "id")
        .values_list("id", flat=True)[:limit]
    )
    done = 0
    for event_id in ids:
        try:
            done += event_dispatch(event_id=event_id)
        except Exception:
            logger.exception("sweep: dispatch of event %s failed; will retry", event_id)
    if ids:
        logger.info("sweep: dispatched %d of %d pending event(s)", done, len(ids))
    return done
