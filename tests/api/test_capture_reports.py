"""Capture reports: recording, filtering, correcting and linking."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from cases.models import CaptureReport, MissingPerson

REPORT = {
    "source": "icrc",
    "source_detail": "ICRC visit, Baku, list 3",
    "reported_on": "2020-12-20",
    "captured_on": "2020-11-09",
    "place_of_detention": "Baku",
    "name_as_reported": "Ovanes Oganesyan",
    "patronymic_as_reported": "Karen",
    "service_number_as_reported": "SN-1",
    "verification": "confirmed",
    "share_with_family": True,
}


def test_a_report_is_recorded_on_its_case(cw: APIClient, case: MissingPerson) -> None:
    response = cw.post("/api/capture-reports/", {**REPORT, "case": case.pk})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["case"] == case.pk
    assert body["created_by"] == "anna.caseworker"
    event = case.events.get(kind="capture_report_added")
    assert event.family_visible is True
    assert event.data["report_id"] == body["id"]


def test_a_report_may_stand_without_a_case(cw: APIClient) -> None:
    response = cw.post("/api/capture-reports/", {**REPORT, "verification": "unverified"})
    assert response.status_code == 201
    assert response.json()["case"] is None


def test_reports_are_filtered(cw: APIClient, case: MissingPerson) -> None:
    linked = cw.post("/api/capture-reports/", {**REPORT, "case": case.pk}).json()
    loose = cw.post("/api/capture-reports/", {**REPORT, "source": "media"}).json()

    def ids(**params: Any) -> set[int]:
        response = cw.get("/api/capture-reports/", params)
        assert response.status_code == 200
        return {r["id"] for r in response.json()["results"]}

    assert ids() == {linked["id"], loose["id"]}
    assert ids(case=case.pk) == {linked["id"]}
    assert ids(unlinked="true") == {loose["id"]}
    assert ids(unlinked="false") == {linked["id"]}
    assert ids(source="media") == {loose["id"]}
    assert ids(verification="refuted") == set()


@pytest.mark.parametrize(
    "params",
    [{"source": "rumour"}, {"verification": "likely"}, {"case": "x"}, {"case": str(10**30)}],
)
def test_a_bad_report_filter_is_400_naming_it(cw: APIClient, params: dict) -> None:
    response = cw.get("/api/capture-reports/", params)
    assert response.status_code == 400
    assert set(params) <= set(response.json())


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"source": "rumour"}, "source"),
        ({"verification": "maybe"}, "verification"),
        ({"reported_on": None}, "reported_on"),
        ({"name_as_reported": ""}, "name_as_reported"),
        ({"name_as_reported": "x" * 301}, "name_as_reported"),
        ({"case": 999999}, "case"),
        ({"case": "one"}, "case"),
        ({"share_with_family": "perhaps"}, "share_with_family"),
        ({"created_by": 1}, "created_by"),
        ({"photo": "x"}, "photo"),
    ],
)
def test_bad_report_input_is_400_naming_the_field(cw: APIClient, change: dict, field: str) -> None:
    response = cw.post("/api/capture-reports/", {**REPORT, **change})
    assert response.status_code == 400
    assert field in response.json()
    assert not CaptureReport.objects.exists()


@pytest.mark.parametrize("field", ["reported_on", "captured_on", "date_of_birth_as_reported"])
def test_a_report_date_in_the_future_is_refused(cw: APIClient, field: str) -> None:
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = cw.post("/api/capture-reports/", {**REPORT, field: tomorrow})
    assert response.status_code == 400
    assert field in response.json()


def test_one_report_is_read_by_id(cw: APIClient) -> None:
    created = cw.post("/api/capture-reports/", REPORT).json()
    response = cw.get(f"/api/capture-reports/{created['id']}/")
    assert response.status_code == 200
    assert response.json() == created
    assert cw.get("/api/capture-reports/999999/").status_code == 404


def test_linking_a_report_puts_it_on_the_case_timeline(cw: APIClient, case: MissingPerson) -> None:
    report = cw.post("/api/capture-reports/", REPORT).json()
    response = cw.patch(f"/api/capture-reports/{report['id']}/", {"case": case.pk})
    assert response.status_code == 200
    assert response.json()["case"] == case.pk
    assert case.events.filter(kind="capture_report_added").count() == 1


def test_correcting_a_report_names_the_fields_changed(cw: APIClient, case: MissingPerson) -> None:
    report = cw.post("/api/capture-reports/", {**REPORT, "case": case.pk}).json()
    response = cw.patch(f"/api/capture-reports/{report['id']}/", {"health": "wounded, arm"})
    assert response.status_code == 200
    event = case.events.get(kind="capture_report_updated")
    assert event.data["fields"] == ["health"]


def test_a_bad_report_patch_is_400_naming_the_field(cw: APIClient) -> None:
    report = cw.post("/api/capture-reports/", REPORT).json()
    for body, field in (
        ({"verification": "maybe"}, "verification"),
        ({"id": 5}, "id"),
        ({"colour": "x"}, "colour"),
        ({"captured_on": "2999-01-01"}, "captured_on"),
    ):
        response = cw.patch(f"/api/capture-reports/{report['id']}/", body)
        assert response.status_code == 400, body
        assert field in response.json(), body
