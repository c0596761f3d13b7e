"""The picture: where the cases stand, how that changed, the exchanges and
the families told this week."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from casemgr.workspace import picture as geometry
from casemgr.workspace.views.common import staff_page
from cases import selectors
from cases.models import ExchangeStatus
from cases.status import Status


@staff_page
def picture(request: HttpRequest) -> HttpResponse:
    user = request.user
    now = timezone.now()
    points = geometry.week_ends(now)
    snapshots = geometry.counts_at(selectors.status_history(user), points)
    counts = selectors.case_counts_by_status(user)
    week_start = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    week_start -= timedelta(days=week_start.weekday())
    chart = geometry.chart(points, snapshots)
    table = [
        (point, [snap[s.status] for s in chart.series])
        for point, snap in zip(points, snapshots, strict=True)
    ]
    planned = selectors.exchanges_visible_to(user).filter(status=ExchangeStatus.PLANNED)
    return render(
        request,
        "workspace/picture.html",
        {
            "by_status": [(s, counts.get(s.value, 0)) for s in Status],
            "total": sum(counts.values()),
            "chart": chart,
            "table": table,
            "exchanges": selectors.exchange_counts_by_status(user),
            "planned": planned,
            "told_this_week": selectors.families_told_since(user, since=week_start),
            "nav": "picture",
        },
    )
