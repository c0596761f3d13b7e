"""A report event dispatched late is told as the report is now."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User

from cases import services
from cases.models import CaseEvent, EventKind, MissingPerson
from families.models import Notification
from families.notify import on_case_event

pytestmark = pytest.mark.django_db


def _shared_report_event(case: MissingPerson, caseworker: User):
    # No on_commit here: the dispatch has not happened yet (the broker was
    # down), as when the sweep picks the event up minutes later.
    report = services.capture_report_add(
        actor=caseworker,
        case=case,
        source="media",
        reported_on=date(2021, 1, 5),
        name_as_reported="Armen Hovhannisyan",
        share_with_family=True,
    )
    event = CaseEvent.objects.get(case=case, kind=EventKind.CAPTURE_REPORT_ADDED)
    assert event.family_visible
    return report, event


@pytest.mark.parametrize(
    "change",
    [{"verification": "refuted"}, {"share_with_family": False}],
    ids=["refuted", "unshared"],
)
def test_a_report_refuted_or_unshared_before_its_dispatch_is_not_told(
    staffed_case, make_relative, caseworker, change
) -> None:
    make_relative(staffed_case, language="hy")
    report, event = _shared_report_event(staffed_case, caseworker)
    services.capture_report_update(report=report, actor=caseworker, **change)
    on_case_event(event)
    assert not Notification.objects.filter(event=event).exists()


def test_a_report_moved_to_another_case_before_its_dispatch_is_not_told_to_the_first_family(
    staffed_case, make_case, make_relative, caseworker
) -> None:
    make_relative(staffed_case, language="ru")
    report, event = _shared_report_event(staffed_case, caseworker)
    services.capture_report_update(report=report, actor=caseworker, case=make_case())
    on_case_event(event)
    assert not Notification.objects.filter(event=event).exists()


def test_a_report_still_shared_at_its_dispatch_is_told(
    staffed_case, make_relative, caseworker
) -> None:
    make_relative(staffed_case, language="en")
    _, event = _shared_report_event(staffed_case, caseworker)
    on_case_event(event)
    assert Notification.objects.filter(event=event).count() == 1
