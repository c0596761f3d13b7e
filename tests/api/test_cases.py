"""Cases: listing, searching, opening, reading."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from cases.models import MissingPerson

CONTRACT_FIELDS = {
    "id",
    "case_number",
    "given_name",
    "family_name",
    "patronymic",
    "name_native",
    "date_of_birth",
    "place_of_birth",
    "service_number",
    "rank",
    "unit",
    "last_seen_date",
    "last_seen_place",
    "circumstances",
    "status",
    "status_changed_at",
    "created_at",
    "updated_at",
    "version",
}

NEW_CASE = {
    "given_name": "Davit",
    "family_name": "Sargsyan",
    "patronymic": "Hrant",
    "name_native": "Դավիթ Սարգսյան",
    "date_of_birth": "2001-03-04",
    "service_number": "AM-778812",
    "rank": "private",
    "last_seen_date": "2020-11-09",
    "last_seen_place": "Shushi",
}


def test_the_list_is_paginated_with_the_contract_fields(
    cw: APIClient, make_case: Callable[..., MissingPerson]
) -> None:
    for _ in range(3):
        make_case()
    body = cw.get("/api/cases/", {"page_size": 2}).json()
    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"]
    assert body["previous"] is None
    assert set(body["results"][0]) >= CONTRACT_FIELDS


def test_a_page_past_the_end_is_404_naming_the_page(cw: APIClient, case: MissingPerson) -> None:
    response = cw.get("/api/cases/", {"page": 9})
    assert response.status_code == 404
    assert "page" in response.json()["detail"].lower()


def test_cases_filter_by_status(cw: APIClient, make_case: Callable[..., MissingPerson]) -> None:
    a, b = make_case(), make_case()
    cw.post(f"/api/cases/{b.pk}/transition/", {"status": "detained"})
    ids = [c["id"] for c in cw.get("/api/cases/", {"status": "detained"}).json()["results"]]
    assert ids == [b.pk]
    assert a.pk not in ids


def test_an_unknown_status_filter_is_400_naming_it(cw: APIClient) -> None:
    response = cw.get("/api/cases/", {"status": "kidnapped"})
    assert response.status_code == 400
    assert "status" in response.json()


def test_cases_filter_by_service_number_ignoring_case(
    cw: APIClient, make_case: Callable[..., MissingPerson]
) -> None:
    wanted = make_case(service_number="AB-123")
    make_case()
    results = cw.get("/api/cases/", {"service_number": "ab-123"}).json()["results"]
    assert [c["id"] for c in results] == [wanted.pk]


@pytest.mark.parametrize("q", ["оганесян", "ОГАНЕСЯН", "Оганесян", "ован Оган", "Ованес"])
def test_name_search_ignores_case_in_any_script(
    cw: APIClient, make_case: Callable[..., MissingPerson], q: str
) -> None:
    wanted = make_case(name_native="Ованес Оганесян")
    make_case(name_native="Давид Саргсян", given_name="Davit", family_name="Sargsyan")
    results = cw.get("/api/cases/", {"q": q}).json()["results"]
    assert [c["id"] for c in results] == [wanted.pk]


def test_name_search_looks_in_given_family_and_patronymic(
    cw: APIClient, make_case: Callable[..., MissingPerson]
) -> None:
    a = make_case(given_name="Tigran", family_name="Petrosyan", patronymic="Levon")
    b = make_case(given_name="Levon", family_name="Avagyan", patronymic="Tigran")
    make_case(given_name="Gor", family_name="Avagyan", patronymic="Aram")
    found = {c["id"] for c in cw.get("/api/cases/", {"q": "tigran levon"}).json()["results"]}
    assert found == {a.pk, b.pk}


@pytest.mark.parametrize(
    "params", [{"q": "Ar\x00men"}, {"service_number": "SN\x00"}, {"q": "x" * 201}]
)
def test_unusable_search_parameters_are_400_naming_them(
    cw: APIClient, case: MissingPerson, params: dict
) -> None:
    response = cw.get("/api/cases/", params)
    assert response.status_code == 400
    assert set(params) <= set(response.json())


def test_an_empty_filter_is_no_filter(cw: APIClient, case: MissingPerson) -> None:
    response = cw.get("/api/cases/", {"status": "", "q": "", "service_number": ""})
    assert response.json()["count"] == 1


def test_cases_can_be_ordered(cw: APIClient, make_case: Callable[..., MissingPerson]) -> None:
    make_case(family_name="Zakaryan")
    make_case(family_name="Abrahamyan")
    make_case(family_name="Manukyan")
    names = [c["family_name"] for c in cw.get("/api/cases/?ordering=family_name").json()["results"]]
    assert names == sorted(names)
    numbers = [
        c["case_number"] for c in cw.get("/api/cases/?ordering=-case_number").json()["results"]
    ]
    assert numbers == sorted(numbers, reverse=True)


def test_an_unknown_ordering_is_400_naming_it(cw: APIClient) -> None:
    response = cw.get("/api/cases/", {"ordering": "password"})
    assert response.status_code == 400
    assert "ordering" in response.json()


def test_a_caseworker_opens_a_case(cw: APIClient, caseworker) -> None:
    response = cw.post("/api/cases/", NEW_CASE)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["case_number"] == "MP-2020-" + body["case_number"][-5:]
    assert body["status"] == "missing"
    assert body["version"] == 1
    assert response["ETag"] == f'"{body["id"]}-1"'
    assert response["Location"] == f"/api/cases/{body['id']}/"
    case = MissingPerson.objects.get(pk=body["id"])
    assert case.events.get().kind == "opened"
    assert case.events.get().actor == caseworker


def test_a_case_can_be_assigned_to_a_caseworker(cw: APIClient, caseworker) -> None:
    body = cw.post("/api/cases/", {**NEW_CASE, "caseworker": caseworker.pk}).json()
    assert body["caseworker"] == caseworker.pk


def test_a_case_cannot_be_assigned_to_someone_without_a_staff_role(cw: APIClient, outsider) -> None:
    response = cw.post("/api/cases/", {**NEW_CASE, "caseworker": outsider.pk})
    assert response.status_code == 400
    assert "caseworker" in response.json()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"given_name": ""}, "given_name"),
        ({"given_name": None}, "given_name"),
        ({"given_name": ["Davit"]}, "given_name"),
        ({"family_name": "x" * 151}, "family_name"),
        ({"circumstances": "x" * 10_001}, "circumstances"),
        ({"date_of_birth": "yesterday"}, "date_of_birth"),
        ({"date_of_birth": "2001-02-30"}, "date_of_birth"),
        ({"last_seen_date": 20201109}, "last_seen_date"),
        ({"caseworker": "me"}, "caseworker"),
        ({"caseworker": 10**30}, "caseworker"),
        ({"given_name": "Da\x00vit"}, "given_name"),
        ({"status": "detained"}, "status"),
        ({"case_number": "MP-1"}, "case_number"),
        ({"favourite_colour": "blue"}, "favourite_colour"),
    ],
)
def test_bad_input_to_a_new_case_is_400_naming_the_field(
    cw: APIClient, change: dict, field: str
) -> None:
    response = cw.post("/api/cases/", {**NEW_CASE, **change})
    assert response.status_code == 400
    assert field in response.json()
    assert not MissingPerson.objects.exists()


def test_text_that_is_not_valid_unicode_is_400(cw: APIClient) -> None:
    body = b'{"given_name": "Da\\ud800vit", "family_name": "Sargsyan"}'
    response = cw.post("/api/cases/", body, content_type="application/json")
    assert response.status_code == 400
    assert "given_name" in response.json()


@pytest.mark.parametrize("field", ["date_of_birth", "last_seen_date"])
def test_a_date_in_the_future_is_refused(cw: APIClient, field: str) -> None:
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = cw.post("/api/cases/", {**NEW_CASE, field: tomorrow})
    assert response.status_code == 400
    assert "future" in response.json()[field][0]


def test_a_service_number_already_used_is_400(cw: APIClient, make_case) -> None:
    make_case(service_number="AM-778812")
    response = cw.post("/api/cases/", NEW_CASE)
    assert response.status_code == 400
    assert "service_number" in response.json()


@pytest.mark.parametrize(
    "body", [b"{not json", b"[1, 2]", b'"text"', b"null", b'{"given_name": NaN}']
)
def test_a_body_that_is_not_a_json_object_is_400(cw: APIClient, body: bytes) -> None:
    response = cw.post("/api/cases/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()


def test_one_case_comes_with_its_etag(cw: APIClient, case: MissingPerson) -> None:
    response = cw.get(f"/api/cases/{case.pk}/")
    assert response.status_code == 200
    assert response["ETag"] == f'"{case.pk}-{case.version}"'
    assert response.json()["case_number"] == case.case_number


@pytest.mark.parametrize("ident", ["999999", "abc", str(10**30), "-1"])
def test_an_unknown_case_is_404(cw: APIClient, ident: str) -> None:
    response = cw.get(f"/api/cases/{ident}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_list_filters_do_not_hide_a_case_asked_for_by_id(
    cw: APIClient, case: MissingPerson
) -> None:
    response = cw.get(f"/api/cases/{case.pk}/", {"status": "detained"})
    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["case_number"]) == (case.pk, case.case_number)
    assert body["status"] == "missing"  # the filter asked for another status: not applied
