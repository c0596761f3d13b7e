"""POST /api/imports/: a list is read at once, stored with its rows, and
matched in the background; progress and rows are readable."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.imports.models import BatchStatus, ImportBatch, ImportRow
from tests.imports.lists import csv_bytes, upload, xlsx_bytes

pytestmark = pytest.mark.django_db


LIST = [
    ("Full name", "Date of birth", "Service number"),
    ("Petrosyan Aram Karen", "04.03.2001", "AM0100101"),
    ("Sargsyan Davit", "2000", ""),
    ("Zakaryan Vahe Gagik", "1999-07-01", ""),
    ("Mkrtchyan Hayk", "31.02.1999", ""),
]


def states(batch_id: int) -> dict[int, str]:
    return dict(ImportRow.objects.filter(batch_id=batch_id).values_list("line", "state"))


def test_a_list_is_read_matched_and_waits_for_review(sup: Any, registry: Any) -> None:
    response = upload(sup, csv_bytes(LIST))

    assert response.status_code == 202, response.json()
    body = response.json()
    assert body["total"] == 4
    batch = sup.get(f"/api/imports/{body['id']}/").json()
    assert batch["status"] == "review"
    assert (batch["done"], batch["matched"], batch["ambiguous"], batch["new"], batch["errors"]) == (
        4, 1, 1, 1, 1,
    )  # fmt: skip
    assert states(body["id"]) == {2: "matched", 3: "ambiguous", 4: "new", 5: "error"}


def test_rows_give_the_values_as_read_candidates_and_errors_with_their_line(
    sup: Any, registry: Any
) -> None:
    batch_id = upload(sup, csv_bytes(LIST)).json()["id"]

    rows = sup.get(f"/api/imports/{batch_id}/rows/").json()

    assert rows["count"] == 4
    first = rows["results"][0]
    assert first["line"] == 2
    assert first["values"] == {
        "Full name": "Petrosyan Aram Karen",
        "Date of birth": "04.03.2001",
        "Service number": "AM0100101",
    }
    assert first["candidates"][0]["case"] == registry["aram"].pk
    assert first["decision"] is None
    error = rows["results"][3]
    assert error["state"] == "error"
    assert error["error"].startswith("Line 5: ")
    assert "31.02.1999" in error["error"]


def test_rows_filter_by_state(sup: Any, registry: Any) -> None:
    batch_id = upload(sup, csv_bytes(LIST)).json()["id"]

    ambiguous = sup.get(f"/api/imports/{batch_id}/rows/?state=ambiguous").json()

    assert [r["line"] for r in ambiguous["results"]] == [3]
    assert {c["case"] for c in ambiguous["results"][0]["candidates"]} == {
        registry["davit1"].pk,
        registry["davit2"].pk,
    }


def test_an_unknown_state_filter_is_a_400_naming_it(sup: Any, registry: Any) -> None:
    batch_id = upload(sup, csv_bytes(LIST)).json()["id"]

    response = sup.get(f"/api/imports/{batch_id}/rows/?state=maybe")

    assert response.status_code == 400
    assert "state" in response.json()


def test_an_xlsx_list_reads_like_the_csv(sup: Any, registry: Any) -> None:
    response = upload(sup, xlsx_bytes(LIST), name="list.xlsx")

    assert response.status_code == 202, response.json()
    assert response.json()["file_kind"] == "xlsx"
    assert states(response.json()["id"]) == {2: "matched", 3: "ambiguous", 4: "new", 5: "error"}


def test_the_same_file_uploaded_twice_is_recognised(sup: Any, registry: Any) -> None:
    data = csv_bytes(LIST)
    first = upload(sup, data).json()["id"]

    again = upload(sup, data, name="renamed.csv")

    assert again.status_code == 409
    assert f"import #{first}" in again.json()["detail"]
    assert ImportBatch.objects.count() == 1


def test_the_same_file_may_come_again_after_a_failed_import(sup: Any, registry: Any) -> None:
    data = csv_bytes(LIST)
    first = upload(sup, data).json()["id"]
    ImportBatch.objects.filter(pk=first).update(status=BatchStatus.FAILED)

    assert upload(sup, data).status_code == 202


def test_capture_reports_need_the_date_of_the_list(sup: Any, registry: Any) -> None:
    response = upload(sup, csv_bytes(LIST), reported_on="")

    assert response.status_code == 400
    assert "reported_on" in response.json()
    assert not ImportBatch.objects.exists()


def test_an_exchange_list_needs_a_planned_exchange(sup: Any, registry: Any) -> None:
    response = upload(sup, csv_bytes(LIST), purpose="exchange_listing", reported_on="")

    assert response.status_code == 400
    assert "exchange" in response.json()


def test_columns_can_be_named_by_the_uploader(sup: Any, registry: Any) -> None:
    rows = [("Who", "When", "Tag"), ("Petrosyan Aram Karen", "04.03.2001", "AM0100101")]

    refused = upload(sup, csv_bytes(rows))
    named = upload(sup, csv_bytes(rows), columns='{"full_name": "Who", "date_of_birth": 2}')

    assert refused.status_code == 400
    assert '"Who", "When", "Tag"' in refused.json()["columns"][0]
    assert named.status_code == 202, named.json()
    assert named.json()["columns"]["date_of_birth"] == {"index": 1, "header": "When"}
    assert states(named.json()["id"]) == {2: "matched"}


def test_a_column_override_naming_no_column_is_a_400(sup: Any, registry: Any) -> None:
    response = upload(sup, csv_bytes(LIST), columns='{"full_name": "Nope"}')

    assert response.status_code == 400
    assert "Nope" in response.json()["columns"][0]


def test_a_page_of_rows_costs_the_same_queries_whatever_its_length(sup: Any, registry: Any) -> None:
    short = upload(sup, csv_bytes(LIST[:2])).json()["id"]
    long = upload(sup, csv_bytes([*LIST, *[(f"Name{i} Surname", "", "") for i in range(20)]]))
    counts = []
    for batch_id in (short, long.json()["id"]):
        with CaptureQueriesContext(connection) as queries:
            assert sup.get(f"/api/imports/{batch_id}/rows/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
