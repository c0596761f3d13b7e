"""A caseworker setting up a relative's portal account directly."""

from __future__ import annotations

import pytest

from cases.errors import Conflict, InvalidInput, NotAllowed
from families.services import family_account_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(make_member, case):
    return make_member(case, account=False)


def test_a_caseworker_sets_up_a_plain_account_for_a_relative(member, caseworker) -> None:
    user = family_account_create(
        member=member, actor=caseworker, username="gayane", password="a-long-family-pass-1"
    )
    member.refresh_from_db()
    assert member.user == user
    assert not user.is_staff
    assert list(user.groups.all()) == []
    assert member.history.latest().history_user == caseworker


def test_a_relative_gets_one_account_only(member, caseworker) -> None:
    family_account_create(
        member=member, actor=caseworker, username="gayane", password="a-long-family-pass-1"
    )
    with pytest.raises(Conflict):
        family_account_create(
            member=member, actor=caseworker, username="gayane2", password="a-long-family-pass-1"
        )


def test_only_staff_set_up_accounts_and_weak_passwords_are_refused(
    member, caseworker, outsider
) -> None:
    with pytest.raises(NotAllowed):
        family_account_create(
            member=member, actor=outsider, username="gayane", password="a-long-family-pass-1"
        )
    with pytest.raises(InvalidInput) as err:
        family_account_create(member=member, actor=caseworker, username="gayane", password="1")
    assert list(err.value.errors) == ["password"]
