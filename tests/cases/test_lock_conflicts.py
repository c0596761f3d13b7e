"""A deadlock that still happens (two writers crossing their locks, which the
one lock order rules out for the services) is run again when the service's
transaction is the outermost one, refused with a 409 when it is not, and never
reaches a client as a 500."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import OperationalError, transaction

from casemgr.api_errors import exception_handler
from cases.errors import ConcurrentChange
from cases.models import MissingPerson
from cases.services.locking import atomic_retrying, lock_case
from tests.racing import in_thread, on_postgresql

pytestmark = on_postgresql


def _crossing(
    first: MissingPerson, second: MissingPerson, mine: threading.Event, theirs: threading.Event
) -> Callable[[], str]:
    """Lock `first`, wait until the other writer holds its own, lock `second`."""

    def take() -> str:
        lock_case(first.pk)
        mine.set()
        assert theirs.wait(10)
        lock_case(second.pk)
        return "done"

    return take


def _race(wrap: Callable[[Callable[[], str]], Callable[[], Any]], a, b) -> list[Any]:
    a_holds, b_holds = threading.Event(), threading.Event()
    writers = [
        wrap(_crossing(a, b, a_holds, b_holds)),
        wrap(_crossing(b, a, b_holds, a_holds)),
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(in_thread(w)) for w in writers]
        return [f.result(timeout=30) for f in futures]


def _counted(calls: list[int]) -> Callable[[Callable[[], str]], Callable[[], Any]]:
    def wrap(fn: Callable[[], str]) -> Callable[[], Any]:
        def counted() -> str:
            calls.append(1)
            return fn()

        return atomic_retrying(counted)

    return wrap


def test_a_deadlocked_transaction_is_run_again_and_both_writers_succeed(
    make_case, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="cases.services.locking")
    calls: list[int] = []
    results = _race(_counted(calls), make_case(), make_case())
    assert results == ["done", "done"]
    assert len(calls) == 3  # one of the two ran twice
    (retry,) = [r for r in caplog.records if "lock conflict" in r.getMessage()]
    assert "40P01" in retry.getMessage()


def test_inside_an_outer_transaction_a_deadlock_is_refused_as_a_concurrent_change(
    make_case,
) -> None:
    calls: list[int] = []

    def in_outer(fn: Callable[[], str]) -> Callable[[], Any]:
        retrying = _counted(calls)(fn)

        def outer() -> Any:
            with transaction.atomic():
                return retrying()

        return outer

    results = _race(in_outer, make_case(), make_case())
    assert sorted(map(type, results), key=str) == sorted([str, ConcurrentChange], key=str)
    assert len(calls) == 2  # nothing to run again: the outer transaction is lost


def test_a_deadlock_that_reaches_the_api_is_a_409_saying_try_again(make_case) -> None:
    results = _race(lambda fn: transaction.atomic()(fn), make_case(), make_case())
    (deadlock,) = [r for r in results if isinstance(r, OperationalError)]
    response = exception_handler(deadlock, {})
    assert response is not None
    assert response.status_code == 409
    assert response.data["code"] == "concurrent_change"
    assert "try again" in response.data["detail"]


def test_other_database_errors_are_not_mistaken_for_a_lock_conflict(db) -> None:
    assert exception_handler(OperationalError("connection refused"), {}) is None
