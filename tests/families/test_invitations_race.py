"""Two people (or two taps) accepting one link at the same moment: one wins."""

from __future__ import annotations

import re
import threading

import pytest
from django.core import mail
from django.db import connection

from cases.errors import InvalidInput
from families import services
from families.models import FamilyMember


# serialized_rollback: starts from the migrated data (the role groups) even
# when another transactional test's flush removed it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_acceptances_of_one_invitation_create_exactly_one_account(
    make_member, case, caseworker
):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    invitee = make_member(case, account=False)
    services.invitation_create(member=invitee, actor=caseworker)
    token = re.search(r"/family/invite/([^/\s]+)/", mail.outbox[-1].body).group(1)
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def accept(n: int) -> None:
        try:
            barrier.wait()
            services.invitation_accept(
                token=token, username=f"racer{n}", password="quiet-river-lantern-42"
            )
            outcomes.append("ok")
        except InvalidInput as exc:
            outcomes.append(",".join(exc.errors))
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert sorted(outcomes) == ["ok", "token", "token", "token"]
    assert FamilyMember.objects.get(pk=invitee.pk).user.username.startswith("racer")
