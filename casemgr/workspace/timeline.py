"""A case event in the reader's language. Events store an English summary
for logs and the API; the page says the same from the event's kind and data,
falling back to the summary for what it does not know."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _

from casemgr.workspace.forms import CASE_LABELS
from cases import dates
from cases.models import (
    CaseEvent,
    DetentionEventType,
    EventKind,
    HealthState,
    NamePart,
    NameScript,
    ReportSource,
    Verification,
)
from cases.status import Status


@dataclass(frozen=True)
class Line:
    at: datetime
    kind: str
    title: str
    detail: str
    actor: str
    family_visible: bool


def _label(value: Any) -> str:
    return str(Status(value).label) if value in Status.values else str(value or "")


def _move(data: dict[str, Any]) -> str:
    return f"{_label(data.get('from'))} → {_label(data.get('to'))}"


def _joined(*parts: Any) -> str:
    return " · ".join(str(p) for p in parts if p)


def _report(data: dict[str, Any]) -> str:
    source = data.get("source")
    verification = data.get("verification")
    return _joined(
        f"#{data.get('report_id')}",
        ReportSource(source).label if source in ReportSource.values else source,
        Verification(verification).label if verification in Verification.values else "",
    )


def _updated(data: dict[str, Any]) -> str:
    if "member_id" in data:
        return (
            _("A relative was linked (verified).")
            if data.get("verified")
            else _("A relative was linked (not verified).")
        )
    return ", ".join(str(CASE_LABELS.get(f, f)) for f in data.get("fields", []))


def _choice(choices: Any, value: Any) -> str:
    return str(choices(value).label) if value in choices.values else str(value or "")


def _detention(data: dict[str, Any]) -> str:
    """What the timeline keeps of a detention event (never the death
    particulars: those are on the event itself)."""
    what = _("%(what)s on %(date)s") % {
        "what": _choice(DetentionEventType, data.get("type")),
        "date": dates.day(data.get("occurred_on")),
    }
    return _joined(
        what,
        data.get("place"),
        _choice(HealthState, data.get("health")),
        _choice(ReportSource, data.get("source")),
    )


def _spelling(data: dict[str, Any]) -> str:
    return _joined(_choice(NamePart, data.get("part")), _choice(NameScript, data.get("script")))


def _enquiry(data: dict[str, Any]) -> str:
    number = {"n": data.get("enquiry_id")}
    if data.get("answered"):
        return _("Enquiry #%(n)s was answered.") % number
    return _("A relative sent enquiry #%(n)s.") % number


def _rejected(data: dict[str, Any]) -> str:
    if data.get("superseded"):
        return _("Set aside: the case moved to %(status)s first.") % {
            "status": _label(data.get("moved_to"))
        }
    return str(data.get("note") or "")


DETAILS: dict[str, Callable[[dict[str, Any]], str]] = {
    EventKind.OPENED: lambda data: "",
    EventKind.UPDATED: _updated,
    EventKind.STATUS_CHANGED: lambda data: _joined(_move(data), data.get("note")),
    EventKind.TRANSITION_REQUESTED: lambda data: _joined(
        _("%(move)s, waits for a supervisor") % {"move": _move(data)}, data.get("note")
    ),
    EventKind.TRANSITION_REJECTED: _rejected,
    EventKind.CAPTURE_REPORT_ADDED: _report,
    EventKind.CAPTURE_REPORT_UPDATED: _report,
    EventKind.EXCHANGE_LISTED: _move,
    EventKind.NOTE: lambda data: str(data.get("text") or ""),
    EventKind.FAMILY_TOLD: lambda data: str(data.get("note") or ""),
    EventKind.DETENTION_EVENT: _detention,
    EventKind.FAMILY_ENQUIRY: _enquiry,
    EventKind.SPELLING_ADDED: _spelling,
}


def _detail(event: CaseEvent) -> str:
    detail = DETAILS.get(event.kind)
    return detail(event.data or {}) if detail else event.summary


def line(event: CaseEvent) -> Line:
    actor = event.actor.get_full_name() or event.actor.get_username() if event.actor else ""
    return Line(
        at=event.at,
        kind=event.kind,
        title=event.get_kind_display(),
        detail=_detail(event),
        actor=actor,
        family_visible=event.family_visible,
    )
