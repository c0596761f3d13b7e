"""The documents that go out, each made by one service that also seals it in
the export audit (services.export_record): supervisors only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

from cases.bureau import bureau_list, documents, pfif, selectors
from cases.bureau.models import ExportKind
from cases.bureau.services import ExportedFile, export_record
from cases.errors import Conflict, InvalidInput
from cases.models import MissingPerson
from cases.selectors import case_death_confirmed
from cases.services._common import require_supervisor

LIST_TYPES = {
    "csv": (ExportKind.BUREAU_LIST_CSV, bureau_list.render_csv, "text/csv; charset=utf-8"),
    "xlsx": (
        ExportKind.BUREAU_LIST_XLSX,
        bureau_list.render_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}
PDF = "application/pdf"


def _stamp() -> str:
    return timezone.localtime().strftime("%Y%m%d-%H%M%S")


def bureau_list_export(*, actor: Any, since: datetime, file_type: str) -> ExportedFile:
    """The persons and detention events since `since`, for the ICRC's CTA."""
    require_supervisor(actor)
    if file_type not in LIST_TYPES:
        raise InvalidInput({"type": gettext("Give csv or xlsx.")})
    kind, render, content_type = LIST_TYPES[file_type]
    rows = selectors.bureau_list_rows(since=since)
    return export_record(
        actor=actor,
        kind=kind,
        content=render(rows),
        filename=f"bureau-list-{_stamp()}.{file_type}",
        content_type=content_type,
        parameters={"since": since.isoformat(), "rows": len(rows)},
    )


def _person_document(
    *, actor: Any, case: MissingPerson, kind: str, titles: tuple[str, str], lines: Any, **extra: Any
) -> ExportedFile:
    content = documents.render_form(
        title_hy=titles[0], title_en=titles[1], lines=lines, footer=documents.footer()
    )
    stem = kind.replace("_", "-")
    return export_record(
        actor=actor,
        kind=kind,
        content=content,
        filename=f"{stem}-{case.case_number}-{_stamp()}.pdf",
        content_type=PDF,
        parameters={"case_number": case.case_number, **extra},
        case=case,
    )


def capture_card_export(*, actor: Any, case: MissingPerson) -> ExportedFile:
    """The capture card (Annex IV B) of one person."""
    require_supervisor(actor)
    return _person_document(
        actor=actor,
        case=case,
        kind=ExportKind.CAPTURE_CARD,
        titles=(
            "ԳԵՐՈՒ ՔԱՐՏ (Ժնևի III կոնվենցիա, Հավելված IV Բ)",
            "CAPTURE CARD FOR PRISONER OF WAR (Geneva Convention III, Annex IV B)",
        ),
        lines=documents.capture_card_lines(case, **selectors.capture_card_facts(case)),
    )


def death_certificate_export(*, actor: Any, case: MissingPerson) -> ExportedFile:
    """The death certificate (Annex IV D), from the death particulars recorded."""
    require_supervisor(actor)
    if not case_death_confirmed(case):
        raise Conflict(
            gettext(
                "The case does not stand at a confirmed death (or a status change waits for a "
                "supervisor): no death certificate goes out before both people confirm it."
            )
        )
    death = selectors.death_particulars(case)
    if death is None:
        raise Conflict(gettext("No death particulars are recorded for this case."))
    return _person_document(
        actor=actor,
        case=case,
        kind=ExportKind.DEATH_CERTIFICATE,
        titles=(
            "ՄԱՀՎԱՆ ՎԿԱՅԱԿԱՆ (Ժնևի III կոնվենցիա, Հավելված IV Դ)",
            "DEATH CERTIFICATE (Geneva Convention III, Annex IV D)",
        ),
        lines=documents.death_certificate_lines(case, death),
        detention_event_id=death.pk,
    )


def pfif_export(*, actor: Any, since: datetime | None = None) -> ExportedFile:
    """The public cases as PFIF 1.4 persons with their notes."""
    require_supervisor(actor)
    cases = selectors.pfif_public_cases(since=since)
    content = pfif.render_pfif(cases, selectors.pfif_notes(cases))
    return export_record(
        actor=actor,
        kind=ExportKind.PFIF,
        content=content,
        filename=f"pfif-{_stamp()}.xml",
        content_type="application/xml; charset=utf-8",
        parameters={"since": since.isoformat() if since else None, "persons": len(cases)},
    )
