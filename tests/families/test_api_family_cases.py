"""/api/family/cases/: a relative reads their own cases, as the family
projection, and nothing else."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases import services as case_services
from families.labels import AWAITING_CONTACT, status_label

from .conftest import api_as

URL = "/api/family/cases/"


def test_a_relative_sees_their_case_in_their_language(family_api, case, caseworker, settings):
    settings.HOTLINE_PHONE = "+374 10 000001"
    case_services.case_transition(case=case, actor=caseworker, to_status="capture_reported")
    response = family_api.get(URL)
    assert response.status_code == 200
    assert response.json()["count"] == 1
    (item,) = response.json()["results"]
    assert set(item) == {
        "case_number",
        "name",
        "status",
        "status_label",
        "status_meaning",
        "status_next",
        "status_changed_at",
        "caseworker",
        "updates",
    }
    assert item["case_number"] == case.case_number
    # The relative reads Armenian: the registered Latin name in Armenian letters.
    assert item["name"] == case.given_name.replace("Armen", "Արմեն") + " Կարենի Հովհաննիսյան"
    assert item["status"] == "capture_reported"
    assert item["status_label"] == status_label("capture_reported", "hy")
    assert item["caseworker"]["phone"] == "+374 10 000001"
    assert item["updates"][0]["message"] == status_label("capture_reported", "hy")
    assert item["updates"][0]["at"]


def test_one_case_is_read_by_its_number(family_api, case):
    response = family_api.get(f"{URL}{case.case_number}/")
    assert response.status_code == 200
    assert response.json()["case_number"] == case.case_number


def test_another_familys_case_is_404(family_api, other_case, other_member):
    assert family_api.get(f"{URL}{other_case.case_number}/").status_code == 404
    listed = [c["case_number"] for c in family_api.get(URL).json()["results"]]
    assert other_case.case_number not in listed


def test_an_unverified_link_shows_nothing_and_is_404(make_member, case):
    client = api_as(make_member(case, verified=False).user)
    assert client.get(URL).json()["count"] == 0
    assert client.get(f"{URL}{case.case_number}/").status_code == 404


def test_an_unknown_case_number_is_404(family_api):
    assert family_api.get(f"{URL}MP-1999-99999/").status_code == 404


def test_anonymous_is_401(anonymous_api, case):
    assert anonymous_api.get(URL).status_code == 401
    assert anonymous_api.get(f"{URL}{case.case_number}/").status_code == 401


def test_staff_are_403_they_are_not_family_members(staff_api, supervisor_api, case, member):
    for client in (staff_api, supervisor_api):
        assert client.get(URL).status_code == 403
        assert client.get(f"{URL}{case.case_number}/").status_code == 403


def test_a_death_not_yet_told_in_person_reads_as_awaiting_contact(
    family_api, case, caseworker, supervisor
):
    outcome = case_services.case_transition(case=case, actor=caseworker, to_status="deceased")
    case_services.transition_confirm(transition_id=outcome.pending.pk, actor=supervisor)
    item = family_api.get(f"{URL}{case.case_number}/").json()
    assert item["status"] == "awaiting_contact"
    assert item["status_label"] == status_label(AWAITING_CONTACT, "hy")
    text = json.dumps(item, ensure_ascii=False)
    assert "deceased" not in text
    assert status_label("deceased", "hy") not in text


@pytest.fixture
def case_with_everything(case, caseworker):
    """A case with every kind of thing a family must not read, and a few
    they must."""
    case_services.case_transition(
        case=case, actor=caseworker, to_status="capture_reported", note="TRANSITION-NOTE"
    )
    report = {"case": case, "reported_on": date(2020, 11, 20), "name_as_reported": "A. H."}
    case_services.capture_report_add(
        actor=caseworker,
        source="witness",
        source_detail="SOURCE-DETAIL-NEIGHBOUR",
        notes="REPORT-NOTES",
        captured_on=date(2020, 11, 9),
        place_of_detention="Baku",
        share_with_family=True,
        **report,
    )
    case_services.capture_report_add(
        actor=caseworker,
        source="detaining_power",
        place_of_detention="UNSHARED-PLACE",
        share_with_family=False,
        **report,
    )
    case_services.case_note_add(
        case=case, actor=caseworker, text="CASEWORKER-ONLY-NOTE", family_visible=False
    )
    case_services.case_note_add(
        case=case, actor=caseworker, text="We called the ICRC today.", family_visible=True
    )
    case_services.case_transition(case=case, actor=caseworker, to_status="detained")
    case_services.case_transition(
        case=case, actor=caseworker, to_status="deceased", note="PENDING-DEATH-NOTE"
    )
    return case


def test_the_projection_never_leaks_what_families_must_not_read(family_api, case_with_everything):
    response = family_api.get(f"{URL}{case_with_everything.case_number}/")
    assert response.status_code == 200
    text = json.dumps(response.json(), ensure_ascii=False)
    for secret in (
        "witness",
        "detaining_power",
        "source",
        "SOURCE-DETAIL-NEIGHBOUR",
        "REPORT-NOTES",
        "UNSHARED-PLACE",
        "CASEWORKER-ONLY-NOTE",
        "TRANSITION-NOTE",
        "PENDING-DEATH-NOTE",
        "deceased",
        status_label("deceased", "hy"),
        status_label(AWAITING_CONTACT, "hy"),
    ):
        assert secret not in text, secret
    body = response.json()
    assert body["status"] == "detained"
    messages = [u["message"] for u in body["updates"]]
    assert messages[0] == status_label("detained", "hy")
    assert "We called the ICRC today." in messages
    assert any("Baku" in m and "09.11.2020" in m for m in messages)
    assert len(messages) == 4  # detained, note, shared report, capture_reported
    assert text == json.dumps(family_api.get(URL).json()["results"][0], ensure_ascii=False)


def test_other_relatives_of_the_same_case_are_never_named(family_api, make_member, case):
    make_member(case, full_name="Sister Lusine", email="lusine@example.org")
    text = family_api.get(URL).content.decode()
    assert "Lusine" not in text
    assert "lusine@example.org" not in text


def _add_case_with_updates(make_case, make_member_link, caseworker, updates):
    case = make_case()
    make_member_link(case)
    for n in range(updates):
        case_services.case_note_add(
            case=case, actor=caseworker, text=f"update {n}", family_visible=True
        )
    case_services.capture_report_add(
        actor=caseworker,
        case=case,
        source="icrc",
        reported_on=date(2020, 11, 20),
        name_as_reported="A. H.",
        share_with_family=True,
    )
    return case


def test_the_number_of_queries_does_not_grow_with_cases_or_updates(
    member, make_case, caseworker, caseworker_link, django_assert_num_queries
):
    client = api_as(member.user)
    _add_case_with_updates(make_case, caseworker_link, caseworker, updates=1)
    client.get(URL)  # warm the user's cached relations
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).json()["count"] == 2
    # count, the page of cases (with caseworkers), their spellings (the name
    # in the reader's script), their events, their reports
    assert len(few.captured_queries) == 5
    for _ in range(4):
        _add_case_with_updates(make_case, caseworker_link, caseworker, updates=5)
    with django_assert_num_queries(len(few.captured_queries)):
        body = client.get(URL).json()
    assert body["count"] == 6
    assert sum(len(c["updates"]) for c in body["results"]) == 2 + 4 * 6


@pytest.fixture
def caseworker_link(member, caseworker):
    from families import services

    def _link(case):
        services.family_member_update(
            member=member,
            actor=caseworker,
            links=[{"case": case, "relationship": "mother", "verified": True}],
        )

    return _link
