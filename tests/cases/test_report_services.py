"""Capture reports: events, history, linking, and what the family may hear."""

from __future__ import annotations

from datetime import date

import pytest

from cases import services
from cases.models import CaptureReport, EventKind

pytestmark = pytest.mark.django_db


def _report(actor, **fields) -> CaptureReport:
    values = {
        "source": "ombudsman",
        "reported_on": date(2020, 12, 20),
        "name_as_reported": "Armen Hovhannisyan",
    }
    values.update(fields)
    return services.capture_report_add(actor=actor, **values)


@pytest.mark.parametrize(
    ("shared", "verification", "visible"),
    [
        (True, "confirmed", True),
        (True, "unverified", True),
        (False, "confirmed", False),
        (True, "refuted", False),
    ],
)
def test_a_linked_report_is_on_the_timeline_and_heard_only_when_shared_and_not_refuted(
    case, caseworker, shared, verification, visible
) -> None:
    report = _report(caseworker, case=case, share_with_family=shared, verification=verification)
    event = case.events.first()
    assert event.kind == EventKind.CAPTURE_REPORT_ADDED
    assert event.family_visible is visible
    assert event.data["report_id"] == report.pk
    history = report.history.get()
    assert (history.history_type, history.history_user) == ("+", caseworker)


def test_an_unlinked_report_has_history_but_no_case_event(case, caseworker) -> None:
    report = _report(caseworker, name_as_reported="Ованесян Армен")
    assert report.case is None
    assert report.history.count() == 1
    assert case.events.filter(kind=EventKind.CAPTURE_REPORT_ADDED).count() == 0


def test_linking_an_unlinked_report_reads_as_its_arrival_on_that_case(case, caseworker) -> None:
    report = _report(caseworker, share_with_family=True, verification="confirmed")
    services.capture_report_update(report=report, actor=caseworker, case=case)
    event = case.events.first()
    assert (event.kind, event.family_visible) == (EventKind.CAPTURE_REPORT_ADDED, True)
    assert event.data["fields"] == ["case"]
    latest = report.history.latest()
    assert (latest.history_type, latest.case_id) == ("~", case.pk)


def test_a_family_hears_of_a_report_once_when_it_is_first_shared(case, caseworker) -> None:
    report = _report(caseworker, case=case, share_with_family=False)
    assert case.events.first().family_visible is False
    services.capture_report_update(report=report, actor=caseworker, share_with_family=True)
    shared = case.events.first()
    assert (shared.kind, shared.family_visible) == (EventKind.CAPTURE_REPORT_UPDATED, True)
    services.capture_report_update(report=report, actor=caseworker, health="Wounded in the arm")
    correction = case.events.first()
    assert (correction.kind, correction.family_visible) == (EventKind.CAPTURE_REPORT_UPDATED, False)
    assert correction.data["fields"] == ["health"]
    assert report.history.count() == 3


def test_an_update_that_changes_nothing_writes_nothing(case, caseworker) -> None:
    report = _report(caseworker, case=case)
    services.capture_report_update(report=report, actor=caseworker, source="ombudsman")
    assert case.events.filter(kind=EventKind.CAPTURE_REPORT_UPDATED).count() == 0
    assert report.history.count() == 1


def test_moving_a_report_to_another_case_leaves_a_trace_on_the_first(make_case, caseworker) -> None:
    first, second = make_case(), make_case()
    report = _report(caseworker, case=first, share_with_family=True)
    services.capture_report_update(report=report, actor=caseworker, case=second)
    trace = first.events.first()
    assert trace.kind == EventKind.CAPTURE_REPORT_UPDATED
    assert trace.family_visible is False
    assert trace.data == {
        "report_id": report.pk,
        "unlinked": True,
        "moved_to": second.case_number,
        "fields": ["case"],
    }
    arrival = second.events.first()
    assert (arrival.kind, arrival.family_visible) == (EventKind.CAPTURE_REPORT_ADDED, True)


def test_unlinking_a_report_says_so_on_the_case_it_left(case, caseworker) -> None:
    report = _report(caseworker, case=case)
    services.capture_report_update(report=report, actor=caseworker, case=None)
    trace = case.events.first()
    assert trace.summary == f"Capture report #{report.pk} unlinked from this case"
    assert trace.data["moved_to"] is None


@pytest.mark.parametrize("held_by", ["a death waiting for a supervisor", "a confirmed death"])
def test_a_shared_report_is_not_news_for_the_family_while_a_death_stands_or_waits(
    case, caseworker, supervisor, held_by
) -> None:
    # The family hears nothing until a death is confirmed, and then from
    # their caseworker in person: not a capture report by message meanwhile.
    services.case_transition(case=case, actor=caseworker, to_status="deceased")
    if held_by == "a confirmed death":
        services.transition_confirm(transition_id=case.transitions.get().pk, actor=supervisor)
    report = _report(caseworker, case=case, share_with_family=False)
    assert case.events.first().family_visible is False
    services.capture_report_update(report=report, actor=caseworker, share_with_family=True)
    assert case.events.first().kind == EventKind.CAPTURE_REPORT_UPDATED
    assert case.events.first().family_visible is False
