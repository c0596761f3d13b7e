"""Domain errors raised by services. The API maps each to one HTTP status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def _status_label(value: str) -> str:
    """A status in the reader's words (cases.status imports nothing from here)."""
    from cases.status import Status

    return str(Status(value).label) if value in Status.values else value


class DomainError(Exception):
    """Base for refusals that come from the rules, not from bugs."""

    code = "domain_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(DomainError):
    """Input that breaks a rule; `errors` maps field names to messages (400)."""

    code = "invalid"

    def __init__(self, errors: Mapping[str, Sequence[str] | str]) -> None:
        self.errors = {k: [v] if isinstance(v, str) else list(v) for k, v in errors.items()}
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in self.errors.items()))


class IllegalTransition(DomainError):
    """The current status does not allow this move (409)."""

    code = "illegal_transition"

    def __init__(self, current: str, target: str, allowed: list[str]) -> None:
        # str(): a Status member's repr would read "Status.DETAINED" in the message.
        self.current = str(current)
        self.target = str(target)
        self.allowed = [str(a) for a in allowed]
        super().__init__(
            gettext("A case that is “%(current)s” cannot move to “%(target)s”.")
            % {"current": _status_label(self.current), "target": _status_label(self.target)}
        )


class StaleVersion(DomainError):
    """The record changed since the client read it (412)."""

    code = "stale_version"

    def __init__(self, expected: int, actual: int) -> None:
        self.expected = expected
        self.actual = actual
        super().__init__(
            gettext("The record is at version %(actual)d, not %(expected)d; reload it first.")
            % {"actual": actual, "expected": expected}
        )


class Conflict(DomainError):
    """The request cannot apply to the record as it now is (409)."""

    code = "conflict"


class NotAllowed(DomainError):
    """The actor may not do this, whatever the input (403)."""

    code = "not_allowed"


class ConcurrentChange(Conflict):
    """Another change to the same record won a lock conflict, and running
    this one again did not get through either (409): try again."""

    code = "concurrent_change"

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or gettext(
                "Someone else changed this record at the same moment; reload it and try again."
            )
        )


# A first sentence for each kind of refusal; the service's own words (through
# gettext, in the reader's language) follow it, naming the particulars. The
# workspace and the admin both show a refusal so (refusal_lead).
REFUSAL_LEADS = {
    InvalidInput: _("Please correct the marked fields."),
    IllegalTransition: _("The case's current status does not allow this move."),
    StaleVersion: _("The case was changed by someone else meanwhile."),
    Conflict: _("This cannot be done to the record as it is now."),
    NotAllowed: _("Your role does not allow this."),
}


def refusal_lead(exc: DomainError) -> str:
    return next((str(t) for k, t in REFUSAL_LEADS.items() if isinstance(exc, k)), "")
