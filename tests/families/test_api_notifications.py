"""What was sent: relatives read their own messages; staff follow up
deliveries and failures."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from cases import services as case_services
from cases.models import CaseEvent
from families.models import DeliveryAttempt, Notification

from .conftest import api_as


def _notify(member, case, *, channel="email", status="sent", error=""):
    event = CaseEvent.objects.filter(case=case).first()
    notification = Notification.objects.create(
        event=event,
        member=member,
        channel=channel,
        language=member.language,
        subject=f"News about case {case.case_number}",
        body_text=f"Case {case.case_number}: there is news.",
        status=status,
        attempts=1,
        last_error=error,
        sent_at=timezone.now() if status == "sent" else None,
    )
    DeliveryAttempt.objects.create(
        notification=notification,
        started_at=timezone.now() - timedelta(seconds=3),
        duration_ms=120,
        outcome="sent" if status == "sent" else "permanent_error",
        error=error,
    )
    return notification


@pytest.fixture
def sent_and_failed(member, case, other_member, other_case):
    return {
        "mine_sent": _notify(member, case),
        "mine_failed": _notify(member, case, channel="sms", status="failed", error="bad number"),
        "theirs": _notify(other_member, other_case, status="failed", error="mailbox full"),
    }


def test_a_relative_reads_what_was_sent_to_them(family_api, sent_and_failed, case):
    response = family_api.get("/api/family/notifications/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    ids = {n["id"] for n in body["results"]}
    assert ids == {sent_and_failed["mine_sent"].pk, sent_and_failed["mine_failed"].pk}
    first = body["results"][0]
    assert set(first) == {
        "id",
        "at",
        "case_number",
        "channel",
        "subject",
        "body",
        "status",
        "sent_at",
    }
    assert first["case_number"] == case.case_number


def test_a_relative_never_reads_another_familys_messages(family_api, sent_and_failed):
    text = family_api.get("/api/family/notifications/").content.decode()
    assert "mailbox full" not in text
    assert str(sent_and_failed["theirs"].event.case.case_number) not in text


def test_a_relatives_messages_are_paginated(family_api, member, case, make_case, caseworker):
    for n in range(3):
        event = case_services.case_note_add(
            case=case, actor=caseworker, text=f"note {n}", family_visible=False
        )
        Notification.objects.create(
            event=event, member=member, channel="email", language="hy", body_text="x"
        )
    body = family_api.get("/api/family/notifications/", {"page_size": 2}).json()
    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"]


def test_staff_read_a_relatives_deliveries_with_every_attempt(staff_api, member, sent_and_failed):
    response = staff_api.get(f"/api/family-members/{member.pk}/notifications/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    failed = next(n for n in body["results"] if n["status"] == "failed")
    assert failed["last_error"] == "bad number"
    (attempt,) = failed["attempts"]
    assert attempt["outcome"] == "permanent_error"
    assert attempt["error"] == "bad number"
    assert attempt["started_at"]


def test_staff_list_failed_deliveries_to_follow_up(supervisor_api, sent_and_failed):
    response = supervisor_api.get("/api/notifications/", {"status": "failed"})
    assert response.status_code == 200
    ids = {n["id"] for n in response.json()["results"]}
    assert ids == {sent_and_failed["mine_failed"].pk, sent_and_failed["theirs"].pk}
    assert all(n["member_name"] for n in response.json()["results"])


def test_an_unknown_status_filter_is_400_naming_status(staff_api, db):
    response = staff_api.get("/api/notifications/", {"status": "lost"})
    assert response.status_code == 400
    assert "status" in response.json()


def test_staff_are_403_on_the_familys_messages(staff_api, db):
    assert staff_api.get("/api/family/notifications/").status_code == 403


def test_family_members_are_403_on_staff_delivery_lists(member, sent_and_failed):
    client = api_as(member.user)
    assert client.get("/api/notifications/", {"status": "failed"}).status_code == 403
    assert client.get(f"/api/family-members/{member.pk}/notifications/").status_code == 403


def test_anonymous_is_401_on_every_delivery_list(anonymous_api, member):
    for url in (
        "/api/family/notifications/",
        "/api/notifications/",
        f"/api/family-members/{member.pk}/notifications/",
    ):
        assert anonymous_api.get(url).status_code == 401, url


def test_a_message_withdrawn_before_sending_is_not_in_the_relatives_list(
    family_api, member, case, sent_and_failed
):
    withdrawn = _notify(member, case, channel="webhook", status="cancelled")
    response = family_api.get("/api/family/notifications/")
    ids = {n["id"] for n in response.json()["results"]}
    assert withdrawn.pk not in ids
    assert sent_and_failed["mine_sent"].pk in ids
