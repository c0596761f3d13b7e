"""The delivery's few round trips: the claim reads what the send needs in
the same statement, one read asks just before the send whether the relative
still wants it, and the attempt and the 'sent' mark are one write. The
portable path (the embedded SQLite) must behave the same."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.db import connection

from families.delivery import (
    _claim_orm,
    _claim_returning,
    _mark_sent,
    notification_claim,
    notification_deliver,
)
from families.models import AttemptOutcome, Notification, NotificationStatus
from tests.families.notify_fakes import http_receiver

pytestmark = pytest.mark.django_db
MakeNotification = Callable[..., Notification]

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the one-statement claim is PostgreSQL's"
)


def reload(notification: Notification) -> Notification:
    return Notification.objects.select_related("member").get(pk=notification.pk)


@needs_postgresql
@pytest.mark.parametrize("channel", ["email", "sms"])
def test_an_email_or_sms_delivery_takes_three_queries(
    make_notification: MakeNotification,
    django_assert_max_num_queries: Any,
    channel: str,
) -> None:
    notification = make_notification(channel)
    # The claim, the last look before sending, then attempt + 'sent' together.
    with django_assert_max_num_queries(3):
        assert notification_deliver(notification_id=notification.pk).outcome == "sent"
    notification = reload(notification)
    assert notification.status == NotificationStatus.SENT
    assert [a.outcome for a in notification.delivery_attempts.all()] == [AttemptOutcome.SENT]


@needs_postgresql
@pytest.mark.usefixtures("webhooks_to_localhost")
def test_a_webhook_delivery_reads_its_event_and_spellings_once_more(
    make_notification: MakeNotification, django_assert_max_num_queries: Any
) -> None:
    with http_receiver(200) as (url, receiver):
        notification = make_notification("webhook", webhook_url=url)
        # ...and the case's spellings, for the name in the reader's script.
        with django_assert_max_num_queries(5):
            assert notification_deliver(notification_id=notification.pk).outcome == "sent"
    (request,) = receiver.received
    assert request.json()["case_number"] == notification.event.case.case_number


@needs_postgresql
@pytest.mark.parametrize("claim", [_claim_returning, _claim_orm])
def test_the_claim_returns_the_row_and_the_members_current_addresses(
    make_notification: MakeNotification, claim: Callable[..., Any]
) -> None:
    notification = make_notification(
        "webhook", webhook_url="https://example.org/hook", webhook_secret="s3cret"
    )
    notification.member.email = "corrected@example.org"
    notification.member.save()

    claimed = claim(notification.pk, notification.created_at)

    fresh = reload(notification)
    assert fresh.status == NotificationStatus.SENDING
    assert fresh.attempts == 1
    assert claimed.case_number == notification.event.case.case_number
    for field in Notification._meta.concrete_fields:
        name = field.attname
        assert getattr(claimed.notification, name) == getattr(fresh, name), name
    member = claimed.notification.member
    assert (member.pk, member.email, member.phone, member.language) == (
        fresh.member.pk,
        "corrected@example.org",
        fresh.member.phone,
        fresh.member.language,
    )
    assert (member.webhook_url, member.webhook_secret) == ("https://example.org/hook", "s3cret")
    assert claim(notification.pk, notification.created_at) is None  # taken: never twice


def test_only_a_pending_row_can_be_claimed(make_notification: MakeNotification) -> None:
    notification = make_notification("email")
    Notification.objects.filter(pk=notification.pk).update(status=NotificationStatus.SENT)
    assert notification_claim(notification_id=notification.pk) is None
    assert reload(notification).attempts == 0


def test_the_attempt_is_kept_even_when_the_sweep_took_the_row_back_meanwhile(
    make_notification: MakeNotification,
) -> None:
    notification = make_notification("email")
    claimed = notification_claim(notification_id=notification.pk)
    assert claimed is not None
    # The sweep decided this worker was dead and gave the row back.
    Notification.objects.filter(pk=notification.pk).update(status=NotificationStatus.PENDING)

    _mark_sent(claimed.notification, claimed.notification.claimed_at, 0.01, "<id@x>")

    notification = reload(notification)
    assert notification.status == NotificationStatus.PENDING  # it will be sent again
    (attempt,) = notification.delivery_attempts.all()
    assert (attempt.outcome, attempt.provider_message_id) == (AttemptOutcome.SENT, "<id@x>")


def test_the_portable_path_delivers_the_same(
    make_notification: MakeNotification, monkeypatch: pytest.MonkeyPatch
) -> None:
    notification = make_notification("email")
    monkeypatch.setattr(connection, "vendor", "sqlite")  # the embedded default's path

    assert notification_deliver(notification_id=notification.pk).outcome == "sent"
    assert notification_deliver(notification_id=notification.pk).outcome == "skipped"

    monkeypatch.undo()
    notification = reload(notification)
    assert notification.status == NotificationStatus.SENT
    assert notification.attempts == 1
    assert [a.outcome for a in notification.delivery_attempts.all()] == [AttemptOutcome.SENT]
    assert len(mail.outbox) == 1
