"""A sensitive change waiting for a supervisor can be outrun by another move
(a status change, an exchange listing or outcome). It is then set aside, and
the timeline says so: supervisors and the asker see why it left the queue."""

from __future__ import annotations

import pytest

from cases import services
from cases.errors import Conflict
from cases.models import EventKind, MissingPerson, PendingTransition, TransitionState
from cases.status import Status

pytestmark = pytest.mark.django_db


def _trace(case, pending):
    return case.events.filter(kind=EventKind.TRANSITION_REJECTED, data__transition_id=pending.pk)


def _detained_with_death_waiting(make_case, caseworker):
    case = make_case()
    MissingPerson.objects.filter(pk=case.pk).update(status=Status.DETAINED)
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    return case, pending


def test_a_move_that_outruns_a_waiting_change_leaves_a_trace(make_case, caseworker):
    case, pending = _detained_with_death_waiting(make_case, caseworker)
    services.case_transition(case=case, actor=caseworker, to_status="repatriated")
    pending.refresh_from_db()
    assert pending.state == TransitionState.SUPERSEDED
    (event,) = _trace(case, pending)
    assert event.family_visible is False
    assert event.data["superseded"] is True
    assert "repatriated" in event.summary


def test_an_exchange_listing_never_outruns_a_waiting_death(make_case, caseworker, supervisor):
    # The only sensitive move out of detained is a death, and a listing waits
    # for it to be decided (tests/cases/test_exchange_pending_death.py).
    case, pending = _detained_with_death_waiting(make_case, caseworker)
    exchange = services.exchange_plan(actor=supervisor, name="All for all")
    with pytest.raises(Conflict):
        services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    assert PendingTransition.objects.get(pk=pending.pk).state == TransitionState.PENDING
    assert _trace(case, pending).count() == 0


def test_an_exchange_outcome_that_outruns_a_waiting_change_leaves_a_trace(
    make_case, caseworker, supervisor
):
    case = make_case()
    MissingPerson.objects.filter(pk=case.pk).update(status=Status.DETAINED)
    exchange = services.exchange_plan(actor=supervisor, name="All for all")
    services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    services.exchange_complete(
        exchange=exchange, actor=supervisor, exchanged=[case.pk], not_released=[]
    )
    assert PendingTransition.objects.get(pk=pending.pk).state == TransitionState.SUPERSEDED
    (event,) = _trace(case, pending)
    assert event.data["superseded"] is True
