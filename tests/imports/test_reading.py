"""What a list says, however it was saved: CSV in UTF-8 (with or without
BOM), UTF-16 or Windows-1251, separated by `;`, `,` or tabs; XLSX with date
cells, Excel serial numbers, merged cells, formulas and error values."""

from __future__ import annotations

import codecs
from datetime import datetime
from typing import Any

import pytest

from cases.imports.errors import FileRefused
from cases.imports.files import Limits, read_table
from cases.imports.models import ImportRow
from cases.imports.services.intake import line_error
from tests.imports.lists import csv_bytes, upload, xlsx_bytes

pytestmark = pytest.mark.django_db

LIMITS = Limits(max_bytes=10**7, max_rows=100, max_columns=10, max_unpacked_bytes=10**8)
RU = [
    ("ФИО", "Дата рождения", "Место рождения"),
    ("Оганесян Арам Каренович", "01.02.2000", "Ереван"),
]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("cp1251", b""), ("utf-16", b"")],
)
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_in_each_encoding_and_separator_reads_the_same(
    encoding: str, prefix: bytes, delimiter: str
) -> None:
    table = read_table(
        prefix + csv_bytes(RU, delimiter=delimiter, encoding=encoding), limits=LIMITS
    )

    assert table.header == list(RU[0])
    assert [r.cells for r in table.rows] == [list(RU[1])]
    assert table.delimiter == delimiter


def test_the_encoding_found_is_said() -> None:
    assert read_table(csv_bytes(RU, encoding="cp1251"), limits=LIMITS).encoding == "cp1251"
    assert read_table(codecs.BOM_UTF8 + csv_bytes(RU), limits=LIMITS).encoding == "utf-8-sig"


def test_commas_inside_quoted_names_do_not_split_a_semicolon_list() -> None:
    rows = [("ФИО", "Примечание"), ("Оганесян Арам", "ранен, в больнице")]

    table = read_table(csv_bytes(rows, delimiter=";"), limits=LIMITS)

    assert table.rows[0].cells == ["Оганесян Арам", "ранен, в больнице"]


def test_line_numbers_are_the_file_s_own_with_blank_and_multiline_rows() -> None:
    text = 'ФИО;Место\n\nОганесян Арам;"Ереван\nАрмения"\nСаргсян Давид;Гюмри\n'

    table = read_table(text.encode(), limits=LIMITS)

    assert [r.line for r in table.rows] == [3, 5]


def test_a_row_wider_than_the_header_is_an_error_row_not_a_refusal() -> None:
    table = read_table(csv_bytes([("ФИО",), ("Оганесян Арам", *["x"] * 499)]), limits=LIMITS)

    assert table.rows[0].cells == ["Оганесян Арам"]
    assert "more than 10 columns; the header names 1" in table.rows[0].problems[0]


def test_a_header_wider_than_the_limit_is_refused() -> None:
    with pytest.raises(FileRefused, match="over 10 columns"):
        read_table(csv_bytes([[f"c{i}" for i in range(11)], ["x"]]), limits=LIMITS)


def test_xlsx_date_cells_and_serial_numbers_read_as_dates() -> None:
    rows = [
        ("Full name", "Date of birth"),
        ("Petrosyan Aram", datetime(2001, 3, 4)),
        ("Sargsyan Davit", 36892),
        ("Zakaryan Vahe", 1999),
        ("Mkrtchyan Hayk", "15.06.1998"),
    ]

    table = read_table(xlsx_bytes(rows), limits=LIMITS)

    assert [r.cells[1] for r in table.rows] == ["2001-03-04", "36892", "1999", "15.06.1998"]


def test_merged_cells_give_their_value_to_every_row_they_cover() -> None:
    rows = [("Full name", "Place"), ("Petrosyan Aram", "Hin Tagher"), ("Sargsyan Davit", None)]

    table = read_table(xlsx_bytes(rows, shape=lambda s: s.merge_cells("B2:B3")), limits=LIMITS)

    assert [r.cells for r in table.rows] == [
        ["Petrosyan Aram", "Hin Tagher"],
        ["Sargsyan Davit", "Hin Tagher"],
    ]


def test_a_merged_header_names_its_first_column() -> None:
    rows = [("Full name", None, "Date of birth"), ("Petrosyan", "Aram", "2001")]

    table = read_table(xlsx_bytes(rows, shape=lambda s: s.merge_cells("A1:B1")), limits=LIMITS)

    assert table.header == ["Full name", "Full name", "Date of birth"]


def test_a_formula_is_never_evaluated_and_marks_its_row() -> None:
    rows = [
        ("Full name", "Date of birth"),
        ("Petrosyan Aram", "=DATE(2001,3,4)"),
        ("Sargsyan Davit", "2000"),
    ]

    table = read_table(xlsx_bytes(rows), limits=LIMITS)

    assert table.rows[0].cells[1] == "=DATE(2001,3,4)"
    assert "cell B2 holds a formula" in table.rows[0].problems[0]
    assert table.rows[1].problems == []


def test_an_excel_error_value_marks_its_row() -> None:
    def put_error(sheet: Any) -> None:
        sheet["B2"].value = "#N/A"
        sheet["B2"].data_type = "e"

    table = read_table(
        xlsx_bytes([("Full name", "Date of birth"), ("Petrosyan Aram", None)], shape=put_error),
        limits=LIMITS,
    )

    assert "Excel error (#N/A)" in table.rows[0].problems[0]


def test_an_xlsx_row_of_500_values_is_an_error_row_not_a_refusal() -> None:
    table = read_table(
        xlsx_bytes([("Full name",), ("Petrosyan Aram", *["x"] * 499)]), limits=LIMITS
    )

    assert table.rows[0].cells == ["Petrosyan Aram"]
    assert "more than 10 columns; the header names 1" in table.rows[0].problems[0]


def test_an_xlsx_row_wider_than_the_header_is_an_error_row() -> None:
    table = read_table(xlsx_bytes([("Full name",), ("Petrosyan Aram", "x", "y")]), limits=LIMITS)

    assert "the header names 1" in table.rows[0].problems[0]


def test_the_formula_row_is_an_error_and_the_good_rows_go_on(sup: Any) -> None:
    rows = [("Full name", "Date of birth"), ("Petrosyan Aram", "=1+1"), ("Sargsyan Davit", "2000")]

    batch_id = upload(sup, xlsx_bytes(rows), name="list.xlsx").json()["id"]

    states = dict(ImportRow.objects.filter(batch_id=batch_id).values_list("line", "state"))
    assert states == {2: "error", 3: "new"}
    error = ImportRow.objects.get(batch_id=batch_id, line=2).error
    assert error.startswith("Line 2: cell B2 holds a formula (=1+1)")


def test_a_refusal_that_is_a_sentence_ends_the_row_error_with_one_full_stop() -> None:
    # A service's refusal (DomainError) brings its own full stop; so do several.
    refusal = "A case that is “Missing” cannot move to “Repatriated”."
    assert line_error(2, refusal) == f"Line 2: {refusal}"
    assert line_error(3, "no name", "a bad date.") == "Line 3: no name; a bad date."
