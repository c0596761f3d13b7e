"""Which column holds what: found by the header, in Armenian, Russian,
English or Azerbaijani, or named by the person uploading (`columns`).

A list gives the name either in one column (the full name) or in separate
columns (family, given, father's name). A lone "name" column with no family
name column beside it is the full name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.translation import gettext as _

from cases.imports.errors import ColumnsRefused

FIELDS = (
    "full_name",
    "family_name",
    "given_name",
    "patronymic",
    "date_of_birth",
    "service_number",
    "place_of_birth",
    "rank",
)

HEADERS: dict[str, tuple[str, ...]] = {
    "full_name": (
        # en
        "full name", "name and surname", "surname and name", "surname name", "name surname",
        "surname first name patronymic", "fio",
        # ru
        "фио", "фамилия имя отчество", "фамилия имя", "имя фамилия", "полное имя",
        "фамилия имя и отчество",
        # az
        "soyadı adı atasının adı", "soyadı adı ata adı", "soyad ad ata adı", "soyadı adı",
        "ad soyad", "adı soyadı", "soyad ad", "tam adı",
        # hy
        "ազգանուն անուն հայրանուն", "անուն ազգանուն", "ազգանուն անուն", "անուն ազգանուն հայրանուն",
    ),
    "family_name": (
        "surname", "family name", "last name", "фамилия", "soyadı", "soyad", "soyadi",
        "ազգանուն",
    ),
    "given_name": (
        "name", "first name", "given name", "forename", "имя", "adı", "ad", "adi", "անուն",
    ),
    "patronymic": (
        "patronymic", "father's name", "fathers name", "father name", "father's first name",
        "отчество", "имя отца", "atasının adı", "ata adı", "atasinin adi", "ata adi",
        "հայրանուն", "հոր անուն", "հոր անունը",
    ),
    "date_of_birth": (
        "date of birth", "birth date", "dob", "born", "year of birth", "birth year",
        "дата рождения", "год рождения", "др", "дата и год рождения",
        "doğum tarixi", "doğum ili", "təvəllüd", "dogum tarixi",
        "ծննդյան ամսաթիվ", "ծննդյան տարեթիվ", "ծննդյան թիվ", "ծնված", "ծննդյան տարի",
    ),
    "service_number": (
        "service number", "service no", "personal number", "military id", "id number",
        "личный номер", "жетон", "номер жетона", "номер военного билета",
        "şəxsi nömrə", "şəxsi nömrəsi", "hərbi bilet", "hərbi biletin nömrəsi",
        "անձնական համար", "զինվորական համար", "ծառայողական համար", "անձնական համարը",
    ),
    "place_of_birth": (
        "place of birth", "birthplace", "place", "место рождения", "место", "doğum yeri",
        "yer", "ծննդավայր", "ծննդյան վայր", "վայր",
    ),
    "rank": (
        "rank", "звание", "воинское звание", "rütbə", "rütbəsi", "կոչում", "զինվորական կոչում",
    ),
}  # fmt: skip


def normalise_header(text: str) -> str:
    text = text.casefold().replace("ё", "е").replace("’", "'").replace(".", "")
    text = re.sub(r"[\"(),:;№#*_/\\-]+", " ", text)
    return " ".join(text.split())


_LOOKUP = {normalise_header(h): name for name, headers in HEADERS.items() for h in headers}


def find_columns(
    header: Sequence[str], override: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """field -> {"index", "header"}; ColumnsRefused when no name column is found."""
    found: dict[str, int] = {}
    for index, text in enumerate(header):
        name = _LOOKUP.get(normalise_header(text))
        if name and name not in found:
            found[name] = index
    for name, ref in (override or {}).items():
        found[name] = _override_index(header, name, ref)
    if "given_name" in found and not {"family_name", "full_name"} & set(found):
        found["full_name"] = found.pop("given_name")
    if not {"family_name", "full_name"} & set(found):
        raise ColumnsRefused(
            _(
                "No column with the name was found; the header reads: %(header)s. Say which "
                'column holds it, e.g. columns={"full_name": "<header>"}.'
            )
            % {"header": _quoted(header)},
        )
    return {name: {"index": i, "header": header[i]} for name, i in sorted(found.items())}


def _override_index(header: Sequence[str], name: str, ref: Any) -> int:
    if name not in FIELDS:
        raise ColumnsRefused(
            _("Unknown field %(name)r; known: %(fields)s.")
            % {"name": name, "fields": ", ".join(FIELDS)},
        )
    if isinstance(ref, int) or (
        isinstance(ref, str) and ref.strip().isascii() and ref.strip().isdigit()
    ):
        number = int(ref)
        if 1 <= number <= len(header):
            return number - 1
    elif isinstance(ref, str):
        wanted = normalise_header(ref)
        for index, text in enumerate(header):
            if normalise_header(text) == wanted:
                return index
    raise ColumnsRefused(
        _(
            "%(name)s: no column %(ref)r; the header reads: %(header)s "
            "(name a column by its header or its number, from 1)."
        )
        % {"name": name, "ref": ref, "header": _quoted(header)},
    )


def _quoted(header: Sequence[str]) -> str:
    return ", ".join(f'"{h}"' for h in header)
