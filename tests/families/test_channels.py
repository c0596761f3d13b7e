"""Channels against fakes of the outside world: an SMTP server, an SMS
gateway and a webhook receiver. What is sent, and how errors are sorted."""

from __future__ import annotations

import hashlib
import hmac
import logging
import socket
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User

from cases import services
from cases.models import MissingPerson
from families.channels import TransportError, get_channel
from families.channels.webhook import sign
from families.models import Notification
from tests.families.notify_fakes import http_receiver, smtp_server

pytestmark = pytest.mark.django_db
MakeNotification = Callable[..., Notification]


@pytest.fixture
def smtp(settings: Any) -> Callable[[int], None]:
    def _use(port: int) -> None:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 3

    return _use


@pytest.fixture
def gateway(settings: Any) -> Callable[[str], None]:
    def _use(url: str) -> None:
        settings.SMS_BACKEND = "families.channels.sms.HttpGatewaySmsBackend"
        settings.SMS_GATEWAY_URL, settings.SMS_GATEWAY_TOKEN = url, "tok-123"
        settings.SMS_SENDER, settings.SMS_GATEWAY_TIMEOUT = "MFA", 1

    return _use


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- email ---------------------------------------------------------------------


def test_email_goes_out_over_smtp_with_text_html_and_our_headers(
    make_notification: MakeNotification, smtp: Callable[[int], None]
) -> None:
    notification = make_notification("email", language="en")
    with smtp_server() as (port, script):
        smtp(port)
        result = get_channel("email").send(notification)
    (data,) = script.received
    assert f"X-Casemgr-Notification: {notification.pk}".encode() in data
    assert b"List-Unsubscribe: <http" in data
    assert b"text/html" in data
    assert b"text/plain" in data
    assert f".n{notification.pk}@" in result.provider_message_id
    assert f"Message-ID: {result.provider_message_id}".encode() in data


@pytest.mark.parametrize(
    ("reply", "permanent"),
    [("550 5.1.1 no such user", True), ("451 4.3.0 try later", False)],
)
def test_smtp_refusals_are_sorted_by_their_code(
    make_notification: MakeNotification,
    smtp: Callable[[int], None],
    reply: str,
    permanent: bool,
) -> None:
    notification = make_notification("email")
    with smtp_server(rcpt_reply=reply) as (port, _):
        smtp(port)
        with pytest.raises(TransportError) as caught:
            get_channel("email").send(notification)
    assert caught.value.permanent is permanent


def test_an_unreachable_mail_server_is_a_transient_error(
    make_notification: MakeNotification, smtp: Callable[[int], None]
) -> None:
    notification = make_notification("email")
    smtp(free_port())
    with pytest.raises(TransportError) as caught:
        get_channel("email").send(notification)
    assert caught.value.permanent is False


# --- sms ---------------------------------------------------------------------------


def test_the_sms_gateway_gets_number_text_and_token(
    make_notification: MakeNotification, gateway: Callable[[str], None]
) -> None:
    notification = make_notification("sms", language="ru", phone="+37491000111")
    with http_receiver(200) as (url, script):
        gateway(url)
        result = get_channel("sms").send(notification)
    (request,) = script.received
    assert request.headers["Authorization"] == "Bearer tok-123"
    payload = request.json()
    assert payload["to"] == "+37491000111"
    assert payload["from"] == "MFA"
    assert payload["text"] == notification.body_text
    assert payload["reference"] == f"n{notification.pk}"
    assert result.provider_message_id == "gw-1"


@pytest.mark.parametrize(
    ("status", "permanent"), [(400, True), (401, True), (404, True), (429, False), (503, False)]
)
def test_gateway_answers_are_sorted_into_permanent_and_transient(
    make_notification: MakeNotification,
    gateway: Callable[[str], None],
    status: int,
    permanent: bool,
) -> None:
    notification = make_notification("sms")
    with http_receiver(status) as (url, _):
        gateway(url)
        with pytest.raises(TransportError) as caught:
            get_channel("sms").send(notification)
    assert caught.value.permanent is permanent
    assert f"HTTP {status}" in caught.value.message


def test_a_gateway_that_does_not_answer_in_time_is_transient(
    make_notification: MakeNotification, gateway: Callable[[str], None]
) -> None:
    notification = make_notification("sms")
    with http_receiver((200, 3.0)) as (url, _):
        gateway(url)
        with pytest.raises(TransportError) as caught:
            get_channel("sms").send(notification)
    assert caught.value.permanent is False


def test_the_logging_backend_logs_neither_number_nor_name(
    make_notification: MakeNotification, caplog: pytest.LogCaptureFixture
) -> None:
    notification = make_notification("sms", phone="+37491777777", full_name="Gayane Mkrtchyan")
    caplog.set_level(logging.INFO)
    result = get_channel("sms").send(notification)
    assert result.provider_message_id.startswith("log-")
    assert f"n{notification.pk}" in caplog.text
    assert "+37491777777" not in caplog.text
    assert "Gayane" not in caplog.text


# --- webhook ----------------------------------------------------------------------------


@pytest.mark.usefixtures("webhooks_to_localhost")
def test_webhooks_are_signed_over_timestamp_and_body_with_the_members_secret(
    make_notification: MakeNotification, staffed_case: MissingPerson
) -> None:
    with http_receiver(200) as (url, script):
        notification = make_notification(
            "webhook", language="en", webhook_url=url, webhook_secret="org-secret"
        )
        get_channel("webhook").send(notification)
    (request,) = script.received
    timestamp = request.headers["X-Casemgr-Timestamp"]
    expected = hmac.new(b"org-secret", timestamp.encode() + b"." + request.body, hashlib.sha256)
    assert request.headers["X-Casemgr-Signature"] == f"sha256={expected.hexdigest()}"
    assert request.headers["X-Casemgr-Signature"] == sign("org-secret", timestamp, request.body)
    assert request.headers["X-Casemgr-Delivery"] == str(notification.pk)
    payload = request.json()
    assert payload["notification_id"] == notification.pk
    assert payload["case_number"] == staffed_case.case_number
    assert payload["status"] == "capture_reported"
    assert payload["message"] == notification.body_text


@pytest.mark.usefixtures("webhooks_to_localhost")
def test_a_webhook_about_a_death_says_only_awaiting_contact(
    staffed_case: MissingPerson,
    make_relative: Callable[..., Any],
    caseworker: User,
    supervisor: User,
) -> None:
    with http_receiver(200) as (url, script):
        member = make_relative(staffed_case, channels=("webhook",), webhook_url=url, language="en")
        outcome = services.case_transition(
            case=staffed_case, actor=caseworker, to_status="deceased"
        )
        confirmed = services.transition_confirm(transition_id=outcome.pending.pk, actor=supervisor)
        services.event_dispatch(event_id=confirmed.event.pk)
        notification = Notification.objects.get(member=member)
        get_channel("webhook").send(notification)
    payload = script.received[0].json()
    assert payload["status"] == "awaiting_contact"
    assert "deceased" not in script.received[0].body.decode().lower()


def test_a_webhook_without_a_secret_is_refused_for_good(
    make_notification: MakeNotification,
) -> None:
    notification = make_notification("webhook", webhook_secret="")
    with pytest.raises(TransportError) as caught:
        get_channel("webhook").send(notification)
    assert caught.value.permanent is True
