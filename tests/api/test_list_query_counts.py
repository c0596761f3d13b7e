"""Every list endpoint costs the same number of queries whatever its rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases import services as case_services
from cases.models import CaseEvent
from families import services as family_services
from families.models import Notification
from tests.api.conftest import token_client
from tests.listing_rows import make_rows

pytestmark = pytest.mark.django_db

STAFF_LISTS = [
    "/api/cases/",
    "/api/capture-reports/",
    "/api/transitions/",
    "/api/exchanges/",
    "/api/family-members/",
    "/api/notifications/",
]


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries)


@pytest.mark.parametrize("url", STAFF_LISTS)
def test_a_staff_list_does_not_query_once_per_row(url, make_case, caseworker):
    client = token_client(caseworker)
    make_rows(make_case, caseworker, 2)
    few = _count(client, url)
    make_rows(make_case, caseworker, 8)
    assert _count(client, url) == few


def _more_news(member, make_case, caseworker, n):
    for _ in range(n):
        case = make_case()
        family_services.family_member_update(
            member=member,
            actor=caseworker,
            links=[{"case": case, "relationship": "mother", "verified": True}],
        )
        case_services.case_transition(case=case, actor=caseworker, to_status="detained")
        Notification.objects.get_or_create(
            event=CaseEvent.objects.filter(case=case).first(),
            member=member,
            channel="email",
            defaults={"language": "hy", "body_text": "x"},
        )


@pytest.mark.parametrize("url", ["/api/family/cases/", "/api/family/notifications/"])
def test_a_family_list_does_not_query_once_per_row(url, make_case, caseworker):
    (member,) = make_rows(make_case, caseworker, 1)
    member.refresh_from_db()
    client = token_client(member.user)
    few = _count(client, url)
    _more_news(member, make_case, caseworker, 8)
    assert _count(client, url) == few
