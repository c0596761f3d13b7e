"""The invitation email leaves after the invitation is committed, and without
the relative's row lock: a slow mail server holds nobody up, and no email
carries a token whose commit failed. A refused email withdraws the invitation
(503 on the API, tested in test_api_family_members), and an older one works
again. The mail server is the outside world: a backend that looks at the
database from another connection while it "sends"."""

from __future__ import annotations

import functools
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError, transaction

from families import services
from families.models import FamilyMember, Invitation
from tests.racing import in_thread, on_postgresql

pytestmark = on_postgresql


class ProbingBackend(BaseEmailBackend):
    """While 'sending', asks from another connection: is the invitation
    committed, and is the relative's row free?"""

    seen: list[dict[str, Any]] = []

    def send_messages(self, email_messages: Any) -> int:
        for message in email_messages:
            token = re.search(r"/family/invite/([^/\s]+)/", message.body).group(1)
            with ThreadPoolExecutor(max_workers=1) as pool:
                look = pool.submit(in_thread(functools.partial(_look, token, message.to[0])))
                self.seen.append(look.result(10))
        return len(email_messages)


def _look(token: str, email: str) -> dict[str, Any]:
    committed = Invitation.objects.filter(token_hash=services.token_hash(token)).exists()
    try:
        with transaction.atomic():
            FamilyMember.objects.select_for_update(nowait=True).get(email=email)
        member_row = "free"
    except DatabaseError:
        member_row = "locked"
    return {"committed": committed, "member_row": member_row}


@pytest.fixture
def probing_mail(settings: Any) -> list[dict[str, Any]]:
    settings.EMAIL_BACKEND = f"{__name__}.ProbingBackend"
    ProbingBackend.seen = []
    return ProbingBackend.seen


def test_the_email_leaves_after_the_commit_and_without_the_relatives_lock(
    make_member, case, caseworker, probing_mail
) -> None:
    invitee = make_member(case, account=False)
    invitation = services.invitation_create(member=invitee, actor=caseworker)
    assert probing_mail == [{"committed": True, "member_row": "free"}]
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_a_refused_email_withdraws_the_invitation_and_the_older_one_works_again(
    make_member, case, caseworker, settings
) -> None:
    from django.core import mail

    invitee = make_member(case, account=False)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    services.invitation_create(member=invitee, actor=caseworker)
    older = re.search(r"/family/invite/([^/\s]+)/", mail.outbox[-1].body).group(1)

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with pytest.raises(services.InvitationNotSent):
        services.invitation_create(member=invitee, actor=caseworker)

    assert Invitation.objects.filter(member=invitee).count() == 1
    user = services.invitation_accept(
        token=older, username="mariam", password="quiet-river-lantern-42"
    )
    assert FamilyMember.objects.get(pk=invitee.pk).user == user


def test_inviting_inside_a_callers_transaction_is_refused(make_member, case, caseworker) -> None:
    invitee = make_member(case, account=False)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.invitation_create(member=invitee, actor=caseworker)
