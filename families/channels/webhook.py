"""Webhook: a signed JSON POST to an organisation's own system.

The body carries ids and the family projection of the news, never more.
Headers:
  X-Casemgr-Timestamp: seconds since the epoch when the request was signed
  X-Casemgr-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>",
                       keyed with the relative's webhook_secret>
  X-Casemgr-Delivery:  the notification id; the same id may arrive twice
                       (delivery is at least once), receivers drop repeats.
Signing the timestamp with the body lets receivers refuse replays of an old
request (compare the timestamp with their clock).

The URL is checked when it is saved and again at every send, and the send
goes to the very address checked, with no redirects (families.channels.http).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings

from families.channels import DeliveryChannel, SendResult, TransportError
from families.channels.http import post_json

if TYPE_CHECKING:
    from families.models import Notification

SIGNATURE_HEADER = "X-Casemgr-Signature"
TIMESTAMP_HEADER = "X-Casemgr-Timestamp"
DELIVERY_HEADER = "X-Casemgr-Delivery"


def allowed_hosts() -> frozenset[str]:
    """Receivers inside our network that an operator allowed by name."""
    return frozenset(host.lower() for host in settings.WEBHOOK_ALLOWED_HOSTS)


def sign(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def webhook_payload(notification: Notification) -> dict[str, Any]:
    from cases.models import CaseEvent
    from families.names import reader_name
    from families.texts import family_facts

    # One read of the event and its case (the claim loads neither), and one
    # of its spellings (the name in the reader's script).
    event = (
        CaseEvent.objects.select_related("case")
        .prefetch_related("case__spellings")
        .get(pk=notification.event_id)
    )
    facts = family_facts(event, notification.language)
    # The name as the relative reads it (their script and order, as in the
    # message): a receiver that shows it needs no transliteration of its own.
    name = reader_name(event.case, notification.language)
    return {
        "notification_id": notification.pk,
        "event_id": event.pk,
        "member_id": notification.member_id,
        "case_number": event.case.case_number,
        "person_name": name.full,
        "person_given_name": name.given,
        "kind": facts.kind,
        "status": facts.status,
        "status_label": facts.status_label,
        "at": event.at.isoformat(),
        "language": notification.language,
        "subject": notification.subject,
        "message": notification.body_text,
    }


class WebhookChannel(DeliveryChannel):
    name: ClassVar[str] = "webhook"

    def address(self, member: object) -> str:
        return str(getattr(member, "webhook_url", "") or "")

    def send(self, notification: Notification) -> SendResult:
        member = notification.member
        url = self.address(member)
        if not url:
            raise TransportError("the relative has no webhook URL", permanent=True)
        if not member.webhook_secret:
            raise TransportError(
                "the relative's webhook has no secret to sign with", permanent=True
            )
        body = json.dumps(webhook_payload(notification), ensure_ascii=False).encode()
        timestamp = str(int(time.time()))
        headers = {
            SIGNATURE_HEADER: sign(member.webhook_secret, timestamp, body),
            TIMESTAMP_HEADER: timestamp,
            DELIVERY_HEADER: str(notification.pk),
        }
        post_json(
            url, body, headers, settings.WEBHOOK_TIMEOUT_SECONDS, allowed_hosts=allowed_hosts()
        )
        return SendResult(provider_message_id=f"webhook-{notification.pk}-{timestamp}")
