"""Admin changelists cost the same number of queries whatever their rows:
no per-row query (N+1) behind a column."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases import services as case_services
from cases.models import CaseEvent
from families import services as family_services
from families.models import FamilyMember, Notification

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


def _rows(make_case, caseworker, n):
    """n of everything a changelist lists, relatives with accounts included."""
    start = FamilyMember.objects.count()
    for i in range(n):
        case = make_case()
        case_services.case_transition(case=case, actor=caseworker, to_status="deceased")
        case_services.capture_report_add(
            actor=caseworker,
            case=case,
            source="icrc",
            reported_on=date(2021, 1, 1),
            name_as_reported="A. H.",
        )
        member = family_services.family_member_create(
            actor=caseworker,
            links=[{"case": case, "relationship": "mother", "verified": True}],
            full_name=f"Relative {start + i}",
            email=f"r{start + i}@example.org",
            channels=["email"],
        )
        user = User.objects.create_user(username=f"family{start + i}", password="x-long-pass-1")
        FamilyMember.objects.filter(pk=member.pk).update(user=user)
        Notification.objects.get_or_create(
            event=CaseEvent.objects.filter(case=case).first(),
            member=member,
            channel="email",
            defaults={"language": "hy", "body_text": "x"},
        )


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
    _rows(make_case, caseworker, 2)
    few = _count(client, url)
    _rows(make_case, caseworker, 8)
    assert _count(client, url) == few
