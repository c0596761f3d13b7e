"""A row is matched when one candidate is clearly best, ambiguous when
several are close, new when none is worth showing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from cases.imports.services import classify
from cases.matching import Candidate
from cases.models import MissingPerson

pytestmark = pytest.mark.django_db


@pytest.fixture
def scores(settings: Any, make_case: Callable[..., MissingPerson]) -> Callable[..., list[Any]]:
    settings.IMPORT_MATCH_SCORE = 0.9
    settings.IMPORT_CLEAR_MARGIN = 0.1
    settings.IMPORT_CANDIDATE_SCORE = 0.5
    cases = [make_case() for _ in range(3)]

    def _candidates(*values: float) -> list[Candidate]:
        return [
            Candidate(case=c, score=s, reasons=("why",))
            for c, s in zip(cases, values, strict=False)
        ]

    return _candidates


@pytest.mark.parametrize(
    ("values", "state", "shown"),
    [
        ((0.95,), "matched", 1),
        ((0.95, 0.7), "matched", 2),
        ((0.95, 0.9), "ambiguous", 2),
        ((0.8,), "ambiguous", 1),
        ((0.6, 0.55, 0.5), "ambiguous", 3),
        ((0.4, 0.2), "new", 0),
        ((), "new", 0),
    ],
)
def test_rows_are_classified_by_the_scores(
    scores: Callable[..., list[Candidate]], values: tuple[float, ...], state: str, shown: int
) -> None:
    outcome, candidates = classify(scores(*values))

    assert outcome == state
    assert len(candidates) == shown


def test_candidates_are_shown_best_first_with_their_reasons(
    scores: Callable[..., list[Candidate]],
) -> None:
    _, candidates = classify(scores(0.6, 0.97))

    assert [c["score"] for c in candidates] == [0.97, 0.6]
    assert candidates[0]["reasons"] == ["why"]
    assert candidates[0]["case_number"].startswith("MP-")
