"""A bad file is a 400 naming the problem, and nothing is stored."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from openpyxl import Workbook

from cases.imports.models import ImportBatch, ImportRow
from tests.imports.lists import csv_bytes, upload, xlsx_bytes

pytestmark = pytest.mark.django_db

GOOD = [("ФИО", "Дата рождения"), ("Оганесян Арам", "01.02.2000")]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def refused(sup: Any, data: bytes, name: str = "list.csv", **fields: Any) -> str:
    response = upload(sup, data, name=name, **fields)
    assert response.status_code == 400, response.json()
    assert not ImportBatch.objects.exists()
    assert not ImportRow.objects.exists()
    body = response.json()
    return " ".join(body.get("file") or body.get("columns") or [body.get("detail", "")])


def test_an_empty_file(sup: Any) -> None:
    assert "empty" in refused(sup, b"")


def test_a_file_of_blank_lines(sup: Any) -> None:
    assert "empty" in refused(sup, b"\r\n ; ;\r\n\r\n")


def test_a_header_only(sup: Any) -> None:
    assert "header but no rows" in refused(sup, csv_bytes(GOOD[:1]))


def test_an_xlsx_with_a_header_only(sup: Any) -> None:
    assert "header but no rows" in refused(sup, xlsx_bytes(GOOD[:1]), name="list.xlsx")


def test_an_empty_xlsx(sup: Any) -> None:
    assert "empty" in refused(sup, xlsx_bytes([]), name="list.xlsx")


def test_a_png_renamed_to_csv(sup: Any) -> None:
    assert "PNG image" in refused(sup, PNG, name="list.csv")


def test_a_png_renamed_to_xlsx(sup: Any) -> None:
    assert "PNG image" in refused(sup, PNG, name="list.xlsx")


def test_an_unknown_binary_renamed_to_csv(sup: Any) -> None:
    assert "not a CSV or XLSX" in refused(sup, b"ID,x\n\x01\x02\x03\x04binary\x00\xff")


def test_an_old_excel_xls(sup: Any) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert ".xls" in refused(sup, data, name="list.xls")


def test_a_zip_that_is_not_a_workbook(sup: Any) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "ZIP archive of something else" in refused(sup, out.getvalue(), name="list.xlsx")


def test_a_damaged_workbook(sup: Any) -> None:
    data = xlsx_bytes(GOOD)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            dst.writestr(item, body[: len(body) // 2] if "worksheets" in item.filename else body)
    assert "cannot be read" in refused(sup, out.getvalue(), name="list.xlsx")


def test_a_truncated_zip(sup: Any) -> None:
    assert "not a CSV or XLSX" in refused(sup, xlsx_bytes(GOOD)[:200], name="list.xlsx")


def test_a_file_over_the_size_limit_says_the_limits(sup: Any, settings: Any) -> None:
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    data = csv_bytes([*GOOD, *[("Оганесян Арам", "01.02.2000")] * 40_000])
    message = refused(sup, data)
    assert "at most 1 MB" in message
    assert "rows" in message


def test_a_csv_over_the_row_limit(sup: Any, settings: Any) -> None:
    settings.IMPORT_MAX_ROWS = 3
    message = refused(sup, csv_bytes([GOOD[0], *[GOOD[1]] * 4]))
    assert "more than 3 rows" in message


def test_an_xlsx_over_the_row_limit(sup: Any, settings: Any) -> None:
    settings.IMPORT_MAX_ROWS = 3
    message = refused(sup, xlsx_bytes([GOOD[0], *[GOOD[1]] * 4]), name="list.xlsx")
    assert "more than 3 rows" in message


def test_a_header_of_500_columns(sup: Any) -> None:
    header = ["ФИО", *[f"c{i}" for i in range(499)]]
    assert "over 100 columns" in refused(sup, csv_bytes([header, ["Оганесян Арам"]]))


def test_an_xlsx_header_of_500_columns(sup: Any) -> None:
    header = ["ФИО", *[f"c{i}" for i in range(499)]]
    message = refused(sup, xlsx_bytes([header, ["Оганесян Арам"]]), name="list.xlsx")
    assert "over 100 columns" in message


def test_a_workbook_that_unpacks_too_far(sup: Any, settings: Any) -> None:
    settings.IMPORT_MAX_UNPACKED_BYTES = 2000
    assert "unpacks to" in refused(sup, xlsx_bytes(GOOD), name="list.xlsx")


def test_no_name_column(sup: Any) -> None:
    message = refused(sup, csv_bytes([("Дата рождения", "Номер"), ("01.02.2000", "7")]))
    assert "No column with the name" in message


def test_a_broken_csv_quote_names_the_line(sup: Any, settings: Any) -> None:
    settings.IMPORT_MAX_BYTES = 10 * 1024 * 1024
    data = b'\xd0\xa4\xd0\x98\xd0\x9e\n"x' + b"a" * 200_000 + b"\n"
    assert "Line 2" in refused(sup, data)


def test_a_text_file_in_no_known_encoding(sup: Any) -> None:
    # 0x98 is the one byte Windows-1251 leaves undefined.
    assert "not readable text" in refused(sup, "ФИО\nАрам ".encode("cp1251") + b"\x98\n")


def test_a_workbook_with_its_first_sheet_empty_but_a_second_filled(sup: Any) -> None:
    workbook = Workbook()
    workbook.create_sheet("data").append(GOOD[0])
    out = io.BytesIO()
    workbook.save(out)
    assert "empty" in refused(sup, out.getvalue(), name="list.xlsx")
