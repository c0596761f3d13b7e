"""Writing relatives: links, verification, and what un-verifying stops."""

from __future__ import annotations

import pytest

from cases.errors import InvalidInput, NotAllowed
from cases.models import CaseEvent, EventKind
from families import services
from families.models import FamilyLink, Notification, NotificationStatus


def test_verifying_a_link_records_who_and_when(make_member, case, supervisor):
    relative = make_member(case, verified=False)
    link = FamilyLink.objects.get(member=relative, case=case)
    assert (link.verified_by, link.verified_at) == (None, None)

    services.family_member_update(
        member=relative,
        actor=supervisor,
        links=[{"case": case, "relationship": "mother", "verified": True}],
    )
    link.refresh_from_db()
    assert link.verified
    assert link.verified_by == supervisor
    assert link.verified_at is not None
    assert CaseEvent.objects.filter(
        case=case, kind=EventKind.UPDATED, data__link_id=link.pk, data__verified=True
    ).exists()


def test_re_verifying_keeps_the_first_verifier(member, case, supervisor):
    link = FamilyLink.objects.get(member=member, case=case)
    first = (link.verified_by_id, link.verified_at)
    services.family_member_update(
        member=member,
        actor=supervisor,
        links=[{"case": case, "relationship": "mother", "verified": True}],
    )
    link.refresh_from_db()
    assert (link.verified_by_id, link.verified_at) == first


def test_unverifying_forgets_the_verifier_and_cancels_waiting_news(member, case, caseworker):
    event = CaseEvent.objects.filter(case=case).first()
    waiting = Notification.objects.create(
        event=event, member=member, channel="email", language="hy", body_text="news"
    )
    sent = Notification.objects.create(
        event=event, member=member, channel="sms", language="hy", body_text="news", status="sent"
    )
    services.family_member_update(
        member=member,
        actor=caseworker,
        links=[{"case": case, "relationship": "mother", "verified": False}],
    )
    link = FamilyLink.objects.get(member=member, case=case)
    assert (link.verified, link.verified_by, link.verified_at) == (False, None, None)
    waiting.refresh_from_db()
    sent.refresh_from_db()
    assert waiting.status == NotificationStatus.CANCELLED
    assert "no longer verified" in waiting.last_error
    assert sent.status == NotificationStatus.SENT


def test_the_same_case_twice_in_links_is_refused(caseworker, case):
    with pytest.raises(InvalidInput) as err:
        services.family_member_create(
            actor=caseworker,
            full_name="X",
            links=[
                {"case": case, "relationship": "mother"},
                {"case": case, "relationship": "father"},
            ],
        )
    assert "links" in err.value.errors


def test_a_channel_needs_its_address(caseworker):
    with pytest.raises(InvalidInput) as err:
        services.family_member_create(actor=caseworker, full_name="X", channels=["sms"])
    assert "phone" in err.value.errors


def test_only_staff_write_relatives(member, outsider):
    with pytest.raises(NotAllowed):
        services.family_member_create(actor=member.user, full_name="X")
    with pytest.raises(NotAllowed):
        services.family_member_update(member=member, actor=outsider, full_name="Y")
