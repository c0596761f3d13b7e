"""Retention: a closed case's personal data goes after the set time; what
the bureau must still account for stays."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from cases import services
from cases.bureau.retention import REMOVED, retention_apply
from cases.models import CaptureReport, DetentionEvent, MissingPerson


def _close(case, caseworker, *, days_ago: int):
    services.case_transition(case=case, actor=caseworker, to_status="closed", note="reunited")
    MissingPerson.objects.filter(pk=case.pk).update(
        status_changed_at=timezone.now() - timedelta(days=days_ago)
    )


def test_a_case_closed_past_the_period_loses_its_personal_data(prisoner, caseworker, settings):
    settings.RETENTION_CLOSED_CASE_DAYS = 365
    services.case_note_add(
        case=prisoner, actor=caseworker, text="Mother: +374 99", family_visible=False
    )
    _close(prisoner, caseworker, days_ago=400)
    assert retention_apply() == [prisoner.case_number]
    case = MissingPerson.objects.get(pk=prisoner.pk)
    assert (case.given_name, case.family_name) == (REMOVED, REMOVED)
    assert case.name_native == case.mother_maiden_name == case.father_first_name == ""
    assert case.date_of_birth is None
    assert case.service_number is None
    assert case.personal_data_removed_at is not None
    report = CaptureReport.objects.get(case=case)
    assert report.name_as_reported == REMOVED
    transfer = DetentionEvent.objects.get(case=case, type="transfer")
    assert transfer.prisoner_number == ""
    assert transfer.occurred_on == date(2021, 1, 5)  # the skeleton stays
    # No earlier value survives in the history tables or in notes.
    assert not MissingPerson.history.filter(id=case.pk).exists()
    assert not CaptureReport.history.filter(case_id=case.pk).exists()
    assert "+374 99" not in str(list(case.events.values_list("summary", "data")))
    assert case.events.filter(kind="personal_data_removed").exists()


def test_a_case_closed_recently_or_still_open_is_kept(prisoner, make_case, caseworker, settings):
    settings.RETENTION_CLOSED_CASE_DAYS = 365
    _close(prisoner, caseworker, days_ago=100)
    open_case = make_case()
    assert retention_apply() == []
    assert MissingPerson.objects.get(pk=prisoner.pk).given_name == "Արմեն"
    assert MissingPerson.objects.get(pk=open_case.pk).personal_data_removed_at is None


def test_retention_off_removes_nothing(prisoner, caseworker, settings):
    settings.RETENTION_CLOSED_CASE_DAYS = 0
    _close(prisoner, caseworker, days_ago=4000)
    assert retention_apply() == []


def test_the_command_applies_it_once_and_says_what_it_did(prisoner, caseworker, settings):
    settings.RETENTION_CLOSED_CASE_DAYS = 30
    _close(prisoner, caseworker, days_ago=31)
    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert "1 case(s) due" in out.getvalue()
    assert MissingPerson.objects.get(pk=prisoner.pk).personal_data_removed_at is None
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert prisoner.case_number in out.getvalue()
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "0 case(s) removed" in out.getvalue()
