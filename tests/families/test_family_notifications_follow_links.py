"""The messages a relative reads follow their verified links: a link made by
mistake and un-verified takes its messages out of the portal too."""

from __future__ import annotations

from django.test import Client

from cases.models import CaseEvent
from families import services as family_services
from families.models import Notification

from .conftest import api_as


def _notify(member, case, text):
    event = CaseEvent.objects.filter(case=case).first()
    return Notification.objects.create(
        event=event, member=member, channel="email", language="hy", body_text=text, status="sent"
    )


def test_messages_about_a_case_whose_link_was_unverified_are_no_longer_shown(
    make_member, case, other_case, caseworker
):
    relative = make_member(case)
    family_services.family_member_update(
        member=relative,
        actor=caseworker,
        links=[{"case": other_case, "relationship": "father", "verified": True}],
    )
    _notify(relative, case, "About the right case.")
    _notify(relative, other_case, "About a case linked by mistake.")
    # The link to the other case was a mistake: it is un-verified.
    family_services.family_member_update(
        member=relative,
        actor=caseworker,
        links=[{"case": other_case, "relationship": "father", "verified": False}],
    )
    client = api_as(relative.user)
    bodies = [n["body"] for n in client.get("/api/family/notifications/").json()["results"]]
    assert bodies == ["About the right case."]
    browser = Client()
    browser.force_login(relative.user)
    page = browser.get("/family/").content.decode()
    assert "About the right case." in page
    assert "linked by mistake" not in page
    assert other_case.case_number not in page
