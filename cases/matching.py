"""Find the cases a name (and what else is known) may belong to.

The interface is fixed here so that the API (`POST /api/cases/match/`), list
imports and the pages share it: build a MatchQuery, call `match_candidates`,
read `Candidate.case`, `.score` (0..1, calibrated) and `.reasons` (sentences a
person reads). The implementation behind it is the names issue's: blocking on
the indexed name keys, then scoring.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cases.models import MissingPerson
from cases.selectors import cases_named

MAX_LIMIT = 50


@dataclass(frozen=True)
class MatchQuery:
    name: str
    date_of_birth: date | None = None
    # A list often gives only the year of birth.
    birth_year: int | None = None
    patronymic: str = ""
    service_number: str = ""


@dataclass(frozen=True)
class Candidate:
    case: MissingPerson
    score: float
    reasons: tuple[str, ...] = field(default=())


def match_candidates(query: MatchQuery, *, limit: int = 5) -> list[Candidate]:
    """Best first. Provisional: plain name search until the keys exist."""
    qs = cases_named(MissingPerson.objects.all(), query.name)
    return [Candidate(case=case, score=0.5) for case in qs[: min(limit, MAX_LIMIT)]]
