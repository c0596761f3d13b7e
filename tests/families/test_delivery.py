"""Delivery: the claim, attempts, retries and failures, and the sweep that
picks up what the fast path lost. Services are called directly here (Celery
eager); the worker runs them for real in test_pipeline.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone

from casemgr.celery import app as celery_app
from families.delivery import notification_deliver, notifications_sweep
from families.models import AttemptOutcome, Notification, NotificationStatus
from families.selectors import notifications_visible_to
from families.tasks import deliver
from tests.families.notify_fakes import http_receiver

pytestmark = pytest.mark.django_db
MakeNotification = Callable[..., Notification]


@pytest.fixture
def gateway(settings: Any) -> Callable[[str], None]:
    def _use(url: str) -> None:
        settings.SMS_BACKEND = "families.channels.sms.HttpGatewaySmsBackend"
        settings.SMS_GATEWAY_URL, settings.SMS_GATEWAY_TIMEOUT = url, 2

    return _use


def reload(notification: Notification) -> Notification:
    return Notification.objects.get(pk=notification.pk)


def test_a_delivered_notification_is_marked_sent_with_its_attempt(
    make_notification: MakeNotification,
) -> None:
    notification = make_notification("email")
    assert notification_deliver(notification_id=notification.pk).outcome == "sent"
    notification = reload(notification)
    assert notification.status == NotificationStatus.SENT
    assert notification.sent_at is not None
    assert notification.attempts == 1
    (attempt,) = notification.delivery_attempts.all()
    assert attempt.outcome == AttemptOutcome.SENT
    assert attempt.provider_message_id == mail.outbox[0].extra_headers["Message-ID"]


def test_a_second_or_late_task_never_sends_again(make_notification: MakeNotification) -> None:
    notification = make_notification("email")
    notification_deliver(notification_id=notification.pk)
    assert notification_deliver(notification_id=notification.pk).outcome == "skipped"
    assert deliver.delay(notification.pk).get() == "skipped"
    assert len(mail.outbox) == 1
    assert reload(notification).delivery_attempts.count() == 1


def test_a_row_being_sent_by_another_worker_is_left_alone(
    make_notification: MakeNotification,
) -> None:
    notification = make_notification("email")
    Notification.objects.filter(pk=notification.pk).update(
        status=NotificationStatus.SENDING, claimed_at=timezone.now()
    )
    assert notification_deliver(notification_id=notification.pk).outcome == "skipped"
    assert mail.outbox == []


def test_a_temporary_gateway_error_is_retried_with_backoff_then_sent(
    make_notification: MakeNotification, gateway: Callable[[str], None]
) -> None:
    notification = make_notification("sms")
    with http_receiver(503, 200) as (url, script):
        gateway(url)
        first = notification_deliver(notification_id=notification.pk)
        assert first.outcome == "retry"
        assert first.retry_in == settings.NOTIFY_RETRY_BASE_SECONDS
        assert reload(notification).status == NotificationStatus.PENDING
        assert notification_deliver(notification_id=notification.pk).outcome == "sent"
    assert len(script.received) == 2
    notification = reload(notification)
    assert notification.status == NotificationStatus.SENT
    assert [a.outcome for a in notification.delivery_attempts.all()] == [
        AttemptOutcome.TRANSIENT_ERROR,
        AttemptOutcome.SENT,
    ]
    assert notification.delivery_attempts.last().provider_message_id == "gw-2"


def test_a_refused_message_fails_at_once_and_caseworkers_see_it(
    make_notification: MakeNotification,
    gateway: Callable[[str], None],
    caseworker: User,
    outsider: User,
) -> None:
    notification = make_notification("sms")
    with http_receiver(400) as (url, script):
        gateway(url)
        assert notification_deliver(notification_id=notification.pk).outcome == "failed"
        assert notification_deliver(notification_id=notification.pk).outcome == "skipped"
    assert len(script.received) == 1
    notification = reload(notification)
    assert notification.status == NotificationStatus.FAILED
    assert "HTTP 400" in notification.last_error
    (attempt,) = notification.delivery_attempts.all()
    assert attempt.outcome == AttemptOutcome.PERMANENT_ERROR
    assert attempt.duration_ms >= 0
    failed = {"status": NotificationStatus.FAILED}
    assert list(notifications_visible_to(caseworker, **failed)) == [notification]
    case_id = notification.event.case_id
    assert list(notifications_visible_to(caseworker, case_id=case_id, **failed)) == [notification]
    assert list(notifications_visible_to(outsider, **failed)) == []


def test_retries_stop_after_the_maximum_and_the_row_fails(
    make_notification: MakeNotification, gateway: Callable[[str], None], settings: Any
) -> None:
    settings.NOTIFY_MAX_ATTEMPTS = 3
    notification = make_notification("sms")
    with http_receiver(503) as (url, _):
        gateway(url)
        outcomes = [notification_deliver(notification_id=notification.pk).outcome for _ in range(4)]
    assert outcomes == ["retry", "retry", "failed", "skipped"]
    notification = reload(notification)
    assert notification.status == NotificationStatus.FAILED
    assert notification.last_error.startswith("gave up after 3 attempts")
    assert notification.delivery_attempts.count() == 3


def test_backoff_grows_and_is_capped(settings: Any) -> None:
    from families.delivery import retry_delay

    settings.NOTIFY_RETRY_BASE_SECONDS, settings.NOTIFY_RETRY_MAX_SECONDS = 10, 600
    assert [retry_delay(n) for n in range(1, 7)] == [10, 30, 90, 270, 600, 600]


class ExplodingBackend:
    def send_sms(self, **kwargs: Any) -> Any:
        raise RuntimeError("bug")


def test_an_unexpected_error_never_leaves_a_row_stuck_in_sending(
    make_notification: MakeNotification, settings: Any
) -> None:
    settings.SMS_BACKEND = "tests.families.test_delivery.ExplodingBackend"
    notification = make_notification("sms")
    assert notification_deliver(notification_id=notification.pk).outcome == "retry"
    notification = reload(notification)
    assert notification.status == NotificationStatus.PENDING
    assert notification.delivery_attempts.get().error == "unexpected RuntimeError"


# --- the sweep ------------------------------------------------------------------------


def age(notification: Notification, **fields: Any) -> None:
    Notification.objects.filter(pk=notification.pk).update(**fields)


def test_the_sweep_sends_rows_whose_task_was_lost_and_leaves_young_ones(
    make_notification: MakeNotification,
) -> None:
    lost = make_notification("email")
    young = make_notification("email")
    age(lost, created_at=timezone.now() - timedelta(minutes=10))
    result = notifications_sweep()
    assert result["enqueued"] == 1
    assert reload(lost).status == NotificationStatus.SENT
    assert reload(young).status == NotificationStatus.PENDING


def test_the_sweep_takes_back_rows_whose_worker_died_while_sending(
    make_notification: MakeNotification,
) -> None:
    dead = make_notification("email")
    alive = make_notification("email")
    limit = settings.CELERY_TASK_TIME_LIMIT + settings.NOTIFY_SENDING_MARGIN_SECONDS
    age(dead, status="sending", claimed_at=timezone.now() - timedelta(seconds=limit + 5))
    age(alive, status="sending", claimed_at=timezone.now() - timedelta(seconds=limit - 30))
    result = notifications_sweep()
    assert result["released"] == 1
    assert reload(dead).status == NotificationStatus.SENT
    assert reload(alive).status == NotificationStatus.SENDING
    assert [m.extra_headers["X-Casemgr-Notification"] for m in mail.outbox] == [str(dead.pk)]


def test_the_sweep_waits_for_a_scheduled_retry_before_taking_over(
    make_notification: MakeNotification, gateway: Callable[[str], None]
) -> None:
    notification = make_notification("sms")
    with http_receiver(503, 200) as (url, script):
        gateway(url)
        notification_deliver(notification_id=notification.pk)
        age(notification, created_at=timezone.now() - timedelta(minutes=10))
        assert notifications_sweep(grace=timedelta(seconds=5))["enqueued"] == 0
        age(notification, claimed_at=timezone.now() - timedelta(minutes=10))
        assert notifications_sweep(grace=timedelta(seconds=5))["enqueued"] == 1
    assert len(script.received) == 2
    assert reload(notification).status == NotificationStatus.SENT


def test_a_row_that_kills_its_worker_every_time_is_given_up(
    make_notification: MakeNotification, settings: Any
) -> None:
    notification = make_notification("email")
    age(
        notification,
        status="sending",
        attempts=settings.NOTIFY_MAX_ATTEMPTS,
        claimed_at=timezone.now() - timedelta(hours=1),
    )
    notifications_sweep()
    notification = reload(notification)
    assert notification.status == NotificationStatus.FAILED
    assert "worker stopped" in notification.last_error
    assert mail.outbox == []


def test_the_sweep_is_on_the_beat_schedule_and_bounds_fit_at_least_once() -> None:
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert "families.tasks.sweep_notifications" in {e["task"] for e in schedule.values()}
    assert "families.tasks.sweep_notifications" in celery_app.tasks
    conf = celery_app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    visibility = conf.broker_transport_options["visibility_timeout"]
    # Redis hands an unacknowledged message to another worker after this:
    # it must outlast the longest task and the longest retry countdown.
    assert visibility > conf.task_time_limit
    assert visibility > settings.NOTIFY_RETRY_MAX_SECONDS + conf.task_time_limit
