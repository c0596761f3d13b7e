"""Capture reports: adding them, correcting them, linking them to a case."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from cases.models import (
    REPORT_FIELDS,
    CaptureReport,
    EventKind,
    MissingPerson,
    NamePart,
    SpellingSource,
)
from cases.selectors import reports_family_may_hear
from cases.services._common import (
    refuse_future_dates,
    refuse_unknown_fields,
    require_caseworker,
    validate_instance,
)
from cases.services.events import event_append
from cases.services.news import news_visibility
from cases.services.spellings import case_spellings_record
from cases.services.text import clean_text_values

DATE_FIELDS = ("reported_on", "captured_on", "date_of_birth_as_reported")


def _family_may_hear(report: CaptureReport) -> bool:
    """As the report is stored now (the rule: cases.selectors)."""
    return reports_family_may_hear().filter(pk=report.pk).exists()


def _report_event(
    report: CaptureReport, case: MissingPerson, *, kind: str, actor: Any, fields: list[str]
) -> None:
    visible, held = news_visibility(case, shared=_family_may_hear(report))
    event_append(
        case=case,
        kind=kind,
        actor=actor,
        summary=f"Capture report #{report.pk} from {report.source} ({report.verification})",
        family_visible=visible,
        data={
            "report_id": report.pk,
            "source": report.source,
            "verification": report.verification,
            "shared": report.share_with_family,
            "fields": fields,
        }
        | held,
    )


def _record_unlinked(report: CaptureReport, old_case_id: int, *, actor: Any) -> None:
    """The case a report is taken from keeps a trace of it on its timeline.
    Never family-visible: the family projection already stops showing the
    report, and a correction is not news."""
    moved_to = report.case.case_number if report.case is not None else None
    event_append(
        case=MissingPerson.objects.get(pk=old_case_id),
        kind=EventKind.CAPTURE_REPORT_UPDATED,
        actor=actor,
        summary=(
            f"Capture report #{report.pk} moved to case {moved_to}"
            if moved_to
            else f"Capture report #{report.pk} unlinked from this case"
        ),
        data={"report_id": report.pk, "unlinked": True, "moved_to": moved_to, "fields": ["case"]},
    )


def _record_spellings(report: CaptureReport, *, actor: Any) -> None:
    """The names a report wrote become spellings of the case it is linked to."""
    if report.case is None:
        return
    case_spellings_record(
        case=report.case,
        spellings=[
            (NamePart.FULL, report.name_as_reported, SpellingSource.REPORTED),
            (NamePart.PATRONYMIC, report.patronymic_as_reported, SpellingSource.REPORTED),
        ],
        actor=actor,
    )


def _check_dates(values: dict[str, Any]) -> None:
    refuse_future_dates(values, DATE_FIELDS)


@transaction.atomic
def capture_report_add(*, actor: Any, **fields: Any) -> CaptureReport:
    require_caseworker(actor)
    refuse_unknown_fields(fields, REPORT_FIELDS)
    fields = clean_text_values(CaptureReport, fields)
    _check_dates(fields)
    report = CaptureReport(created_by=actor, **fields)
    validate_instance(report)
    report._history_user = actor  # type: ignore[attr-defined]
    report.save()
    _record_spellings(report, actor=actor)
    if report.case is not None:
        _report_event(
            report, report.case, kind=EventKind.CAPTURE_REPORT_ADDED, actor=actor, fields=[]
        )
    return report


@transaction.atomic
def capture_report_update(*, report: CaptureReport, actor: Any, **fields: Any) -> CaptureReport:
    """Correct a report or link it to a case. Linking it reads, on that case's
    timeline, as the report arriving; sharing it lets the family hear of it."""
    require_caseworker(actor)
    refuse_unknown_fields(fields, REPORT_FIELDS)
    fields = clean_text_values(CaptureReport, fields)
    _check_dates(fields)
    locked = CaptureReport.objects.select_for_update().get(pk=report.pk)
    before_case_id = locked.case_id
    was_visible = _family_may_hear(locked)
    changed = [name for name, value in fields.items() if getattr(locked, name) != value]
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, fields[name])
    validate_instance(locked)
    locked._history_user = actor  # type: ignore[attr-defined]
    locked.save()
    _record_spellings(locked, actor=actor)
    case = locked.case
    if before_case_id is not None and before_case_id != locked.case_id:
        _record_unlinked(locked, before_case_id, actor=actor)
    if case is not None and case.pk != before_case_id:
        _report_event(
            locked, case, kind=EventKind.CAPTURE_REPORT_ADDED, actor=actor, fields=changed
        )
    elif case is not None:
        # Families hear of a report when it is first shared with them, not of
        # every later correction.
        visible, held = news_visibility(case, shared=_family_may_hear(locked) and not was_visible)
        event_append(
            case=case,
            kind=EventKind.CAPTURE_REPORT_UPDATED,
            actor=actor,
            summary=f"Capture report #{locked.pk} updated: {', '.join(sorted(changed))}",
            family_visible=visible,
            data={
                "report_id": locked.pk,
                "source": locked.source,
                "verification": locked.verification,
                "shared": locked.share_with_family,
                "fields": sorted(changed),
            }
            | held,
        )
    return locked
