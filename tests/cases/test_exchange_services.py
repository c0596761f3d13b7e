"""Exchanges: planning, listing, and completing a large list in one transaction."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from cases import services
from cases.errors import IllegalTransition, InvalidInput, NotAllowed
from cases.models import (
    CaseEvent,
    EventKind,
    Exchange,
    ExchangeListing,
    ExchangeStatus,
    ListingOutcome,
    MissingPerson,
)
from cases.status import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def exchange(supervisor) -> Exchange:
    return services.exchange_plan(
        actor=supervisor,
        name="All for all",
        principle="all_for_all",
        scheduled_for=date(2021, 1, 28),
    )


def _detained(make_case, n: int) -> list[MissingPerson]:
    cases = [make_case() for _ in range(n)]
    # The starting state is set directly: these tests are about the exchange.
    MissingPerson.objects.filter(pk__in=[c.pk for c in cases]).update(status=Status.DETAINED)
    return list(MissingPerson.objects.filter(pk__in=[c.pk for c in cases]).order_by("pk"))


def test_planning_an_exchange_is_for_supervisors_and_has_history(caseworker, supervisor) -> None:
    with pytest.raises(NotAllowed):
        services.exchange_plan(actor=caseworker, name="All for all")
    exchange = services.exchange_plan(actor=supervisor, name="All for all")
    assert exchange.status == ExchangeStatus.PLANNED
    assert exchange.history.get().history_user == supervisor


def test_listing_a_detained_case_schedules_release_with_event_and_history(
    make_case, supervisor, exchange
) -> None:
    (case,) = _detained(make_case, 1)
    services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    case.refresh_from_db()
    assert case.status == Status.RELEASE_SCHEDULED
    event = case.events.first()
    assert (event.kind, event.family_visible) == (EventKind.EXCHANGE_LISTED, True)
    assert case.history.latest().status == Status.RELEASE_SCHEDULED
    # Listed twice on the same exchange: named as such (400 on the API), not
    # as the move release_scheduled -> release_scheduled.
    with pytest.raises(InvalidInput) as err:
        services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    assert err.value.errors == {"case": ["This case is already on this exchange's list."]}
    assert ExchangeListing.objects.filter(case=case).count() == 1


def test_a_case_that_is_not_detained_cannot_be_listed(make_case, supervisor, exchange) -> None:
    case = make_case()
    with pytest.raises(IllegalTransition):
        services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    assert not ExchangeListing.objects.filter(case=case).exists()


def _list_all(exchange: Exchange, cases: list[MissingPerson], actor) -> None:
    ExchangeListing.objects.bulk_create(
        ExchangeListing(exchange=exchange, case=c, listed_by=actor) for c in cases
    )
    MissingPerson.objects.filter(pk__in=[c.pk for c in cases]).update(
        status=Status.RELEASE_SCHEDULED
    )


def test_completing_160_cases_writes_each_its_history_and_event_in_bounded_queries(
    make_case, supervisor, exchange, django_assert_max_num_queries
) -> None:
    cases = _detained(make_case, 160)
    _list_all(exchange, cases, supervisor)
    home = [c.pk for c in cases[:150]]
    back = [c.pk for c in cases[150:]]
    started = timezone.now()
    # 18 queries today, whatever the size of the list (per-case queries would be 160+).
    with django_assert_max_num_queries(20):
        services.exchange_complete(
            exchange=exchange, actor=supervisor, exchanged=home, not_released=back
        )
    statuses = dict(MissingPerson.objects.values_list("pk", "status"))
    assert {statuses[pk] for pk in home} == {Status.REPATRIATED}
    assert {statuses[pk] for pk in back} == {Status.DETAINED}
    events = CaseEvent.objects.filter(kind=EventKind.STATUS_CHANGED, at__gte=started)
    assert sorted(events.values_list("case_id", flat=True)) == sorted(home + back)
    assert all(events.values_list("family_visible", flat=True))
    history = MissingPerson.history.filter(history_date__gte=started)
    assert sorted(history.values_list("id", flat=True)) == sorted(home + back)
    assert set(history.values_list("history_user", flat=True)) == {supervisor.pk}
    assert ExchangeListing.objects.filter(outcome=ListingOutcome.EXCHANGED).count() == 150
    exchange.refresh_from_db()
    assert exchange.status == ExchangeStatus.COMPLETED


@pytest.mark.parametrize(
    ("exchanged", "not_released", "field"),
    [
        ("unknown", "rest", "exchanged"),
        ("first", "none", "not_released"),
        ("first", "first", "not_released"),
    ],
)
def test_completion_refuses_unknown_and_unaccounted_cases(
    make_case, supervisor, exchange, exchanged, not_released, field
) -> None:
    cases = _detained(make_case, 3)
    _list_all(exchange, cases, supervisor)
    stranger = make_case()
    pick = {
        "unknown": [stranger.pk],
        "first": [cases[0].pk],
        "rest": [c.pk for c in cases[1:]],
        "none": [],
    }
    with pytest.raises(InvalidInput) as err:
        services.exchange_complete(
            exchange=exchange,
            actor=supervisor,
            exchanged=pick[exchanged],
            not_released=pick[not_released],
        )
    assert field in err.value.errors
    assert set(
        MissingPerson.objects.filter(pk__in=[c.pk for c in cases]).values_list("status", flat=True)
    ) == {Status.RELEASE_SCHEDULED}
    exchange.refresh_from_db()
    assert exchange.status == ExchangeStatus.PLANNED
