"""Who may read what: the few functions every family view goes through."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from families import selectors, services


def test_member_for_user_finds_the_relative_behind_a_login(member):
    assert selectors.member_for_user(member.user) == member


def test_member_for_user_is_none_for_staff_anonymous_and_inactive(caseworker, member):
    assert selectors.member_for_user(caseworker) is None
    assert selectors.member_for_user(AnonymousUser()) is None
    member.user.is_active = False
    member.user.save()
    assert selectors.member_for_user(member.user) is None


def test_members_visible_to_staff_is_everyone_and_to_families_nobody(
    caseworker, supervisor, outsider, member, other_member
):
    assert set(selectors.members_visible_to(caseworker)) == {member, other_member}
    assert set(selectors.members_visible_to(supervisor)) == {member, other_member}
    assert list(selectors.members_visible_to(member.user)) == []
    assert list(selectors.members_visible_to(outsider)) == []


def test_family_cases_are_only_the_verified_links(make_member, case, other_case):
    relative = make_member(case)
    services.family_member_update(
        member=relative,
        actor=relative.created_by,
        links=[{"case": other_case, "relationship": "sibling", "verified": False}],
    )
    assert list(selectors.family_cases(relative)) == [case]


def test_family_case_or_404_refuses_another_familys_case(member, other_case):
    with pytest.raises(Http404):
        selectors.family_case_or_404(member, other_case.case_number)


def test_family_case_or_404_refuses_an_unverified_link(make_member, case):
    relative = make_member(case, verified=False)
    with pytest.raises(Http404):
        selectors.family_case_or_404(relative, case.case_number)


def test_family_case_or_404_returns_the_members_own_case(member, case):
    assert selectors.family_case_or_404(member, case.case_number) == case


def test_another_familys_case_is_refused(member, other_case):
    with pytest.raises(Http404):
        selectors.family_case_or_404(member, other_case.case_number)


def test_notifications_visible_to_nobody_but_staff(member, caseworker):
    assert selectors.notifications_visible_to(member.user).query.is_empty()
    assert not selectors.notifications_visible_to(caseworker).query.is_empty()
