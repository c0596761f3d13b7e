"""What a reader sees of a page: its text without markup, and the words of it
in Latin letters that are not names of the product."""

from __future__ import annotations

import re
from html import unescape

# Words that stay Latin in every language: the product, the channel, the API.
LATIN_ANYWHERE = {"casemgr", "SMS", "API"}


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def latin_words(html: str, *, allowed: set[str] = frozenset()) -> set[str]:  # type: ignore[assignment]
    words = set(re.findall(r"[A-Za-z]{2,}", visible_text(html)))
    return words - LATIN_ANYWHERE - set(allowed)
