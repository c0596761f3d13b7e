"""Every variant of a message a family can receive: each kind, each exchange
outcome, each report verification and each detention event told, as the
event data the services record. The SMS length and the forms-for-a-woman
tests both walk this list."""

from __future__ import annotations

from typing import Any

from cases.models import EventKind

VARIANTS: list[tuple[str, dict[str, Any]]] = [
    (EventKind.STATUS_CHANGED, {"from": "missing", "to": "capture_reported"}),
    (EventKind.STATUS_CHANGED, {"from": "capture_reported", "to": "missing"}),
    (EventKind.STATUS_CHANGED, {"from": "missing", "to": "detained"}),
    (EventKind.STATUS_CHANGED, {"from": "detained", "to": "found_alive"}),
    (EventKind.STATUS_CHANGED, {"from": "found_alive", "to": "closed"}),
    (
        EventKind.STATUS_CHANGED,
        {"from": "release_scheduled", "to": "repatriated", "outcome": "exchanged"},
    ),
    (
        EventKind.STATUS_CHANGED,
        {"from": "release_scheduled", "to": "detained", "outcome": "not_released"},
    ),
    (EventKind.STATUS_CHANGED, {"from": "detained", "to": "deceased"}),
    (EventKind.STATUS_CHANGED, {"from": "deceased", "to": "remains_returned"}),
    (
        EventKind.EXCHANGE_LISTED,
        {"from": "detained", "to": "release_scheduled", "scheduled_for": "2021-01-09"},
    ),
    (EventKind.EXCHANGE_LISTED, {"from": "detained", "to": "release_scheduled"}),
    (EventKind.CAPTURE_REPORT_ADDED, {"report_id": 0, "verification": "unverified"}),
    (EventKind.CAPTURE_REPORT_ADDED, {"report_id": 0, "verification": "corroborated"}),
    (EventKind.CAPTURE_REPORT_UPDATED, {"report_id": 0, "verification": "confirmed"}),
    (EventKind.DETENTION_EVENT, {"type": "icrc_visit", "occurred_on": "2021-01-09"}),
    (
        EventKind.DETENTION_EVENT,
        {"type": "health", "occurred_on": "2021-01-09", "health": "seriously_wounded"},
    ),
    (EventKind.DETENTION_EVENT, {"type": "release", "occurred_on": "2021-01-09"}),
    (
        EventKind.DETENTION_EVENT,
        {"type": "transfer", "occurred_on": "2021-01-09", "place": "Baku, Penitentiary No. 1"},
    ),
    (
        EventKind.DETENTION_EVENT,
        {"type": "hospital_admission", "occurred_on": "2021-01-09", "place": "A" * 120},
    ),
]
