"""A case event in the reader's language. Events store an English summary
for logs and the API; the page says the same from the event's kind and data,
falling back to the summary for what it does not know."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _

from cases.models import CaseEvent, EventKind
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


def _detail(event: CaseEvent) -> str:
    data = event.data or {}
    if event.kind == EventKind.STATUS_CHANGED:
        return " · ".join(p for p in (_move(data), str(data.get("note") or "")) if p)
    if event.kind == EventKind.TRANSITION_REQUESTED:
        return _("%(move)s, waits for a supervisor") % {"move": _move(data)}
    if event.kind == EventKind.NOTE:
        return str(data.get("text") or event.summary)
    if event.kind == EventKind.FAMILY_TOLD:
        return str(data.get("note") or "")
    if event.kind == EventKind.EXCHANGE_LISTED:
        return _move(data)
    return event.summary


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
