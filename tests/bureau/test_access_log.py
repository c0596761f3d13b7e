"""Who opened which case: recorded on every case read through the API and
the admin, one INSERT per request, read by supervisors per case and per
staff member."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from cases.bureau.models import CaseAccess
from cases.bureau.services import case_access_record
from cases.roles import is_caseworker

# token, groups, the case, the access log's INSERT.
RETRIEVE_QUERIES = 4


def test_opening_a_case_through_the_api_is_recorded(cw, caseworker, case):
    assert cw.get(f"/api/cases/{case.pk}/").status_code == 200
    access = CaseAccess.objects.get()
    assert (access.case, access.user, access.via) == (case, caseworker, "api")
    assert access.path == f"/api/cases/{case.pk}/"


def test_a_list_of_cases_records_no_access_and_refused_reads_none(cw, fam, case):
    assert cw.get("/api/cases/").status_code == 200
    assert fam.get(f"/api/cases/{case.pk}/").status_code == 403
    assert cw.get("/api/cases/999999/").status_code == 404
    assert not CaseAccess.objects.exists()


def test_opening_a_case_costs_one_insert(cw, case, django_assert_num_queries: Any):
    cw.get(f"/api/cases/{case.pk}/")  # warm the token
    with django_assert_num_queries(RETRIEVE_QUERIES) as captured:
        assert cw.get(f"/api/cases/{case.pk}/").status_code == 200
    inserts = [q for q in captured.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 1


def test_the_helper_writes_any_number_of_cases_in_one_insert(
    caseworker, make_case, django_assert_num_queries: Any
):
    ids = [make_case().pk for _ in range(30)]
    is_caseworker(caseworker)  # the role check reads the groups once per user object
    with django_assert_num_queries(1):
        assert case_access_record(user=caseworker, case_ids=ids, via="page") == 30


def test_the_helper_records_nothing_for_a_family_or_anonymous(family_user, case):
    assert case_access_record(user=family_user, case_ids=[case.pk], via="page") == 0
    assert case_access_record(user=AnonymousUser(), case_ids=[case.pk], via="page") == 0
    assert not CaseAccess.objects.exists()


def test_opening_a_case_in_the_admin_is_recorded(caseworker, case):
    client = Client()
    client.force_login(caseworker)
    caseworker.is_staff = True
    caseworker.save()
    response = client.get(reverse("admin:cases_missingperson_change", args=[case.pk]))
    assert response.status_code == 200
    assert CaseAccess.objects.get().via == "admin"


def test_supervisors_read_the_log_per_case_and_per_staff_member(
    sup, cw, caseworker, make_case, as_user, other_caseworker
):
    first, second = make_case(), make_case()
    cw.get(f"/api/cases/{first.pk}/")
    cw.get(f"/api/cases/{second.pk}/")
    as_user(other_caseworker).get(f"/api/cases/{first.pk}/")
    by_case = sup.get(f"/api/access-log/?case={first.pk}").json()["results"]
    assert [r["username"] for r in by_case] == ["aram.caseworker", "anna.caseworker"]
    by_user = sup.get(f"/api/access-log/?user={caseworker.pk}").json()["results"]
    assert [r["case_number"] for r in by_user] == [second.case_number, first.case_number]


def test_reading_the_log_costs_a_fixed_number_of_queries(
    sup, cw, make_case, django_assert_num_queries: Any
):
    for _ in range(12):
        cw.get(f"/api/cases/{make_case().pk}/")
    sup.get("/api/access-log/")
    # token, groups, the count, the page (with its cases and users joined).
    with django_assert_num_queries(4):
        assert len(sup.get("/api/access-log/?page_size=50").json()["results"]) == 12


def test_a_bad_filter_is_a_400_naming_it(sup, db):
    response = sup.get("/api/access-log/?case=abc")
    assert response.status_code == 400
    assert "case" in response.json()


def test_only_supervisors_read_the_log(cw, fam, anon, db):
    assert cw.get("/api/access-log/").status_code == 403
    assert fam.get("/api/access-log/").status_code == 403
    assert anon.get("/api/access-log/").status_code == 401
