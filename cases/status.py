"""The one transition table: which status a case may move to, and which moves
are sensitive (they wait for a supervisor who is not the asker, and families
hear nothing until then). Nothing else in the code base knows the moves.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    MISSING = "missing", _("Missing")
    CAPTURE_REPORTED = "capture_reported", _("Capture reported")
    DETAINED = "detained", _("Detained")
    RELEASE_SCHEDULED = "release_scheduled", _("Release scheduled")
    REPATRIATED = "repatriated", _("Repatriated")
    FOUND_ALIVE = "found_alive", _("Found alive")
    DECEASED = "deceased", _("Deceased")
    REMAINS_RETURNED = "remains_returned", _("Remains returned")
    CLOSED = "closed", _("Closed")


@dataclass(frozen=True)
class Move:
    to: Status
    sensitive: bool = False


S = Status
TRANSITIONS: dict[Status, tuple[Move, ...]] = {
    S.MISSING: (
        Move(S.CAPTURE_REPORTED),
        Move(S.DETAINED),
        Move(S.FOUND_ALIVE),
        Move(S.DECEASED, sensitive=True),
        Move(S.CLOSED),
    ),
    S.CAPTURE_REPORTED: (
        Move(S.DETAINED),
        Move(S.MISSING),
        Move(S.FOUND_ALIVE),
        Move(S.DECEASED, sensitive=True),
        Move(S.CLOSED),
    ),
    S.DETAINED: (
        Move(S.RELEASE_SCHEDULED),
        Move(S.REPATRIATED),
        Move(S.DECEASED, sensitive=True),
        Move(S.CLOSED),
    ),
    S.RELEASE_SCHEDULED: (
        Move(S.REPATRIATED),
        Move(S.DETAINED),
        Move(S.DECEASED, sensitive=True),
    ),
    S.REPATRIATED: (Move(S.CLOSED),),
    S.FOUND_ALIVE: (Move(S.CLOSED),),
    S.DECEASED: (
        Move(S.REMAINS_RETURNED),
        Move(S.MISSING, sensitive=True),
        Move(S.CLOSED),
    ),
    S.REMAINS_RETURNED: (Move(S.CLOSED),),
    S.CLOSED: (Move(S.MISSING, sensitive=True),),
}

# Statuses whose confirmation must never be announced by an automated message:
# the family is told in person first (DESIGN.md, "What families are told").
DEATH_STATUSES = frozenset({S.DECEASED, S.REMAINS_RETURNED})
# A move into these needs a reason in words.
REASON_REQUIRED = frozenset({S.CLOSED})


def allowed_moves(current: str) -> list[str]:
    return [move.to.value for move in TRANSITIONS[Status(current)]]


def find_move(current: str, target: str) -> Move | None:
    for move in TRANSITIONS[Status(current)]:
        if move.to == target:
            return move
    return None
