"""The selectors behind the workspace's queues: who may decide what, the
untold deaths, the quiet cases, and what changed since a version."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cases import selectors, services
from cases.models import CaseEvent


def test_a_supervisor_may_decide_the_requests_of_others_only(
    case, caseworker, supervisor, other_supervisor
):
    own = services.case_transition(case=case, actor=supervisor, to_status="deceased").pending
    assert list(selectors.transitions_decidable_by(supervisor)) == []
    assert list(selectors.transitions_decidable_by(caseworker)) == []
    services.transition_reject(transition_id=own.pk, actor=other_supervisor)
    theirs = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    assert list(selectors.transitions_decidable_by(supervisor)) == [theirs]


def test_untold_deaths_are_confirmed_deaths_the_family_was_not_told_of(
    case, caseworker, supervisor, outsider
):
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    assert list(selectors.cases_untold_deaths(caseworker)) == []
    services.transition_confirm(transition_id=pending.pk, actor=supervisor)
    assert list(selectors.cases_untold_deaths(caseworker)) == [case]
    assert list(selectors.cases_untold_deaths(outsider)) == []
    services.case_family_told(case=case, actor=caseworker)
    assert list(selectors.cases_untold_deaths(caseworker)) == []


def test_quiet_cases_have_no_event_since_the_date_and_are_not_closed(make_case, caseworker):
    quiet, closed, fresh = make_case(), make_case(), make_case()
    services.case_transition(case=closed, actor=caseworker, to_status="closed", note="duplicate")
    long_ago = timezone.now() - timedelta(days=60)
    CaseEvent.objects.filter(case__in=[quiet, closed]).update(at=long_ago)
    since = timezone.now() - timedelta(days=30)
    assert list(selectors.cases_quiet(caseworker, since=since)) == [quiet]
    assert fresh not in selectors.cases_quiet(caseworker, since=since)


def test_changes_since_a_version_name_each_field_with_then_and_now(case, caseworker):
    seen = case.version
    services.case_update(case=case, actor=caseworker, expected_version=seen, rank="Sergeant")
    moved = services.case_transition(case=case, actor=caseworker, to_status="detained").case
    assert sorted(selectors.case_changes_since(moved, seen)) == [
        ("rank", "", "Sergeant"),
        ("status", "missing", "detained"),
    ]
    assert selectors.case_changes_since(moved, moved.version) == []
    assert selectors.case_changes_since(moved, 999) == []


def test_status_history_gives_the_opening_and_each_move_in_order(case, caseworker, outsider):
    services.case_transition(case=case, actor=caseworker, to_status="detained")
    assert [s for cid, _, s in selectors.status_history(caseworker) if cid == case.pk] == [
        "missing",
        "detained",
    ]
    assert list(selectors.status_history(outsider)) == []
