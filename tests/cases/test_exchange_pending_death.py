"""A case whose reported death waits for a second person is not listed for
an exchange until a supervisor decides."""

from __future__ import annotations

import pytest

from cases import services
from cases.errors import Conflict
from cases.models import ExchangeListing, MissingPerson, PendingTransition, TransitionState
from cases.status import Status

pytestmark = pytest.mark.django_db


def _detained_case(make_case) -> MissingPerson:
    case = make_case()
    # The starting state is set directly: this test is about the listing.
    MissingPerson.objects.filter(pk=case.pk).update(status=Status.DETAINED)
    return MissingPerson.objects.get(pk=case.pk)


def test_a_case_with_a_death_waiting_for_confirmation_is_not_listed(
    make_case, caseworker, supervisor, other_supervisor
) -> None:
    case = _detained_case(make_case)
    asked = services.case_transition(case=case, actor=caseworker, to_status="deceased")
    assert asked.pending is not None
    exchange = services.exchange_plan(actor=supervisor, name="All for all")
    with pytest.raises(Conflict, match="waits for a supervisor"):
        services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    assert not ExchangeListing.objects.filter(case=case).exists()
    assert PendingTransition.objects.get(pk=asked.pending.pk).state == TransitionState.PENDING

    services.transition_reject(transition_id=asked.pending.pk, actor=other_supervisor)
    services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)
    case.refresh_from_db()
    assert case.status == Status.RELEASE_SCHEDULED
