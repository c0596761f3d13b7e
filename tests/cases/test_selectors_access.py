"""Who sees what: the access selectors every API view starts from."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser, User

from cases import selectors, services
from cases.models import MissingPerson
from families.models import FamilyMember
from families.services import family_member_create
from tests.conftest import make_user


@pytest.fixture
def relative(caseworker: User, case: MissingPerson) -> User:
    member = family_member_create(
        actor=caseworker,
        full_name="Relative",
        links=[{"case": case, "relationship": "mother", "verified": True}],
    )
    user = make_user("relative", None)
    FamilyMember.objects.filter(pk=member.pk).update(user=user)
    return User.objects.get(pk=user.pk)


@pytest.fixture
def everything(case: MissingPerson, caseworker: User, supervisor: User) -> dict[str, int]:
    asked = services.case_transition(case=case, actor=caseworker, to_status="deceased", note="x")
    report = services.capture_report_add(
        actor=caseworker, source="icrc", reported_on=date(2020, 12, 1), name_as_reported="A"
    )
    exchange = services.exchange_plan(actor=supervisor, name="E")
    return {"transition": asked.pending.pk, "report": report.pk, "exchange": exchange.pk}


def test_staff_see_every_case(
    caseworker: User, supervisor: User, make_case: Callable[..., MissingPerson]
) -> None:
    cases = {make_case().pk, make_case().pk}
    assert set(selectors.cases_visible_to(caseworker).values_list("pk", flat=True)) == cases
    assert set(selectors.cases_visible_to(supervisor).values_list("pk", flat=True)) == cases


@pytest.mark.parametrize("who", ["relative", "outsider", "anonymous", "inactive"])
def test_anyone_else_sees_nothing_of_the_registry(
    request: pytest.FixtureRequest, who: str, everything: dict[str, int], caseworker: User
) -> None:
    if who == "anonymous":
        user = AnonymousUser()
    elif who == "inactive":
        user = caseworker
        user.is_active = False
    else:
        user = request.getfixturevalue(who)
    assert not selectors.cases_visible_to(user).exists()
    assert not selectors.transitions_visible_to(user).exists()
    assert not selectors.capture_reports_visible_to(user).exists()
    assert not selectors.exchanges_visible_to(user).exists()


def test_a_relative_cannot_fetch_even_their_own_case_here(
    relative: User, case: MissingPerson
) -> None:
    assert not selectors.cases_visible_to(relative).filter(pk=case.pk).exists()


def test_staff_find_any_case(caseworker: User, case: MissingPerson) -> None:
    assert selectors.cases_visible_to(caseworker).get(pk=case.pk) == case


def test_staff_see_every_record_kind(caseworker: User, everything: dict[str, int]) -> None:
    assert (
        selectors.transitions_visible_to(caseworker, state="pending").get().pk
        == (everything["transition"])
    )
    assert selectors.capture_reports_visible_to(caseworker).get().pk == everything["report"]
    assert selectors.exchanges_visible_to(caseworker).get().pk == everything["exchange"]


def test_transitions_filter_by_state(
    caseworker: User, supervisor: User, everything: dict[str, int]
) -> None:
    services.transition_reject(transition_id=everything["transition"], actor=supervisor)
    assert not selectors.transitions_visible_to(caseworker, state="pending").exists()
    assert selectors.transitions_visible_to(caseworker, state="rejected").count() == 1
    assert selectors.transitions_visible_to(caseworker).count() == 1


def test_only_active_staff_can_be_assigned_cases(
    caseworker: User, supervisor: User, outsider: User, relative: User
) -> None:
    retired = make_user("retired", "caseworker")
    retired.is_active = False
    retired.save()
    assert set(selectors.staff_users()) == {caseworker, supervisor}
