"""The picture: how many cases stood in each status at the end of each
week, replayed from the timeline, and the SVG geometry of its chart.

Pure functions (no queries): the view hands in the selector's rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from cases.status import Status

WEEKS = 12
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 34, 12, 32


def week_ends(now: datetime, weeks: int = WEEKS) -> list[datetime]:
    """The last `weeks` points a week apart, ending now, oldest first."""
    return [now - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


def counts_at(
    moves: Iterable[tuple[int, datetime, str]], points: Sequence[datetime]
) -> list[Counter[str]]:
    """Cases per status at each point, from (case, when, status entered)
    rows in time order."""
    current: dict[int, str] = {}
    snapshots: list[Counter[str]] = []
    remaining = list(points)
    for case_id, at, status in moves:
        while remaining and at > remaining[0]:
            snapshots.append(Counter(current.values()))
            remaining.pop(0)
        current[case_id] = status
    snapshots.extend(Counter(current.values()) for _ in remaining)
    return snapshots


@dataclass(frozen=True)
class Series:
    status: str
    label: str
    points: str
    last: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    series: list[Series]
    y_ticks: list[tuple[float, int]]
    x_ticks: list[tuple[float, datetime]]
    baseline: float
    left: int
    right: float


def _y(value: int, top: int) -> float:
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top), 1)


def _x(index: int, n: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return round(LEFT + (span * index / (n - 1) if n > 1 else span / 2), 1)


def _ticks(top: int) -> list[int]:
    """Five round steps from 0 to at least `top`."""
    step = max(1, -(-top // 4))
    return [step * n for n in range(5)]


def chart(points: Sequence[datetime], snapshots: Sequence[Counter[str]]) -> Chart:
    """Lines for the statuses that had cases at some point."""
    shown = [s for s in Status if any(snap[s.value] for snap in snapshots)]
    top = _ticks(max([snap[s.value] for snap in snapshots for s in shown] or [1]))[-1]
    n = len(points)
    series = [
        Series(
            status=s.value,
            label=str(s.label),
            points=" ".join(
                f"{_x(i, n)},{_y(snap[s.value], top)}" for i, snap in enumerate(snapshots)
            ),
            last=snapshots[-1][s.value] if snapshots else 0,
        )
        for s in shown
    ]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        series=series,
        y_ticks=[(_y(v, top), v) for v in _ticks(top)],
        x_ticks=[(_x(i, n), p) for i, p in enumerate(points) if i % 3 == (n - 1) % 3],
        baseline=_y(0, top),
        left=LEFT,
        right=WIDTH - RIGHT,
    )
