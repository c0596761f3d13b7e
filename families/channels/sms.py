"""SMS: one backend class per provider, chosen by settings.SMS_BACKEND.

LoggingSmsBackend (the default) only logs that a message would go out, with
the case number and never a name or a phone number. HttpGatewaySmsBackend
talks to a generic JSON HTTP gateway (SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN,
SMS_SENDER): 4xx is permanent except 429, 5xx and timeouts are transient
(families.channels.http: no redirects, and never the answer's body in an error).
"""

from __future__ import annotations

import json
import logging
import uuid
from functools import cache
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from families.channels import DeliveryChannel, SendResult, TransportError
from families.channels.http import post_json

if TYPE_CHECKING:
    from families.models import Notification

logger = logging.getLogger(__name__)


class SmsBackend:
    def send_sms(self, *, to: str, text: str, reference: str) -> SendResult:
        """Send `text` to the number `to`; `reference` is our id for the message."""
        raise NotImplementedError


class LoggingSmsBackend(SmsBackend):
    """For development and demos: logs the fact of the message, not its text."""

    def send_sms(self, *, to: str, text: str, reference: str) -> SendResult:
        logger.info("sms %s: %d characters (logging backend, not sent)", reference, len(text))
        return SendResult(provider_message_id=f"log-{uuid.uuid4().hex}")


class HttpGatewaySmsBackend(SmsBackend):
    """A generic JSON gateway: POST {"to", "from", "text", "reference"} with
    `Authorization: Bearer <SMS_GATEWAY_TOKEN>`; the answer's "id" (or
    "message_id") is kept as the provider's message id."""

    def __init__(self) -> None:
        self.url = settings.SMS_GATEWAY_URL
        if not self.url:
            raise ImproperlyConfigured("HttpGatewaySmsBackend needs SMS_GATEWAY_URL.")
        self.token = settings.SMS_GATEWAY_TOKEN
        self.sender = settings.SMS_SENDER
        self.timeout = settings.SMS_GATEWAY_TIMEOUT

    def send_sms(self, *, to: str, text: str, reference: str) -> SendResult:
        payload = json.dumps(
            {"to": to, "from": self.sender, "text": text, "reference": reference}
        ).encode()
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        raw = post_json(self.url, payload, headers, self.timeout)
        try:
            answer = json.loads(raw or b"{}")
        except ValueError:
            answer = {}
        message_id = ""
        if isinstance(answer, dict):
            message_id = str(answer.get("id") or answer.get("message_id") or "")
        return SendResult(provider_message_id=message_id[:200])


@cache
def _backend_class(path: str) -> type[SmsBackend]:
    return import_string(path)


def get_sms_backend() -> SmsBackend:
    return _backend_class(settings.SMS_BACKEND)()


class SmsChannel(DeliveryChannel):
    name: ClassVar[str] = "sms"

    def address(self, member: object) -> str:
        return str(getattr(member, "phone", "") or "").strip()

    def send(self, notification: Notification) -> SendResult:
        to = self.address(notification.member)
        if not to:
            raise TransportError("the relative has no phone number", permanent=True)
        try:
            backend = get_sms_backend()
        except ImproperlyConfigured as exc:
            raise TransportError(str(exc), permanent=False) from exc
        return backend.send_sms(to=to, text=notification.body_text, reference=f"n{notification.pk}")
