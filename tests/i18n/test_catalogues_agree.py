"""Django merges every catalogue into one per language (LOCALE_PATHS first,
then the apps in INSTALLED_APPS order), so a msgid two catalogues translate
differently is read everywhere in the first one's words: the workspace's
timeline once said 'Добавлены сведения о пленении' where its own catalogue
said 'Добавлено сообщение о пленении'. The same msgid in the same context
must therefore have one translation across every catalogue; a real
difference of meaning takes a context (pgettext)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.i18n.project_catalogues import catalogues

Key = tuple[str | None, str, str]


def translations(language: str) -> dict[Key, dict[str, str]]:
    """(context, msgid, plural) -> {catalogue: its translation}."""
    seen: dict[Key, dict[str, str]] = defaultdict(dict)
    for path in catalogues(language):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            text = entry.msgstr or repr(sorted(entry.msgstr_plural.items()))
            seen[(entry.msgctxt, entry.msgid, entry.msgid_plural)][str(path)] = text
    return seen


@pytest.mark.parametrize("language", ["hy", "ru"])
def test_every_catalogue_of_the_project_is_read(language):
    names = {
        p.relative_to(Path(settings.BASE_DIR).resolve()).parts[0] for p in catalogues(language)
    }
    assert {"locale", "cases", "families", "casemgr"} <= names


@pytest.mark.parametrize("language", ["hy", "ru"])
def test_the_same_msgid_never_has_two_translations(language):
    disagree = {
        key: by_catalogue
        for key, by_catalogue in translations(language).items()
        if len(set(by_catalogue.values())) > 1
    }
    assert disagree == {}
