"""The ways a relative hears news: one small interface, one class per channel.

A channel sends one Notification and either returns a SendResult or raises
TransportError, saying whether trying again could help (transient) or not
(permanent). The delivery service records every attempt and decides about
retries; channels only talk to the outside world.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from families.models import Notification


@dataclass(frozen=True)
class SendResult:
    provider_message_id: str = ""


class TransportError(Exception):
    """A send that did not go through. `permanent` means retrying is useless
    (a refused recipient, a rejected request); otherwise it may work later."""

    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent

    def __str__(self) -> str:
        kind = "permanent" if self.permanent else "transient"
        return f"{kind}: {self.message}"


class DeliveryChannel:
    """How messages go out on one channel (families.models.Channel names them)."""

    name: ClassVar[str]

    def address(self, member: object) -> str:
        """Where this channel reaches the member; empty when it cannot."""
        raise NotImplementedError

    def send(self, notification: Notification) -> SendResult:
        raise NotImplementedError


def get_channel(name: str) -> DeliveryChannel:
    # Imported here so that the channel modules can import settings-driven
    # backends lazily and this package stays cheap to import.
    from families.channels.email import EmailChannel
    from families.channels.sms import SmsChannel
    from families.channels.webhook import WebhookChannel

    channels: dict[str, type[DeliveryChannel]] = {
        EmailChannel.name: EmailChannel,
        SmsChannel.name: SmsChannel,
        WebhookChannel.name: WebhookChannel,
    }
    try:
        return channels[name]()
    except KeyError:
        raise TransportError(f"unknown channel {name!r}", permanent=True) from None


def has_address(member: object, channel: str) -> bool:
    try:
        return bool(get_channel(channel).address(member))
    except TransportError:
        return False


__all__ = ["DeliveryChannel", "SendResult", "TransportError", "get_channel", "has_address"]
