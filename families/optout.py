"""Opting out of a channel through a signed link that never expires.

Every message carries a link /optout/<token>/ for its member and channel.
The token is made with django.core.signing (salted, keyed by SECRET_KEY and
its fallbacks) and has no max_age: a relative must be able to stop messages
years later. The signature is cut to 128 bits to keep SMS short; forging one
still needs 2**128 guesses. Opening the link changes nothing (mail scanners
open links); only the POST of the confirmation page does.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse

from cases.models import EventKind
from cases.services import event_append
from families.models import Channel, FamilyMember
from families.services import notifications_cancel_waiting

logger = logging.getLogger(__name__)

SALT = "families.optout.v1"
SIGNATURE_CHARS = 22  # 22 base64 characters = 132 bits of the HMAC-SHA256
_CHANNEL_CODES = {"email": "e", "sms": "s", "webhook": "w"}
_CODE_CHANNELS = {code: channel for channel, code in _CHANNEL_CODES.items()}


class OptOutSigner(signing.Signer):
    def signature(self, value: bytes | str, key: Any = None) -> str:
        return super().signature(value, key)[:SIGNATURE_CHARS]


def _signer() -> OptOutSigner:
    return OptOutSigner(salt=SALT)


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


def optout_token(member_id: int, channel: str) -> str:
    return _signer().sign(f"{_base36(member_id)}.{_CHANNEL_CODES[channel]}")


def optout_parse(token: str) -> tuple[int, str]:
    """(member id, channel) of a genuine token; raises signing.BadSignature."""
    value = _signer().unsign(token)
    try:
        member_part, code = value.split(".", 1)
        return int(member_part, 36), _CODE_CHANNELS[code]
    except (ValueError, KeyError) as exc:
        raise signing.BadSignature("malformed opt-out token") from exc


def optout_url(member: FamilyMember, channel: str) -> str:
    path = reverse("optout", kwargs={"token": optout_token(member.pk, channel)})
    return settings.SITE_URL.rstrip("/") + path


CANCELLED_OPTED_OUT = "Cancelled: the relative opted out of this channel."


@transaction.atomic
def family_member_opt_out(*, member: FamilyMember, channel: str) -> bool:
    """Switch `channel` off for this relative; True when it was on.

    The relative acts here, not staff: the change is kept in the member's
    history (reason "opt-out link") and on the timeline of each case they
    are linked to, so caseworkers see why messages stopped.
    """
    if channel not in Channel.values:
        raise ValueError(f"unknown channel {channel!r}")
    locked = FamilyMember.objects.select_for_update().get(pk=member.pk)
    if channel in locked.opted_out:
        return False
    locked.opted_out = [*locked.opted_out, channel]
    locked._change_reason = "opt-out link"  # type: ignore[attr-defined]
    locked.save(update_fields=["opted_out", "updated_at"])
    notifications_cancel_waiting(member=locked, channel=channel, reason=CANCELLED_OPTED_OUT)
    for link in locked.links.select_related("case"):
        event_append(
            case=link.case,
            kind=EventKind.UPDATED,
            actor=None,
            summary=f"Relative #{locked.pk} opted out of {channel} messages",
            data={"member_id": locked.pk, "opted_out": channel},
        )
    logger.info("relative #%s opted out of %s", locked.pk, channel)
    return True
