"""Every write to the registry. Each function is keyword-only, atomic, and
appends the case's event(s); views, serializers, admin and tasks call these.
"""

from __future__ import annotations

from cases.services.cases import case_family_told, case_note_add, case_open, case_update
from cases.services.events import event_dispatch, events_sweep
from cases.services.exchanges import (
    exchange_complete,
    exchange_list_case,
    exchange_plan,
    exchange_update,
)
from cases.services.reports import capture_report_add, capture_report_update
from cases.services.transitions import (
    TransitionOutcome,
    case_transition,
    transition_confirm,
    transition_reject,
)

__all__ = [
    "TransitionOutcome",
    "capture_report_add",
    "capture_report_update",
    "case_family_told",
    "case_note_add",
    "case_open",
    "case_transition",
    "case_update",
    "event_dispatch",
    "events_sweep",
    "exchange_complete",
    "exchange_list_case",
    "exchange_plan",
    "exchange_update",
    "transition_confirm",
    "transition_reject",
]
