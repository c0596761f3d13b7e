"""The transition table: every allowed move works, every other is refused,
sensitive moves wait for a second person."""

from __future__ import annotations

import pytest
from django.utils import timezone

from cases import services
from cases.errors import IllegalTransition, NotAllowed
from cases.models import MissingPerson, PendingTransition, TransitionState
from cases.status import DEATH_STATUSES, TRANSITIONS, Status, allowed_moves

ALL_PAIRS = [(a, b) for a in Status for b in Status]
ALLOWED = {(a, m.to): m.sensitive for a, moves in TRANSITIONS.items() for m in moves}


def test_the_table_matches_the_design_card() -> None:
    assert allowed_moves("missing") == [
        "capture_reported",
        "detained",
        "found_alive",
        "deceased",
        "closed",
    ]
    assert allowed_moves("repatriated") == ["closed"]
    assert allowed_moves("closed") == ["missing"]
    sensitive = sorted((a.value, b.value) for (a, b), s in ALLOWED.items() if s)
    assert sensitive == [
        ("capture_reported", "deceased"),
        ("closed", "missing"),
        ("deceased", "missing"),
        ("detained", "deceased"),
        ("missing", "deceased"),
        ("release_scheduled", "deceased"),
    ]


def _put_in(case: MissingPerson, status: Status) -> MissingPerson:
    # Set the starting state directly: the test is about the move out of it.
    # A death counts as told in person, which closing it needs
    # (tests/cases/test_close_after_death.py).
    told = timezone.now() if status in DEATH_STATUSES else None
    MissingPerson.objects.filter(pk=case.pk).update(status=status, family_told_in_person_at=told)
    return MissingPerson.objects.get(pk=case.pk)


@pytest.mark.django_db
@pytest.mark.parametrize(("current", "target"), ALL_PAIRS, ids=lambda s: str(s))
def test_every_move_is_applied_deferred_or_refused_as_the_table_says(
    make_case, caseworker, supervisor, current, target
) -> None:
    case = _put_in(make_case(), current)
    if (current, target) not in ALLOWED:
        with pytest.raises(IllegalTransition) as err:
            services.case_transition(case=case, actor=caseworker, to_status=target, note="reason")
        assert err.value.allowed == allowed_moves(current)
        assert MissingPerson.objects.get(pk=case.pk).status == current
        return
    outcome = services.case_transition(case=case, actor=caseworker, to_status=target, note="reason")
    if ALLOWED[(current, target)]:
        assert outcome.pending is not None
        assert MissingPerson.objects.get(pk=case.pk).status == current
        services.transition_confirm(transition_id=outcome.pending.pk, actor=supervisor)
    else:
        assert outcome.applied
    assert MissingPerson.objects.get(pk=case.pk).status == target


@pytest.mark.django_db
def test_a_sensitive_move_cannot_be_confirmed_by_its_asker(case, supervisor) -> None:
    outcome = services.case_transition(case=case, actor=supervisor, to_status="deceased")
    assert outcome.pending is not None
    with pytest.raises(NotAllowed):
        services.transition_confirm(transition_id=outcome.pending.pk, actor=supervisor)
    assert MissingPerson.objects.get(pk=case.pk).status == "missing"


@pytest.mark.django_db
def test_a_caseworker_cannot_confirm_a_sensitive_move(case, caseworker, other_caseworker) -> None:
    outcome = services.case_transition(case=case, actor=caseworker, to_status="deceased")
    assert outcome.pending is not None
    with pytest.raises(NotAllowed):
        services.transition_confirm(transition_id=outcome.pending.pk, actor=other_caseworker)


@pytest.mark.django_db
def test_a_second_supervisor_confirms_what_the_first_asked(
    case, supervisor, other_supervisor
) -> None:
    outcome = services.case_transition(case=case, actor=supervisor, to_status="deceased")
    assert outcome.pending is not None
    services.transition_confirm(transition_id=outcome.pending.pk, actor=other_supervisor)
    assert MissingPerson.objects.get(pk=case.pk).status == "deceased"
    pending = PendingTransition.objects.get(pk=outcome.pending.pk)
    assert pending.state == TransitionState.CONFIRMED
    assert pending.decided_by == other_supervisor
