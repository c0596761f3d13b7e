"""An exchange list puts its matched, detained cases on a planned exchange."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from cases import services
from cases.imports.models import ImportBatch, ImportRow
from cases.models import ExchangeListing, MissingPerson
from tests.imports.lists import committed, csv_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def detained(make_case: Callable[..., MissingPerson], caseworker: Any) -> list[MissingPerson]:
    cases = [
        make_case(given_name="Aram", family_name="Petrosyan"),
        make_case(given_name="Davit", family_name="Sargsyan"),
    ]
    for case in cases:
        for status in ("capture_reported", "detained"):
            services.case_transition(case=case, actor=caseworker, to_status=status, note="x")
    return cases


@pytest.fixture
def exchange(supervisor: Any) -> Any:
    return services.exchange_plan(actor=supervisor, name="All for all", principle="all_for_all")


def test_an_exchange_list_lists_the_matched_cases_once(
    sup: Any, detained: list[MissingPerson], exchange: Any, supervisor: Any
) -> None:
    services.exchange_list_case(exchange=exchange, case=detained[1], actor=supervisor)
    data = csv_bytes([("Soyadı, adı",), ("Petrosyan Aram",), ("Sargsyan Davit",)])
    response = upload(
        sup, data, purpose="exchange_listing", exchange=exchange.pk, reported_on="", source="icrc"
    )
    assert response.status_code == 202, response.json()
    batch = ImportBatch.objects.get(pk=response.json()["id"])
    sup.post(f"/api/imports/{batch.pk}/accept-matched/")

    with committed():
        sup.post(f"/api/imports/{batch.pk}/apply/")

    assert ExchangeListing.objects.filter(exchange=exchange).count() == 2
    assert MissingPerson.objects.get(pk=detained[0].pk).status == "release_scheduled"
    rows = {r.line: r for r in ImportRow.objects.filter(batch=batch)}
    assert rows[2].applied_object_id == ExchangeListing.objects.get(case=detained[0]).pk
    assert rows[3].applied_object_id == ExchangeListing.objects.get(case=detained[1]).pk


def test_an_exchange_list_row_cannot_open_a_new_case(
    sup: Any, detained: list[MissingPerson], exchange: Any
) -> None:
    data = csv_bytes([("Full name",), ("Zakaryan Vahe",)])
    batch_id = upload(
        sup, data, purpose="exchange_listing", exchange=exchange.pk, reported_on=""
    ).json()["id"]
    row = ImportRow.objects.get(batch_id=batch_id)

    response = sup.patch(
        f"/api/imports/{batch_id}/rows/{row.pk}/", {"decision": {"action": "new"}}, format="json"
    )

    assert response.status_code == 400
    assert "only lists existing cases" in response.json()["decision"][0]


def test_a_case_that_cannot_be_listed_is_refused_on_its_row(
    sup: Any, make_case: Callable[..., MissingPerson], exchange: Any
) -> None:
    case = make_case(given_name="Hayk", family_name="Mkrtchyan")  # still missing
    data = csv_bytes([("Full name",), ("Mkrtchyan Hayk",)])
    batch_id = upload(
        sup, data, purpose="exchange_listing", exchange=exchange.pk, reported_on=""
    ).json()["id"]
    sup.post(f"/api/imports/{batch_id}/accept-matched/")

    with committed():
        sup.post(f"/api/imports/{batch_id}/apply/")

    row = ImportRow.objects.get(batch_id=batch_id)
    assert "cannot move to “Release scheduled”" in row.apply_error
    assert not ExchangeListing.objects.filter(case=case).exists()
    assert ImportBatch.objects.get(pk=batch_id).status == "review"
