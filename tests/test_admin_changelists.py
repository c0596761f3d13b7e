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
