"""A relative's enquiry through the portal: only about their own case, seen
by staff on the timeline, answered by a caseworker, and flagged on Today
when it waits too long."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from cases.errors import InvalidInput
from families import selectors, services
from families.models import FamilyEnquiry

URL = "/api/family/enquiries/"


def test_a_relative_asks_about_their_case_and_staff_see_it_on_the_timeline(
    family_api, case, member
):
    response = family_api.post(
        URL, {"case_number": case.case_number, "text": "Is he in hospital?"}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["answer"] == ""
    event = case.events.get(kind="family_enquiry")
    assert event.family_visible is False
    assert event.data["enquiry_id"] == response.json()["id"]
    assert "hospital" not in event.summary  # the text stays with the enquiry


def test_another_familys_case_is_a_404_and_stores_nothing(family_api, other_case):
    response = family_api.post(
        URL, {"case_number": other_case.case_number, "text": "?"}, format="json"
    )
    assert response.status_code == 404
    assert not FamilyEnquiry.objects.exists()


def test_an_empty_enquiry_or_an_unknown_field_is_a_400_naming_it(family_api, case):
    response = family_api.post(URL, {"case_number": case.case_number, "text": "  "}, format="json")
    assert response.status_code == 400
    assert "text" in response.json()
    response = family_api.post(
        URL, {"case_number": case.case_number, "text": "x", "case": 1}, format="json"
    )
    assert response.status_code == 400
    assert "case" in response.json()


def test_a_caseworker_answers_and_the_relative_reads_the_answer(
    family_api, staff_api, case, member
):
    enquiry = services.family_enquiry_submit(
        member=member, case_number=case.case_number, text="Any news?"
    )
    waiting = staff_api.get("/api/enquiries/?unanswered=true").json()["results"]
    assert [e["id"] for e in waiting] == [enquiry.pk]
    response = staff_api.post(
        f"/api/enquiries/{enquiry.pk}/answer/", {"answer": "Called her back."}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["answered_by"] == "anna.caseworker"
    (mine,) = family_api.get(URL).json()["results"]
    assert mine["answer"] == "Called her back."
    assert staff_api.get("/api/enquiries/?unanswered=true").json()["results"] == []
    again = staff_api.post(
        f"/api/enquiries/{enquiry.pk}/answer/", {"answer": "again"}, format="json"
    )
    assert again.status_code == 409


def test_a_relative_reads_only_their_own_enquiries(
    make_member, case, member, other_member, other_case
):
    services.family_enquiry_submit(member=member, case_number=case.case_number, text="mine")
    services.family_enquiry_submit(
        member=other_member, case_number=other_case.case_number, text="theirs"
    )
    assert [e.text for e in selectors.family_enquiries(member)] == ["mine"]


def test_an_enquiry_unanswered_past_the_set_hours_is_on_today(
    caseworker, case, member, settings, django_assert_num_queries: Any
):
    settings.FAMILY_ENQUIRY_ANSWER_HOURS = 48
    old = services.family_enquiry_submit(member=member, case_number=case.case_number, text="a")
    services.family_enquiry_submit(member=member, case_number=case.case_number, text="b")
    FamilyEnquiry.objects.filter(pk=old.pk).update(
        submitted_at=timezone.now() - timedelta(hours=49)
    )
    with django_assert_num_queries(1):  # the queue (the role was read once already)
        assert [e.pk for e in selectors.enquiries_overdue(user=caseworker)] == [old.pk]
    services.family_enquiry_answer(enquiry_id=old.pk, actor=caseworker, answer="done")
    assert list(selectors.enquiries_overdue(user=caseworker)) == []


@pytest.mark.parametrize(
    ("method", "url"),
    [("get", "/api/enquiries/"), ("post", "/api/enquiries/1/answer/")],
)
def test_staff_endpoints_refuse_families_and_anonymous(
    family_api, anonymous_api, method, url, member
):
    assert getattr(family_api, method)(url, {"answer": "x"}, format="json").status_code == 403
    assert getattr(anonymous_api, method)(url, {"answer": "x"}, format="json").status_code == 401


def test_the_family_endpoint_refuses_staff_and_anonymous(staff_api, anonymous_api, case):
    body = {"case_number": case.case_number, "text": "x"}
    assert staff_api.post(URL, body, format="json").status_code == 403
    assert anonymous_api.get(URL).status_code == 401


def test_an_answer_the_family_reads_carries_no_invisible_character(staff_api, case, member):
    enquiry = services.family_enquiry_submit(
        member=member, case_number=case.case_number, text="Any\u200b news?"
    )
    assert enquiry.text == "Any news?"
    response = staff_api.post(
        f"/api/enquiries/{enquiry.pk}/answer/",
        {"answer": "Call\u202e us"},
        format="json",
    )
    assert response.status_code == 200
    enquiry.refresh_from_db()
    assert enquiry.answer == "Call us"
    with pytest.raises(InvalidInput):
        services.family_enquiry_submit(member=member, case_number=case.case_number, text="a\x07b")
