"""Imports are the supervisors' (CONTRACT.md): caseworkers and families are
refused (403), the anonymous are asked to log in (401)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from cases.imports.models import ImportBatch
from cases.imports.selectors import imports_visible_to
from tests.imports.lists import csv_bytes, upload

pytestmark = pytest.mark.django_db

LIST = [("ФИО",), ("Оганесян Арам",)]


@pytest.fixture
def batch(sup: APIClient) -> ImportBatch:
    return ImportBatch.objects.get(pk=upload(sup, csv_bytes(LIST)).json()["id"])


def requests(batch: ImportBatch) -> list[tuple[str, str, dict[str, Any]]]:
    row = batch.rows.get()
    return [
        ("get", "/api/imports/", {}),
        ("get", f"/api/imports/{batch.pk}/", {}),
        ("get", f"/api/imports/{batch.pk}/rows/", {}),
        ("get", f"/api/imports/{batch.pk}/rows/{row.pk}/", {}),
        ("patch", f"/api/imports/{batch.pk}/rows/{row.pk}/", {"decision": {"action": "skip"}}),
        ("post", f"/api/imports/{batch.pk}/accept-matched/", {}),
        ("post", f"/api/imports/{batch.pk}/apply/", {}),
    ]


@pytest.mark.parametrize(("who", "status"), [("cw", 403), ("fam", 403), ("anon", 401)])
def test_everyone_but_a_supervisor_is_refused(
    request: pytest.FixtureRequest, batch: ImportBatch, who: str, status: int
) -> None:
    client: APIClient = request.getfixturevalue(who)
    for method, url, body in requests(batch):
        response = getattr(client, method)(url, body, format="json")
        assert response.status_code == status, (method, url)
    refused_upload = upload(client, csv_bytes([("ФИО",), ("Саргсян Давид",)]))
    assert refused_upload.status_code == status
    assert ImportBatch.objects.count() == 1
    assert batch.rows.get().decision_action == ""


def test_an_unknown_import_or_row_is_a_404(sup: APIClient, batch: ImportBatch) -> None:
    assert sup.get("/api/imports/999999/").status_code == 404
    assert sup.get(f"/api/imports/{batch.pk}/rows/999999/").status_code == 404
    assert sup.get("/api/imports/abc/").status_code == 404


def test_a_row_is_found_only_under_its_own_import(sup: APIClient, batch: ImportBatch) -> None:
    other = upload(sup, csv_bytes([("ФИО",), ("Саргсян Давид",)])).json()["id"]

    assert sup.get(f"/api/imports/{other}/rows/{batch.rows.get().pk}/").status_code == 404


def test_the_selector_shows_imports_to_supervisors_only(
    batch: ImportBatch, supervisor: Any, caseworker: Any, family_user: Any
) -> None:
    assert list(imports_visible_to(supervisor)) == [batch]
    assert not imports_visible_to(caseworker).exists()
    assert not imports_visible_to(family_user).exists()


def test_the_services_refuse_a_caseworker(batch: ImportBatch, caseworker: Any) -> None:
    from cases.errors import NotAllowed
    from cases.imports import services

    calls: list[Callable[[], Any]] = [
        lambda: services.import_create(
            actor=caseworker, file_name="x.csv", data=csv_bytes(LIST), source="icrc",
            purpose="capture_report",
        ),
        lambda: services.import_row_decide(row=batch.rows.get(), actor=caseworker, action="skip"),
        lambda: services.import_accept_matched(batch=batch, actor=caseworker),
        lambda: services.import_apply(batch=batch, actor=caseworker),
    ]  # fmt: skip
    for call in calls:
        with pytest.raises(NotAllowed):
            call()
