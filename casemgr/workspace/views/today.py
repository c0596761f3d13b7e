"""Today: the queues that need a person, each item linking to where it is
dealt with. Every queue is one read of a selector, so the page costs the
same number of queries however long the queues are."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from casemgr.workspace.views.common import staff_page
from cases import selectors
from cases.bureau import deadlines
from cases.imports.models import BatchStatus
from cases.imports.selectors import imports_visible_to
from cases.models import TransitionState
from cases.roles import is_supervisor
from families import selectors as family_selectors
from families.models import NotificationStatus

# Items shown per queue; the count says how many there are in all.
QUEUE_LENGTH = 20


def _queue(qs: QuerySet[Any]) -> dict[str, Any]:
    items = list(qs[: QUEUE_LENGTH + 1])
    more = len(items) > QUEUE_LENGTH
    return {"items": items[:QUEUE_LENGTH], "count": qs.count() if more else len(items)}


def _queues(user: Any) -> dict[str, dict[str, Any]]:
    quiet_since = timezone.now() - timedelta(days=settings.CASE_QUIET_DAYS)
    waiting = (
        selectors.transitions_decidable_by(user)
        if is_supervisor(user)
        else selectors.transitions_visible_to(user, state=TransitionState.PENDING)
    )
    return {
        "waiting": _queue(waiting.order_by("requested_at", "pk")),
        "untold": _queue(selectors.cases_untold_deaths(user)),
        "failed": _queue(
            family_selectors.notifications_visible_to(user, status=NotificationStatus.FAILED)
        ),
        "unverified": _queue(selectors.reports_unverified(user)),
        "quiet": _queue(selectors.cases_quiet(user, since=quiet_since)),
        "unconfirmed": _queue(deadlines.capture_unconfirmed(user=user)),
        "wounded": _queue(deadlines.seriously_wounded_without_news(user=user)),
        "enquiries": _queue(family_selectors.enquiries_overdue(user=user)),
        # Supervisors' (imports_visible_to shows the others none); reviewed in the admin.
        "imports": _queue(
            imports_visible_to(user).filter(status=BatchStatus.REVIEW).order_by("created_at", "pk")
        ),
    }


@staff_page
def today(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "workspace/today.html",
        {
            "queues": _queues(request.user),
            "is_supervisor": is_supervisor(request.user),
            "quiet_days": settings.CASE_QUIET_DAYS,
            "capture_days": settings.DEADLINE_CAPTURE_CONFIRMATION_DAYS,
            "health_days": settings.DEADLINE_HEALTH_NEWS_DAYS,
            "enquiry_hours": settings.FAMILY_ENQUIRY_ANSWER_HOURS,
            "nav": "today",
        },
    )
