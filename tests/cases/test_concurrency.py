"""Real transactions racing in threads, each with its own PostgreSQL connection
(tests/racing.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

from cases import services
from cases.errors import IllegalTransition, InvalidInput, StaleVersion
from cases.models import EventKind, MissingPerson, PendingTransition
from tests.racing import first_holds_while_second_runs, in_thread, on_postgresql

pytestmark = on_postgresql


def test_two_updates_from_the_same_version_one_wins_the_other_is_stale(case, caseworker) -> None:
    results = first_holds_while_second_runs(
        lambda: services.case_update(case=case, actor=caseworker, expected_version=1, rank="A"),
        lambda: services.case_update(case=case, actor=caseworker, expected_version=1, unit="B"),
    )
    assert isinstance(results[0], MissingPerson)
    assert isinstance(results[1], StaleVersion)
    fresh = MissingPerson.objects.get(pk=case.pk)
    assert (fresh.rank, fresh.unit, fresh.version) == ("A", "", 2)
    assert case.events.filter(kind=EventKind.UPDATED).count() == 1
    assert case.history.count() == 2


def test_updates_without_a_version_are_serialised_and_none_is_lost(case, caseworker) -> None:
    results = first_holds_while_second_runs(
        lambda: services.case_update(case=case, actor=caseworker, expected_version=None, rank="A"),
        lambda: services.case_update(case=case, actor=caseworker, expected_version=None, unit="B"),
    )
    assert all(isinstance(r, MissingPerson) for r in results)
    fresh = MissingPerson.objects.get(pk=case.pk)
    assert (fresh.rank, fresh.unit, fresh.version) == ("A", "B", 3)


def test_two_racing_moves_apply_once_and_the_other_is_refused(case, caseworker) -> None:
    results = first_holds_while_second_runs(
        lambda: services.case_transition(case=case, actor=caseworker, to_status="detained"),
        lambda: services.case_transition(case=case, actor=caseworker, to_status="found_alive"),
    )
    assert results[0].applied
    assert isinstance(results[1], IllegalTransition)
    assert results[1].current == "detained"
    assert MissingPerson.objects.get(pk=case.pk).status == "detained"
    assert case.events.filter(kind=EventKind.STATUS_CHANGED).count() == 1


def test_two_racing_sensitive_requests_leave_one_pending(case, caseworker, other_caseworker):
    results = first_holds_while_second_runs(
        lambda: services.case_transition(case=case, actor=caseworker, to_status="deceased"),
        lambda: services.case_transition(case=case, actor=other_caseworker, to_status="deceased"),
    )
    assert results[0].pending is not None
    assert type(results[1]).__name__ == "Conflict"
    assert PendingTransition.objects.filter(case=case).count() == 1


def test_a_racing_duplicate_service_number_is_invalid_input_not_a_500(make_case, caseworker):
    other = make_case(service_number="AM-2")
    results = first_holds_while_second_runs(
        lambda: make_case(service_number="AM-1"),
        # Validation cannot see the first, uncommitted row: the unique index
        # makes this writer wait, then fail; the service turns that into
        # InvalidInput naming the field.
        lambda: services.case_update(
            case=other, actor=caseworker, expected_version=1, service_number="AM-1"
        ),
    )
    assert isinstance(results[0], MissingPerson)
    assert isinstance(results[1], InvalidInput)
    assert list(results[1].errors) == ["service_number"]
    assert MissingPerson.objects.get(pk=other.pk).service_number == "AM-2"


def test_case_numbers_stay_unique_and_gapless_under_concurrent_opening(caseworker) -> None:
    def open_five(worker: int) -> list[str]:
        return [
            services.case_open(
                actor=caseworker,
                given_name=f"Worker{worker}",
                family_name=f"Case{i}",
                last_seen_date=date(2020, 12, 11),
            ).case_number
            for i in range(5)
        ]

    barrier = threading.Barrier(8)

    def worker(n: int) -> Callable[[], Any]:
        def run() -> Any:
            barrier.wait(10)
            return open_five(n)

        return in_thread(run)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = [f.result(timeout=60) for f in [pool.submit(worker(n)) for n in range(8)]]
    numbers = [number for result in results for number in result]
    assert sorted(numbers) == [f"MP-2020-{n:05d}" for n in range(1, 41)]
    assert MissingPerson.objects.count() == 40
