"""Real transactions racing in threads, each with its own PostgreSQL connection.

Where the outcome depends on one writer waiting for another's lock, the test
holds the lock (or the first writer's transaction) open until PostgreSQL
reports the others waiting (pg_stat_activity), so the race is the same on
every run.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connection, connections, transaction

from cases.models import MissingPerson

on_postgresql = [
    # serialized_rollback: the flush after each test would drop the role groups
    # that migrations created; this restores them.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and concurrent writers need PostgreSQL"
    ),
]


def in_thread(fn: Callable[[], Any]) -> Callable[[], Any]:
    """Run fn on this thread's own connection, and close it afterwards; an
    exception is returned, not raised, so the test can assert on it."""

    def run() -> Any:
        try:
            return fn()
        except Exception as exc:
            return exc
        finally:
            connections.close_all()

    return run


def lock_waiters() -> int:
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return int(cursor.fetchone()[0])


def wait_for_lock_waiters(count: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while lock_waiters() < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"fewer than {count} writer(s) ever waited for a lock")
        time.sleep(0.02)


def first_holds_while_second_runs(first: Callable[[], Any], second: Callable[[], Any]) -> list:
    """first() runs in a transaction that stays open until second() is blocked on it."""
    holding, release = threading.Event(), threading.Event()

    def held() -> Any:
        with transaction.atomic():
            result = first()
            holding.set()
            release.wait(10)
        return result

    def after() -> Any:
        holding.wait(10)
        return second()

    with ThreadPoolExecutor(max_workers=2) as pool:
        a = pool.submit(in_thread(held))
        b = pool.submit(in_thread(after))
        holding.wait(10)
        wait_for_lock_waiters(1)
        release.set()
        return [a.result(timeout=20), b.result(timeout=20)]


@contextmanager
def case_held(case: MissingPerson) -> Iterator[None]:
    """Hold the case's row lock (from another connection) until the block ends."""
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with transaction.atomic():
            MissingPerson.objects.select_for_update().get(pk=case.pk)
            holding.set()
            release.wait(20)

    with ThreadPoolExecutor(max_workers=1) as pool:
        holder = pool.submit(in_thread(hold))
        assert holding.wait(10), "the case lock was never taken"
        try:
            yield
        finally:
            release.set()
            holder.result(timeout=20)


def queued_behind_the_case(case: MissingPerson, *writers: Callable[[], Any]) -> list[Any]:
    """Start each writer while the case is locked, in order, each one only
    once the ones before it wait for a lock, then let them all go: the first
    writer gets the case first. Returns what each returned (or raised)."""
    with ThreadPoolExecutor(max_workers=len(writers)) as pool:
        futures: list[Future[Any]] = []
        with case_held(case):
            for n, writer in enumerate(writers, start=1):
                futures.append(pool.submit(in_thread(writer)))
                wait_for_lock_waiters(n)
        return [f.result(timeout=30) for f in futures]
