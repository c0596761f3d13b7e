"""Rows of every kind a list shows, for tests that count queries per page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.contrib.auth.models import User

from cases import services as case_services
from cases.bureau.services import case_access_record, export_record
from cases.models import CaseEvent
from families import services as family_services
from families.models import FamilyMember, Notification


def make_rows(make_case: Callable[..., Any], caseworker: User, n: int) -> list[FamilyMember]:
    """n of everything a list shows, relatives with accounts included."""
    start = FamilyMember.objects.count()
    members = []
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
        # The bureau's audit rows: a case opened, a document sealed.
        case_access_record(user=caseworker, case_ids=[case.pk], via="page")
        export_record(
            actor=caseworker,
            kind="capture_card",
            content=b"%PDF",
            filename=f"card-{i}.pdf",
            content_type="application/pdf",
            case=case,
        )
        members.append(member)
    return members
