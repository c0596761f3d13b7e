"""Matching (cases.matching): candidates by key, scored, with reasons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from cases.matching import MatchQuery, match_candidates
from cases.models import MissingPerson

pytestmark = pytest.mark.django_db


@pytest.fixture
def aram(make_case: Callable[..., MissingPerson]) -> MissingPerson:
    return make_case(
        given_name="Aram",
        family_name="Hovhannisyan",
        patronymic="Vardan",
        date_of_birth=date(1996, 3, 14),
        service_number="AV-4411",
    )


@pytest.fixture
def registry(make_case: Callable[..., MissingPerson], aram: MissingPerson) -> dict[str, Any]:
    return {
        "aram": aram,
        "davit": make_case(given_name="Davit", family_name="Hovhannisyan", patronymic="Gagik"),
        "arutyunyan": make_case(given_name="Aram", family_name="Harutyunyan", patronymic="Levon"),
        "namesake": make_case(
            given_name="Aram",
            family_name="Ovanesyan",
            patronymic="Hakob",
            date_of_birth=date(1989, 7, 1),
        ),
        "arman": make_case(given_name="Arman", family_name="Hovhannisyan", patronymic="Vardan"),
    }


def _match(**fields: Any) -> list[Any]:
    return match_candidates(MatchQuery(**fields), limit=10)


@pytest.mark.parametrize(
    "name",
    [
        "Оганесян Арам Вартанович",
        "Հովհաննիսյան Արամ Վարդանի",
        "Ovanesyan Aram Vardan",
        "Aram Vardani Hovhannisyan",
        "Hovannisian Aram",
    ],
)
def test_any_spelling_with_the_date_of_birth_finds_him_first_and_sure(
    registry: dict[str, Any], name: str
) -> None:
    best = _match(name=name, date_of_birth=date(1996, 3, 14))
    assert best[0].case == registry["aram"]
    assert best[0].score >= 0.9
    assert all(other.score < 0.5 for other in best[1:])


def test_reasons_say_why_in_words(registry: dict[str, Any]) -> None:
    best = _match(name="Ованесян Арам", date_of_birth=date(1996, 3, 14))[0]
    assert best.case == registry["aram"]
    assert "family name: Ованесян ~ Hovhannisyan, same key" in best.reasons
    assert "given name: Арам = Aram, same name" in best.reasons
    assert "date of birth: same (1996-03-14)" in best.reasons


def test_a_different_date_of_birth_weighs_against_the_name(registry: dict[str, Any]) -> None:
    found = _match(name="Aram Ovanesyan", date_of_birth=date(1996, 3, 14))
    scores = {c.case: c.score for c in found}
    # Ovanesyan is spelled exactly so, but born in 1989: the registered
    # Hovhannisyan born on that day wins.
    assert found[0].case == registry["aram"]
    assert scores[registry["namesake"]] < 0.1
    assert any("date of birth differs" in r for r in found[1].reasons + found[-1].reasons)


def test_the_service_number_outweighs_a_poorly_spelled_name(registry: dict[str, Any]) -> None:
    best = _match(name="Ovanisyan A.", service_number="av-4411")[0]
    assert best.case == registry["aram"]
    assert best.score >= 0.9
    assert "service number: same" in best.reasons


def test_a_year_of_birth_is_evidence_too(registry: dict[str, Any]) -> None:
    best = _match(name="Оганесян Арам", birth_year=1996)[0]
    assert best.case == registry["aram"]
    assert "year of birth: same (1996-03-14)" in best.reasons


def test_two_namesakes_share_the_certainty(make_case: Callable[..., MissingPerson]) -> None:
    one = make_case(given_name="Tigran", family_name="Petrosyan", patronymic="")
    two = make_case(given_name="Tigran", family_name="Petrosyan", patronymic="")
    found = _match(name="Петросян Тигран")
    assert {c.case for c in found[:2]} == {one, two}
    assert all(0.35 < c.score < 0.65 for c in found[:2])


def test_harutyunyan_is_never_offered_for_hovhannisyan(registry: dict[str, Any]) -> None:
    found = _match(name="Оганесян Арам Вартанович", date_of_birth=date(1996, 3, 14))
    assert registry["arutyunyan"] not in [c.case for c in found]


def test_arman_is_a_different_name_from_armen(make_case: Callable[..., MissingPerson]) -> None:
    armen = make_case(given_name="Armen", family_name="Grigoryan", patronymic="")
    arman = make_case(given_name="Arman", family_name="Grigoryan", patronymic="")
    found = _match(name="Армен Григорян")
    assert found[0].case == armen
    assert found[0].score > 0.8
    assert all(c.score < 0.3 for c in found if c.case == arman)


def test_a_slip_of_the_pen_is_offered_and_said(make_case: Callable[..., MissingPerson]) -> None:
    armen = make_case(
        given_name="Armen", family_name="Grigoryan", patronymic="", date_of_birth=date(2001, 2, 3)
    )
    best = _match(name="Grigoryan Armeen")[0]
    assert best.case == armen
    assert "given name: Armeen = Armen, same name" in best.reasons
    # A letter swapped in a given name reads as another name (Armen, Arman):
    # the date of birth still finds him, and the reason says how alike.
    typo = _match(name="Grigoryan Armne", date_of_birth=date(2001, 2, 3))[0]
    assert typo.case == armen
    assert "given name: Armne ~ Armen, 80% alike" in typo.reasons


def test_gevorgyan_is_not_a_candidate_for_grigoryan(
    make_case: Callable[..., MissingPerson],
) -> None:
    make_case(given_name="Armen", family_name="Gevorgyan", patronymic="")
    assert _match(name="Armen Grigoryan") == []


def test_nothing_to_match_is_no_candidates(registry: dict[str, Any]) -> None:
    assert _match(name="Zzyzx Qwrtp") == []


def test_the_limit_is_kept_and_capped(make_case: Callable[..., MissingPerson]) -> None:
    for _ in range(7):
        make_case(given_name="Gor", family_name="Sargsyan", patronymic="")
    assert len(match_candidates(MatchQuery(name="Gor Sargsyan"), limit=3)) == 3
    assert len(match_candidates(MatchQuery(name="Gor Sargsyan"), limit=500)) == 7


def test_matching_costs_the_same_queries_whatever_the_candidates(
    make_case: Callable[..., MissingPerson], django_assert_num_queries: Any
) -> None:
    for n in range(12):
        make_case(given_name="Gor", family_name="Sargsyan" if n % 2 else "Саргсян")
    # pairs, what scoring reads of the candidates, their spellings, the winners
    with django_assert_num_queries(4):
        match_candidates(MatchQuery(name="Gor Sargsyan"))
    with django_assert_num_queries(5):  # the service number is one more lookup
        match_candidates(MatchQuery(name="Gor Sargsyan", service_number="X-1"))


def test_one_word_looks_up_single_keys_in_a_bounded_number_of_queries(
    make_case: Callable[..., MissingPerson], django_assert_num_queries: Any
) -> None:
    for _ in range(3):
        make_case(given_name="Gor", family_name="Sargsyan")
    with django_assert_num_queries(4):  # single keys (one word has no pair), then as above
        assert len(match_candidates(MatchQuery(name="Саргсян"))) == 3
    with django_assert_num_queries(4):  # pairs give too few: then single keys; none wins
        found = match_candidates(MatchQuery(name="Саргсян Арам"))
    assert found == []  # the Sargsyans met are Gor, not Aram


def test_a_patronymic_is_the_fathers_name_wherever_it_stands(
    make_case: Callable[..., MissingPerson],
) -> None:
    son = make_case(given_name="Davit", family_name="Grigoryan", patronymic="Vardan")
    swapped = make_case(given_name="Vardan", family_name="Grigoryan", patronymic="Davit")
    found = _match(name="Григорян Давид Вартанович")
    assert found[0].case == son
    assert "father's name: Вартанович = Vardan, same name" in found[0].reasons
    assert all(c.score < 0.5 for c in found if c.case == swapped)


def test_a_slip_that_changes_the_key_is_still_found_by_its_first_letters(
    registry: dict[str, Any],
) -> None:
    # "Hovhannisan" lost the y of -yan: another key, the same beginning.
    best = _match(name="Hovhannisan Aram", date_of_birth=date(1996, 3, 14))[0]
    assert best.case == registry["aram"]
    assert best.score >= 0.9
    assert any(r.startswith("family name: Hovhannisan ~ Hovhannisyan, ") for r in best.reasons)
    # Alone, no key meets it: the first letters of the fold still do, and
    # the date of birth makes him a candidate worth a look.
    alone = _match(name="Hovhannisan", date_of_birth=date(1996, 3, 14))
    assert [c.case for c in alone] == [registry["aram"]]
    assert 0.5 < alone[0].score < 0.9
