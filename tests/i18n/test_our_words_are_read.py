"""What a reader sees is what our catalogues say. Django merges one catalogue
per language and the first to translate a msgid wins: LOCALE_PATHS, then the
apps in INSTALLED_APPS order (django.contrib.admin, auth, rest_framework...
all before ours), then django/conf/locale. The workspace's "Email" once read
Django's untranslated "Email" in Armenian and its "Search" the admin's
«Փնտրել». So every entry of every catalogue of ours, singular and each plural
form, asked for in the running project, must come back in our words. A clash
is fixed with a context, by moving the entry to locale/, or by leaving the
word to Django and saying why in a translator comment."""

from __future__ import annotations

import gettext
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from tests.i18n.project_catalogues import catalogues

LANGUAGES = ["hy", "ru"]


def _plural_rule(po: polib.POFile):  # type: ignore[no-untyped-def]
    header = po.metadata["Plural-Forms"]
    return gettext.c2py(header.split("plural=", 1)[1].rstrip(";"))


def _a_number_for_each_form(po: polib.POFile) -> dict[int, int]:
    """Form index -> the smallest count that selects it, by the catalogue's rule.
    Russian's fourth form is for fractions (1.5): we only ever count whole
    things, so no count of ours reaches it and it is not asked for."""
    rule = _plural_rule(po)
    numbers: dict[int, int] = {}
    for n in range(200):
        numbers.setdefault(rule(n), n)
    return numbers


def _read(entry: polib.POEntry, n: int | None = None) -> str:
    if n is None:
        if entry.msgctxt is None:
            return translation.gettext(entry.msgid)
        return translation.pgettext(entry.msgctxt, entry.msgid)
    if entry.msgctxt is None:
        return translation.ngettext(entry.msgid, entry.msgid_plural, n)
    return translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)


def _expected_and_read(po: polib.POFile):  # type: ignore[no-untyped-def]
    numbers = _a_number_for_each_form(po)
    for entry in po:
        if entry.obsolete or not entry.msgid or "fuzzy" in entry.flags:
            continue
        if not entry.msgid_plural:
            yield entry, None, entry.msgstr, _read(entry)
            continue
        for form, ours in sorted(entry.msgstr_plural.items()):
            if int(form) in numbers:
                yield entry, form, ours, _read(entry, numbers[int(form)])


def _overridden(language: str) -> list[tuple[str, str | None, str, int | None, str, str]]:
    root = Path(settings.BASE_DIR).resolve()
    wrong = []
    with translation.override(language):
        for path in catalogues(language):
            where = str(path.resolve().relative_to(root))
            for entry, form, ours, read in _expected_and_read(polib.pofile(str(path))):
                if read != ours:
                    wrong.append((where, entry.msgctxt, entry.msgid, form, ours, read))
    return wrong


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_of_our_catalogues_is_read_in_our_words(language: str) -> None:
    assert _overridden(language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_check_reads_plural_forms_and_contexts_too(language: str) -> None:
    # A guard that the walk above reaches every kind of entry it must check.
    kinds = {
        (entry.msgctxt is not None, form is not None)
        for path in catalogues(language)
        for entry, form, _ours, _read in _expected_and_read(polib.pofile(str(path)))
    }
    assert {(False, False), (False, True), (True, False)} <= kinds
