"""Invitations: one-time, expiring, hashed; a newer one supersedes the older."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from cases.errors import Conflict, InvalidInput, NotAllowed
from families import services
from families.models import FamilyMember, Invitation

GOOD_PASSWORD = "quiet-river-lantern-42"


def _token_from(message) -> str:
    match = re.search(r"/family/invite/([^/\s]+)/", message.body)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def invitee(make_member, case):
    return make_member(case, account=False, language="ru")


def _invite(member, actor):
    services.invitation_create(member=member, actor=actor)
    return _token_from(mail.outbox[-1])


def test_an_invitation_is_emailed_with_a_link_and_only_its_hash_is_stored(
    invitee, caseworker, settings
):
    settings.SITE_URL = "https://casemgr.example.am"
    invitation = services.invitation_create(member=invitee, actor=caseworker)

    (message,) = mail.outbox
    assert message.to == [invitee.email]
    assert message.subject == "Приглашение на семейный портал"
    assert "https://casemgr.example.am/family/invite/" in message.body
    token = _token_from(message)
    invitation.refresh_from_db()
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = " ".join(str(v) for row in Invitation.objects.values_list() for v in row)
    assert token not in stored
    assert invitation.created_by == caseworker


def test_an_invitation_expires_after_the_configured_hours(invitee, caseworker, settings):
    settings.INVITATION_TTL_HOURS = 5
    before = timezone.now()
    invitation = services.invitation_create(member=invitee, actor=caseworker)
    assert (
        before + timedelta(hours=5) <= invitation.expires_at <= timezone.now() + timedelta(hours=5)
    )


def test_a_relative_without_email_cannot_be_invited(make_member, case, caseworker):
    relative = make_member(case, account=False, email="", channels=[])
    with pytest.raises(InvalidInput) as err:
        services.invitation_create(member=relative, actor=caseworker)
    assert "email" in err.value.errors
    assert mail.outbox == []


def test_a_relative_who_has_an_account_is_not_invited_again(member, caseworker):
    with pytest.raises(Conflict):
        services.invitation_create(member=member, actor=caseworker)


def test_only_staff_invite(invitee, member):
    with pytest.raises(NotAllowed):
        services.invitation_create(member=invitee, actor=member.user)


def test_accepting_creates_a_plain_account_attached_to_the_relative(invitee, caseworker):
    token = _invite(invitee, caseworker)
    user = services.invitation_accept(token=token, username="mariam", password=GOOD_PASSWORD)

    invitee.refresh_from_db()
    assert invitee.user == user
    assert user.check_password(GOOD_PASSWORD)
    assert user.email == invitee.email
    assert not user.is_staff
    assert not user.is_superuser
    assert not user.groups.exists()
    assert Invitation.objects.get(member=invitee).used_at is not None


def test_an_invitation_is_accepted_only_once(invitee, caseworker):
    token = _invite(invitee, caseworker)
    services.invitation_accept(token=token, username="mariam", password=GOOD_PASSWORD)
    with pytest.raises(InvalidInput) as err:
        services.invitation_accept(token=token, username="mariam2", password=GOOD_PASSWORD)
    assert "already used" in err.value.errors["token"][0]


def test_an_expired_invitation_is_refused(invitee, caseworker):
    token = _invite(invitee, caseworker)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(InvalidInput) as err:
        services.invitation_accept(token=token, username="mariam", password=GOOD_PASSWORD)
    assert "expired" in err.value.errors["token"][0]
    assert FamilyMember.objects.get(pk=invitee.pk).user is None


@pytest.mark.parametrize("token", ["", "not-a-token", "x" * 500, None, 42])
def test_an_unknown_token_is_refused(db, token):
    with pytest.raises(InvalidInput) as err:
        services.invitation_accept(token=token, username="mariam", password=GOOD_PASSWORD)
    assert "not valid" in err.value.errors["token"][0]


def test_a_newer_invitation_supersedes_the_older(invitee, caseworker):
    old = _invite(invitee, caseworker)
    new = _invite(invitee, caseworker)
    with pytest.raises(InvalidInput) as err:
        services.invitation_accept(token=old, username="mariam", password=GOOD_PASSWORD)
    assert "newer invitation" in err.value.errors["token"][0]
    assert services.invitation_accept(token=new, username="mariam", password=GOOD_PASSWORD)


def test_a_weak_password_is_refused_naming_password(invitee, caseworker):
    token = _invite(invitee, caseworker)
    for weak in ("12345678", "password", "short"):
        with pytest.raises(InvalidInput) as err:
            services.invitation_accept(token=token, username="mariam", password=weak)
        assert "password" in err.value.errors
    assert Invitation.objects.get(member=invitee).used_at is None


def test_a_taken_username_is_refused_naming_username(invitee, caseworker, member):
    token = _invite(invitee, caseworker)
    with pytest.raises(InvalidInput) as err:
        services.invitation_accept(
            token=token, username=member.user.username.upper(), password=GOOD_PASSWORD
        )
    assert "username" in err.value.errors


def test_a_username_with_forbidden_characters_is_refused(invitee, caseworker):
    token = _invite(invitee, caseworker)
    with pytest.raises(InvalidInput) as err:
        services.invitation_accept(token=token, username="mariam <3", password=GOOD_PASSWORD)
    assert "username" in err.value.errors
