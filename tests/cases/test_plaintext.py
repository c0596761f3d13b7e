"""cases.plaintext: the one rule for names and free text, from a table."""

from __future__ import annotations

import unicodedata

import pytest

from cases.plaintext import UnsafeText, clean_line, clean_multiline, strip_unsafe

RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"

CLEAN_LINE = [
    # (input, stored)
    ("Hovhannisyan", "Hovhannisyan"),
    (f"Hovhan{RLO}naysin{PDF}", "Hovhannaysin"),  # bidi override and pop
    (f"{LRI}Armen{PDI} Petrosyan", "Armen Petrosyan"),  # isolates
    ("\u202a\u202b\u202d\u2067\u2068Gor", "Gor"),  # embeddings, isolates
    ("Ar\u200bmen", "Armen"),  # zero-width space
    ("Ar\u200c\u200dmen", "Armen"),  # ZWNJ, ZWJ: no script here needs them
    ("\ufeffԱրմեն", "Արմեն"),  # byte-order mark
    ("Ars\u00aden", "Arsen"),  # soft hyphen
    ("Ar\u2060men\u2063", "Armen"),  # word joiner, invisible separator
    ("Gor\U000e0041\U000e007f", "Gor"),  # tag characters
    ("Aram\ufe0f", "Aram"),  # variation selector
    ("\u3164Aram\u115f", "Aram"),  # Hangul fillers
    ("Aram\u034f", "Aram"),  # combining grapheme joiner
    ("Ле\u200eв\u200fон", "Левон"),  # LRM, RLM in Cyrillic
    ("  Armen \t\n  Petrosyan  ", "Armen Petrosyan"),  # whitespace is one space
    ("Armen\u2028Petrosyan", "Armen Petrosyan"),  # line separator
    ("Ali\u0307yev", "Ali\u0307yev"),  # a combining mark stays (a dot above)
    ("Mammadov\u00e4", "Mammadovä"),
    ("Ме\u0308рзлякова", "Мёрзлякова"),  # NFC composes е + diaeresis
    ("Yerevan, և", "Yerevan, և"),  # NFC, not NFKC: the ligature stays
    ("Ｇｏｒ", "Ｇｏｒ"),  # fullwidth: shown as typed, not rewritten
    ("Məmmədov İsmayıl", "Məmmədov İsmayıl"),
    ("Հովհաննիսյան Արմեն Կարենի", "Հովհաննիսյան Արմեն Կարենի"),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "stored"), CLEAN_LINE)
def test_one_line_of_text_is_nfc_without_invisible_characters(raw: str, stored: str) -> None:
    assert clean_line(raw) == stored
    assert clean_line(stored) == stored  # cleaning twice changes nothing


@pytest.mark.parametrize(
    "raw", ["Ar\x00men", "Ar\x1bmen", "Ar\x07men", "Ar\x7fmen", "Ar\x9bmen", "Ar\ud800men"]
)
def test_controls_and_lone_surrogates_are_refused_not_guessed(raw: str) -> None:
    with pytest.raises(UnsafeText):
        clean_line(raw)
    with pytest.raises(UnsafeText):
        clean_multiline(raw)


def test_the_refusal_names_the_character() -> None:
    with pytest.raises(UnsafeText, match=r"U\+001B"):
        clean_line("\x1b[31mArmen")


def test_a_multiline_text_keeps_its_line_breaks_and_tabs() -> None:
    raw = f"First line\r\nSecond\tline\rThird{RLO} line\u2029Fourth\n\n"
    assert clean_multiline(raw) == "First line\nSecond\tline\nThird line\nFourth"


def test_a_text_of_invisible_characters_is_empty() -> None:
    assert clean_line(f"\u200b{RLO}\ufeff") == ""


def test_every_format_character_is_removed() -> None:
    formats = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    assert len(formats) > 150
    assert clean_line("A" + "".join(formats) + "B") == "AB"


def test_what_goes_out_is_stripped_never_refused() -> None:
    stored_long_ago = f"Ar{RLO}men\x00\x1b\ud800 Petro\u200bsyan\nline two"
    assert strip_unsafe(stored_long_ago) == "Armen Petrosyan\nline two"
