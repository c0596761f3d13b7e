"""Status moves: applied, pending, confirmed, rejected; events and history."""

from __future__ import annotations

import pytest

from cases import services
from cases.errors import Conflict, IllegalTransition, StaleVersion
from cases.models import EventKind, MissingPerson, PendingTransition, TransitionState

pytestmark = pytest.mark.django_db


def _statuses_in_history(case: MissingPerson) -> list[str]:
    return list(case.history.order_by("history_id").values_list("status", flat=True))


def test_a_plain_move_applies_with_a_family_visible_event_and_a_history_row(
    case, caseworker
) -> None:
    outcome = services.case_transition(
        case=case, actor=caseworker, to_status="detained", note="ICRC visit", expected_version=1
    )
    assert outcome.applied
    assert (outcome.case.status, outcome.case.version) == ("detained", 2)
    event = outcome.event
    assert (event.kind, event.family_visible, event.actor) == (
        EventKind.STATUS_CHANGED,
        True,
        caseworker,
    )
    assert event.data == {"from": "missing", "to": "detained", "note": "ICRC visit"}
    assert _statuses_in_history(case) == ["missing", "detained"]
    assert case.history.latest().history_user == caseworker


def test_a_sensitive_move_only_asks_and_writes_no_history(case, caseworker) -> None:
    outcome = services.case_transition(case=case, actor=caseworker, to_status="deceased")
    assert outcome.pending is not None
    assert outcome.pending.state == TransitionState.PENDING
    assert (outcome.event.kind, outcome.event.family_visible) == (
        EventKind.TRANSITION_REQUESTED,
        False,
    )
    fresh = MissingPerson.objects.get(pk=case.pk)
    assert (fresh.status, fresh.version) == ("missing", 1)
    assert _statuses_in_history(case) == ["missing"]


def test_a_second_request_while_one_waits_is_a_conflict(case, caseworker) -> None:
    services.case_transition(case=case, actor=caseworker, to_status="deceased")
    with pytest.raises(Conflict):
        services.case_transition(case=case, actor=caseworker, to_status="deceased")
    assert PendingTransition.objects.filter(case=case).count() == 1


def test_confirming_applies_the_move_with_its_event_and_history(
    case, caseworker, supervisor
) -> None:
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    outcome = services.transition_confirm(transition_id=pending.pk, actor=supervisor, note="DNA")
    assert outcome.case.status == "deceased"
    assert outcome.event.kind == EventKind.STATUS_CHANGED
    assert outcome.event.family_visible
    assert outcome.event.data["confirmed_by"] == supervisor.pk
    assert outcome.event.data["requested_by"] == caseworker.pk
    assert _statuses_in_history(case) == ["missing", "deceased"]
    assert case.history.latest().history_user == supervisor
    pending.refresh_from_db()
    assert (pending.state, pending.decided_by, pending.decision_note) == (
        TransitionState.CONFIRMED,
        supervisor,
        "DNA",
    )


def test_rejecting_leaves_the_case_and_writes_only_an_event(case, caseworker, supervisor) -> None:
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    services.transition_reject(transition_id=pending.pk, actor=supervisor, note="Not identified")
    fresh = MissingPerson.objects.get(pk=case.pk)
    assert (fresh.status, fresh.version) == ("missing", 1)
    event = case.events.first()
    assert (event.kind, event.family_visible) == (EventKind.TRANSITION_REJECTED, False)
    assert _statuses_in_history(case) == ["missing"]
    with pytest.raises(Conflict):
        services.transition_confirm(transition_id=pending.pk, actor=supervisor)


def test_a_confirmation_after_the_case_moved_on_is_a_conflict(case, caseworker, supervisor) -> None:
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    services.case_transition(case=case, actor=caseworker, to_status="detained")
    pending.refresh_from_db()
    assert pending.state == TransitionState.SUPERSEDED
    with pytest.raises(Conflict):
        services.transition_confirm(transition_id=pending.pk, actor=supervisor)
    assert MissingPerson.objects.get(pk=case.pk).status == "detained"


def test_an_illegal_or_stale_move_is_refused(case, caseworker) -> None:
    with pytest.raises(IllegalTransition) as err:
        services.case_transition(case=case, actor=caseworker, to_status="repatriated")
    assert "detained" in err.value.allowed
    with pytest.raises(StaleVersion):
        services.case_transition(
            case=case, actor=caseworker, to_status="detained", expected_version=5
        )
    assert case.events.count() == 1
