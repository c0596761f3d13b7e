"""A case's page: the moves the status table allows, who may decide a
sensitive one, the timeline, reports and relatives' deliveries; and a fixed
number of queries however long its history."""

from __future__ import annotations

import re
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases import services
from cases.models import CaseEvent
from cases.services import event_dispatch
from cases.status import allowed_moves
from families.models import Notification
from tests.workspace.conftest import client_for


def _page(client, case) -> str:
    response = client.get(f"/workspace/cases/{case.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def _move_buttons(page: str) -> list[str]:
    return re.findall(r'name="to_status" value="([a-z_]+)"', page)


def test_the_buttons_are_the_moves_the_status_table_allows(case, caseworker, cw):
    assert _move_buttons(_page(cw, case)) == allowed_moves("missing")
    services.case_transition(case=case, actor=caseworker, to_status="detained")
    assert _move_buttons(_page(cw, case)) == allowed_moves("detained")


def test_a_sensitive_move_says_it_waits_for_a_supervisor(case, cw):
    page = _page(cw, case)
    assert "waits for a supervisor" in _button(page, "deceased")
    assert "waits for a supervisor" not in _button(page, "detained")


def _button(page: str, value: str) -> str:
    start = page.index(f'value="{value}"')
    return page[start : page.index("</button>", start)]


def test_a_supervisor_sees_confirm_and_reject_but_not_on_their_own_request(
    case, caseworker, supervisor, other_supervisor
):
    pending = services.case_transition(case=case, actor=supervisor, to_status="deceased").pending
    confirm = f"/workspace/transitions/{pending.pk}/confirm/"

    own = _page(client_for(supervisor), case)
    assert "Waiting for a supervisor" in own
    assert confirm not in own
    assert "another supervisor decides it" in own
    assert confirm not in _page(client_for(caseworker), case)
    assert confirm in _page(client_for(other_supervisor), case)


def test_the_timeline_reports_and_relatives_deliveries_are_shown(
    staffed_case, make_relative, caseworker, cw
):
    services.case_note_add(
        case=staffed_case, actor=caseworker, text="Called the ICRC.", family_visible=False
    )
    services.capture_report_add(
        actor=caseworker,
        case=staffed_case,
        source="icrc",
        reported_on=date(2021, 1, 5),
        name_as_reported="Armen Hovhannisyan",
        place_of_detention="Baku",
    )
    relative = make_relative(staffed_case, full_name="Anahit Hovhannisyan")

    page = _page(cw, staffed_case)
    assert "Called the ICRC." in page
    assert "Baku" in page
    assert "Anahit Hovhannisyan" in page
    assert "Արմեն Հովհաննիսյան" in page
    assert relative.email in page


def _grow(case, caseworker, make_relative, n: int) -> None:
    for i in range(n):
        services.case_note_add(case=case, actor=caseworker, text=f"note {i}", family_visible=True)
        services.capture_report_add(
            actor=caseworker,
            case=case,
            source="media",
            reported_on=date(2021, 1, 1),
            name_as_reported=f"Report {i}",
        )
        make_relative(case)


def _queries(client, case) -> int:
    with CaptureQueriesContext(connection) as queries:
        _page(client, case)
    return len(queries)


def test_the_case_page_costs_the_same_number_of_queries_however_long_its_history(
    staffed_case, caseworker, supervisor, make_relative
):
    services.case_transition(case=staffed_case, actor=caseworker, to_status="deceased")
    client = client_for(supervisor)
    _grow(staffed_case, caseworker, make_relative, 1)
    for event in CaseEvent.objects.filter(case=staffed_case):
        event_dispatch(event_id=event.pk)
    few = _queries(client, staffed_case)
    _grow(staffed_case, caseworker, make_relative, 5)
    for event in CaseEvent.objects.filter(case=staffed_case, dispatched=False):
        event_dispatch(event_id=event.pk)
    assert Notification.objects.filter(event__case=staffed_case).count() > 6
    assert _queries(client, staffed_case) == few


def test_opening_the_case_page_is_recorded_in_the_access_log(staffed_case, caseworker):
    from cases.bureau.models import CaseAccess

    _page(client_for(caseworker), staffed_case)
    access = CaseAccess.objects.get()
    assert (access.case, access.user, access.via) == (staffed_case, caseworker, "page")
    assert access.path == f"/workspace/cases/{staffed_case.pk}/"
