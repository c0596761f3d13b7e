"""Who hears what: the consumer of case events (settings.CASE_EVENT_CONSUMERS).

on_case_event runs inside the dispatch transaction of cases.services
(event_dispatch). For a family-visible event it creates one Notification per
verified relative and active channel with an address, rendered in the
relative's language, and after the commit enqueues one delivery task per new
notification. It is idempotent: the rows are unique on (event, member,
channel), so running it again creates nothing and enqueues nothing.

The enqueue after commit is only the fast path. If the broker is down the
publish fails fast, is logged, and notifications_sweep (Celery beat) sends
the rows later: nothing depends on the publish succeeding.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction

from cases.models import CaseEvent, EventKind
from cases.selectors import HELD_NEWS_KINDS, NEWS_DROPPED, event_news_hold, reports_family_may_hear
from families.channels import has_address
from families.models import FamilyLink, FamilyMember, Notification, NotificationStatus
from families.optout import optout_url
from families.texts import CAPTURE_REPORT, event_context, message_kind, render_message

logger = logging.getLogger(__name__)


def _recipients(event: CaseEvent) -> list[tuple[FamilyMember, str]]:
    links = FamilyLink.objects.filter(case_id=event.case_id, verified=True).select_related("member")
    pairs = []
    for link in links.order_by("member_id"):
        member = link.member
        for channel in member.active_channels():
            if has_address(member, channel):
                pairs.append((member, channel))
    return pairs


def _report_still_shared(event: CaseEvent) -> bool:
    """A report event is told as the report is now, not as it was: when the
    dispatch comes late (broker down, sweep), a report refuted, unshared or
    moved to another case in between must not reach this family."""
    return (
        reports_family_may_hear()
        .filter(pk=event.data.get("report_id"), case_id=event.case_id)
        .exists()
    )


def build_notifications(event: CaseEvent) -> list[Notification]:
    """The Notification rows this event should have (unsaved)."""
    kind = message_kind(event)
    if kind is None:
        return []
    if kind == CAPTURE_REPORT and not _report_still_shared(event):
        return []
    if event_news_hold(event.kind, event.case) == NEWS_DROPPED:
        # Recorded before the death, dispatched after it: the family is told
        # in person. News while a death only waits is built, and its delivery
        # waits (families.delivery).
        return []
    base = event_context(event)
    rows = []
    for member, channel in _recipients(event):
        message = render_message(
            event=event,
            member=member,
            channel=channel,
            optout_link=optout_url(member, channel),
            base_context=base,
        )
        rows.append(
            Notification(
                event=event,
                member=member,
                channel=channel,
                language=member.language,
                subject=message.subject,
                body_text=message.sms_text if channel == "sms" else message.body_text,
                body_html=message.body_html if channel == "email" else "",
                status=NotificationStatus.PENDING,
            )
        )
    return rows


def on_case_event(event: CaseEvent) -> None:
    """Create the Notification rows for this event (idempotent) and enqueue
    their delivery after the commit."""
    if event.kind == EventKind.TRANSITION_REJECTED:
        _release_waiting_news(event)
        return
    rows = build_notifications(event)
    if not rows:
        return
    before = set(Notification.objects.filter(event=event).values_list("pk", flat=True))
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    after = set(Notification.objects.filter(event=event).values_list("pk", flat=True))
    new_ids = sorted(after - before)
    if new_ids:
        logger.info("case %s: %d notification(s) for event %s", event.case, len(new_ids), event.pk)
        transaction.on_commit(lambda: enqueue_deliveries(new_ids), robust=True)


def _release_waiting_news(event: CaseEvent) -> None:
    """A death asked for was rejected: the news that waited for the decision
    (pending rows of HELD_NEWS_KINDS) goes now rather than at the next sweep."""
    ids = list(
        Notification.objects.filter(
            event__case_id=event.case_id,
            event__kind__in=HELD_NEWS_KINDS,
            status=NotificationStatus.PENDING,
        ).values_list("pk", flat=True)
    )
    if ids:
        logger.info("case %s: %d waiting notification(s) released", event.case, len(ids))
        transaction.on_commit(lambda: enqueue_deliveries(ids), robust=True)


def enqueue_deliveries(notification_ids: Iterable[int]) -> int:
    """Publish one delivery task per notification; returns how many were
    published. On the first failed publish the rest are left to the sweep:
    the broker is down, and each further try would only wait for it."""
    from families.tasks import deliver

    published = 0
    ids = list(notification_ids)
    try:
        # One producer (one broker connection) for the lot.
        with deliver.app.producer_or_acquire() as producer:
            for notification_id in ids:
                deliver.apply_async((notification_id,), producer=producer)
                published += 1
    except Exception:
        logger.warning(
            "broker unavailable: %d notification(s) left for the sweep",
            len(ids) - published,
            exc_info=True,
        )
    return published
