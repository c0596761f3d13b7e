"""Row locks of the registry, and the one order in which they are taken.

Every service that locks rows (SELECT ... FOR UPDATE) takes them in this order,
and releases them only at its commit:

1. the exchange (one per transaction);
2. the case, or several cases in ascending id;
3. the case's pending transitions, in ascending id;
4. anything else of that case (a capture report, a counter).

Two transactions that lock in the same order cannot wait for each other in a
circle: one waits, the other finishes. So the case comes first even where the
request names a pending transition (confirm, reject): its case is looked up
without a lock, locked, and only then the transition.

Relatives' rows are locked by the families services, never while a case is
locked here, in their own order: an invitation (accepting it), then the
relative, then their links, then their messages (withdrawing them). A write
there that concerns a case appends its event without locking the case.

Should PostgreSQL still break a cycle (a deadlock, or a serialization failure
at a stricter isolation level), `atomic_retrying` runs the whole transaction
again, a bounded number of times, and then refuses with ConcurrentChange
(409), never a 500.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable, Iterable
from typing import Any, ParamSpec, TypeVar

from django.db import OperationalError, transaction
from django.db.models import QuerySet

from cases.errors import ConcurrentChange
from cases.models import MissingPerson, PendingTransition, TransitionState

logger = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

# deadlock_detected, serialization_failure: PostgreSQL aborted the transaction
# to break a conflict; running it again is safe and usually succeeds.
LOCK_CONFLICT_STATES = frozenset({"40P01", "40001"})
# Whole-transaction runs before giving up with a 409.
LOCK_ATTEMPTS = 3


def lock_case(case_id: int) -> MissingPerson:
    return MissingPerson.objects.select_for_update().get(pk=case_id)


def lock_cases(case_ids: Iterable[int] | QuerySet[Any, int]) -> list[MissingPerson]:
    """Several cases (ids, or a subquery of ids), locked in ascending id."""
    ids = case_ids if isinstance(case_ids, QuerySet) else list(case_ids)
    return list(MissingPerson.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def lock_pending_of(case_ids: Iterable[int]) -> list[PendingTransition]:
    """The pending transitions of cases the caller has already locked."""
    return list(
        PendingTransition.objects.select_for_update()
        .filter(case_id__in=list(case_ids), state=TransitionState.PENDING)
        .order_by("pk")
    )


def lock_transition(transition_id: int) -> tuple[MissingPerson, PendingTransition]:
    """A transition and its case, the case locked first. The case of a
    transition never changes, so reading it before the lock is safe."""
    case_id = PendingTransition.objects.values_list("case_id", flat=True).get(pk=transition_id)
    case = lock_case(case_id)
    return case, PendingTransition.objects.select_for_update().get(pk=transition_id)


def is_lock_conflict(exc: BaseException) -> bool:
    """True for a database error PostgreSQL raised to break a lock conflict."""
    cause = exc.__cause__ if isinstance(exc, OperationalError) else exc
    return getattr(cause, "sqlstate", None) in LOCK_CONFLICT_STATES


def atomic_retrying(fn: Callable[P, R]) -> Callable[P, R]:
    """transaction.atomic, and when it is the outermost transaction, run
    again after PostgreSQL aborted it to break a deadlock. Inside someone
    else's transaction the whole of it is lost, so there is nothing to retry
    here: the conflict is refused at once (ConcurrentChange, 409)."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        attempts = 1 if transaction.get_connection().in_atomic_block else LOCK_ATTEMPTS
        for attempt in range(1, attempts + 1):
            try:
                with transaction.atomic():
                    return fn(*args, **kwargs)
            except OperationalError as exc:
                if not is_lock_conflict(exc):
                    raise
                if attempt == attempts:
                    raise ConcurrentChange() from exc
                _log_retry(fn, attempt, attempts, exc)
                time.sleep(random.uniform(0.01, 0.05) * attempt)  # noqa: S311 - jitter only
        raise AssertionError("unreachable")  # pragma: no cover

    return run


def _log_retry(fn: Callable[..., Any], attempt: int, attempts: int, exc: BaseException) -> None:
    logger.warning(
        "%s: lock conflict (%s), running the transaction again (%d/%d)",
        fn.__qualname__,
        getattr(exc.__cause__, "sqlstate", "?"),
        attempt + 1,
        attempts,
    )
