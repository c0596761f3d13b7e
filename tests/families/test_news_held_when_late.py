"""News of the person (a detention event, a capture report) recorded before a
death was asked for, but dispatched or delivered after (broker down, a retry,
the sweep): while the death waits for a supervisor the message waits too, and
goes once the move is rejected, never lost; once the death is confirmed it is
dropped, since the family is told in person. News shared while the death
waits is held the same way: told if the death is rejected, never if it is
confirmed. The moves of the case itself are not news of this kind and still
go."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail

from cases import services as case_services
from cases.models import CaseEvent, EventKind, MissingPerson
from families.delivery import CANCELLED_NEWS_HELD, notification_deliver, notifications_sweep
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


def _ask_for_a_death(case: MissingPerson, actor: Any) -> int:
    case = MissingPerson.objects.get(pk=case.pk)
    outcome = case_services.case_transition(case=case, actor=actor, to_status="deceased", note="n")
    return outcome.pending.pk


def _dispatch_all(case: MissingPerson) -> None:
    for event_id in case.events.filter(dispatched=False).values_list("id", flat=True):
        case_services.event_dispatch(event_id=event_id)


def _message(case: MissingPerson, caseworker: Any, kind: str, *, dispatch: bool) -> CaseEvent:
    event = _share_news(case, caseworker, kind)
    if dispatch:
        case_services.event_dispatch(event_id=event.pk)
    return event


KINDS = pytest.mark.parametrize("kind", ["detention", "capture_report"])


@KINDS
@pytest.mark.parametrize("dispatched", [True, False], ids=["delivered late", "dispatched late"])
def test_news_waits_while_a_death_waits_and_goes_once_it_is_rejected(
    case: MissingPerson,
    caseworker: Any,
    supervisor: Any,
    make_relative: Callable[..., Any],
    kind: str,
    dispatched: bool,
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_relative(case, language="en")
    event = _message(case, caseworker, kind, dispatch=dispatched)
    transition_id = _ask_for_a_death(case, caseworker)
    _dispatch_all(case)
    (notification,) = Notification.objects.filter(event=event)

    assert notification_deliver(notification_id=notification.pk).outcome == "waits"
    notifications_sweep(grace=timedelta(0))  # the sweep takes it up again; it still waits
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (NotificationStatus.PENDING, 0)
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        case_services.transition_reject(transition_id=transition_id, actor=supervisor, note="no")
        _dispatch_all(case)  # the rejection releases it (delivered eagerly here)
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT
    assert len(mail.outbox) == 1


@KINDS
@pytest.mark.parametrize("dispatched", [True, False], ids=["delivered late", "dispatched late"])
def test_news_is_dropped_once_the_death_is_confirmed(
    case: MissingPerson,
    caseworker: Any,
    supervisor: Any,
    make_relative: Callable[..., Any],
    kind: str,
    dispatched: bool,
) -> None:
    make_relative(case, language="en")
    event = _message(case, caseworker, kind, dispatch=dispatched)
    transition_id = _ask_for_a_death(case, caseworker)
    case_services.transition_confirm(transition_id=transition_id, actor=supervisor)
    _dispatch_all(case)

    for notification in Notification.objects.filter(event=event):
        assert notification_deliver(notification_id=notification.pk).outcome == "cancelled"
        notification.refresh_from_db()
        assert notification.last_error == CANCELLED_NEWS_HELD
    assert not Notification.objects.filter(event=event, status=NotificationStatus.SENT).exists()
    assert [m.subject for m in mail.outbox if "information" in m.subject] == []


def test_news_recorded_before_is_still_sent_when_no_death_was_asked_for(
    case: MissingPerson, caseworker: Any, make_relative: Callable[..., Any]
) -> None:
    make_relative(case, language="en")
    event = _message(case, caseworker, "detention", dispatch=True)
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


@KINDS
def test_news_shared_while_a_death_waits_is_told_once_the_death_is_rejected(
    case: MissingPerson,
    caseworker: Any,
    supervisor: Any,
    make_relative: Callable[..., Any],
    kind: str,
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_relative(case, language="en")
    transition_id = _ask_for_a_death(case, caseworker)
    event = _share_news(case, caseworker, kind)
    _dispatch_all(case)
    assert not Notification.objects.filter(event=event).exists()

    with django_capture_on_commit_callbacks(execute=True):
        case_services.transition_reject(transition_id=transition_id, actor=supervisor, note="no")
        _dispatch_all(case)

    event.refresh_from_db()
    assert event.family_visible is True
    (notification,) = Notification.objects.filter(event=event)
    assert notification.status == NotificationStatus.SENT
    assert len(mail.outbox) == 1


@KINDS
def test_news_shared_while_a_death_waits_stays_untold_once_it_is_confirmed(
    case: MissingPerson,
    caseworker: Any,
    supervisor: Any,
    make_relative: Callable[..., Any],
    kind: str,
) -> None:
    make_relative(case, language="en")
    transition_id = _ask_for_a_death(case, caseworker)
    event = _share_news(case, caseworker, kind)
    case_services.transition_confirm(transition_id=transition_id, actor=supervisor)
    _dispatch_all(case)

    event.refresh_from_db()
    assert event.family_visible is False
    assert not Notification.objects.filter(event=event).exists()
