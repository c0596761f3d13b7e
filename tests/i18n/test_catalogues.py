"""Every message catalogue in the repository, found by walking it: each has
its hy and ru, every msgid is translated (no fuzzy), the placeholders match,
and the committed .mo says what the .po says (a fresh clone runs without
system gettext). A new app's <app>/locale/ is picked up with no change here."""

from __future__ import annotations

import os
import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = ("hy", "ru")
SKIP_DIRS = {"node_modules", "staticfiles", "__pycache__"}


def _catalogues() -> list[Path]:
    found = []
    for root, dirs, files in os.walk(REPO):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS]
        found += [Path(root) / f for f in files if f.endswith(".po")]
    return sorted(found)


CATALOGUES = _catalogues()
LOCALE_DIRS = sorted({po.parents[2] for po in CATALOGUES})
PLACEHOLDER = re.compile(r"%\([A-Za-z_]\w*\)[sdifr]|%[sdif]|\{[A-Za-z_]\w*\}|\{\{|\}\}|\{%|%\}")


def _id(path: Path) -> str:
    return str(path.relative_to(REPO))


def test_the_repository_has_the_catalogues_we_know_of() -> None:
    # A guard that the walk works at all: these three always exist.
    names = {_id(d) for d in LOCALE_DIRS}
    assert {"locale", "families/locale", "cases/locale"} <= names


@pytest.mark.parametrize("locale_dir", LOCALE_DIRS, ids=_id)
def test_every_locale_dir_has_armenian_and_russian(locale_dir: Path) -> None:
    for language in LANGUAGES:
        assert (locale_dir / language / "LC_MESSAGES" / "django.po").exists(), language


@pytest.mark.parametrize("locale_dir", LOCALE_DIRS, ids=_id)
def test_every_locale_dir_is_one_django_reads(locale_dir: Path) -> None:
    read = {Path(p).resolve() for p in settings.LOCALE_PATHS}
    read |= {Path(app.path).resolve() / "locale" for app in apps.get_app_configs()}
    assert locale_dir.resolve() in read, "not in LOCALE_PATHS nor an installed app's locale/"


def _entries(po_path: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(po_path)) if not e.obsolete]


@pytest.mark.parametrize("po_path", CATALOGUES, ids=_id)
def test_every_message_is_translated_and_none_is_fuzzy(po_path: Path) -> None:
    untranslated = [e.msgid for e in _entries(po_path) if not e.translated()]
    fuzzy = [e.msgid for e in _entries(po_path) if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("po_path", CATALOGUES, ids=_id)
def test_translations_keep_the_placeholders_of_the_english(po_path: Path) -> None:
    wrong = []
    for entry in _entries(po_path):
        if entry.msgid_plural:
            expected = _placeholders(entry.msgid_plural)
            wrong += [
                (entry.msgid, form)
                for form in entry.msgstr_plural.values()
                if _placeholders(form) != expected
            ]
        elif _placeholders(entry.msgstr) != _placeholders(entry.msgid):
            wrong.append((entry.msgid, entry.msgstr))
    assert wrong == []


def _as_pairs(entries: list[polib.POEntry]) -> dict[tuple[str | None, str], object]:
    pairs: dict[tuple[str | None, str], object] = {}
    for e in entries:
        if e.msgid == "":
            continue
        value = dict(sorted(e.msgstr_plural.items())) if e.msgid_plural else e.msgstr
        pairs[(e.msgctxt, e.msgid)] = value
    return pairs


@pytest.mark.parametrize("po_path", CATALOGUES, ids=_id)
def test_the_committed_mo_is_compiled_from_the_po(po_path: Path) -> None:
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), "compile it: make messages"
    po = [e for e in _entries(po_path) if e.translated() and "fuzzy" not in e.flags]
    mo = list(polib.mofile(str(mo_path)))
    assert _as_pairs(mo) == _as_pairs(po), "the .mo is stale: make messages"
