"""Admin changelists cost the same number of queries whatever their rows:
no per-row query (N+1) behind a column."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.listing_rows import make_rows

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "admin:cases_missingperson_changelist",
    "admin:cases_capturereport_changelist",
    "admin:cases_pendingtransition_changelist",
    "admin:cases_exchange_changelist",
    "admin:cases_caseevent_changelist",
    "admin:families_familymember_changelist",
    "admin:families_notification_changelist",
    "admin:bureau_exportrecord_changelist",
    "admin:bureau_caseaccess_changelist",
]


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(url))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", CHANGELISTS)
def test_a_changelist_does_not_query_once_per_row(url, make_case, caseworker, supervisor):
    supervisor.is_staff = True
    supervisor.is_superuser = True  # sees every model, as an admin does
    supervisor.save()
    client = Client()
    client.force_login(supervisor)
    make_rows(make_case, caseworker, 2)
    few = _count(client, url)
    make_rows(make_case, caseworker, 8)
    assert _count(client, url) == few


def _case_page_queries(client, case) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:cases_missingperson_change", args=[case.pk]))
    assert response.status_code == 200
    return len(queries)


def test_a_case_page_does_not_query_once_per_timeline_row_or_transition(
    make_case, caseworker, supervisor, other_supervisor
):
    from cases import services

    supervisor.is_staff = True
    supervisor.save()
    client = Client()
    client.force_login(supervisor)

    def asked_and_rejected(case) -> None:
        asked = services.case_transition(case=case, actor=caseworker, to_status="deceased")
        services.transition_reject(transition_id=asked.pending.pk, actor=other_supervisor)

    case = make_case()
    asked_and_rejected(case)
    _case_page_queries(client, case)  # warm the per-process caches (content types)
    few = _case_page_queries(client, case)
    for _ in range(4):
        asked_and_rejected(case)
    assert _case_page_queries(client, case) == few
