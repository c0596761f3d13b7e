"""Status moves, and the two-person rule for sensitive ones."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

from cases.errors import Conflict, IllegalTransition, InvalidInput, NotAllowed
from cases.models import (
    CaseEvent,
    EventKind,
    MissingPerson,
    PendingTransition,
    TransitionState,
)
from cases.services._common import require_caseworker, require_supervisor
from cases.services.cases import check_version
from cases.services.events import enqueue_dispatch, event_append
from cases.services.locking import atomic_retrying, lock_case, lock_pending_of, lock_transition
from cases.services.news import news_release_held
from cases.services.text import clean_text
from cases.status import DEATH_STATUSES, REASON_REQUIRED, Status, allowed_moves, find_move


@dataclass(frozen=True)
class TransitionOutcome:
    case: MissingPerson
    event: CaseEvent
    pending: PendingTransition | None = None

    @property
    def applied(self) -> bool:
        return self.pending is None


def _check_target(target: str) -> None:
    if target not in Status.values:
        raise InvalidInput(
            {
                "status": gettext("%(value)s is not a status. Known: %(known)s.")
                % {"value": repr(target), "known": ", ".join(Status.values)}
            }
        )


def _check_note(target: str, note: str) -> None:
    if target in REASON_REQUIRED and not note.strip():
        raise InvalidInput({"note": gettext("Closing a case needs a reason.")})
    if len(note) > 5000:
        raise InvalidInput({"note": gettext("At most %(n)d characters.") % {"n": 5000}})


def _refuse_closing_an_untold_death(case: MissingPerson, target: str) -> None:
    # Once closed, the telling can no longer be recorded (case_family_told),
    # and the family portal would never show the full status.
    if (
        target == Status.CLOSED
        and case.status in DEATH_STATUSES
        and case.family_told_in_person_at is None
    ):
        raise Conflict(
            gettext(
                "The family has not yet been told of this death in person: record that they "
                "were told (family-told, with a note if no relative can be reached) before "
                "closing the case."
            )
        )


def supersede_pending(moved_to: Mapping[int, str], *, actor: Any, now: datetime) -> list[CaseEvent]:
    """Cases that moved (case id -> new status) have outrun the changes still
    waiting on them: those are set aside, and each leaves a trace on its
    case's timeline (staff only), so nobody wonders where it went."""
    waiting = lock_pending_of(moved_to)
    if not waiting:
        return []
    PendingTransition.objects.filter(pk__in=[p.pk for p in waiting]).update(
        state=TransitionState.SUPERSEDED, decided_at=now
    )
    events = CaseEvent.objects.bulk_create(
        CaseEvent(
            case_id=p.case_id,
            kind=EventKind.TRANSITION_REJECTED,
            actor=actor if getattr(actor, "pk", None) else None,
            at=now,
            summary=(
                f"Set aside: {p.from_status} → {p.to_status} "
                f"(the case moved to {moved_to[p.case_id]} first)"
            ),
            data={"transition_id": p.pk, "superseded": True, "moved_to": moved_to[p.case_id]},
        )
        for p in waiting
    )
    enqueue_dispatch(e.pk for e in events)
    return events


def apply_status(
    case: MissingPerson,
    *,
    to: str,
    actor: Any,
    note: str,
    extra: dict[str, Any] | None = None,
    kind: str = EventKind.STATUS_CHANGED,
    summary: str = "",
) -> CaseEvent:
    """Move a locked case and append the family-visible event of the move
    (a status change, or `kind` where the move has its own words)."""
    before = case.status
    now = timezone.now()
    case.status = to
    case.status_changed_at = now
    case.family_told_in_person_at = None
    if to == Status.CLOSED:
        case.closed_reason = note.strip()[:500]
    case.version += 1
    case._history_user = actor  # type: ignore[attr-defined]
    case.save()
    supersede_pending({case.pk: to}, actor=actor, now=now)
    return event_append(
        case=case,
        kind=kind,
        actor=actor,
        summary=summary or f"Status: {before} → {to}",
        family_visible=True,
        data={"from": before, "to": to, "note": note, **(extra or {})},
        at=now,
    )


@atomic_retrying
def case_transition(
    *,
    case: MissingPerson,
    actor: Any,
    to_status: str,
    note: str = "",
    expected_version: int | None = None,
) -> TransitionOutcome:
    """Move a case, or, for a sensitive move, ask a supervisor to confirm it."""
    require_caseworker(actor)
    _check_target(to_status)
    note = clean_text("note", note, multiline=True)
    _check_note(to_status, note)
    locked = lock_case(case.pk)
    check_version(locked, expected_version)
    move = find_move(locked.status, to_status)
    if move is None:
        raise IllegalTransition(locked.status, to_status, allowed_moves(locked.status))
    _refuse_closing_an_untold_death(locked, to_status)
    if not move.sensitive:
        event = apply_status(locked, to=to_status, actor=actor, note=note)
        return TransitionOutcome(case=locked, event=event)
    if PendingTransition.objects.filter(case=locked, state=TransitionState.PENDING).exists():
        raise Conflict(
            gettext("Another status change is already waiting for confirmation on this case.")
        )
    pending = PendingTransition.objects.create(
        case=locked,
        from_status=locked.status,
        to_status=to_status,
        note=note,
        requested_by=actor,
        requested_at=timezone.now(),
    )
    event = event_append(
        case=locked,
        kind=EventKind.TRANSITION_REQUESTED,
        actor=actor,
        summary=f"Requested: {locked.status} → {to_status} (waits for a supervisor)",
        data={"transition_id": pending.pk, "from": locked.status, "to": to_status, "note": note},
    )
    return TransitionOutcome(case=locked, event=event, pending=pending)


def _lock_pending(transition_id: int, actor: Any) -> tuple[PendingTransition, MissingPerson]:
    require_supervisor(actor)
    case, pending = lock_transition(transition_id)  # the case first: see locking.py
    if pending.state != TransitionState.PENDING:
        raise Conflict(
            gettext("This status change is already “%(state)s”.")
            % {"state": TransitionState(pending.state).label}
        )
    if pending.requested_by_id == actor.pk:
        raise NotAllowed(
            gettext("A sensitive change needs a second person: you asked for this one.")
        )
    return pending, case


@atomic_retrying
def transition_confirm(*, transition_id: int, actor: Any, note: str = "") -> TransitionOutcome:
    pending, case = _lock_pending(transition_id, actor)
    if case.status != pending.from_status or find_move(case.status, pending.to_status) is None:
        raise Conflict(
            gettext(
                "The case has moved on to “%(status)s” since this change was asked for; "
                "ask again if it still applies."
            )
            % {"status": Status(case.status).label}
        )
    pending.state = TransitionState.CONFIRMED
    pending.decided_by = actor
    pending.decided_at = timezone.now()
    pending.decision_note = note
    pending.save()
    event = apply_status(
        case,
        to=pending.to_status,
        actor=actor,
        note=pending.note,
        extra={
            "transition_id": pending.pk,
            "requested_by": pending.requested_by_id,
            "confirmed_by": actor.pk,
            "sensitive": True,
        },
    )
    return TransitionOutcome(case=case, event=event)


@atomic_retrying
def transition_reject(*, transition_id: int, actor: Any, note: str = "") -> PendingTransition:
    pending, case = _lock_pending(transition_id, actor)
    pending.state = TransitionState.REJECTED
    pending.decided_by = actor
    pending.decided_at = timezone.now()
    pending.decision_note = note
    pending.save()
    event_append(
        case=case,
        kind=EventKind.TRANSITION_REJECTED,
        actor=actor,
        summary=f"Rejected: {pending.from_status} → {pending.to_status}",
        data={"transition_id": pending.pk, "note": note},
    )
    news_release_held(case=case)
    return pending
