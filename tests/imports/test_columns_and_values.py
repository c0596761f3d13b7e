"""Columns found by their headers in Armenian, Russian, English and
Azerbaijani; names split by the list's order; dates in every form a list
writes them."""

from __future__ import annotations

from datetime import date

import pytest

from cases.imports.columns import find_columns
from cases.imports.errors import ColumnsRefused, RowInvalid
from cases.imports.values import interpret, read_birth


def fields(header: list[str]) -> dict[str, int]:
    return {name: spec["index"] for name, spec in find_columns(header).items()}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["ФИО", "Дата рождения", "Личный номер", "Место рождения"],
         {"full_name": 0, "date_of_birth": 1, "service_number": 2, "place_of_birth": 3}),
        (["Фамилия", "Имя", "Отчество", "Год рождения"],
         {"family_name": 0, "given_name": 1, "patronymic": 2, "date_of_birth": 3}),
        (["Soyadı, adı, atasının adı", "Doğum tarixi", "Şəxsi nömrə"],
         {"full_name": 0, "date_of_birth": 1, "service_number": 2}),
        (["Soyadı", "Adı", "Atasının adı", "Doğum yeri"],
         {"family_name": 0, "given_name": 1, "patronymic": 2, "place_of_birth": 3}),
        (["Ազգանուն", "Անուն", "Հայրանուն", "Ծննդյան ամսաթիվ"],
         {"family_name": 0, "given_name": 1, "patronymic": 2, "date_of_birth": 3}),
        (["Surname", "First name", "Father's name", "DOB", "Service No.", "Rank"],
         {"family_name": 0, "given_name": 1, "patronymic": 2, "date_of_birth": 3,
          "service_number": 4, "rank": 5}),
        (["№", "Name", "Born"], {"full_name": 1, "date_of_birth": 2}),
        (["  ф.и.о.  ", "ДАТА РОЖДЕНИЯ:"], {"full_name": 0, "date_of_birth": 1}),
    ],
)  # fmt: skip
def test_headers_in_each_language_are_found(header: list[str], expected: dict[str, int]) -> None:
    assert fields(header) == expected


def test_an_override_wins_over_the_header() -> None:
    found = find_columns(["ФИО", "Прозвище"], {"full_name": "Прозвище"})
    assert found["full_name"] == {"index": 1, "header": "Прозвище"}


@pytest.mark.parametrize(
    ("override", "message"),
    [({"nickname": "A"}, "Unknown field"), ({"full_name": 9}, "no column 9")],
)
def test_a_bad_override_is_refused_naming_it(override: dict[str, object], message: str) -> None:
    with pytest.raises(ColumnsRefused, match=message):
        find_columns(["ФИО"], override)


COLUMNS = find_columns(["ФИО", "Дата рождения"])


@pytest.mark.parametrize(
    ("text", "order", "parts"),
    [
        ("Оганесян Арам Каренович", "family_first", ("Оганесян", "Арам", "Каренович")),
        ("Ovanesyan Aram", "family_first", ("Ovanesyan", "Aram", "")),
        ("Aram Karen Hovhannisyan", "given_first", ("Hovhannisyan", "Aram", "Karen")),
        ("Hovhannisyan", "family_first", ("Hovhannisyan", "", "")),
    ],
)
def test_a_full_name_is_split_by_the_list_s_order(
    text: str, order: str, parts: tuple[str, str, str]
) -> None:
    data = interpret([text, ""], COLUMNS, name_order=order)
    assert (data.family_name, data.given_name, data.patronymic) == parts


def test_a_row_without_a_name_is_invalid() -> None:
    with pytest.raises(RowInvalid, match="no name"):
        interpret(["", "2000"], COLUMNS, name_order="family_first")


def test_a_too_long_value_names_its_column() -> None:
    with pytest.raises(RowInvalid, match='column "ФИО" is longer than 300'):
        interpret(["x" * 301, ""], COLUMNS, name_order="family_first")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (None, None)),
        ("04.03.2001", (date(2001, 3, 4), 2001)),
        ("4.3.2001", (date(2001, 3, 4), 2001)),
        ("04/03/2001", (date(2001, 3, 4), 2001)),
        ("2001-03-04", (date(2001, 3, 4), 2001)),
        ("2001", (None, 2001)),
        ("36892", (date(2001, 1, 1), 2001)),  # Excel's day number
        ("36892.0", (date(2001, 1, 1), 2001)),
    ],
)
def test_dates_of_birth_in_every_form(text: str, expected: tuple[object, object]) -> None:
    assert read_birth(text) == expected


@pytest.mark.parametrize("text", ["31.02.1999", "2001-13-01", "soon", "1850", "01.01.2999", "12"])
def test_what_is_not_a_date_of_birth_is_said(text: str) -> None:
    with pytest.raises(RowInvalid, match=text):
        read_birth(text)
