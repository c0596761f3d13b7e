"""The order of the work on the broker: a delivery waiting in the queue is
served before the fan-out of further events (which sits at a lower
priority), so the first relatives of a large save hear while the rest is
still being fanned out. Checked on the real Redis broker."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings

from casemgr.celery import app as celery_app
from cases.services.events import DISPATCH_CHUNK, _publish_dispatch
from families.notify import enqueue_deliveries
from tests.worker import purge_redis, redis_reachable

pytestmark = pytest.mark.worker


@pytest.fixture
def broker() -> Iterator[str]:
    url = settings.CELERY_BROKER_URL
    if settings.CELERY_TASK_ALWAYS_EAGER or not redis_reachable(url):
        pytest.skip("needs Redis: run through `make test` with CELERY_BROKER_URL")
    purge_redis(url)
    yield url
    purge_redis(url)


def drain(count: int) -> list[tuple[str, Any]]:
    """Take `count` messages off the default queue in the order a worker gets them."""
    taken = []
    with celery_app.connection_for_read() as conn:
        queue = conn.SimpleQueue(celery_app.conf.task_default_queue)
        try:
            for _ in range(count):
                message = queue.get(timeout=5)
                taken.append((message.headers["task"], message.payload[0][0]))
                message.ack()
        finally:
            queue.close()
    return taken


def test_waiting_deliveries_go_ahead_of_the_next_events_fan_out(broker: str) -> None:
    events = list(range(1, 2 * DISPATCH_CHUNK + 6))  # three chunks
    _publish_dispatch(events)
    assert enqueue_deliveries([101, 102]) == 2  # published after the events

    assert drain(5) == [
        ("families.tasks.deliver", 101),
        ("families.tasks.deliver", 102),
        ("cases.tasks.dispatch_events", events[:DISPATCH_CHUNK]),
        ("cases.tasks.dispatch_events", events[DISPATCH_CHUNK : 2 * DISPATCH_CHUNK]),
        ("cases.tasks.dispatch_events", events[2 * DISPATCH_CHUNK :]),
    ]
