"""The Today queues: a capture unconfirmed after 7 days, a seriously wounded
man with no health news for 7 days."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from cases import services
from cases.bureau import deadlines
from cases.models import MissingPerson

TODAY = date(2021, 3, 1)


def _reported(case, caseworker, *, days_ago: int):
    services.case_transition(case=case, actor=caseworker, to_status="capture_reported")
    at = timezone.make_aware(timezone.datetime.combine(TODAY, timezone.datetime.min.time()))
    MissingPerson.objects.filter(pk=case.pk).update(status_changed_at=at - timedelta(days=days_ago))


def _unconfirmed(user):
    return list(deadlines.capture_unconfirmed(user=user, today=TODAY))


def test_a_capture_reported_8_days_ago_with_no_confirmation_is_flagged(case, caseworker):
    _reported(case, caseworker, days_ago=8)
    (flagged,) = _unconfirmed(caseworker)
    assert flagged == case
    assert flagged.overdue_since == TODAY - timedelta(days=8)


def test_a_capture_reported_6_days_ago_is_not_yet_flagged(case, caseworker):
    _reported(case, caseworker, days_ago=6)
    assert _unconfirmed(caseworker) == []


def test_a_report_from_the_icrc_or_the_detaining_power_clears_the_flag(make_case, caseworker):
    for source in ("icrc", "detaining_power"):
        case = make_case()
        _reported(case, caseworker, days_ago=10)
        services.capture_report_add(
            actor=caseworker,
            case=case,
            source=source,
            reported_on=date(2021, 2, 20),
            name_as_reported="X",
        )
    assert _unconfirmed(caseworker) == []


def test_a_media_report_or_a_refuted_icrc_report_does_not_clear_it(case, caseworker):
    _reported(case, caseworker, days_ago=10)
    services.capture_report_add(
        actor=caseworker,
        case=case,
        source="media",
        reported_on=date(2021, 2, 20),
        name_as_reported="X",
    )
    services.capture_report_add(
        actor=caseworker,
        case=case,
        source="icrc",
        reported_on=date(2021, 2, 21),
        name_as_reported="X",
        verification="refuted",
    )
    assert _unconfirmed(caseworker) == [case]


def test_the_days_are_a_setting(case, caseworker, settings):
    settings.DEADLINE_CAPTURE_CONFIRMATION_DAYS = 3
    _reported(case, caseworker, days_ago=4)
    assert _unconfirmed(caseworker) == [case]


def _health(case, caseworker, state: str, on: date):
    services.detention_event_add(
        case=case, actor=caseworker, type="health", occurred_on=on, source="icrc", health=state
    )


def _wounded(user):
    return list(deadlines.seriously_wounded_without_news(user=user, today=TODAY))


def test_seriously_wounded_with_no_news_for_8_days_is_flagged(case, caseworker):
    services.case_transition(case=case, actor=caseworker, to_status="detained")
    _health(case, caseworker, "seriously_wounded", TODAY - timedelta(days=8))
    (flagged,) = _wounded(caseworker)
    assert flagged.overdue_since == TODAY - timedelta(days=8)


def test_fresh_news_or_better_news_clears_the_flag(make_case, caseworker):
    fresh, better = make_case(), make_case()
    for case in (fresh, better):
        services.case_transition(case=case, actor=caseworker, to_status="detained")
        _health(case, caseworker, "seriously_wounded", TODAY - timedelta(days=20))
    _health(fresh, caseworker, "seriously_wounded", TODAY - timedelta(days=2))
    _health(better, caseworker, "convalescent", TODAY - timedelta(days=9))
    assert _wounded(caseworker) == []


def test_a_man_no_longer_in_detention_is_not_flagged(case, caseworker):
    services.case_transition(case=case, actor=caseworker, to_status="detained")
    _health(case, caseworker, "seriously_wounded", TODAY - timedelta(days=20))
    services.case_transition(case=case, actor=caseworker, to_status="repatriated")
    assert _wounded(caseworker) == []


def test_the_queues_cost_one_query_each_and_show_nothing_to_families(
    make_case, caseworker, family_user, django_assert_num_queries: Any
):
    for _ in range(5):
        case = make_case()
        _reported(case, caseworker, days_ago=9)
        _health(case, caseworker, "seriously_wounded", TODAY - timedelta(days=9))
    with django_assert_num_queries(2):
        assert len(_unconfirmed(caseworker)) == 5
        assert len(_wounded(caseworker)) == 5
    assert _unconfirmed(family_user) == []
    assert _wounded(family_user) == []
