"""POST /api/cases/match/ as CONTRACT.md has it; GET/POST a case's spellings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from rest_framework.test import APIClient

from cases.models import CaseEvent, EventKind, MissingPerson

pytestmark = pytest.mark.django_db


@pytest.fixture
def aram(make_case: Callable[..., MissingPerson]) -> MissingPerson:
    return make_case(
        given_name="Aram",
        family_name="Hovhannisyan",
        patronymic="Vardan",
        date_of_birth=date(1996, 3, 14),
    )


def test_match_answers_candidates_best_first_with_the_case_list_fields(
    cw: APIClient, aram: MissingPerson, make_case: Callable[..., MissingPerson]
) -> None:
    make_case(given_name="Davit", family_name="Hovhannisyan")
    response = cw.post(
        "/api/cases/match/",
        {"name": "Оганесян Арам", "date_of_birth": "1996-03-14", "patronymic": "Вартанович"},
        format="json",
    )
    assert response.status_code == 200
    candidates = response.json()["candidates"]
    assert candidates[0]["case"]["id"] == aram.pk
    listed = cw.get("/api/cases/").json()["results"][0]
    assert set(candidates[0]["case"]) == set(listed)
    assert 0.9 <= candidates[0]["score"] <= 1
    assert "date of birth: same (1996-03-14)" in candidates[0]["reasons"]


def test_a_year_of_birth_is_accepted(cw: APIClient, aram: MissingPerson) -> None:
    response = cw.post("/api/cases/match/", {"name": "Aram Ovanesyan", "date_of_birth": "1996"})
    assert response.status_code == 200
    assert "year of birth: same (1996-03-14)" in response.json()["candidates"][0]["reasons"]


def test_reasons_are_in_the_readers_language_machinery(cw: APIClient, aram: MissingPerson) -> None:
    response = cw.post(
        "/api/cases/match/", {"name": "Aram Ovanesyan"}, HTTP_ACCEPT_LANGUAGE="en", format="json"
    )
    assert response.json()["candidates"][0]["reasons"][0].startswith("family name: ")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "-- 12"}, "name"),
        ({}, "name"),
        ({"name": "Aram", "date_of_birth": "14.03.1996"}, "date_of_birth"),
        ({"name": "Aram", "date_of_birth": "1996-02-30"}, "date_of_birth"),
        ({"name": "Aram", "date_of_birth": "2999"}, "date_of_birth"),
        ({"name": "Aram", "date_of_birth": "2999-01-01"}, "date_of_birth"),
        ({"name": "Aram", "limit": 51}, "limit"),
        ({"name": "Aram", "limit": 0}, "limit"),
        ({"name": "Aram", "limit": "many"}, "limit"),
        ({"name": "Aram", "nickname": "A"}, "nickname"),
        ({"name": "x" * 301}, "name"),
        ({"name": "Ar\x00am"}, "name"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(cw: APIClient, body: dict, field: str) -> None:
    response = cw.post("/api/cases/match/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_limit_is_kept(cw: APIClient, make_case: Callable[..., MissingPerson]) -> None:
    for _ in range(8):
        make_case(given_name="Gor", family_name="Sargsyan", patronymic="")
    default = cw.post("/api/cases/match/", {"name": "Gor Sargsyan"}, format="json").json()
    assert len(default["candidates"]) == 5
    more = cw.post("/api/cases/match/", {"name": "Gor Sargsyan", "limit": 50}, format="json")
    assert len(more.json()["candidates"]) == 8


def test_match_refuses_a_family_member(fam: APIClient) -> None:
    assert fam.post("/api/cases/match/", {"name": "Aram"}, format="json").status_code == 403


def test_match_refuses_anyone_not_logged_in(anon: APIClient) -> None:
    assert anon.post("/api/cases/match/", {"name": "Aram"}, format="json").status_code == 401


def test_match_is_a_post(cw: APIClient) -> None:
    assert cw.get("/api/cases/match/").status_code == 405


def test_a_caseworker_sees_and_adds_spellings(cw: APIClient, aram: MissingPerson) -> None:
    url = f"/api/cases/{aram.pk}/spellings/"
    added = cw.post(url, {"part": "family", "text": "Оганесян"}, format="json")
    assert added.status_code == 201
    assert (added.json()["script"], added.json()["source"]) == ("cyrillic", "manual")
    again = cw.post(url, {"part": "family", "text": "Оганесян"}, format="json")
    assert again.status_code == 200
    texts = {(s["part"], s["text"]) for s in cw.get(url).json()["results"]}
    assert texts == {
        ("given", "Aram"),
        ("family", "Hovhannisyan"),
        ("patronymic", "Vardan"),
        ("family", "Оганесян"),
    }
    assert CaseEvent.objects.filter(case=aram, kind=EventKind.SPELLING_ADDED).count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"part": "alias", "text": "A"}, "part"),
        ({"part": "given", "text": ""}, "text"),
        ({"part": "given", "text": "--"}, "text"),
        ({"part": "given", "text": "A", "source": "rumour"}, "source"),
        ({"part": "given", "text": "A", "case": 3}, "case"),
    ],
)
def test_a_bad_spelling_is_a_400_naming_the_field(
    cw: APIClient, aram: MissingPerson, body: dict, field: str
) -> None:
    response = cw.post(f"/api/cases/{aram.pk}/spellings/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_spellings_refuse_a_family_member_and_the_anonymous(
    fam: APIClient, anon: APIClient, case: MissingPerson
) -> None:
    url = f"/api/cases/{case.pk}/spellings/"
    assert fam.get(url).status_code == 403
    assert fam.post(url, {"part": "given", "text": "A"}, format="json").status_code == 403
    assert anon.get(url).status_code == 401


def test_spellings_of_an_unknown_case_are_404(cw: APIClient) -> None:
    assert cw.get("/api/cases/999999/spellings/").status_code == 404
    assert cw.get("/api/cases/abc/spellings/").status_code == 404
