"""/api/cases/{id}/detention-events/: record and read, staff only."""

from __future__ import annotations

import pytest

URL = "/api/cases/{}/detention-events/"
HEALTH = {"type": "health", "occurred_on": "2021-01-05", "source": "icrc", "health": "sick"}


def test_a_caseworker_records_a_health_report_and_reads_it_back(cw, case):
    response = cw.post(URL.format(case.pk), {**HEALTH, "share_with_family": True}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["type"], body["health"], body["recorded_by"]) == (
        "health",
        "sick",
        "anna.caseworker",
    )
    listed = cw.get(URL.format(case.pk)).json()
    assert [e["id"] for e in listed["results"]] == [body["id"]]
    kinds = [e["kind"] for e in cw.get(f"/api/cases/{case.pk}/timeline/").json()["results"]]
    assert kinds[0] == "detention_event"


def test_a_field_the_type_does_not_carry_is_a_400_naming_it(cw, case):
    response = cw.post(URL.format(case.pk), {**HEALTH, "cause_of_death": "x"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["cause_of_death"]


def test_an_unknown_health_word_is_a_400_naming_the_field(cw, case):
    response = cw.post(URL.format(case.pk), {**HEALTH, "health": "fine"}, format="json")
    assert response.status_code == 400
    assert "health" in response.json()


def test_an_unknown_case_is_a_404(cw, db):
    assert cw.post(URL.format(999999), HEALTH, format="json").status_code == 404
    assert cw.get(URL.format("abc")).status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
def test_families_and_outsiders_are_refused_and_anonymous_is_401(
    method, fam, anon, as_user, outsider, case
):
    for client, code in ((fam, 403), (as_user(outsider), 403), (anon, 401)):
        response = getattr(client, method)(URL.format(case.pk), HEALTH, format="json")
        assert response.status_code == code
