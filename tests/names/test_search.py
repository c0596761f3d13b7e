"""One search (cases.search.cases_search): any script, any order, prefixes,
case and service numbers; ranked; a constant number of queries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User

from cases import selectors, services
from cases.models import MissingPerson
from cases.search import cases_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def aram(make_case: Callable[..., MissingPerson]) -> MissingPerson:
    return make_case(
        given_name="Aram",
        family_name="Hovhannisyan",
        patronymic="Vardan",
        service_number="AV-4411",
        name_native="Հովհաննիսյան Արամ Վարդանի",
    )


@pytest.fixture
def others(make_case: Callable[..., MissingPerson]) -> list[MissingPerson]:
    return [
        make_case(given_name="Davit", family_name="Hovhannisyan", patronymic="Gagik"),
        make_case(given_name="Aram", family_name="Harutyunyan", patronymic="Levon"),
        make_case(given_name="Grigor", family_name="Gevorgyan", patronymic="Aram"),
    ]


def _search(caseworker: User, q: str) -> list[MissingPerson]:
    return list(cases_search(selectors.cases_visible_to(caseworker), q))


@pytest.mark.parametrize(
    "q",
    [
        "Оганесян Арам",
        "Арам Оганесян",
        "Ovanesyan Aram",
        "Hovannisian Aram",
        "Հովհաննիսյան Արամ",
        "ՀՈՎՀԱՆՆԻՍՅԱՆ արամ",
        "Оганесяна Арама",
        "Оганесян Арам Вартанович",
        "aram hovhannisyan vardani",
        "Hovhan Ar",
        "Оган Ара",
    ],
)
def test_any_spelling_in_any_order_finds_him_first(
    caseworker: User, aram: MissingPerson, others: list[MissingPerson], q: str
) -> None:
    found = _search(caseworker, q)
    assert found[0] == aram
    assert others[2] not in found  # Gevorgyan is not Hovhannisyan


def test_a_family_name_alone_finds_every_case_of_that_name_in_any_script(
    caseworker: User, aram: MissingPerson, others: list[MissingPerson]
) -> None:
    assert set(_search(caseworker, "Оганесян")) == {aram, others[0]}


def test_harutyunyan_is_not_hovhannisyan(
    caseworker: User, aram: MissingPerson, others: list[MissingPerson]
) -> None:
    assert _search(caseworker, "Арутюнян Арам") == [others[1]]


@pytest.mark.parametrize("number", ["av-4411", "AV-4411"])
def test_a_service_number_finds_the_case(
    caseworker: User, aram: MissingPerson, others: list[MissingPerson], number: str
) -> None:
    assert _search(caseworker, number) == [aram]


def test_a_case_number_finds_the_case(
    caseworker: User, aram: MissingPerson, others: list[MissingPerson]
) -> None:
    assert _search(caseworker, f"  {aram.case_number.lower()} ") == [aram]


def test_the_exact_spelling_ranks_above_a_variant(
    caseworker: User, make_case: Callable[..., MissingPerson]
) -> None:
    variant = make_case(given_name="Aram", family_name="Hovhannisyan")
    exact = make_case(given_name="Aram", family_name="Ovanesyan")
    assert _search(caseworker, "Ованесян Арам") == [exact, variant]


def test_a_spelling_added_later_is_found(
    caseworker: User, aram: MissingPerson, others: list[MissingPerson]
) -> None:
    assert _search(caseworker, "Ohanjanyan") == []
    services.case_spelling_add(case=aram, actor=caseworker, part="family", text="Ohanjanyan")
    assert _search(caseworker, "Ohanjanyan") == [aram]


@pytest.mark.parametrize("q", ["", "   ", "''", "-"])
def test_an_empty_query_leaves_the_list_alone(
    caseworker: User, aram: MissingPerson, others: list[MissingPerson], q: str
) -> None:
    assert len(_search(caseworker, q)) == (4 if not q.strip() else 0)


def test_nobody_outside_the_staff_finds_anything(outsider: User, aram: MissingPerson) -> None:
    assert _search(outsider, "Hovhannisyan") == []


@pytest.mark.parametrize("cases", [1, 12])
def test_a_search_page_costs_the_same_queries_whatever_the_hits(
    caseworker: User,
    make_case: Callable[..., MissingPerson],
    django_assert_num_queries: Any,
    cases: int,
) -> None:
    for n in range(cases):
        make_case(given_name="Aram", family_name="Оганесян" if n % 2 else "Hovhannisyan")
    # the key pairs, the ranked ids, the count, the page
    with django_assert_num_queries(4):
        qs = cases_search(selectors.cases_visible_to(caseworker), "Hovhannisyan Aram")
        assert qs.count() == cases
        assert len(list(qs[:50])) == cases
    with django_assert_num_queries(2):  # one word has no pair: the ranked ids, the count
        assert cases_search(selectors.cases_visible_to(caseworker), "Aram").count() == cases


def test_a_name_carried_by_many_is_cut_at_the_best_hits(
    caseworker: User, make_case: Callable[..., MissingPerson], monkeypatch: Any
) -> None:
    monkeypatch.setattr("cases.search.MAX_HITS", 3)
    exact = make_case(given_name="Aram", family_name="Ovanesyan")
    for _ in range(4):
        make_case(given_name="Aram", family_name="Hovhannisyan")
    found = _search(caseworker, "Ованесян")
    assert len(found) == 3
    assert found[0] == exact


def test_a_prefix_is_found_where_no_pair_of_keys_is(
    caseworker: User, aram: MissingPerson, others: list[MissingPerson]
) -> None:
    assert _search(caseworker, "Оган Ар") == [aram]
