"""Matching many queries at once (cases.matching.match_many, as a list
import does): each query gets what it gets alone, in a bounded number of
statements however many queries there are."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from cases.blocking import Block, block_many
from cases.matching import Candidate, MatchQuery, match_candidates, match_many
from cases.models import MissingPerson
from cases.names import name_keys

pytestmark = pytest.mark.django_db

# Every branch of blocking: key pairs, single keys (one word, or pairs that
# give too few), a prefix (a slip of the pen changes the key), a service
# number, the day or only the year of birth, nothing found at all.
QUERIES = [
    MatchQuery(name="Hovhannisyan Aram Vardan", date_of_birth=date(1996, 3, 14)),
    MatchQuery(name="Оганесян Арам"),
    MatchQuery(name="Саргсян"),
    MatchQuery(name="Sargsyan Aram"),
    MatchQuery(name="Grigoryanq"),
    MatchQuery(name="Ovanesyan Aram", birth_year=1989),
    MatchQuery(name="Gor Sargsyan", service_number="av-4411"),
    MatchQuery(name="Zzyzx Qwrtp", service_number="SN-NONE"),
    MatchQuery(name="Hovhannisyan Aram Vardan", date_of_birth=date(1996, 3, 14)),
]


@pytest.fixture
def registry(make_case: Callable[..., MissingPerson]) -> None:
    make_case(
        given_name="Aram",
        family_name="Hovhannisyan",
        patronymic="Vardan",
        date_of_birth=date(1996, 3, 14),
        service_number="AV-4411",
    )
    make_case(given_name="Aram", family_name="Ovanesyan", date_of_birth=date(1989, 7, 1))
    make_case(given_name="Aram", family_name="Hovhannisyan", date_of_birth=date(1989, 2, 2))
    make_case(given_name="Davit", family_name="Grigoryan", patronymic="Vardan")
    for n in range(4):
        make_case(given_name="Gor", family_name="Sargsyan", date_of_birth=date(1990 + n, 1, 1))


def _plain(found: list[Candidate]) -> list[tuple[Any, ...]]:
    return [(c.case.pk, c.score, c.likelihood, c.reasons) for c in found]


def test_each_query_gets_what_it_gets_alone(registry: None) -> None:
    alone = [_plain(match_candidates(query, limit=5)) for query in QUERIES]
    together = [_plain(found) for found in match_many(QUERIES, limit=5)]
    assert together == alone


def test_blocking_finds_candidates_in_every_branch(registry: None) -> None:
    blocks = [
        Block(
            keys=tuple(k.key for k in name_keys(query.name)),
            folds=tuple(k.fold for k in name_keys(query.name)),
            date_of_birth=query.date_of_birth,
            birth_year=query.birth_year,
            service_number=query.service_number,
        )
        for query in QUERIES
    ]
    found = block_many(blocks, limit=5)
    # Only the made-up name with an unknown number finds nobody.
    assert [len(ids) > 0 for ids in found] == [True] * 7 + [False, True]


def test_many_queries_cost_a_bounded_number_of_statements(
    registry: None, django_assert_max_num_queries: Any
) -> None:
    # pairs, single keys, prefixes, service numbers, facts, spellings, winners
    with django_assert_max_num_queries(7):
        match_many(QUERIES * 5, limit=5)


def test_no_query_is_no_statement(django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(0):
        assert match_many([], limit=5) == []
