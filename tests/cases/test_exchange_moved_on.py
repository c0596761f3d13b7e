"""Completing an exchange when listed cases moved on since they were listed."""

from __future__ import annotations

import pytest

from cases import services
from cases.errors import Conflict
from cases.models import EventKind, ExchangeListing, ExchangeStatus, ListingOutcome, MissingPerson
from cases.status import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(make_case, supervisor):
    exchange = services.exchange_plan(actor=supervisor, name="All for all")
    cases = [make_case() for _ in range(3)]
    MissingPerson.objects.filter(pk__in=[c.pk for c in cases]).update(status=Status.DETAINED)
    for case in cases:
        services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    return exchange, cases


def _confirm_death(case, caseworker, supervisor):
    outcome = services.case_transition(case=case, actor=caseworker, to_status="deceased")
    services.transition_confirm(transition_id=outcome.pending.pk, actor=supervisor)


def test_a_case_already_marked_home_by_hand_is_counted_as_exchanged_once(
    listed, caseworker, supervisor
):
    exchange, (early, other, third) = listed
    services.case_transition(case=early, actor=caseworker, to_status="repatriated")
    services.exchange_complete(
        exchange=exchange,
        actor=supervisor,
        exchanged=[early.pk, other.pk],
        not_released=[third.pk],
    )
    exchange.refresh_from_db()
    assert exchange.status == ExchangeStatus.COMPLETED
    early.refresh_from_db()
    assert early.status == Status.REPATRIATED
    moves = early.events.filter(kind=EventKind.STATUS_CHANGED, data__to=Status.REPATRIATED)
    assert moves.count() == 1  # the family is not told twice
    listing = ExchangeListing.objects.get(exchange=exchange, case=early)
    assert listing.outcome == ListingOutcome.EXCHANGED


def test_a_case_that_died_since_listing_cannot_be_marked_exchanged_and_is_named(
    listed, caseworker, supervisor
):
    exchange, (dead, other, third) = listed
    _confirm_death(dead, caseworker, supervisor)
    with pytest.raises(Conflict) as refused:
        services.exchange_complete(
            exchange=exchange,
            actor=supervisor,
            exchanged=[dead.pk, other.pk],
            not_released=[third.pk],
        )
    assert dead.case_number in refused.value.message
    assert "(Deceased)" in refused.value.message  # the status in words
    other.refresh_from_db()
    assert other.status == Status.RELEASE_SCHEDULED


def test_a_case_that_died_since_listing_stays_deceased_when_not_released(
    listed, caseworker, supervisor
):
    exchange, (dead, other, third) = listed
    _confirm_death(dead, caseworker, supervisor)
    services.exchange_complete(
        exchange=exchange, actor=supervisor, exchanged=[other.pk], not_released=[dead.pk, third.pk]
    )
    dead.refresh_from_db()
    third.refresh_from_db()
    assert dead.status == Status.DECEASED
    assert third.status == Status.DETAINED


def test_a_case_not_released_here_but_listed_on_another_planned_exchange_stays_listed(
    listed, caseworker, supervisor
):
    exchange, (relisted, other, third) = listed
    # Taken off this list by hand and put on a later exchange.
    services.case_transition(case=relisted, actor=caseworker, to_status="detained")
    later = services.exchange_plan(actor=supervisor, name="Later")
    services.exchange_list_case(exchange=later, case=relisted, actor=supervisor)
    services.exchange_complete(
        exchange=exchange,
        actor=supervisor,
        exchanged=[other.pk],
        not_released=[relisted.pk, third.pk],
    )
    relisted.refresh_from_db()
    assert relisted.status == Status.RELEASE_SCHEDULED
