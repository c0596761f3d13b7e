"""Exchanges on the workspace: caseworkers read, supervisors plan, list,
complete (exchanged / not released in one form) and cancel, all through the
exchange services."""

from __future__ import annotations

import pytest

from cases import services
from cases.models import Exchange, MissingPerson
from tests.workspace.conftest import client_for


@pytest.fixture
def detained(make_case, caseworker):
    def _make(**fields):
        case = make_case(**fields)
        return services.case_transition(case=case, actor=caseworker, to_status="detained").case

    return _make


@pytest.fixture
def exchange(supervisor):
    return services.exchange_plan(actor=supervisor, name="January exchange")


def status(case) -> str:
    return MissingPerson.objects.get(pk=case.pk).status


def test_a_supervisor_plans_an_exchange(sup):
    response = sup.post(
        "/workspace/exchanges/",
        {"name": "February exchange", "principle": "all_for_all", "scheduled_for": "2021-02-01"},
    )
    exchange = Exchange.objects.get(name="February exchange")
    assert response["Location"] == f"/workspace/exchanges/{exchange.pk}/"


def test_a_supervisor_puts_detained_cases_on_the_list(exchange, detained, make_case, sup):
    first, second, missing = detained(), detained(), make_case()
    page = sup.get(f"/workspace/exchanges/{exchange.pk}/").content.decode()
    assert f'value="{first.pk}"' in page
    assert f'value="{missing.pk}"' not in page  # the table does not let "missing" be listed

    sup.post(f"/workspace/exchanges/{exchange.pk}/list/", {"case": [first.pk, second.pk]})
    assert (status(first), status(second)) == ("release_scheduled", "release_scheduled")


def test_a_refused_case_is_named_and_does_not_stop_the_others(exchange, detained, make_case, sup):
    good, missing = detained(), make_case()
    response = sup.post(
        f"/workspace/exchanges/{exchange.pk}/list/", {"case": [good.pk, missing.pk]}, follow=True
    )
    assert status(good) == "release_scheduled"
    assert status(missing) == "missing"
    assert f"{missing.case_number}: The case" in response.content.decode()


def test_completing_moves_the_exchanged_home_and_the_others_back(
    exchange, detained, supervisor, sup
):
    home, back = detained(), detained()
    for case in (home, back):
        services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)

    response = sup.post(
        f"/workspace/exchanges/{exchange.pk}/complete/",
        {f"outcome-{home.pk}": "exchanged", f"outcome-{back.pk}": "not_released"},
    )
    assert response.status_code == 302
    assert (status(home), status(back)) == ("repatriated", "detained")
    assert Exchange.objects.get(pk=exchange.pk).status == "completed"


def test_an_outcome_left_out_completes_nothing_and_keeps_the_choices(
    exchange, detained, supervisor, sup
):
    home, unsaid = detained(), detained()
    for case in (home, unsaid):
        services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)

    response = sup.post(
        f"/workspace/exchanges/{exchange.pk}/complete/", {f"outcome-{home.pk}": "exchanged"}
    )
    assert response.status_code == 400
    assert "say what happened to each" in response.content.decode()
    assert 'value="exchanged" required checked' in response.content.decode()
    assert Exchange.objects.get(pk=exchange.pk).status == "planned"
    assert status(home) == "release_scheduled"


def test_cancelling_needs_the_box_ticked_and_sends_the_list_back(
    exchange, detained, supervisor, sup
):
    listed = detained()
    services.exchange_list_case(exchange=exchange, case=listed, actor=supervisor)

    assert sup.post(f"/workspace/exchanges/{exchange.pk}/cancel/", {}).status_code == 400
    assert Exchange.objects.get(pk=exchange.pk).status == "planned"

    sup.post(f"/workspace/exchanges/{exchange.pk}/cancel/", {"confirm": "on"})
    assert Exchange.objects.get(pk=exchange.pk).status == "cancelled"
    assert status(listed) == "detained"


def test_a_caseworker_reads_the_board_and_cannot_complete(
    exchange, detained, supervisor, caseworker
):
    listed = detained()
    services.exchange_list_case(exchange=exchange, case=listed, actor=supervisor)
    client = client_for(caseworker)

    page = client.get(f"/workspace/exchanges/{exchange.pk}/").content.decode()
    assert listed.full_name in page
    assert "/complete/" not in page
    response = client.post(
        f"/workspace/exchanges/{exchange.pk}/complete/", {f"outcome-{listed.pk}": "exchanged"}
    )
    assert "Your role does not allow this." in response.content.decode()
    assert status(listed) == "release_scheduled"


def test_a_caseworker_cannot_plan_an_exchange(cw):
    response = cw.post("/workspace/exchanges/", {"name": "Mine", "principle": "all_for_all"})
    assert response.status_code == 403
    assert "Your role does not allow this." in response.content.decode()
    assert not Exchange.objects.filter(name="Mine").exists()
