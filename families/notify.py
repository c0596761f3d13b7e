"""Who hears what: the consumer of case events (CASE_EVENT_CONSUMERS).

Fan-out is implemented by the notifications work (issue 4); until then no
relative is told anything and events are only marked dispatched.
"""

from __future__ import annotations

from cases.models import CaseEvent


def on_case_event(event: CaseEvent) -> None:
    """Create the Notification rows for this event (idempotent)."""
