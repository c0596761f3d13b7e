"""The capture card (GC III Annex IV B) and the death certificate (Annex IV D)
of one person, as bilingual PDFs: each line is numbered as in the Annex and
labelled in Armenian and English; values stay in the script they were given.

DejaVu Sans is vendored (fonts/, with its licence) and embedded in every PDF,
so Armenian, Cyrillic and Latin render on any reader with no font installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from django.utils import timezone, translation
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from cases import dates
from cases.models import DetentionEvent, HealthState, MissingPerson

FONTS = Path(__file__).parent / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"


@cache
def register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))


@dataclass(frozen=True)
class Line:
    """One numbered line of an Annex form: Armenian label, English label, value."""

    number: str
    hy: str
    en: str
    value: Any


def _style(name: str, size: float, font: str = REGULAR) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.25)


def _text(value: Any) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, bool):
        return "Այո / Yes" if value else "Ոչ / No"
    if isinstance(value, date):
        return dates.day(value)
    return str(value)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(lines: Sequence[Line]) -> Table:
    label, value = _style("label", 7), _style("value", 9.5, BOLD)
    rows = [
        [
            line.number,
            Paragraph(f"{_escape(line.hy)}<br/>{_escape(line.en)}", label),
            Paragraph(_escape(_text(line.value)), value),
        ]
        for line in lines
    ]
    table = Table(rows, colWidths=[8 * mm, 70 * mm, 100 * mm])
    table.setStyle(
        TableStyle(
            [
                # Every cell, or the table sets Helvetica (not embedded) around each.
                ("FONT", (0, 0), (-1, -1), REGULAR, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
            ]
        )
    )
    return table


def render_form(*, title_hy: str, title_en: str, lines: Sequence[Line], footer: str) -> bytes:
    """A numbered bilingual form on one A4 page, fonts embedded."""
    register_fonts()
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=8 * mm,
        bottomMargin=8 * mm,
        title=title_en,
        author="casemgr",
        # Else the canvas starts every page in Helvetica, a font not embedded.
        initialFontName=REGULAR,
        # A fixed creation date would be wrong; the audit's SHA-256 seals
        # the bytes actually handed out.
    )
    story: list[Flowable] = [
        Paragraph(_escape(title_hy), _style("title_hy", 12, BOLD)),
        Paragraph(_escape(title_en), _style("title_en", 10, BOLD)),
        Spacer(1, 3 * mm),
        _table(lines),
        Spacer(1, 3 * mm),
        Paragraph(_escape(footer), _style("footer", 7)),
    ]
    document.build(story)
    return buffer.getvalue()


def _father(case: MissingPerson) -> str:
    return case.father_first_name or case.patronymic


HEALTH_HY = {
    HealthState.GOOD_HEALTH: "Առողջ է",
    HealthState.NOT_WOUNDED: "Վիրավոր չէ",
    HealthState.RECOVERED: "Ապաքինվել է",
    HealthState.CONVALESCENT: "Ապաքինվում է",
    HealthState.SICK: "Հիվանդ է",
    HealthState.SLIGHTLY_WOUNDED: "Թեթև վիրավոր է",
    HealthState.SERIOUSLY_WOUNDED: "Ծանր վիրավոր է",
}


def _health(value: str) -> str:
    if not value:
        return ""
    return f"{HEALTH_HY[HealthState(value)]} / {HealthState(value).label}"


def capture_card_lines(
    case: MissingPerson,
    *,
    captured_on: date | None,
    health: str,
    transfer: DetentionEvent | None,
) -> list[Line]:
    """The lines of Annex IV B, in its order."""
    return [
        Line(
            "1",
            "Պետությունը, որից կախված է գերին",
            "Power on which the prisoner depends",
            case.citizenship,
        ),
        Line("2", "Ազգանուն", "Name", case.family_name),
        Line("3", "Անուն(ներ)", "First names (in full)", case.given_name),
        Line("", "Անունը մայրենի գրով", "Name in own script", case.name_native),
        Line("4", "Հոր անունը", "First name of father", _father(case)),
        Line("", "Մոր օրիորդական ազգանունը", "Mother's maiden name", case.mother_maiden_name),
        Line("5", "Ծննդյան ամսաթիվ", "Date of birth", case.date_of_birth),
        Line("6", "Ծննդավայր", "Place of birth", case.place_of_birth),
        Line("7", "Կոչում", "Rank", case.rank),
        Line("8", "Ծառայողական համար", "Service number", case.service_number),
        # The family's address is held with the relatives, not in the registry:
        # the bureau writes it in by hand when it sends the card.
        Line("9", "Ընտանիքի հասցեն", "Address of family", ""),
        Line("10", "Գերեվարվել է", "Taken prisoner on", captured_on),
        Line("11", "Առողջական վիճակը", "State of health", _health(health)),
        Line(
            "12",
            "Պահման վայրը",
            "Present address (place of detention)",
            transfer.place if transfer else "",
        ),
        Line("", "Գերու համարը", "Prisoner number", transfer.prisoner_number if transfer else ""),
        Line("", "Կարգավիճակը (պնդվող)", "Legal status (claimed)", case.get_legal_status_display()),
        Line("", "Գործի համարը", "Bureau case number", case.case_number),
    ]


def death_certificate_lines(case: MissingPerson, death: DetentionEvent) -> list[Line]:
    """The lines of Annex IV D, in its order."""
    grave = "; ".join(
        part
        for part in (
            f"նշված / marked: {_text(death.grave_marked)}",
            f"գտնելի / findable: {_text(death.grave_findable)}",
        )
    )
    return [
        Line(
            "1",
            "Պետությունը, որից կախված էր գերին",
            "Power on which the prisoner depended",
            case.citizenship,
        ),
        Line("2", "Ազգանուն", "Name", case.family_name),
        Line("3", "Անուն(ներ)", "First names", case.given_name),
        Line("4", "Հոր անունը", "First name of father", _father(case)),
        Line("5", "Ծննդավայր", "Place of birth", case.place_of_birth),
        Line("6", "Ծննդյան ամսաթիվ", "Date of birth", case.date_of_birth),
        Line(
            "7",
            "Կոչում և ծառայողական համար",
            "Rank and service number",
            " ".join(p for p in (case.rank, case.service_number or "") if p),
        ),
        Line("8", "Մահվան ամսաթիվ", "Date of death", death.occurred_on),
        Line("9", "Մահվան վայր", "Place of death", death.place),
        Line("10", "Մահվան պատճառը", "Cause of death", death.cause_of_death),
        Line("11", "Թաղման վայրը", "Place of burial", death.place_of_burial),
        Line("12", "Գերեզմանի նույնականացում", "Identification of the grave", grave),
        Line("13", "Անձնական իրեր", "Personal effects", death.personal_effects),
        Line("14", "Վկայականի համարը", "Death certificate reference", death.certificate_reference),
        Line("", "Աղբյուր", "Source", death.get_source_display()),
        Line("", "Գործի համարը", "Bureau case number", case.case_number),
    ]


def footer() -> str:
    """The moment the document was made, in both its languages (the zone in
    words, as everywhere a person reads a time)."""
    now = timezone.now()
    made = []
    for language in ("hy", "en"):
        with translation.override(language):
            made.append(dates.moment(now))
    return "Տեղեկատվական բյուրո / Information Bureau (GC III Art. 122) — " + " / ".join(made)
