"""Text that shows what it says: the one rule for every name and free-text
field that may reach a family (pure functions, no Django).

Names and notes end up in SMS, email and the family portal. Characters a
reader cannot see can make a text lie there: a right-to-left override
(U+202E) shows "Hovhannisyan" backwards or hides a phone number's order
("Trojan Source"), a zero-width space makes two identical-looking names
different to every search and match, a control character garbles a
terminal or a gateway. So, for every such field:

- The text is normalized to NFC (composed: "é" is one character, as the
  keyboard types it). Not NFKC, which would rewrite the Armenian ligature
  "և" and other characters that are meant as written.
- Invisible characters are removed: every format character (Unicode
  category Cf: bidirectional overrides, embeddings and isolates U+202A-202E
  and U+2066-2069, LRM/RLM, zero-width space, word joiner, BOM, soft hyphen,
  tag characters, ...) and the rest of Unicode's default-ignorable code
  points (variation selectors, Hangul fillers, the combining grapheme
  joiner). Removing them changes nothing a reader sees, except that the text
  shows in its true order. The zero-width joiner and non-joiner (U+200C,
  U+200D) are removed too: Armenian, Cyrillic and Latin never need them (only
  scripts such as Persian or the Indic ones do, and no name or note here is
  in those).
- Line breaks and tabs are whitespace: one line of text (a name, a place)
  has each run of whitespace made one space and its ends trimmed; a
  multi-line text (a note, circumstances) keeps its line breaks (as "\\n")
  and tabs.
- Any other control character (C0, DEL, C1: NUL, ESC, BEL, ...) and any
  lone surrogate (not Unicode at all) is refused: it is not text, and
  guessing what was meant could lose what was.
"""

from __future__ import annotations

import re
import unicodedata

# Unicode's Default_Ignorable_Code_Point ranges that are not category Cf
# (DerivedCoreProperties.txt; the set is stable by Unicode policy).
_IGNORABLE_RANGES = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul choseong/jungseong fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian free variation selectors, vowel separator
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xFFF0, 0xFFF8),  # unassigned, reserved as ignorable
    (0x1BCA0, 0x1BCA3),  # shorthand format controls
    (0x1D173, 0x1D17A),  # musical symbol formatting
    (0xE0000, 0xE0FFF),  # tags, variation selectors supplement
)

_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# C0, DEL and C1 controls other than whitespace, and lone surrogates.
_REFUSED = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff]")


def _format_characters() -> list[int]:
    # Unicode places format characters in these planes only (BMP, SMP, tags).
    planes = (range(0x20000), range(0xE0000, 0xE1000))
    return [c for plane in planes for c in plane if unicodedata.category(chr(c)) == "Cf"]


def _character_class(points: list[int]) -> str:
    """A regex character class of these code points, as ranges."""
    ranges: list[list[int]] = []
    for point in sorted(set(points)):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges)


_INVISIBLE = re.compile(
    "["
    + _character_class(
        _format_characters() + [p for low, high in _IGNORABLE_RANGES for p in range(low, high + 1)]
    )
    + "]+"
)


class UnsafeText(ValueError):
    """The text holds a character that is not text; the message says which."""


def is_invisible(ch: str) -> bool:
    """A format character or another default-ignorable code point."""
    return _INVISIBLE.fullmatch(ch) is not None


def _visible(value: str) -> str:
    if value.isascii() and value.isprintable():
        return value  # the common case: nothing to normalize or remove
    refused = _REFUSED.search(value)
    if refused:
        ch = refused.group()
        if unicodedata.category(ch) == "Cs":
            raise UnsafeText("This text is not valid Unicode (a lone surrogate).")
        raise UnsafeText(f"This text contains a control character (U+{ord(ch):04X}); remove it.")
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", value))


def clean_line(value: str) -> str:
    """One line of text (a name, a place, a phone number)."""
    return " ".join(_visible(value).split())


def clean_multiline(value: str) -> str:
    """A text of several lines (a note, circumstances): line breaks kept."""
    text = _LINE_BREAKS.sub("\n", _visible(value)).replace("\x1f", " ")
    return text.strip()


def strip_unsafe(value: str) -> str:
    """What may go out to a reader, whatever was stored before this rule:
    invisible characters, controls other than line breaks and tabs, and
    lone surrogates are dropped, never refused (a message must still go)."""
    kept = _REFUSED.sub("", _INVISIBLE.sub("", value))
    return unicodedata.normalize("NFC", re.sub(r"[\x0b\x0c\r\x1c-\x1f\x85]", "", kept))
