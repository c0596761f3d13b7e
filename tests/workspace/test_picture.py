"""The picture: status counts replayed from the timeline, the chart's
geometry, and the page's numbers."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from casemgr.workspace.picture import chart, counts_at, week_ends
from cases import services
from cases.models import CaseEvent

T0 = datetime(2021, 1, 1, tzinfo=UTC)


def at(days: int) -> datetime:
    return T0 + timedelta(days=days)


def test_counts_at_replays_each_case_to_its_status_at_each_point():
    moves = [
        (1, at(0), "missing"),
        (2, at(1), "missing"),
        (1, at(8), "detained"),
        (1, at(20), "repatriated"),
    ]
    points = [at(7), at(14), at(21)]
    assert counts_at(iter(moves), points) == [
        Counter(missing=2),
        Counter(missing=1, detained=1),
        Counter(missing=1, repatriated=1),
    ]


def test_points_before_any_event_count_nothing():
    assert counts_at(iter([(1, at(30), "missing")]), [at(7), at(40)]) == [
        Counter(),
        Counter(missing=1),
    ]


def test_the_chart_draws_a_line_for_each_status_that_had_cases_and_its_scale_covers_the_top():
    drawn = chart([at(7), at(14)], [Counter(missing=127), Counter(missing=100, detained=27)])
    assert [s.status for s in drawn.series] == ["missing", "detained"]
    assert drawn.y_ticks[-1][1] >= 127
    assert drawn.series[0].last == 100
    assert all(len(s.points.split()) == 2 for s in drawn.series)


def test_week_ends_are_a_week_apart_and_end_now():
    now = at(100)
    points = week_ends(now)
    assert points[-1] == now
    assert points[1] - points[0] == timedelta(weeks=1)


def test_the_page_counts_the_cases_by_status_and_the_families_told_this_week(
    make_case, caseworker, supervisor, cw
):
    make_case()
    dead = make_case()
    pending = services.case_transition(case=dead, actor=caseworker, to_status="deceased").pending
    services.transition_confirm(transition_id=pending.pk, actor=supervisor)
    services.case_family_told(case=dead, actor=caseworker)
    old = make_case()
    services.case_transition(case=old, actor=caseworker, to_status="detained")
    CaseEvent.objects.filter(case=old).update(at=at(0))

    page = cw.get("/workspace/picture/").content.decode()
    assert "3 cases in all." in page
    assert '<span class="n">1</span> <span class="what">Deceased</span>' in page
    assert '<span class="n">1</span> <span class="what">families told' in page
    assert "<polyline" in page
