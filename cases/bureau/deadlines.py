"""The bureau's deadlines, as queues for the workspace's Today page.

Each selector returns the cases past one deadline, oldest first, annotated
with `overdue_since` (the date the clock started), in a fixed number of
queries; the page shows them as they are and adds no rule of its own.

- capture_unconfirmed: reported captured, and after
  DEADLINE_CAPTURE_CONFIRMATION_DAYS no report from the ICRC or the detaining
  power that is not refuted (GC III Art. 70: a capture card within a week).
- seriously_wounded_without_news: the latest health news says seriously
  wounded and is older than DEADLINE_HEALTH_NEWS_DAYS (Art. 122: weekly news).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Exists, F, OuterRef, QuerySet, Subquery
from django.utils import timezone

from cases.models import (
    CaptureReport,
    DetentionEvent,
    HealthState,
    MissingPerson,
    ReportSource,
    Verification,
)
from cases.roles import is_caseworker
from cases.status import Status

CONFIRMING_SOURCES = (ReportSource.ICRC, ReportSource.DETAINING_POWER)
# A man reported captured or in detention: health news is owed for him.
IN_DETENTION = (Status.CAPTURE_REPORTED, Status.DETAINED, Status.RELEASE_SCHEDULED)


def _cases(user: Any) -> QuerySet[MissingPerson]:
    if not is_caseworker(user):
        return MissingPerson.objects.none()
    return MissingPerson.objects.select_related("caseworker")


def capture_unconfirmed(*, user: Any, today: date | None = None) -> QuerySet[MissingPerson]:
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.DEADLINE_CAPTURE_CONFIRMATION_DAYS)
    confirming = CaptureReport.objects.filter(
        case=OuterRef("pk"), source__in=CONFIRMING_SOURCES
    ).exclude(verification=Verification.REFUTED)
    return (
        _cases(user)
        .filter(status=Status.CAPTURE_REPORTED, status_changed_at__date__lte=cutoff)
        .filter(~Exists(confirming))
        .annotate(overdue_since=F("status_changed_at__date"))
        .order_by("status_changed_at", "pk")
    )


def seriously_wounded_without_news(
    *, user: Any, today: date | None = None
) -> QuerySet[MissingPerson]:
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.DEADLINE_HEALTH_NEWS_DAYS)
    latest = DetentionEvent.objects.filter(case=OuterRef("pk")).exclude(health="")
    latest = latest.order_by("-occurred_on", "-id")
    return (
        _cases(user)
        .filter(status__in=IN_DETENTION)
        .annotate(
            latest_health=Subquery(latest.values("health")[:1]),
            overdue_since=Subquery(latest.values("occurred_on")[:1]),
        )
        .filter(latest_health=HealthState.SERIOUSLY_WOUNDED, overdue_since__lte=cutoff)
        .order_by("overdue_since", "pk")
    )
