"""A common name's many namesakes share the match score out among them, so
each scores low; a list row naming only him is still ambiguous (one of
these men), never "new", which would open a duplicate case."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from cases.imports.models import RowState
from cases.imports.services.intake import classify
from cases.matching import MatchQuery, match_candidates

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("namesakes", [3, 30, 80])
def test_a_name_many_men_share_is_ambiguous_never_new(make_case: Any, namesakes: int) -> None:
    for day in range(namesakes):
        make_case(
            given_name="Aram",
            family_name="Hovhannisyan",
            date_of_birth=date(1990, 1, 1) + timedelta(days=day),
        )
    candidates = match_candidates(MatchQuery(name="Оганесян Арам"), limit=5)
    state, shown = classify(candidates)
    assert state == RowState.AMBIGUOUS
    assert len(shown) == min(5, namesakes)


def test_a_name_nobody_has_is_new(make_case: Any) -> None:
    make_case(given_name="Aram", family_name="Hovhannisyan")
    state, shown = classify(match_candidates(MatchQuery(name="Գևորգյան Սամվել"), limit=5))
    assert (state, shown) == (RowState.NEW, [])
