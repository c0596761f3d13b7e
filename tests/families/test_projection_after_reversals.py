"""The family projection after a death is reversed: what a family reads
follows what they were told in person, never a death nobody told them of."""

from __future__ import annotations

from cases import services as case_services
from families import selectors
from families.labels import AWAITING_CONTACT, status_label


def _messages(member, case):
    """The updates of one case as the portal and the API read them."""
    (view,) = selectors.family_case_views(
        member, [selectors.family_case_or_404(member, case.case_number)]
    )
    return [u.message for u in view.updates]


def _confirm(case, to, caseworker, supervisor):
    outcome = case_services.case_transition(case=case, actor=caseworker, to_status=to, note="n")
    case_services.transition_confirm(transition_id=outcome.pending.pk, actor=supervisor)


def test_a_death_reversed_before_the_family_was_told_never_reads_as_a_death(
    member, case, caseworker, supervisor
):
    # A wrong death confirmed, then reversed before anyone visited the family.
    _confirm(case, "deceased", caseworker, supervisor)
    _confirm(case, "missing", caseworker, supervisor)
    # Later a real death, told in person: only that one may read as a death.
    _confirm(case, "deceased", caseworker, supervisor)
    case_services.case_family_told(case=case, actor=caseworker)
    labels = {
        status: status_label(status, "hy") for status in ("deceased", "missing", "remains_returned")
    }
    assert _messages(member, case) == [
        labels["deceased"],
        labels["missing"],
        status_label(AWAITING_CONTACT, "hy"),
    ]


def test_a_told_death_followed_by_returned_remains_reads_as_both_once_told(
    member, case, caseworker, supervisor
):
    _confirm(case, "deceased", caseworker, supervisor)
    case_services.case_transition(case=case, actor=caseworker, to_status="remains_returned")
    assert _messages(member, case) == [
        status_label(AWAITING_CONTACT, "hy"),
        status_label(AWAITING_CONTACT, "hy"),
    ]
    case_services.case_family_told(case=case, actor=caseworker)
    labels = {
        status: status_label(status, "hy") for status in ("deceased", "missing", "remains_returned")
    }
    assert _messages(member, case) == [labels["remains_returned"], labels["deceased"]]
