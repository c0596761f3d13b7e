"""Email through Django's mail framework (EMAIL_BACKEND): text and HTML.

SMTP errors are sorted into what retrying can fix and what it cannot:
a refused recipient or any 5xx reply is permanent; 4xx replies, dropped
connections and timeouts are transient.
"""

from __future__ import annotations

import re
import smtplib
from email.utils import make_msgid
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.utils import DNS_NAME

from families.channels import DeliveryChannel, SendResult, TransportError

if TYPE_CHECKING:
    from families.models import Notification


# SMTP replies often echo the recipient ("550 <mariam.hovhannisyan@...>: no
# such user"); an address can carry a relative's name, and errors are logged.
_ADDRESS = re.compile(r"[^\s<>\"'()\[\],;:]+@[^\s<>\"'()\[\],;:]+")


def redact_addresses(text: str) -> str:
    return _ADDRESS.sub("<address>", text)


def classify_smtp_error(exc: BaseException) -> TransportError:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        permanent = any(500 <= code < 600 for code in codes) or not codes
        return TransportError(f"recipient refused (SMTP {codes})", permanent=permanent)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return TransportError("SMTP server disconnected", permanent=False)
    if isinstance(exc, smtplib.SMTPResponseException):
        code = exc.smtp_code
        reply = (
            exc.smtp_error.decode("utf-8", "replace")
            if isinstance(exc.smtp_error, bytes)
            else exc.smtp_error
        )
        reply_text = redact_addresses(str(reply))[:200]
        return TransportError(f"SMTP {code}: {reply_text}", permanent=500 <= code < 600)
    if isinstance(exc, (OSError, smtplib.SMTPException)):
        # Connection refused, reset, DNS failure, timeouts (TimeoutError is an OSError).
        return TransportError(
            redact_addresses(f"{type(exc).__name__}: {exc}")[:300], permanent=False
        )
    return TransportError(f"unexpected {type(exc).__name__}", permanent=False)


class EmailChannel(DeliveryChannel):
    name: ClassVar[str] = "email"

    def address(self, member: object) -> str:
        return str(getattr(member, "email", "") or "")

    def send(self, notification: Notification) -> SendResult:
        from families.optout import optout_url

        member = notification.member
        to = self.address(member)
        if not to:
            raise TransportError("the relative has no email address", permanent=True)
        message_id = make_msgid(idstring=f"n{notification.pk}", domain=str(DNS_NAME))
        message = EmailMultiAlternatives(
            subject=notification.subject,
            body=notification.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[to],
            headers={
                "Message-ID": message_id,
                # Ids only: a receiving system may use it to drop a duplicate.
                "X-Casemgr-Notification": str(notification.pk),
                "Auto-Submitted": "auto-generated",
                "List-Unsubscribe": f"<{optout_url(member, self.name)}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
            connection=get_connection(fail_silently=False),
        )
        if notification.body_html:
            message.attach_alternative(notification.body_html, "text/html")
        try:
            sent = message.send(fail_silently=False)
        except Exception as exc:
            raise classify_smtp_error(exc) from exc
        if sent != 1:
            raise TransportError("the mail backend did not accept the message", permanent=False)
        return SendResult(provider_message_id=message_id)
