"""News of the person (a detention event, a capture report) recorded before a
death was asked for, but dispatched or delivered after (broker down, a retry,
the sweep), is held all the same: while a death waits for a supervisor or
stands, the family hears nothing by message until their caseworker visits.
The moves of the case itself are not news of this kind and still go."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core import mail

from cases import services as case_services
from cases.models import CaseEvent, EventKind, MissingPerson
from families.delivery import CANCELLED_NEWS_HELD, notification_deliver
from families.models import Notification, NotificationStatus

pytestmark = pytest.mark.django_db


def _share_news(case: MissingPerson, actor: Any, kind: str) -> CaseEvent:
    if kind == "detention":
        case_services.detention_event_add(
            case=case,
            actor=actor,
            type="icrc_visit",
            occurred_on=date(2021, 1, 5),
            source="icrc",
            share_with_family=True,
        )
        return case.events.get(kind=EventKind.DETENTION_EVENT)
    case_services.capture_report_add(
        actor=actor,
        case=case,
        source="ombudsman",
        name_as_reported="Armen Hovhannisyan",
        reported_on=date(2021, 1, 6),
        share_with_family=True,
    )
    return case.events.get(kind=EventKind.CAPTURE_REPORT_ADDED)


def _ask_for_a_death(case: MissingPerson, actor: Any) -> None:
    case = MissingPerson.objects.get(pk=case.pk)
    case_services.case_transition(case=case, actor=actor, to_status="deceased", note="n")


@pytest.mark.parametrize("kind", ["detention", "capture_report"])
def test_news_delivered_after_a_death_was_asked_for_is_withdrawn(
    case: MissingPerson, caseworker: Any, make_relative: Callable[..., Any], kind: str
) -> None:
    make_relative(case, language="en")
    event = _share_news(case, caseworker, kind)
    case_services.event_dispatch(event_id=event.pk)
    (notification,) = Notification.objects.filter(event=event)
    _ask_for_a_death(case, caseworker)

    assert notification_deliver(notification_id=notification.pk).outcome == "cancelled"
    notification.refresh_from_db()
    assert (notification.status, notification.last_error) == (
        NotificationStatus.CANCELLED,
        CANCELLED_NEWS_HELD,
    )
    assert mail.outbox == []


@pytest.mark.parametrize("kind", ["detention", "capture_report"])
def test_news_dispatched_after_a_death_was_asked_for_makes_no_message(
    case: MissingPerson, caseworker: Any, make_relative: Callable[..., Any], kind: str
) -> None:
    make_relative(case, language="en")
    event = _share_news(case, caseworker, kind)
    _ask_for_a_death(case, caseworker)
    case_services.event_dispatch(event_id=event.pk)
    assert not Notification.objects.filter(event=event).exists()


def test_news_recorded_before_is_still_sent_when_no_death_was_asked_for(
    case: MissingPerson, caseworker: Any, make_relative: Callable[..., Any]
) -> None:
    make_relative(case, language="en")
    event = _share_news(case, caseworker, "detention")
    case_services.event_dispatch(event_id=event.pk)
    (notification,) = Notification.objects.filter(event=event)
    assert notification_deliver(notification_id=notification.pk).outcome == "sent"
    assert len(mail.outbox) == 1


def test_a_move_of_the_case_is_not_held_news(
    case: MissingPerson, caseworker: Any, make_relative: Callable[..., Any]
) -> None:
    make_relative(case, language="en")
    outcome = case_services.case_transition(
        case=case, actor=caseworker, to_status="capture_reported", note="n"
    )
    case_services.event_dispatch(event_id=outcome.event.pk)
    (notification,) = Notification.objects.filter(event=outcome.event)
    _ask_for_a_death(case, caseworker)
    assert notification_deliver(notification_id=notification.pk).outcome == "sent"
