"""Exchanges: planning, listing cases, and completing them in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from simple_history.utils import bulk_update_with_history

from cases.errors import Conflict, IllegalTransition, InvalidInput
from cases.models import (
    CaseEvent,
    EventKind,
    Exchange,
    ExchangeListing,
    ExchangeStatus,
    ListingOutcome,
    MissingPerson,
    PendingTransition,
    TransitionState,
)
from cases.services._common import (
    integrity_to_invalid,
    refuse_unknown_fields,
    require_supervisor,
    validate_instance,
)
from cases.services.events import enqueue_dispatch
from cases.services.locking import atomic_retrying, lock_case, lock_cases
from cases.services.text import clean_text_values
from cases.services.transitions import apply_status, supersede_pending
from cases.status import DEATH_STATUSES, Status, allowed_moves, find_move

EXCHANGE_FIELDS = frozenset({"name", "principle", "scheduled_for", "place", "mediator"})


@transaction.atomic
def exchange_plan(*, actor: Any, **fields: Any) -> Exchange:
    require_supervisor(actor)
    refuse_unknown_fields(fields, EXCHANGE_FIELDS)
    fields = clean_text_values(Exchange, fields)
    exchange = Exchange(created_by=actor, status=ExchangeStatus.PLANNED, **fields)
    validate_instance(exchange)
    exchange._history_user = actor  # type: ignore[attr-defined]
    exchange.save()
    return exchange


def _lock_planned(exchange_id: int) -> Exchange:
    exchange = Exchange.objects.select_for_update().get(pk=exchange_id)
    if exchange.status != ExchangeStatus.PLANNED:
        raise Conflict(
            gettext("This exchange is “%(status)s”; only a planned one can change.")
            % {"status": ExchangeStatus(exchange.status).label}
        )
    return exchange


@atomic_retrying
def exchange_update(*, exchange: Exchange, actor: Any, **fields: Any) -> Exchange:
    """Change a planned exchange's details, or cancel it (status=cancelled)."""
    require_supervisor(actor)
    refuse_unknown_fields(fields, EXCHANGE_FIELDS | {"status"})
    fields = clean_text_values(Exchange, fields)
    locked = _lock_planned(exchange.pk)
    status = fields.pop("status", None)
    if status not in (None, ExchangeStatus.PLANNED, ExchangeStatus.CANCELLED):
        raise InvalidInput({"status": gettext("Use /complete/ to complete an exchange.")})
    for name, value in fields.items():
        setattr(locked, name, value)
    if status:
        locked.status = status
    validate_instance(locked)
    locked._history_user = actor  # type: ignore[attr-defined]
    locked.save()
    if locked.status == ExchangeStatus.CANCELLED:
        _free_cancelled_list(locked, actor)
    return locked


def _listed_elsewhere(exchange: Exchange) -> Any:
    """The cases on the list of another planned exchange (a subquery): taken
    off this one by hand and listed again, they wait on that one now."""
    return (
        ExchangeListing.objects.filter(exchange__status=ExchangeStatus.PLANNED)
        .exclude(exchange=exchange)
        .values("case_id")
    )


def _free_cancelled_list(exchange: Exchange, actor: Any) -> None:
    """A cancelled exchange's list is no longer agreed: the cases still waiting
    on it go back to detained, and their families hear so. A case that moved
    on since, or waits on another planned exchange, is left as it is."""
    listed = ExchangeListing.objects.filter(exchange=exchange).values("case_id")
    candidates = MissingPerson.objects.filter(pk__in=listed).exclude(
        pk__in=_listed_elsewhere(exchange)
    )
    waiting = lock_cases(candidates.values_list("pk", flat=True))
    for case in (c for c in waiting if c.status == Status.RELEASE_SCHEDULED):
        apply_status(
            case,
            to=Status.DETAINED,
            actor=actor,
            note=f"Exchange {exchange.name} was cancelled.",
            extra={"exchange_id": exchange.pk, "outcome": "cancelled"},
        )


@atomic_retrying
def exchange_list_case(*, exchange: Exchange, case: MissingPerson, actor: Any) -> ExchangeListing:
    """Put a detained person on the exchange list; their status becomes
    release_scheduled and their family hears of it."""
    require_supervisor(actor)
    locked_exchange = _lock_planned(exchange.pk)
    locked = lock_case(case.pk)
    # Checked before the status: a case already on this list is release_scheduled,
    # and "already listed" says more than "cannot move to release_scheduled".
    if ExchangeListing.objects.filter(exchange=locked_exchange, case=locked).exists():
        raise InvalidInput({"case": gettext("This case is already on this exchange's list.")})
    if find_move(locked.status, Status.RELEASE_SCHEDULED) is None:
        raise IllegalTransition(
            locked.status, Status.RELEASE_SCHEDULED, allowed_moves(locked.status)
        )
    # A death report waiting for its second person is decided first: listing
    # would silently set it aside and tell the family he is coming home.
    if PendingTransition.objects.filter(
        case=locked, state=TransitionState.PENDING, to_status__in=DEATH_STATUSES
    ).exists():
        raise Conflict(
            gettext(
                "A reported death waits for a supervisor's decision on this case; "
                "confirm or reject it before listing the case."
            )
        )
    try:
        with transaction.atomic():
            listing = ExchangeListing.objects.create(
                exchange=locked_exchange, case=locked, listed_by=actor
            )
    except IntegrityError as exc:
        raise integrity_to_invalid(exc) from exc
    apply_status(
        locked,
        to=Status.RELEASE_SCHEDULED,
        actor=actor,
        note="",
        kind=EventKind.EXCHANGE_LISTED,
        summary=f"Put on the list of exchange {locked_exchange.name}",
        extra={
            "exchange_id": locked_exchange.pk,
            "scheduled_for": str(locked_exchange.scheduled_for or ""),
        },
    )
    return listing


def _check_outcome_lists(listed: set[int], exchanged: set[int], not_released: set[int]) -> None:
    errors: dict[str, list[str]] = {}
    both = exchanged & not_released
    if both:
        errors["not_released"] = [
            gettext("Cases %(ids)s are also in 'exchanged'.") % {"ids": sorted(both)}
        ]
    for field, ids in (("exchanged", exchanged), ("not_released", not_released)):
        unknown = ids - listed
        if unknown:
            errors.setdefault(field, []).append(
                gettext("Cases %(ids)s are not on this exchange's list.") % {"ids": sorted(unknown)}
            )
    missing = listed - exchanged - not_released
    if missing:
        errors.setdefault("not_released", []).append(
            gettext("Listed cases %(ids)s are in neither list; say what happened to each.")
            % {"ids": sorted(missing)}
        )
    if errors:
        raise InvalidInput(errors)


def _refuse_moved_on(exchanged: Iterable[MissingPerson]) -> None:
    """Cases said to be exchanged must still be able to come home; name every
    one that moved on since listing (a confirmed death, a closed case)."""
    refused = [
        c
        for c in exchanged
        if c.status != Status.REPATRIATED and find_move(c.status, Status.REPATRIATED) is None
    ]
    if refused:
        cases = ", ".join(f"{c.case_number} ({Status(c.status).label})" for c in refused)
        raise Conflict(
            gettext(
                "Cases %(cases)s moved on since they were listed and cannot be marked "
                "exchanged; put them in 'not_released' or correct their status first."
            )
            % {"cases": cases}
        )


@atomic_retrying
def exchange_complete(
    *,
    exchange: Exchange,
    actor: Any,
    exchanged: Iterable[int],
    not_released: Iterable[int],
) -> Exchange:
    """Record the outcome: the exchanged come home (repatriated), the others go
    back to detained. One transaction and a fixed number of queries whatever
    the size of the list; every case gets its history row and its event."""
    require_supervisor(actor)
    locked_exchange = _lock_planned(exchange.pk)
    home, back = set(exchanged), set(not_released)
    listed = set(
        ExchangeListing.objects.filter(exchange=locked_exchange).values_list("case_id", flat=True)
    )
    _check_outcome_lists(listed, home, back)
    cases = lock_cases(listed)
    _refuse_moved_on(c for c in cases if c.pk in home)
    elsewhere = set(_listed_elsewhere(locked_exchange).values_list("case_id", flat=True))
    now = timezone.now()
    moved: list[MissingPerson] = []
    events: list[CaseEvent] = []
    for case in cases:
        target = Status.REPATRIATED if case.pk in home else Status.DETAINED
        if case.pk in back and (case.status != Status.RELEASE_SCHEDULED or case.pk in elsewhere):
            continue  # moved on since listing (a confirmed death), or waits on another list
        if case.status == target:
            continue  # already recorded by hand: the family is not told twice
        events.append(
            CaseEvent(
                case=case,
                kind=EventKind.STATUS_CHANGED,
                actor=actor,
                at=now,
                family_visible=True,
                summary=f"Status: {case.status} → {target} (exchange {locked_exchange.name})",
                data={
                    "from": case.status,
                    "to": target,
                    "exchange_id": locked_exchange.pk,
                    "outcome": "exchanged" if case.pk in home else "not_released",
                },
            )
        )
        case.status = target
        case.status_changed_at = now
        case.version += 1
        moved.append(case)
    bulk_update_with_history(
        moved,
        MissingPerson,
        ["status", "status_changed_at", "version"],
        batch_size=500,
        default_user=actor,
        default_date=now,
    )
    created = CaseEvent.objects.bulk_create(events, batch_size=500)
    supersede_pending({c.pk: c.status for c in moved}, actor=actor, now=now)
    ExchangeListing.objects.filter(exchange=locked_exchange, case_id__in=home).update(
        outcome=ListingOutcome.EXCHANGED
    )
    ExchangeListing.objects.filter(exchange=locked_exchange, case_id__in=back).update(
        outcome=ListingOutcome.NOT_RELEASED
    )
    locked_exchange.status = ExchangeStatus.COMPLETED
    locked_exchange.completed_at = now
    locked_exchange._history_user = actor  # type: ignore[attr-defined]
    locked_exchange.save()
    enqueue_dispatch(e.pk for e in created)
    return locked_exchange
