"""The capture card and the death certificate: rendered, read back, with the
Armenian text present and the font embedded."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from cases import services
from cases.bureau.models import ExportRecord
from tests.bureau.conftest import confirm_death, record_death


def _pdf(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    return path


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def _fonts(path: Path) -> str:
    return subprocess.run(
        ["pdffonts", str(path)], capture_output=True, check=True, text=True
    ).stdout


def test_the_capture_card_reads_in_armenian_and_english_with_the_font_embedded(
    sup, prisoner, tmp_path
):
    response = sup.get(f"/api/cases/{prisoner.pk}/capture-card/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = _pdf(tmp_path, response.content)
    text = _text(path)
    for expected in (
        "ԳԵՐՈՒ ՔԱՐՏ",
        "CAPTURE CARD FOR PRISONER OF WAR",
        "First name of father",
        "Կարեն",
        "Հովհաննիսյան",
        "Սարգսյան",
        "14.03.2001",
        "13.12.2020",  # taken prisoner on
        "Բաքու, կալանավայր 2",
        "P-117",
        "Թեթև վիրավոր է / Slightly wounded",
        prisoner.case_number,
    ):
        assert expected in text, expected
    fonts = _fonts(path)
    assert "DejaVuSans" in fonts
    # Every font is embedded (the "emb" column reads yes).
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows
    # Columns from the right: object id (2 words), uni, sub, emb.
    assert [row[-5] for row in rows] == ["yes"] * len(rows), fonts


def test_the_pdf_is_one_page_and_pypdf_reads_the_armenian_title(sup, prisoner):
    from io import BytesIO

    reader = PdfReader(BytesIO(sup.get(f"/api/cases/{prisoner.pk}/capture-card/").content))
    assert len(reader.pages) == 1
    assert "ԳԵՐՈՒ ՔԱՐՏ" in reader.pages[0].extract_text()


def test_a_capture_card_is_sealed_in_the_export_audit(sup, supervisor, prisoner):
    response = sup.get(f"/api/cases/{prisoner.pk}/capture-card/")
    record = ExportRecord.objects.get()
    assert record.kind == "capture_card"
    assert record.actor == supervisor
    assert record.case == prisoner
    assert record.sha256 == hashlib.sha256(response.content).hexdigest()
    assert response["X-Content-SHA256"] == record.sha256
    assert record.filename.startswith(f"capture-card-{prisoner.case_number}")


def test_the_death_certificate_carries_the_particulars_of_annex_iv_d(
    sup, prisoner, caseworker, supervisor, tmp_path
):
    record_death(prisoner, caseworker)
    confirm_death(prisoner, caseworker, supervisor)
    response = sup.get(f"/api/cases/{prisoner.pk}/death-certificate/")
    assert response.status_code == 200
    text = _text(_pdf(tmp_path, response.content))
    for expected in (
        "ՄԱՀՎԱՆ ՎԿԱՅԱԿԱՆ",
        "DEATH CERTIFICATE",
        "01.02.2021",
        "Զինվորական հոսպիտալ",
        "DC-2021-9",
        "Գերեզմանատուն 3, շարք 2",
        "ժամացույց, նամակ",
        "Cause of death",
    ):
        assert expected in text, expected
    assert ExportRecord.objects.get().kind == "death_certificate"


def test_no_death_certificate_without_death_particulars(sup, prisoner, caseworker, supervisor):
    confirm_death(prisoner, caseworker, supervisor)
    response = sup.get(f"/api/cases/{prisoner.pk}/death-certificate/")
    assert response.status_code == 409
    assert not ExportRecord.objects.exists()


def test_no_death_certificate_while_the_case_stands_detained(sup, prisoner, caseworker):
    record_death(prisoner, caseworker)
    response = sup.get(f"/api/cases/{prisoner.pk}/death-certificate/")
    assert response.status_code == 409
    assert "confirmed death" in response.json()["detail"]
    assert not ExportRecord.objects.exists()


def test_no_death_certificate_while_the_deceased_move_waits_for_a_supervisor(
    sup, prisoner, caseworker
):
    record_death(prisoner, caseworker)
    services.case_transition(case=prisoner, actor=caseworker, to_status="deceased")
    response = sup.get(f"/api/cases/{prisoner.pk}/death-certificate/")
    assert response.status_code == 409
    assert not ExportRecord.objects.exists()


def test_no_death_certificate_while_a_move_back_to_missing_waits_on_the_death(
    sup, prisoner, caseworker, supervisor
):
    record_death(prisoner, caseworker)
    confirm_death(prisoner, caseworker, supervisor)
    services.case_transition(case=prisoner, actor=caseworker, to_status="missing")
    response = sup.get(f"/api/cases/{prisoner.pk}/death-certificate/")
    assert response.status_code == 409


@pytest.mark.parametrize("document", ["capture-card", "death-certificate"])
def test_only_supervisors_get_the_documents(document, cw, fam, anon, prisoner):
    url = f"/api/cases/{prisoner.pk}/{document}/"
    assert cw.get(url).status_code == 403
    assert fam.get(url).status_code == 403
    assert anon.get(url).status_code == 401
    assert not ExportRecord.objects.exists()


def test_an_unknown_case_is_a_404(sup, db):
    assert sup.get("/api/cases/999999/capture-card/").status_code == 404
    assert sup.get("/api/cases/abc/capture-card/").status_code == 404
