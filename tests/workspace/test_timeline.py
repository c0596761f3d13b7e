"""The timeline in the reader's language: each event said from its kind and
data, never the English summary stored for logs and the API."""

from __future__ import annotations

from datetime import date

from django.utils import translation

from casemgr.workspace.timeline import line
from cases import selectors, services


def _lines(case, language: str) -> list[str]:
    with translation.override(language):
        return [f"{x.title}: {x.detail}" for x in map(line, selectors.case_timeline(case=case))]


def test_every_event_reads_in_russian_without_its_english_summary(
    case, caseworker, supervisor, make_relative
):
    services.case_update(case=case, actor=caseworker, expected_version=case.version, rank="Private")
    services.capture_report_add(
        actor=caseworker,
        case=case,
        source="icrc",
        reported_on=date(2021, 1, 5),
        name_as_reported="A. H.",
    )
    make_relative(case)
    pending = services.case_transition(case=case, actor=caseworker, to_status="deceased").pending
    services.transition_reject(transition_id=pending.pk, actor=supervisor, note="не подтверждено")
    services.case_transition(case=case, actor=caseworker, to_status="detained")

    lines = _lines(case, "ru")
    assert lines == [
        "Статус изменён: Пропал без вести → В плену",
        "Смена статуса отклонена: не подтверждено",
        "Запрошена смена статуса: Пропал без вести → Погиб, ждёт руководителя",
        "Данные обновлены: Привязан родственник (проверено).",
        "Добавлены сведения о пленении: #"  # the cases catalogue's word for the kind
        + str(case.capture_reports.get().pk)
        + " · МККК · Не проверено",
        "Данные обновлены: Звание",
        "Дело открыто: ",
    ]
