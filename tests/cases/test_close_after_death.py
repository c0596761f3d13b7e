"""A death case is closed only after the family was told in person: once
closed, the telling can no longer be recorded, and the family portal would
never show the full status (DESIGN.md, "What families are told")."""

from __future__ import annotations

import pytest

from cases import services
from cases.errors import Conflict
from cases.models import MissingPerson
from cases.status import Status

pytestmark = pytest.mark.django_db


def _dead(case, caseworker, supervisor):
    outcome = services.case_transition(case=case, actor=caseworker, to_status="deceased")
    services.transition_confirm(transition_id=outcome.pending.pk, actor=supervisor)


def test_a_death_not_yet_told_in_person_cannot_be_closed(case, caseworker, supervisor):
    _dead(case, caseworker, supervisor)
    with pytest.raises(Conflict) as refused:
        services.case_transition(
            case=case, actor=caseworker, to_status="closed", note="remains identified"
        )
    assert "told" in refused.value.message
    assert MissingPerson.objects.get(pk=case.pk).status == Status.DECEASED


def test_a_death_told_in_person_can_be_closed(case, caseworker, supervisor):
    _dead(case, caseworker, supervisor)
    services.case_family_told(case=case, actor=caseworker, note="visited the mother")
    services.case_transition(case=case, actor=caseworker, to_status="closed", note="done")
    assert MissingPerson.objects.get(pk=case.pk).status == Status.CLOSED
