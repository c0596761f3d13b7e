"""The Geneva record on a case: the new fields, and who told us each fact."""

from __future__ import annotations

from tests.api.conftest import etag_of


def test_the_record_fields_are_written_and_read_back(cw, case):
    body = {
        "sex": "male",
        "citizenship": "Armenia",
        "mother_maiden_name": "Sargsyan",
        "father_first_name": "Karen",
        "legal_status": "prisoner_of_war",
    }
    response = cw.patch(
        f"/api/cases/{case.pk}/", body, format="json", HTTP_IF_MATCH=etag_of(cw, case.pk)
    )
    assert response.status_code == 200, response.json()
    assert {k: response.json()[k] for k in body} == body


def test_a_named_source_is_kept_per_field_with_who_entered_it(cw, case):
    response = cw.patch(
        f"/api/cases/{case.pk}/",
        {
            "legal_status": "detained_on_criminal_charges",
            "sources": {
                "legal_status": {
                    "source": "detaining_power",
                    "detail": "Prosecutor's statement",
                    "on": "2021-01-20",
                }
            },
        },
        format="json",
        HTTP_IF_MATCH=etag_of(cw, case.pk),
    )
    assert response.status_code == 200, response.json()
    entry = response.json()["provenance"]["legal_status"]
    assert entry["source"] == "detaining_power"
    assert entry["detail"] == "Prosecutor's statement"
    assert entry["on"] == "2021-01-20"
    assert entry["by"] == "anna.caseworker"


def test_a_fact_changed_without_a_source_still_records_who_entered_it(cw, case):
    response = cw.patch(
        f"/api/cases/{case.pk}/",
        {"citizenship": "Armenia"},
        format="json",
        HTTP_IF_MATCH=etag_of(cw, case.pk),
    )
    entry = response.json()["provenance"]["citizenship"]
    assert (entry["source"], entry["by"]) == ("", "anna.caseworker")


def test_a_second_source_confirming_a_value_is_recorded_without_a_change(cw, case):
    response = cw.patch(
        f"/api/cases/{case.pk}/",
        {"sources": {"service_number": {"source": "icrc"}}},
        format="json",
        HTTP_IF_MATCH=etag_of(cw, case.pk),
    )
    assert response.status_code == 200
    assert response.json()["provenance"]["service_number"]["source"] == "icrc"
    assert response.json()["version"] == 2


def test_a_bad_source_is_a_400_naming_the_field(cw, case):
    etag = etag_of(cw, case.pk)
    for sources, key in (
        ({"legal_status": {"source": "rumour"}}, "sources"),
        ({"caseworker": {"source": "icrc"}}, "sources.caseworker"),
        ({"legal_status": {"source": "icrc", "on": "2999-01-01"}}, "sources.legal_status"),
    ):
        response = cw.patch(
            f"/api/cases/{case.pk}/", {"sources": sources}, format="json", HTTP_IF_MATCH=etag
        )
        assert response.status_code == 400, sources
        assert key in response.json()


def test_an_unknown_legal_status_is_a_400(cw, case):
    response = cw.patch(
        f"/api/cases/{case.pk}/",
        {"legal_status": "hostage"},
        format="json",
        HTTP_IF_MATCH=etag_of(cw, case.pk),
    )
    assert response.status_code == 400
    assert "legal_status" in response.json()


def test_provenance_is_read_only(cw, case):
    response = cw.patch(
        f"/api/cases/{case.pk}/",
        {"provenance": {}},
        format="json",
        HTTP_IF_MATCH=etag_of(cw, case.pk),
    )
    assert response.status_code == 400
    assert "provenance" in response.json()


def test_opening_a_case_records_its_sources(cw, db):
    response = cw.post(
        "/api/cases/",
        {
            "given_name": "Narek",
            "family_name": "Avagyan",
            "mother_maiden_name": "Petrosyan",
            "sources": {"mother_maiden_name": {"source": "family", "detail": "his sister"}},
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    provenance = response.json()["provenance"]
    assert provenance["mother_maiden_name"]["source"] == "family"
    assert provenance["given_name"]["source"] == ""  # entered, no source named
    assert "sources" not in response.json()
