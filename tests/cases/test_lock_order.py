"""One lock order (cases/services/locking.py): a caseworker's move, or a
supervisor's exchange, racing a supervisor's confirmation on the same case
ends with one of them applied and the other refused (409), never with
PostgreSQL breaking a deadlock (a 500 before). Each writer is queued behind a
held lock on the case, in a fixed order, so the race runs the same way every
time (tests/racing.py)."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import pytest

from cases import services
from cases.errors import Conflict, IllegalTransition
from cases.models import Exchange, MissingPerson, PendingTransition, TransitionState
from tests.racing import on_postgresql, queued_behind_the_case

pytestmark = on_postgresql


@pytest.fixture
def no_lock_retry(caplog: pytest.LogCaptureFixture) -> Any:
    """After the test: PostgreSQL never had to break a deadlock (the retry
    would have hidden it and logged it)."""
    caplog.set_level(logging.WARNING, logger="cases.services.locking")
    yield
    assert [r.getMessage() for r in caplog.records if "lock conflict" in r.getMessage()] == []


def _death_requested(case: MissingPerson, caseworker: Any) -> PendingTransition:
    outcome = services.case_transition(case=case, actor=caseworker, to_status="deceased")
    assert outcome.pending is not None
    return outcome.pending


def _status(case: MissingPerson) -> str:
    return MissingPerson.objects.get(pk=case.pk).status


def _state(pending: PendingTransition) -> str:
    return PendingTransition.objects.get(pk=pending.pk).state


@pytest.fixture
def listed(case: MissingPerson, caseworker: Any, supervisor: Any) -> Exchange:
    services.case_transition(case=case, actor=caseworker, to_status="detained")
    exchange = services.exchange_plan(actor=supervisor, name="E1", scheduled_for=date(2021, 1, 9))
    services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    return exchange


@pytest.mark.parametrize("decide", [services.transition_confirm, services.transition_reject])
def test_a_move_and_a_supervisors_decision_on_one_case_never_deadlock(
    decide, case, caseworker, supervisor, no_lock_retry
) -> None:
    pending = _death_requested(case, caseworker)
    moved, decided = queued_behind_the_case(
        case,
        lambda: services.case_transition(case=case, actor=caseworker, to_status="capture_reported"),
        lambda: decide(transition_id=pending.pk, actor=supervisor),
    )
    assert moved.applied
    assert isinstance(decided, Conflict), decided
    assert "already “Superseded”" in decided.message
    assert _status(case) == "capture_reported"
    assert _state(pending) == TransitionState.SUPERSEDED


def _complete(exchange: Exchange, case: MissingPerson, supervisor: Any) -> Any:
    return services.exchange_complete(
        exchange=exchange, actor=supervisor, exchanged=[case.pk], not_released=[]
    )


def _cancel(exchange: Exchange, case: MissingPerson, supervisor: Any) -> Any:
    return services.exchange_update(exchange=exchange, actor=supervisor, status="cancelled")


@pytest.mark.parametrize(
    ("settle", "moved_to"), [(_complete, "repatriated"), (_cancel, "detained")]
)
def test_settling_an_exchange_and_confirming_a_death_never_deadlock(
    settle, moved_to, case, caseworker, supervisor, other_supervisor, listed, no_lock_retry
) -> None:
    pending = _death_requested(case, caseworker)
    settled, confirmed = queued_behind_the_case(
        case,
        lambda: settle(listed, case, supervisor),
        lambda: services.transition_confirm(transition_id=pending.pk, actor=other_supervisor),
    )
    assert isinstance(settled, Exchange), settled
    assert isinstance(confirmed, Conflict), confirmed
    assert _status(case) == moved_to
    assert _state(pending) == TransitionState.SUPERSEDED


def test_confirming_a_death_outruns_listing_the_case_on_an_exchange(
    case, caseworker, supervisor, other_supervisor, no_lock_retry
) -> None:
    services.case_transition(case=case, actor=caseworker, to_status="detained")
    exchange = services.exchange_plan(actor=supervisor, name="E2", scheduled_for=date(2021, 1, 9))
    pending = _death_requested(case, caseworker)
    confirmed, listing = queued_behind_the_case(
        case,
        lambda: services.transition_confirm(transition_id=pending.pk, actor=other_supervisor),
        lambda: services.exchange_list_case(exchange=exchange, case=case, actor=supervisor),
    )
    assert confirmed.applied
    assert isinstance(listing, IllegalTransition), listing
    assert _status(case) == "deceased"
    assert not exchange.listings.exists()
