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
_WHITESPACE_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")


class UnsafeText(ValueError):
    """The text holds a character that is not text; the message says which."""


def is_invisible(ch: str) -> bool:
    """A format character or another default-ignorable code point."""
    if unicodedata.category(ch) == "Cf":
        return True
    point = ord(ch)
    return any(low <= point <= high for low, high in _IGNORABLE_RANGES)


def _refusal(ch: str) -> str | None:
    category = unicodedata.category(ch)
    if category == "Cs":
        return "This text is not valid Unicode (a lone surrogate)."
    if category == "Cc" and ch not in _WHITESPACE_CONTROLS:
        return f"This text contains a control character (U+{ord(ch):04X}); remove it."
    return None


def _visible(value: str) -> str:
    for ch in value:
        refusal = _refusal(ch)
        if refusal:
            raise UnsafeText(refusal)
    # Surrogates are refused above, so NFC cannot fail on them.
    return "".join(ch for ch in unicodedata.normalize("NFC", value) if not is_invisible(ch))


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
    kept = "".join(
        ch
        for ch in value
        if not is_invisible(ch) and (ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs"))
    )
    return unicodedata.normalize("NFC", kept)
