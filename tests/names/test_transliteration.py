"""The registered Latin name in the letters a relative reads: Armenian and
Cyrillic, from a table of names; the father's name out of a patronymic; the
Russian patronymic and the Armenian genitive."""

from __future__ import annotations

import pytest

from cases.names import (
    armenian_genitive,
    father_name,
    latin_to_armenian,
    latin_to_cyrillic,
    russian_patronymic,
)

# Latin (passport spelling), Armenian, Cyrillic (as Russian lists write it).
NAMES = [
    ("Armen Hovhannisyan", "Արմեն Հովհաննիսյան", "Армен Ованнисян"),
    ("Gevorg Petrosyan", "Գևորգ Պետրոսյան", "Геворг Петросян"),
    ("Davit", "Դավիթ", "Давид"),  # the reviewed table, not letter by letter
    ("Hovhannes", "Հովհաննես", "Ованес"),
    ("Hrant", "Հրանտ", "Грант"),
    ("Vahe", "Վահե", "Ваге"),
    ("Hayk", "Հայկ", "Айк"),
    ("Ruben", "Ռուբեն", "Рубен"),
    ("Yerevan", "Երևան", "Ереван"),
    ("Eduard", "Էդուարդ", "Эдуард"),
    ("Narek Mkrtchyan", "Նարեկ Մկրտչյան", "Нарек Мкртчян"),
    ("Tigran Ghazaryan", "Տիգրան Ղազարյան", "Тигран Газарян"),
    ("Khachatryan", "Խաչատրյան", "Хачатрян"),
    ("Shahbazyan", "Շահբազյան", "Шахбазян"),
    ("Mkhitaryan", "Մխիտարյան", "Мхитарян"),
    ("Zhirayr", "Ժիրայր", "Жирайр"),
    ("Artur Sargsyan", "Արտուր Սարգսյան", "Артур Саргсян"),
]


@pytest.mark.parametrize(("latin", "armenian", "cyrillic"), NAMES)
def test_a_latin_name_reads_in_armenian_letters(latin: str, armenian: str, cyrillic: str) -> None:
    assert latin_to_armenian(latin) == armenian


@pytest.mark.parametrize(("latin", "armenian", "cyrillic"), NAMES)
def test_a_latin_name_reads_in_cyrillic_letters(latin: str, armenian: str, cyrillic: str) -> None:
    assert latin_to_cyrillic(latin) == cyrillic


def test_invisible_characters_and_punctuation_split_no_letters_in() -> None:
    assert latin_to_armenian("  armen,  ") == "Արմեն"
    assert latin_to_cyrillic("") == ""


@pytest.mark.parametrize(
    ("patronymic", "father"),
    [
        ("Vardani", "Vardan"),  # the Armenian genitive in Latin letters
        ("Վարդանի", "Վարդան"),
        ("Սարոյի", "Սարո"),
        ("Вартанович", "Вартан"),
        ("Karen", "Karen"),
        ("Levon", "Levon"),
    ],
)
def test_the_father_s_name_comes_out_of_a_patronymic(patronymic: str, father: str) -> None:
    assert father_name(patronymic) == father


@pytest.mark.parametrize(
    ("father", "male", "female"),
    [
        ("Арам", "Арамович", "Арамовна"),
        ("Вардан", "Варданович", "Вардановна"),
        ("Сергей", "Сергеевич", "Сергеевна"),
        ("Ваге", "Вагеевич", "Вагеевна"),
        ("", "", ""),
    ],
)
def test_the_russian_patronymic_of_a_father_s_name(father: str, male: str, female: str) -> None:
    assert russian_patronymic(father) == male
    assert russian_patronymic(father, female=True) == female


def test_the_armenian_genitive_of_a_father_s_name() -> None:
    assert armenian_genitive("Կարեն") == "Կարենի"
    assert armenian_genitive("Սարո") == "Սարոյի"
    assert armenian_genitive("Վարդանի") == "Վարդանի"
    assert armenian_genitive("") == ""


def test_a_word_in_another_script_goes_through_the_common_latin() -> None:
    assert latin_to_armenian("Армен") == "Արմեն"
    assert latin_to_cyrillic("Արմեն") == "Армен"
    assert latin_to_armenian("Արմեն Petrosyan") == "Արմեն Պետրոսյան"
