"""Every write to the registry. Each function is keyword-only, atomic, and
appends the case's event(s); views, serializers, admin and tasks call these.

Other apps use only the names in __all__: besides the writes, event_append
(a write of theirs that concerns a case appends the case's event in their
transaction), and the two checks every service starts with.
"""

from __future__ import annotations

from cases.services._common import (
    refuse_future_dates,
    require_caseworker,
    require_supervisor,
    validate_instance,
)
from cases.services.cases import case_family_told, case_note_add, case_open, case_update
from cases.services.detention import detention_event_add
from cases.services.events import event_append, event_dispatch, events_sweep
from cases.services.exchanges import (
    exchange_complete,
    exchange_list_case,
    exchange_plan,
    exchange_update,
)
from cases.services.reports import capture_report_add, capture_report_update
from cases.services.spellings import case_spelling_add, name_keys_rebuild
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
    "case_spelling_add",
    "case_transition",
    "case_update",
    "detention_event_add",
    "event_append",
    "event_dispatch",
    "events_sweep",
    "exchange_complete",
    "exchange_list_case",
    "exchange_plan",
    "exchange_update",
    "name_keys_rebuild",
    "refuse_future_dates",
    "require_caseworker",
    "require_supervisor",
    "transition_confirm",
    "transition_reject",
    "validate_instance",
]
