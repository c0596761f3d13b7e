"""Delivering notifications: claim, send, record, and the sweep.

A notification moves pending -> sending -> sent | failed (or back to pending
after a transient error), or to cancelled when its relative said stop. The
claim is one conditional UPDATE (pending -> sending, setting claimed_at): of
two workers holding the same task, exactly one gets the row, so a message
that was sent is never sent again by a duplicate or late task.

At least once, and where a duplicate can come from: if a worker dies, or the
database is unreachable, after the channel accepted the message but before
the 'sent' mark committed, the row stays 'sending'. The sweep gives it back
(after CELERY_TASK_TIME_LIMIT + a margin, so a live task is never overtaken)
and it is sent again. No other path re-sends: a duplicate is bounded to the
messages that were 'sending' at the moment of the crash, at most one extra
copy each. Email carries X-Casemgr-Notification and webhooks
X-Casemgr-Delivery so receivers can drop such a repeat.

"Stop" means now, for messages in flight too. Un-verifying a link or opting
out cancels the relative's pending and sending rows
(families.services.notifications_cancel_waiting), so neither a retry after a
transient error nor the sweep brings them back. And the delivery itself asks
again: the claim takes a row only while its link is verified and its channel
is one the relative still wants, and just before the send the row, the link
and the channel are read once more. A stop that lands while the channel
already has the message cannot call it back; the row then says 'sent'.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Any, cast

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, F, Field, Model, OuterRef, Q
from django.utils import timezone

from cases.models import CaseEvent, MissingPerson
from cases.selectors import HELD_NEWS_KINDS, NEWS_DROPPED, NEWS_WAITS, event_news_hold
from families.channels import TransportError, get_channel
from families.models import (
    AttemptOutcome,
    DeliveryAttempt,
    FamilyLink,
    FamilyMember,
    Notification,
    NotificationStatus,
)
from families.optout import CANCELLED_OPTED_OUT
from families.services import CANCELLED_CHANNEL_OFF, CANCELLED_UNVERIFIED

logger = logging.getLogger(__name__)

PENDING = NotificationStatus.PENDING
SENDING = NotificationStatus.SENDING
SENT = NotificationStatus.SENT
FAILED = NotificationStatus.FAILED
CANCELLED = NotificationStatus.CANCELLED


@dataclass(frozen=True)
class DeliveryResult:
    """What happened, and when to try again (seconds) if a retry is due."""

    outcome: str  # "sent", "retry", "failed", "skipped", "cancelled", "waits"
    retry_in: int | None = None


def retry_delay(attempts: int) -> int:
    """Exponential backoff after the n-th failed attempt, capped."""
    base = settings.NOTIFY_RETRY_BASE_SECONDS
    return int(min(base * 3 ** max(attempts - 1, 0), settings.NOTIFY_RETRY_MAX_SECONDS))


@dataclass(frozen=True)
class Claimed:
    """A claimed row, with what sending it needs: its member's addresses
    (read at the claim, so a corrected address is the one used) and the
    case number for the logs. The text itself was rendered at the fan-out."""

    notification: Notification
    case_number: str


# What the channels read of the member; other fields load on access (deferred).
MEMBER_FIELDS = ("id", "email", "phone", "webhook_url", "webhook_secret", "language")


def _member_fields() -> list[str]:
    # In the model's order: Model.from_db pairs values with fields in that order.
    return [f.attname for f in FamilyMember._meta.concrete_fields if f.attname in MEMBER_FIELDS]


def _column(model: type[Model], name: str) -> str:
    """The quoted column of a model's concrete field."""
    field = cast("Field[Any, Any]", model._meta.get_field(name))
    return connection.ops.quote_name(str(field.column))


def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


@lru_cache(maxsize=1)
def _claim_sql() -> str:
    returning = [f"n.{_column(Notification, f.name)}" for f in Notification._meta.concrete_fields]
    returning += [f"m.{_column(FamilyMember, name)}" for name in _member_fields()]
    returning.append(f"c.{_column(MissingPerson, 'case_number')}")
    link = _table(FamilyLink)
    # Only identifiers from the models' meta are formatted in; values are parameters.
    return (
        f"UPDATE {_table(Notification)} AS n"  # noqa: S608
        " SET status = %s, claimed_at = %s, attempts = n.attempts + 1"
        f" FROM {_table(FamilyMember)} AS m, {_table(CaseEvent)} AS e,"
        f" {_table(MissingPerson)} AS c"
        " WHERE n.id = %s AND n.status = %s"
        " AND m.id = n.member_id AND e.id = n.event_id AND c.id = e.case_id"
        # Still wanted (see _stop_reason): a verified link, a channel not switched off.
        f" AND EXISTS (SELECT 1 FROM {link} AS l WHERE l.{_column(FamilyLink, 'member')} = m.id"
        f" AND l.{_column(FamilyLink, 'case')} = c.id AND l.{_column(FamilyLink, 'verified')})"
        f" AND m.{_column(FamilyMember, 'channels')} @> jsonb_build_array(n.channel)"
        f" AND NOT m.{_column(FamilyMember, 'opted_out')} @> jsonb_build_array(n.channel)"
        f" RETURNING {', '.join(returning)}"
    )


def _claim_returning(notification_id: int, now: Any) -> Claimed | None:
    """PostgreSQL: the claim and the read of what the send needs in one
    statement (UPDATE ... FROM ... RETURNING), one round trip and one commit.
    The row lock makes it as exclusive as the plain conditional UPDATE: a
    second claimer waits for the first, then finds the row no longer pending."""
    with connection.cursor() as cursor:
        cursor.execute(_claim_sql(), [SENDING, now, notification_id, PENDING])
        row = cursor.fetchone()
    if row is None:
        return None
    fields = [f.attname for f in Notification._meta.concrete_fields]
    notification = Notification.from_db(connection.alias, fields, row[: len(fields)])
    member_fields = _member_fields()
    member_values = row[len(fields) : len(fields) + len(member_fields)]
    notification.member = FamilyMember.from_db(connection.alias, member_fields, member_values)
    return Claimed(notification, case_number=row[-1])


def _claim_orm(notification_id: int, now: Any) -> Claimed | None:
    """Other databases (the embedded SQLite, one writer at a time): the same
    question first, then the conditional UPDATE, then a read."""
    if _stop_reason(notification_id) is not None:
        return None
    claimed = Notification.objects.filter(pk=notification_id, status=PENDING).update(
        status=SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return None
    notification = Notification.objects.select_related("member", "event__case").get(
        pk=notification_id
    )
    return Claimed(notification, case_number=notification.event.case.case_number)


def notification_claim(*, notification_id: int) -> Claimed | None:
    """Take the row for sending (pending -> sending, one more attempt); None
    when another worker has it, it is done, or its relative no longer wants
    it. One conditional UPDATE decides: of two tasks holding the same id,
    exactly one gets the row."""
    now = timezone.now()
    if connection.vendor == "postgresql":
        return _claim_returning(notification_id, now)
    return _claim_orm(notification_id, now)


def _record(
    notification: Notification,
    *,
    started: Any,
    elapsed: float,
    outcome: str,
    error: str = "",
    provider_message_id: str = "",
) -> None:
    DeliveryAttempt.objects.create(
        notification=notification,
        started_at=started,
        duration_ms=max(int(elapsed * 1000), 0),
        outcome=outcome,
        error=error[:2000],
        provider_message_id=provider_message_id[:200],
    )


@lru_cache(maxsize=1)
def _mark_sent_sql() -> str:
    columns = ", ".join(
        _column(DeliveryAttempt, name)
        for name in ("notification", "started_at", "duration_ms", "outcome", "error")
    )
    message_id = _column(DeliveryAttempt, "provider_message_id")
    # Only identifiers from the models' meta are formatted in; values are parameters.
    return (
        f"WITH attempt AS (INSERT INTO {_table(DeliveryAttempt)}"  # noqa: S608
        f" ({columns}, {message_id}) VALUES (%s, %s, %s, %s, '', %s))"
        f" UPDATE {_table(Notification)}"
        " SET status = %s, sent_at = %s, last_error = ''"
        " WHERE id = %s AND status IN (%s, %s)"
    )


def _mark_sent(notification: Notification, started: Any, elapsed: float, message_id: str) -> None:
    """Record the attempt and mark the row sent, together or not at all.
    On PostgreSQL one statement does both (a data-modifying WITH): one round
    trip and its own transaction, instead of four round trips. A row
    cancelled while the channel had its message is marked sent: it was."""
    if connection.vendor != "postgresql":
        with transaction.atomic():
            _record(
                notification,
                started=started,
                elapsed=elapsed,
                outcome=AttemptOutcome.SENT,
                provider_message_id=message_id,
            )
            Notification.objects.filter(pk=notification.pk, status__in=[SENDING, CANCELLED]).update(
                status=SENT, sent_at=timezone.now(), last_error=""
            )
        return
    attempt: list[Any] = [
        notification.pk,
        started,
        max(int(elapsed * 1000), 0),
        AttemptOutcome.SENT,
    ]
    mark: list[Any] = [SENT, timezone.now(), notification.pk, SENDING, CANCELLED]
    with connection.cursor() as cursor:
        cursor.execute(_mark_sent_sql(), [*attempt, message_id[:200], *mark])


@transaction.atomic
def _mark_error(
    notification: Notification, started: Any, elapsed: float, error: TransportError
) -> DeliveryResult:
    exhausted = notification.attempts >= settings.NOTIFY_MAX_ATTEMPTS
    final = error.permanent or exhausted
    _record(
        notification,
        started=started,
        elapsed=elapsed,
        outcome=AttemptOutcome.PERMANENT_ERROR
        if error.permanent
        else AttemptOutcome.TRANSIENT_ERROR,
        error=error.message,
    )
    last_error = str(error)
    if exhausted and not error.permanent:
        last_error = f"gave up after {notification.attempts} attempts; last: {error}"
    still_ours = Notification.objects.filter(pk=notification.pk, status=SENDING).update(
        status=FAILED if final else PENDING, last_error=last_error[:2000]
    )
    if not still_ours:
        return DeliveryResult("cancelled")  # stopped meanwhile: no retry brings it back
    if final:
        return DeliveryResult("failed")
    return DeliveryResult("retry", retry_in=retry_delay(notification.attempts))


# News of the person (cases.selectors.HELD_NEWS_KINDS) whose case now
# stands at a death: the family hears of it in person.
CANCELLED_NEWS_HELD = (
    "Cancelled: a death was confirmed on this case since; the family is told in person."
)
# ... and while a death waits for a supervisor: not a reason to cancel, the
# row goes back to pending and goes out if the move is rejected.
WAITS = "waits"


def _news_hold(event_kind: str, case_id: int) -> str | None:
    case = MissingPerson.objects.only("status").get(pk=case_id)
    hold = event_news_hold(event_kind, case)
    return CANCELLED_NEWS_HELD if hold == NEWS_DROPPED else WAITS if hold == NEWS_WAITS else None


def _stop_reason(notification_id: int) -> str | None:
    """Why this message must not go out now, or None: it was withdrawn or is
    gone, its link is no longer verified, its channel was switched off, or
    it is news held back by a death confirmed since; WAITS while a death
    asked for waits for a supervisor (the message is kept, not cancelled)."""
    verified = FamilyLink.objects.filter(
        member_id=OuterRef("member_id"), case_id=OuterRef("event__case_id"), verified=True
    )
    row = (
        Notification.objects.filter(pk=notification_id)
        .annotate(verified=Exists(verified))
        .values_list(
            "status",
            "channel",
            "verified",
            "member__channels",
            "member__opted_out",
            "event__kind",
            "event__case_id",
        )
        .first()
    )
    if row is None:
        return "gone"
    status, channel, verified_now, channels, opted_out, event_kind, case_id = row
    if status == CANCELLED:
        return "cancelled"
    if not verified_now:
        return CANCELLED_UNVERIFIED
    if channel in (opted_out or []):
        return CANCELLED_OPTED_OUT
    if channel not in (channels or []):
        return CANCELLED_CHANNEL_OFF
    if event_kind in HELD_NEWS_KINDS:
        return _news_hold(event_kind, case_id)
    return None


def _withdraw(notification_id: int, reason: str) -> bool:
    """Cancel the row unless it is finished or withdrawn already."""
    withdrawn = Notification.objects.filter(
        pk=notification_id, status__in=[PENDING, SENDING]
    ).update(status=CANCELLED, last_error=reason)
    if withdrawn:
        logger.info("notification %s withdrawn before sending: %s", notification_id, reason)
    return bool(withdrawn)


def _wait(notification_id: int) -> DeliveryResult:
    """Give a claimed row back to pending, its attempt not counted: it waits
    for a supervisor's decision, not for a channel. The rejection sends it
    (families.notify), or failing that the sweep; a confirmation cancels it."""
    Notification.objects.filter(pk=notification_id, status=SENDING).update(
        status=PENDING, attempts=F("attempts") - 1
    )
    logger.info("notification %s waits: a death asked for on its case", notification_id)
    return DeliveryResult("waits")


def _not_claimed(notification_id: int) -> DeliveryResult:
    """Taken by another task, done, or no longer wanted (then withdrawn)."""
    reason = _stop_reason(notification_id)
    if reason == WAITS:
        return DeliveryResult("waits")
    withdrawn = reason is not None and _withdraw(notification_id, reason)
    return DeliveryResult("cancelled" if withdrawn else "skipped")


def notification_deliver(*, notification_id: int) -> DeliveryResult:
    """Claim, send through the channel, record the attempt, mark the outcome."""
    claimed = notification_claim(notification_id=notification_id)
    if claimed is None:
        return _not_claimed(notification_id)
    return notification_send(claimed)


def notification_send(claimed: Claimed) -> DeliveryResult:
    """Send a claimed row, unless its relative said stop since the claim."""
    notification, case_number = claimed.notification, claimed.case_number
    reason = _stop_reason(notification.pk)
    if reason == WAITS:
        return _wait(notification.pk)
    if reason is not None:
        _withdraw(notification.pk, reason)
        return DeliveryResult("cancelled")
    started, clock = timezone.now(), time.monotonic()
    try:
        result = get_channel(notification.channel).send(notification)
    except TransportError as exc:
        error = exc
    except Exception as exc:  # a bug or an unexpected library error: keep the row moving
        logger.exception(
            "notification %s (case %s): unexpected error", notification.pk, case_number
        )
        error = TransportError(f"unexpected {type(exc).__name__}", permanent=False)
    else:
        _mark_sent(notification, started, time.monotonic() - clock, result.provider_message_id)
        logger.info(
            "notification %s (case %s) sent by %s",
            notification.pk,
            case_number,
            notification.channel,
        )
        return DeliveryResult("sent")
    outcome = _mark_error(notification, started, time.monotonic() - clock, error)
    logger.warning(
        "notification %s (case %s) %s: %s",
        notification.pk,
        case_number,
        "failed" if outcome.outcome == "failed" else "will be retried",
        error,
    )
    return outcome


def sending_stale_after() -> timedelta:
    """How long a row may stay 'sending' before its worker is presumed dead:
    beyond the hard task time limit, a live task has been killed anyway."""
    return timedelta(
        seconds=settings.CELERY_TASK_TIME_LIMIT + settings.NOTIFY_SENDING_MARGIN_SECONDS
    )


def _release_stale_sending(cutoff: Any, limit: int) -> list[int]:
    ids = list(
        Notification.objects.filter(status=SENDING, claimed_at__lt=cutoff)
        .order_by("claimed_at")
        .values_list("pk", flat=True)[:limit]
    )
    if not ids:
        return []
    # Conditional: a row that finished meanwhile is left alone.
    Notification.objects.filter(pk__in=ids, status=SENDING, claimed_at__lt=cutoff).update(
        status=PENDING,
        last_error="the worker stopped while sending; trying again",
    )
    return list(
        Notification.objects.filter(pk__in=ids, status=PENDING).values_list("pk", flat=True)
    )


def _fail_exhausted(ids: list[int]) -> list[int]:
    """Rows that keep killing their worker are given up, not retried forever."""
    exhausted = Notification.objects.filter(
        pk__in=ids, status=PENDING, attempts__gte=settings.NOTIFY_MAX_ATTEMPTS
    )
    gone = list(exhausted.values_list("pk", flat=True))
    if gone:
        exhausted.update(status=FAILED, last_error="gave up: the worker stopped on every attempt")
    return [pk for pk in ids if pk not in set(gone)]


def _stuck_pending(now: Any, grace: timedelta, limit: int) -> list[int]:
    """Pending rows whose task seems lost: never claimed and older than the
    grace period, or claimed before and past their retry time plus grace."""
    candidates = Notification.objects.filter(status=PENDING, created_at__lt=now - grace).filter(
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - grace)
    )
    ids = []
    for pk, attempts, claimed_at in candidates.order_by("created_at").values_list(
        "pk", "attempts", "claimed_at"
    )[:limit]:
        if (
            claimed_at is None
            or claimed_at + timedelta(seconds=retry_delay(attempts)) + grace < now
        ):
            ids.append(pk)
    return ids


def notifications_sweep(
    *,
    grace: timedelta | None = None,
    stale_after: timedelta | None = None,
    limit: int = 2000,
) -> dict[str, int]:
    """Re-enqueue what the fast path lost: rows stuck in 'sending' past the
    task time limit (their worker died) go back to pending; pending rows with
    no live task are published again. Safe to run anywhere, any number of
    times: the claim makes sure each row is sent by one task at a time."""
    from families.notify import enqueue_deliveries

    now = timezone.now()
    grace = grace if grace is not None else timedelta(seconds=settings.NOTIFY_SWEEP_GRACE_SECONDS)
    stale_after = stale_after if stale_after is not None else sending_stale_after()
    released = _release_stale_sending(now - stale_after, limit)
    released = _fail_exhausted(released)
    pending = _stuck_pending(now, grace, limit)
    ids = sorted(set(released) | set(pending))
    published = enqueue_deliveries(ids) if ids else 0
    if ids:
        logger.info(
            "notification sweep: %d released from sending, %d re-enqueued (%d published)",
            len(released),
            len(ids),
            published,
        )
    return {"released": len(released), "enqueued": len(ids), "published": published}
