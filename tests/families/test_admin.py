"""The relatives' admin: writes through families.services; notifications read-only."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from families.models import FamilyLink, FamilyMember

pytestmark = pytest.mark.django_db


def _staff(user) -> Client:
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


def test_a_relative_added_in_the_admin_is_linked_through_the_service(case, caseworker) -> None:
    client = _staff(caseworker)
    response = client.post(
        reverse("admin:families_familymember_add"),
        {
            "full_name": "Anahit Hovhannisyan",
            "language": "hy",
            "channels": ["sms"],
            "phone": "+374 77 000000",
            "link_case": case.pk,
            "link_relationship": "mother",
            "link_verified": "on",
            "links-TOTAL_FORMS": 0,
            "links-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    member = FamilyMember.objects.get()
    link = FamilyLink.objects.get(member=member)
    assert link.verified
    assert link.verified_by == caseworker
    assert case.events.first().data["member_id"] == member.pk


def test_a_relative_without_the_contact_for_a_channel_is_refused_in_the_admin(
    caseworker,
) -> None:
    client = _staff(caseworker)
    response = client.post(
        reverse("admin:families_familymember_add"),
        {
            "full_name": "Anahit Hovhannisyan",
            "language": "hy",
            "channels": ["email"],
            "links-TOTAL_FORMS": 0,
            "links-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["email"] == ["Needed for the Email channel."]
    assert not FamilyMember.objects.exists()


def test_the_notification_list_filters_by_status(make_notification, caseworker) -> None:
    from families.models import Notification

    failed, sent = make_notification("email"), make_notification("sms")
    Notification.objects.filter(pk=failed.pk).update(status="failed")
    Notification.objects.filter(pk=sent.pk).update(status="sent")
    client = _staff(caseworker)
    changelist = reverse("admin:families_notification_changelist")

    response = client.get(changelist, {"status__exact": "failed"})

    assert response.status_code == 200
    assert [n.pk for n in response.context["cl"].result_list] == [failed.pk]
    everything = client.get(changelist).context["cl"].result_list
    assert {n.pk for n in everything} == set(Notification.objects.values_list("pk", flat=True))
    assert sent.pk in {n.pk for n in everything}


def test_a_notification_page_is_read_only_and_shows_its_attempts(case, caseworker) -> None:
    from django.utils import timezone

    from families.models import DeliveryAttempt, Notification
    from families.services import family_member_create

    member = family_member_create(
        actor=caseworker, full_name="Anahit Hovhannisyan", phone="+374 77 000000", channels=["sms"]
    )
    # Written directly: the notification pipeline is not what this test is about.
    notification = Notification.objects.create(
        event=case.events.get(),
        member=member,
        channel="sms",
        language="hy",
        body_text="Message",
        status="failed",
        attempts=1,
    )
    DeliveryAttempt.objects.create(
        notification=notification,
        started_at=timezone.now(),
        duration_ms=120,
        outcome="permanent_error",
        error="gateway refused the number",
    )
    client = _staff(caseworker)
    listing = client.get(
        reverse("admin:families_notification_changelist"), {"channel__exact": "sms"}
    )
    assert listing.status_code == 200
    assert case.case_number in listing.content.decode()
    page = client.get(reverse("admin:families_notification_change", args=[notification.pk]))
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert "gateway refused the number" in page.content.decode()
