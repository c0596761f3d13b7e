"""Today: each queue shows what needs a person, links to where it is dealt
with, and the page costs the same number of queries however long they are."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases import services
from cases.imports import services as import_services
from cases.imports.models import ImportBatch
from cases.models import CaseEvent, MissingPerson
from families.models import FamilyEnquiry
from families.services import family_enquiry_submit
from tests.workspace.conftest import client_for


def _death_requested(make_case, caseworker, **fields):
    case = make_case(**fields)
    outcome = services.case_transition(
        case=case, actor=caseworker, to_status="deceased", note="witness"
    )
    return case, outcome.pending


def _report(caseworker, case=None, name="Armen Hovhannisyan"):
    return services.capture_report_add(
        actor=caseworker,
        case=case,
        source="media",
        reported_on=date(2020, 12, 14),
        name_as_reported=name,
    )


def test_a_supervisor_sees_the_sensitive_moves_they_may_decide_and_not_their_own(
    make_case, caseworker, supervisor, other_supervisor
):
    theirs, _ = _death_requested(make_case, caseworker, family_name="Ghazaryan")
    own, _ = _death_requested(make_case, supervisor, family_name="Petrosyan")

    page = client_for(supervisor).get("/workspace/").content.decode()
    assert f"/workspace/cases/{theirs.pk}/#status" in page
    assert f"/workspace/cases/{own.pk}/#status" not in page

    other = client_for(other_supervisor).get("/workspace/").content.decode()
    assert f"/workspace/cases/{own.pk}/#status" in other


def test_a_caseworker_sees_every_move_waiting_for_a_supervisor(make_case, caseworker, cw):
    case, _ = _death_requested(make_case, caseworker)
    page = cw.get("/workspace/").content.decode()
    assert "Sensitive changes waiting for a supervisor" in page
    assert f"/workspace/cases/{case.pk}/#status" in page


def test_a_confirmed_death_not_yet_told_in_person_waits_on_today_until_it_is(
    make_case, caseworker, supervisor, cw
):
    case, pending = _death_requested(make_case, caseworker)
    services.transition_confirm(transition_id=pending.pk, actor=supervisor)
    assert case.case_number in _section(cw, "untold")

    services.case_family_told(case=case, actor=caseworker)
    assert case.case_number not in _section(cw, "untold")


def test_failed_deliveries_and_unverified_reports_are_listed(
    failed_notification, caseworker, case, cw
):
    failed = failed_notification()
    _report(caseworker, case=case)
    _report(caseworker, name="Оганесян Армен")

    assert failed.event.case.case_number in _section(cw, "failed")
    unverified = _section(cw, "unverified")
    assert case.case_number in unverified
    assert "Оганесян Армен" in unverified
    assert "no case yet" in unverified


def test_cases_with_no_news_for_the_set_number_of_days_are_listed(make_case, cw, settings):
    settings.CASE_QUIET_DAYS = 10
    quiet, fresh = make_case(), make_case()
    CaseEvent.objects.filter(case=quiet).update(at=timezone.now() - timedelta(days=11))

    section = _section(cw, "quiet")
    assert "no news for 10 days" in section
    assert quiet.case_number in section
    assert fresh.case_number not in section


def test_the_bureau_deadlines_and_unanswered_enquiries_are_listed(
    make_case, caseworker, make_relative, cw
):
    unconfirmed = make_case()
    services.case_transition(case=unconfirmed, actor=caseworker, to_status="capture_reported")
    MissingPerson.objects.filter(pk=unconfirmed.pk).update(
        status_changed_at=timezone.now() - timedelta(days=10)
    )
    asked = make_case()
    relative = make_relative(asked)
    enquiry = family_enquiry_submit(
        member=relative, case_number=asked.case_number, text="Is there any news of my son?"
    )
    FamilyEnquiry.objects.filter(pk=enquiry.pk).update(
        submitted_at=timezone.now() - timedelta(hours=72)
    )

    assert unconfirmed.case_number in _section(cw, "unconfirmed")
    assert "after 7 days" in _section(cw, "unconfirmed")
    enquiries = _section(cw, "enquiries")
    assert asked.case_number in enquiries
    assert "Is there any news of my son?" in enquiries
    assert "No case" not in _section(cw, "wounded")


def test_supervisors_see_the_imported_lists_waiting_for_review(supervisor, sup, cw):
    batch = import_services.import_create(
        actor=supervisor,
        file_name="ombudsman.csv",
        data=b"Full name\nHovhannisyan Armen\n",
        source="ombudsman",
        purpose="capture_report",
        reported_on=date(2021, 1, 5),
        enqueue=False,
    )
    import_services.import_match_rows(batch_id=batch.pk, first_line=1, last_line=10_000)
    assert ImportBatch.objects.get(pk=batch.pk).status == "review"

    assert f'href="/workspace/imports/{batch.pk}/">ombudsman.csv' in _section(sup, "imports")
    assert 'id="imports"' not in cw.get("/workspace/").content.decode()


def _section(client, anchor: str) -> str:
    page = client.get("/workspace/").content.decode()
    start = page.index(f'id="{anchor}"')
    return page[start : page.index("</section>", start)]


def _world(make_case, caseworker, supervisor, failed_notification, n: int) -> None:
    for _ in range(n):
        case, _pending = _death_requested(make_case, caseworker)
        _report(caseworker, case=case)
        _report(caseworker)
        quiet = make_case()
        CaseEvent.objects.filter(case=quiet).update(at=timezone.now() - timedelta(days=90))
        _confirmed, asked = _death_requested(make_case, caseworker)
        services.transition_confirm(transition_id=asked.pk, actor=supervisor)
    failed_notification()


def _queries(user) -> int:
    client = client_for(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/workspace/").status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["caseworker", "supervisor"])
def test_today_costs_the_same_number_of_queries_however_long_the_queues(
    role, request, make_case, caseworker, supervisor, failed_notification
):
    user = request.getfixturevalue(role)
    _world(make_case, caseworker, supervisor, failed_notification, 1)
    few = _queries(user)
    _world(make_case, caseworker, supervisor, failed_notification, 4)
    assert _queries(user) == few
