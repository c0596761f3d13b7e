"""Cancelling an exchange: the people on its list are no longer on an agreed
list, and their families must not go on reading that they are."""

from __future__ import annotations

import pytest

from cases import services
from cases.models import EventKind, MissingPerson
from cases.status import Status

pytestmark = pytest.mark.django_db


def _listed(make_case, supervisor, exchange, n):
    cases = [make_case() for _ in range(n)]
    MissingPerson.objects.filter(pk__in=[c.pk for c in cases]).update(status=Status.DETAINED)
    for case in cases:
        services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    return cases


def test_cancelling_an_exchange_returns_its_listed_cases_to_detained_and_tells_families(
    make_case, supervisor
):
    exchange = services.exchange_plan(actor=supervisor, name="Via the ICRC")
    cases = _listed(make_case, supervisor, exchange, 2)
    services.exchange_update(exchange=exchange, actor=supervisor, status="cancelled")
    for case in cases:
        case.refresh_from_db()
        assert case.status == Status.DETAINED
        event = case.events.first()
        assert (event.kind, event.family_visible) == (EventKind.STATUS_CHANGED, True)
        assert event.data["to"] == Status.DETAINED
        assert event.data["exchange_id"] == exchange.pk


def test_cancelling_leaves_alone_a_case_that_moved_on_or_waits_on_another_exchange(
    make_case, caseworker, supervisor
):
    first = services.exchange_plan(actor=supervisor, name="First")
    moved_on, relisted = _listed(make_case, supervisor, first, 2)
    services.case_transition(case=moved_on, actor=caseworker, to_status="repatriated")
    # Taken off the first list by hand, then put on a second exchange.
    services.case_transition(case=relisted, actor=caseworker, to_status="detained")
    second = services.exchange_plan(actor=supervisor, name="Second")
    services.exchange_list_case(exchange=second, case=relisted, actor=supervisor)

    services.exchange_update(exchange=first, actor=supervisor, status="cancelled")
    moved_on.refresh_from_db()
    relisted.refresh_from_db()
    assert moved_on.status == Status.REPATRIATED
    assert relisted.status == Status.RELEASE_SCHEDULED
