"""Every string the code marks for translation is in its catalogue, translated:
a msgid added to a template or a module without `make messages` would reach
an Armenian or Russian reader in English, and test_catalogues.py (which reads
only the .po files) could not see it. The test runs the project's own
extraction (`make extract-messages`) on a copy of the tree and reads what it
made: an entry the committed catalogue lacks comes out untranslated or fuzzy,
and an entry the code no longer has is gone from the copy."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

REPO = Path(__file__).resolve().parents[2]
COPY_IGNORES = (".venv", ".git", "node_modules", "staticfiles", "__pycache__", "*.mo", "artifacts")

Key = tuple[str | None, str, str]


def _keys(path: Path) -> set[Key]:
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in polib.pofile(str(path)) if not e.obsolete}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("xgettext") is None:
        pytest.skip("system gettext (xgettext) is not installed; .ci/run installs it")
    copy = tmp_path_factory.mktemp("tree") / "casemgr"
    shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns(*COPY_IGNORES))
    run = subprocess.run(
        ["make", "--no-print-directory", "extract-messages", f"VENV={sys.prefix}"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return copy


def _catalogues() -> list[Path]:
    return sorted(p.relative_to(REPO) for p in REPO.glob("**/locale/*/LC_MESSAGES/django.po"))


CATALOGUES = [p for p in _catalogues() if not {".venv", "node_modules"} & set(p.parts)]


def test_the_catalogues_are_found() -> None:
    assert Path("families/locale/ru/LC_MESSAGES/django.po") in CATALOGUES


@pytest.mark.parametrize("po", CATALOGUES, ids=str)
def test_every_marked_string_is_in_its_catalogue_and_translated(extracted: Path, po: Path) -> None:
    fresh = polib.pofile(str(extracted / po))
    missing = [e.msgid for e in fresh if not e.obsolete and (not e.translated() or e.fuzzy)]
    assert missing == []


@pytest.mark.parametrize("po", CATALOGUES, ids=str)
def test_no_catalogue_keeps_a_string_the_code_no_longer_has(extracted: Path, po: Path) -> None:
    stale = _keys(REPO / po) - _keys(extracted / po)
    assert stale == set()
