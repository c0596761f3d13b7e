"""The case list, the timeline and the exchange list run a fixed number of
queries whatever the page size."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from rest_framework.test import APIClient

from cases import services
from cases.models import CaseEvent, MissingPerson
from cases.services.spellings import case_name_spellings, case_spellings_record
from cases.status import Status

# token lookup (with its user), the user's groups, the count, the page.
LIST_QUERIES = 4
# token, groups, the case, the access log's one INSERT, the count, the page of
# events with their actors.
TIMELINE_QUERIES = 6


@pytest.fixture
def many_cases(caseworker: User) -> list[MissingPerson]:
    now = timezone.now()
    cases = MissingPerson.objects.bulk_create(
        MissingPerson(
            case_number=f"MP-2020-{n:05d}",
            given_name=f"Given{n}",
            family_name="Family",
            service_number=f"QC-{n}",
            status=Status.DETAINED if n % 2 else Status.MISSING,
            status_changed_at=now,
            caseworker=caseworker,
        )
        for n in range(1, 221)
    )
    for case in cases:  # what case_open writes besides the case: its spellings
        case_spellings_record(case=case, spellings=case_name_spellings(case), actor=caseworker)
    return cases


@pytest.fixture
def long_timeline(case: MissingPerson, caseworker: User, other_caseworker: User) -> MissingPerson:
    now = timezone.now()
    CaseEvent.objects.bulk_create(
        CaseEvent(
            case=case,
            kind="note",
            actor=caseworker if n % 2 else other_caseworker,
            at=now + timedelta(seconds=n),
            summary=f"note {n}",
            data={"text": f"note {n}"},
        )
        for n in range(220)
    )
    return case


@pytest.mark.parametrize("page_size", [5, 200])
def test_the_case_list_runs_a_fixed_number_of_queries(
    cw: APIClient,
    many_cases: list[MissingPerson],
    page_size: int,
    django_assert_num_queries: Any,
) -> None:
    with django_assert_num_queries(LIST_QUERIES):
        response = cw.get("/api/cases/", {"page_size": page_size, "ordering": "-status_changed_at"})
    assert len(response.json()["results"]) == page_size


def test_a_page_holds_at_most_200_cases(cw: APIClient, many_cases: list[MissingPerson]) -> None:
    body = cw.get("/api/cases/", {"page_size": 5000}).json()
    assert body["count"] == 220
    assert len(body["results"]) == 200
    assert len(cw.get("/api/cases/").json()["results"]) == 50  # the default


@pytest.mark.parametrize("page_size", [5, 200])
def test_a_filtered_search_runs_a_fixed_number_of_queries(
    cw: APIClient,
    many_cases: list[MissingPerson],
    page_size: int,
    django_assert_num_queries: Any,
) -> None:
    # a one-word name search reads the ranked ids first (cases.search)
    with django_assert_num_queries(LIST_QUERIES + 1):
        response = cw.get(
            "/api/cases/", {"page_size": page_size, "status": "detained", "q": "family"}
        )
    assert len(response.json()["results"]) == min(page_size, 110)


@pytest.mark.parametrize("page_size", [5, 200])
def test_the_timeline_runs_a_fixed_number_of_queries(
    cw: APIClient, long_timeline: MissingPerson, page_size: int, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(TIMELINE_QUERIES):
        response = cw.get(f"/api/cases/{long_timeline.pk}/timeline/", {"page_size": page_size})
    results = response.json()["results"]
    assert len(results) == page_size
    assert {r["actor"] for r in results} == {"anna.caseworker", "aram.caseworker"}


@pytest.mark.parametrize("listed", [1, 30])
def test_the_exchange_list_runs_a_fixed_number_of_queries(
    sup: APIClient,
    supervisor: User,
    many_cases: list[MissingPerson],
    listed: int,
    django_assert_num_queries: Any,
) -> None:
    for n in range(3):
        exchange = services.exchange_plan(actor=supervisor, name=f"exchange {n}")
        detained = [c for c in many_cases if c.status == Status.DETAINED]
        for case in detained[n * listed : (n + 1) * listed]:
            services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    # token, groups, count, page, the listings with their case numbers.
    with django_assert_num_queries(5):
        response = sup.get("/api/exchanges/")
    assert [len(x["listings"]) for x in response.json()["results"]] == [listed] * 3
