"""Exchanges: supervisors plan, list and complete; caseworkers read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from cases import services
from cases.models import CaseEvent, Exchange, ExchangeListing, MissingPerson

EXCHANGE = {
    "name": "December exchange",
    "principle": "all_for_all",
    "scheduled_for": "2020-12-14",
    "place": "Goris",
    "mediator": "ICRC",
}


@pytest.fixture
def detained(make_case: Callable[..., MissingPerson], caseworker: User) -> Callable[[], Any]:
    def _make() -> MissingPerson:
        case = make_case()
        return services.case_transition(case=case, actor=caseworker, to_status="detained").case

    return _make


@pytest.fixture
def exchange(sup: APIClient) -> dict[str, Any]:
    response = sup.post("/api/exchanges/", EXCHANGE)
    assert response.status_code == 201, response.json()
    return response.json()


def test_a_supervisor_plans_an_exchange(exchange: dict[str, Any]) -> None:
    assert exchange["status"] == "planned"
    assert exchange["listings"] == []
    assert exchange["name"] == "December exchange"


def test_a_caseworker_reads_but_cannot_plan_or_change_exchanges(
    cw: APIClient, exchange: dict[str, Any], detained: Callable[[], MissingPerson]
) -> None:
    url = f"/api/exchanges/{exchange['id']}/"
    assert cw.get("/api/exchanges/").json()["count"] == 1
    assert cw.get(url).status_code == 200
    assert cw.post("/api/exchanges/", EXCHANGE).status_code == 403
    assert cw.patch(url, {"place": "Lachin"}).status_code == 403
    assert cw.post(url + "listings/", {"case": detained().pk}).status_code == 403
    assert cw.post(url + "complete/", {"exchanged": []}).status_code == 403


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"principle": "some_for_some"}, "principle"),
        ({"scheduled_for": "soon"}, "scheduled_for"),
        ({"status": "completed"}, "status"),
        ({"status": "cancelled"}, "status"),
        ({"listings": []}, "listings"),
        ({"budget": 5}, "budget"),
    ],
)
def test_bad_exchange_input_is_400_naming_the_field(
    sup: APIClient, change: dict, field: str
) -> None:
    response = sup.post("/api/exchanges/", {**EXCHANGE, **change})
    assert response.status_code == 400
    assert field in response.json()


def test_a_planned_exchange_can_be_changed_and_cancelled(
    sup: APIClient, exchange: dict[str, Any]
) -> None:
    url = f"/api/exchanges/{exchange['id']}/"
    assert sup.patch(url, {"place": "Lachin corridor"}).json()["place"] == "Lachin corridor"
    completed = sup.patch(url, {"status": "completed"})
    assert completed.status_code == 400
    assert "/complete/" in completed.json()["status"][0]
    assert sup.patch(url, {"status": "cancelled"}).json()["status"] == "cancelled"
    assert sup.patch(url, {"place": "x"}).status_code == 409  # no longer planned


def test_listing_a_detained_case_schedules_its_release(
    sup: APIClient, exchange: dict[str, Any], detained: Callable[[], MissingPerson]
) -> None:
    case = detained()
    response = sup.post(f"/api/exchanges/{exchange['id']}/listings/", {"case": case.pk})
    assert response.status_code == 201
    assert response.json()["case"] == case.pk
    assert response.json()["case_number"] == case.case_number
    assert response.json()["outcome"] == "listed"
    case.refresh_from_db()
    assert case.status == "release_scheduled"
    listings = sup.get(f"/api/exchanges/{exchange['id']}/").json()["listings"]
    assert [(x["case"], x["case_number"], x["outcome"]) for x in listings] == [
        (case.pk, case.case_number, "listed")
    ]


def test_listing_a_case_that_is_not_detained_is_409(
    sup: APIClient, exchange: dict[str, Any], case: MissingPerson
) -> None:
    response = sup.post(f"/api/exchanges/{exchange['id']}/listings/", {"case": case.pk})
    assert response.status_code == 409
    assert response.json()["current"] == "missing"
    assert "release_scheduled" not in response.json()["allowed"]


def test_listing_a_case_twice_is_400(
    sup: APIClient, exchange: dict[str, Any], detained: Callable[[], MissingPerson]
) -> None:
    case = detained()
    url = f"/api/exchanges/{exchange['id']}/listings/"
    sup.post(url, {"case": case.pk})
    response = sup.post(url, {"case": case.pk})
    assert response.status_code == 400
    assert "already" in response.json()["case"][0]


@pytest.mark.parametrize("body", [{}, {"case": None}, {"case": 999999}, {"case": "x"}])
def test_listing_needs_a_known_case(sup: APIClient, exchange: dict[str, Any], body: dict) -> None:
    response = sup.post(f"/api/exchanges/{exchange['id']}/listings/", body)
    assert response.status_code == 400
    assert "case" in response.json()


def test_listing_on_an_unknown_exchange_is_404(
    sup: APIClient, detained: Callable[[], MissingPerson]
) -> None:
    assert sup.post("/api/exchanges/999999/listings/", {"case": detained().pk}).status_code == 404


def list_cases(exchange_id: int, cases: list[MissingPerson], actor: User) -> None:
    target = Exchange.objects.get(pk=exchange_id)
    for case in cases:
        services.exchange_list_case(exchange=target, case=case, actor=actor)


def test_completing_an_exchange_records_each_outcome(
    sup: APIClient,
    supervisor: User,
    exchange: dict[str, Any],
    detained: Callable[[], MissingPerson],
) -> None:
    home, kept = detained(), detained()
    list_cases(exchange["id"], [home, kept], supervisor)
    response = sup.post(
        f"/api/exchanges/{exchange['id']}/complete/",
        {"exchanged": [home.pk], "not_released": [kept.pk]},
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "completed"
    assert body["completed_at"]
    outcomes = {x["case"]: x["outcome"] for x in body["listings"]}
    assert outcomes == {home.pk: "exchanged", kept.pk: "not_released"}
    home.refresh_from_db()
    kept.refresh_from_db()
    assert (home.status, kept.status) == ("repatriated", "detained")
    again = sup.post(f"/api/exchanges/{exchange['id']}/complete/", {"exchanged": [home.pk]})
    assert again.status_code == 409


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"exchanged": "all"}, "exchanged"),
        ({"exchanged": ["a"]}, "exchanged"),
        ({"exchanged": [0]}, "exchanged"),
        ({"not_released": [None]}, "not_released"),
        ({"exchanged": [1], "extra": True}, "extra"),
    ],
)
def test_bad_completion_input_is_400_naming_the_field(
    sup: APIClient, exchange: dict[str, Any], body: dict, field: str
) -> None:
    response = sup.post(f"/api/exchanges/{exchange['id']}/complete/", body)
    assert response.status_code == 400
    assert field in response.json()


def test_a_completion_that_leaves_out_a_listed_case_is_400_and_changes_nothing(
    sup: APIClient,
    supervisor: User,
    exchange: dict[str, Any],
    detained: Callable[[], MissingPerson],
) -> None:
    a, b = detained(), detained()
    list_cases(exchange["id"], [a, b], supervisor)
    response = sup.post(f"/api/exchanges/{exchange['id']}/complete/", {"exchanged": [a.pk]})
    assert response.status_code == 400
    assert str(b.pk) in response.json()["not_released"][0]
    a.refresh_from_db()
    assert a.status == "release_scheduled"


def complete_and_count(
    sup: APIClient, supervisor: User, exchange_id: int, cases: list[MissingPerson]
) -> int:
    list_cases(exchange_id, cases, supervisor)
    body = {"exchanged": [c.pk for c in cases[1:]], "not_released": [cases[0].pk]}
    with CaptureQueriesContext(connection) as queries:
        response = sup.post(f"/api/exchanges/{exchange_id}/complete/", body)
    assert response.status_code == 200, response.json()
    return len(queries)


def test_completing_an_exchange_of_160_is_one_transaction_of_bounded_queries(
    sup: APIClient, supervisor: User, detained: Callable[[], MissingPerson]
) -> None:
    small = sup.post("/api/exchanges/", EXCHANGE).json()["id"]
    large = sup.post("/api/exchanges/", EXCHANGE).json()["id"]
    few = complete_and_count(sup, supervisor, small, [detained() for _ in range(4)])
    many = complete_and_count(sup, supervisor, large, [detained() for _ in range(160)])
    if connection.features.max_query_params is None:
        assert many == few
    else:
        # SQLite caps one statement's parameters (999): the bulk inserts of
        # history rows and events go in a few batches, still not one per case.
        assert many <= few + 8
    assert many <= 25 + (0 if connection.features.max_query_params is None else 8)
    assert ExchangeListing.objects.filter(exchange_id=large, outcome="exchanged").count() == 159
    assert MissingPerson.objects.filter(status="repatriated").count() == 162
    assert MissingPerson.history.filter(status="repatriated").count() == 162


# serialized_rollback: start from the migrated data (the role groups) even
# after another transactional test's flush removed it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_completed_exchange_hands_every_case_event_on_after_commit(
    supervisor: User, detained: Callable[[], MissingPerson]
) -> None:
    from tests.api.conftest import token_client

    client = token_client(supervisor)
    exchange = client.post("/api/exchanges/", EXCHANGE).json()["id"]
    cases = [detained() for _ in range(3)]
    list_cases(exchange, cases, supervisor)
    response = client.post(
        f"/api/exchanges/{exchange}/complete/",
        {"exchanged": [c.pk for c in cases[:2]], "not_released": [cases[2].pk]},
    )
    assert response.status_code == 200
    events = CaseEvent.objects.filter(data__exchange_id=exchange, kind="status_changed")
    assert sorted(e.data["to"] for e in events) == ["detained", "repatriated", "repatriated"]
    assert all(e.family_visible and e.dispatched for e in events)
