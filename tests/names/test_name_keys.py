"""Name keys, tested from our table (tests/names/name_table.py)."""

from __future__ import annotations

import pytest

from cases.names import (
    ARMENIAN,
    AZERBAIJANI,
    CYRILLIC,
    LATIN,
    detect_script,
    given_names_equivalent,
    looks_patronymic,
    name_fold,
    name_key,
    name_keys,
    to_latin,
)
from tests.names.name_table import (
    GIVEN,
    MUST_NOT_FOLD_EQUAL,
    MUST_NOT_KEY_EQUAL,
    SURNAMES,
    spellings,
)


def _every_spelling(table: tuple[tuple[str, ...], ...]) -> list[tuple[str, str, str]]:
    return [
        (row[0], script, word)
        for row in table
        for script, cell in spellings(row).items()  # type: ignore[arg-type]
        for word in cell
    ]


def _key(word: str) -> str:
    return name_key(name_fold(word))


def test_the_table_is_as_large_as_promised() -> None:
    assert len(SURNAMES) >= 40
    assert len(GIVEN) >= 25
    assert all(len(spellings(row)) == 4 for row in SURNAMES + GIVEN)


@pytest.mark.parametrize(("canonical", "script", "word"), _every_spelling(SURNAMES))
def test_every_spelling_of_a_surname_has_the_canonical_key(
    canonical: str, script: str, word: str
) -> None:
    assert _key(word) == _key(canonical), (script, name_fold(word))


@pytest.mark.parametrize(("canonical", "script", "word"), _every_spelling(GIVEN))
def test_every_spelling_of_a_given_name_folds_to_the_canonical(
    canonical: str, script: str, word: str
) -> None:
    assert given_names_equivalent(word, canonical), (script, name_fold(word))


@pytest.mark.parametrize(("one", "other"), MUST_NOT_FOLD_EQUAL)
def test_different_names_never_fold_equal(one: str, other: str) -> None:
    assert name_fold(one) != name_fold(other)


@pytest.mark.parametrize(("one", "other"), MUST_NOT_KEY_EQUAL)
def test_different_surnames_do_not_share_a_key(one: str, other: str) -> None:
    assert _key(one) != _key(other)


def test_armen_and_arman_share_a_key_but_are_different_names() -> None:
    assert _key("Armen") == _key("Арман")
    assert not given_names_equivalent("Armen", "Arman")
    assert not given_names_equivalent("Армен", "Արման")


@pytest.mark.parametrize(
    ("spelling", "variant"),
    [
        ("Hovhannisyan", "Оганесян"),
        ("Hovhannisyan", "Hovannisian"),
        ("Ghukasyan", "Гукасян"),
        ("Ghukasyan", "Qukasyan"),
        ("Khachatryan", "Xaçatryan"),
        ("Tsaturyan", "Цатурян"),
        ("Mkrtchyan", "Mkrtçyan"),
        ("Aghajanyan", "Агаджанян"),
        ("Aghajanyan", "Ağacanyan"),
        ("Shahbazyan", "Şahbazyan"),
        ("Zhamkochyan", "Jamkoçyan"),
        ("Yeghiazaryan", "Eghiazaryan"),
        ("Voskanyan", "Oskanyan"),
        ("Hovhannisyan", "Hovhannisyants"),
        ("Minasyan", "Minassian"),
    ],
)
def test_the_variant_families_of_the_issue_fold_together(spelling: str, variant: str) -> None:
    assert _key(spelling) == _key(variant)


@pytest.mark.parametrize(
    ("cyrillic", "icao", "gost"),
    [
        # ICAO 9303 (я ia, й i), GOST 7.79-B (я ya, й j), the older MVD (я ya, й y)
        ("Айрапетян", "Airapetian", "Ajrapetyan"),
        ("Мирзоян", "Mirzoian", "Mirzoyan"),
        ("Хачатрян", "Khachatrian", "Xachatryan"),
    ],
)
def test_passport_schemes_read_back_to_one_key(cyrillic: str, icao: str, gost: str) -> None:
    assert _key(cyrillic) == _key(icao)
    assert _key(icao) == _key(gost) or "j" in gost


@pytest.mark.parametrize("declined", ["Оганесяна", "Оганесяну", "Оганесяном", "Оганесяне"])
def test_russian_case_endings_of_a_surname_reduce_to_the_base(declined: str) -> None:
    assert name_fold(declined) == name_fold("Оганесян")


@pytest.mark.parametrize(
    ("patronymic", "father"),
    [
        ("Вартанович", "Vardan"),
        ("Вартановна", "Vardan"),
        ("Вартановича", "Vardan"),
        ("Վարդանի", "Վարդան"),
        ("Vardani", "Vardan"),
        ("Григорьевич", "Grigor"),
        ("Hakobovich", "Hakob"),
        ("Арамович", "Aram"),
    ],
)
def test_patronymic_forms_reduce_to_the_fathers_name(patronymic: str, father: str) -> None:
    assert name_fold(patronymic, "patronymic") == name_fold(father)


def test_a_genitive_is_read_only_where_it_can_be_one() -> None:
    # Vardani is Vardan's; a word ending in -i that is no known name is left alone.
    assert name_fold("Vardani") == name_fold("Vardan")
    assert name_fold("Nazeli") == "nazeli"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Հովհաննիսյան Արամ", ARMENIAN),
        ("Оганесян Арам", CYRILLIC),
        ("Xaçatryan Aşot", AZERBAIJANI),
        ("Ovanesyan Aram", LATIN),
        ("Hovhannisyan Aram", LATIN),
    ],
)
def test_the_script_of_a_name_is_detected(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_classical_and_reformed_armenian_spell_one_name() -> None:
    assert name_fold("Յովհաննիսեան") == name_fold("Հովհաննիսյան")
    assert to_latin("Գևորգ") == to_latin("Գեւորգ") == "gevorg"


def test_a_full_name_gives_a_key_per_word_in_any_order() -> None:
    keys = name_keys("Оганесян Арам Вартанович")
    assert [k.fold for k in keys] == [name_fold("Оганесян"), "aram", "vardan"]
    assert keys[0].key == _key("Hovhannisyan")
    assert name_keys("Ter-Petrosyan")[1].key == _key("Petrosyan")


def test_noise_is_not_a_name() -> None:
    assert name_keys("  ' - 12 ") == []
    assert name_fold("") == ""


@pytest.mark.parametrize(
    ("word", "patronymic"),
    [
        ("Вартанович", True),
        ("Вартановна", True),
        ("Vartanovich", True),
        ("Мкртич", False),
        ("Мкртича", False),
        ("Вартан", False),
        ("Hovhannisyan", False),
    ],
)
def test_a_patronymic_is_known_by_its_form(word: str, patronymic: bool) -> None:
    assert looks_patronymic(word) is patronymic
