"""'Stop' means now, for a message in flight too: when a relative's link is
un-verified, or they opt out of the channel, while a worker holds the message
('sending'), neither the retry after a transient error nor the sweep sends it
later; and the delivery itself asks again at the claim and just before the
send. The SMS gateway is the outside world, faked by an HTTP receiver."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest

from families.delivery import (
    notification_claim,
    notification_deliver,
    notification_send,
    notifications_sweep,
)
from families.models import FamilyLink, FamilyMember, Notification, NotificationStatus
from families.optout import family_member_opt_out
from families.services import family_member_update
from tests.families.notify_fakes import Script, http_receiver
from tests.racing import in_thread, on_postgresql

MakeNotification = Callable[..., Notification]


def _unverify(notification: Notification, actor: Any) -> None:
    family_member_update(
        member=notification.member,
        actor=actor,
        links=[{"case": notification.event.case, "relationship": "mother", "verified": False}],
    )


def _opt_out(notification: Notification, actor: Any) -> None:
    family_member_opt_out(member=notification.member, channel=notification.channel)


STOPS = {
    "the link is un-verified": (_unverify, "no longer verified"),
    "the relative opts out": (_opt_out, "opted out"),
}


@pytest.fixture(params=list(STOPS))
def stop(request: pytest.FixtureRequest) -> tuple[Callable[[Notification, Any], None], str]:
    return STOPS[request.param]


@pytest.fixture
def gateway(settings: Any) -> Iterator[Script]:
    """The SMS gateway: answers 503 (a transient error), then 200."""
    with http_receiver(503, 200) as (url, script):
        settings.SMS_BACKEND = "families.channels.sms.HttpGatewaySmsBackend"
        settings.SMS_GATEWAY_URL = url
        yield script


def _reload(notification: Notification) -> Notification:
    return Notification.objects.get(pk=notification.pk)


@pytest.mark.parametrize("when", ["at the claim", "just before the send"])
@pytest.mark.django_db
def test_a_stop_that_no_cancel_saw_is_honoured_by_the_delivery(
    make_notification: MakeNotification, gateway: Script, when: str
) -> None:
    """A stop written by a transaction the cancel did not see (it committed
    after the fan-out read the link): the delivery reads it itself."""
    notification = make_notification("sms")
    claimed = None
    if when == "just before the send":
        claimed = notification_claim(notification_id=notification.pk)
    FamilyLink.objects.filter(member=notification.member).update(verified=False)

    if claimed is None:
        result = notification_deliver(notification_id=notification.pk)
    else:
        result = notification_send(claimed)

    assert result.outcome == "cancelled"
    assert gateway.received == []
    fresh = _reload(notification)
    assert fresh.status == NotificationStatus.CANCELLED
    assert "no longer verified" in fresh.last_error


@pytest.mark.django_db
def test_a_channel_switched_off_without_a_cancel_is_not_sent(
    make_notification: MakeNotification, gateway: Script
) -> None:
    notification = make_notification("sms")
    FamilyMember.objects.filter(pk=notification.member_id).update(opted_out=["sms"])
    assert notification_deliver(notification_id=notification.pk).outcome == "cancelled"
    assert gateway.received == []
    assert "opted out" in _reload(notification).last_error


@pytest.mark.django_db
def test_a_message_claimed_before_the_stop_is_not_sent(
    make_notification: MakeNotification, gateway: Script, caseworker: Any, stop: Any
) -> None:
    action, reason = stop
    notification = make_notification("sms")
    claimed = notification_claim(notification_id=notification.pk)
    assert claimed is not None
    action(notification, caseworker)

    assert notification_send(claimed).outcome == "cancelled"
    assert gateway.received == []
    assert reason in _reload(notification).last_error


@pytest.mark.django_db
def test_a_message_left_sending_by_a_dead_worker_is_not_sent_by_the_sweep_after_a_stop(
    make_notification: MakeNotification, gateway: Script, caseworker: Any, stop: Any
) -> None:
    action, reason = stop
    notification = make_notification("sms")
    assert notification_claim(notification_id=notification.pk) is not None  # then the worker died
    action(notification, caseworker)

    # Celery is eager here: whatever the sweep enqueues is delivered at once.
    notifications_sweep(grace=timedelta(0), stale_after=timedelta(0))

    assert gateway.received == []
    fresh = _reload(notification)
    assert fresh.status == NotificationStatus.CANCELLED
    assert reason in fresh.last_error


@pytest.mark.parametrize("stop", list(STOPS))
@on_postgresql[0]
@on_postgresql[1]
def test_a_stop_while_the_gateway_fails_the_send_is_never_retried(
    make_notification: MakeNotification,
    gateway: Script,
    caseworker: Any,
    stop: str,
    dead_broker: None,
) -> None:
    """The worker is inside the gateway call when the stop commits; the call
    fails (503), which before meant back to pending and a retry that sent it.
    (The broker is down so that the fan-out's own publish delivers nothing:
    this test is the worker.)"""
    action, reason = STOPS[stop]
    notification = make_notification("sms")
    assert _reload(notification).status == NotificationStatus.PENDING
    gateway.gate.clear()
    with ThreadPoolExecutor(max_workers=1) as pool:
        deliver = in_thread(lambda: notification_deliver(notification_id=notification.pk))
        first = pool.submit(deliver)
        assert gateway.arrived.wait(10), "the worker never reached the gateway"
        action(notification, caseworker)
        gateway.gate.set()
        assert first.result(timeout=30).outcome == "cancelled"

    assert notification_deliver(notification_id=notification.pk).outcome == "skipped"  # the retry
    assert len(gateway.received) == 1  # the failed call, and nothing after it
    fresh = _reload(notification)
    assert fresh.status == NotificationStatus.CANCELLED
    assert reason in fresh.last_error
    assert [a.outcome for a in fresh.delivery_attempts.all()] == ["transient_error"]
