"""The workspace's catalogue: every word has its Armenian and Russian, with
the same placeholders, the committed .mo says what the .po says, and it
carries every label of the other apps' choices the pages show."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.utils import translation

from casemgr.workspace.catalogue import CHOICE_LABELS
from cases.imports.models import Action, BatchStatus, Purpose, RowState
from cases.models import (
    DetentionEventType,
    EventKind,
    ExchangePrinciple,
    ExchangeStatus,
    HealthState,
    ListingOutcome,
    NamePart,
    NameScript,
    ReportSource,
    SpellingSource,
    Verification,
)
from cases.status import Status
from families.models import Channel, NotificationStatus, Relationship

LOCALE = Path(__file__).resolve().parents[2] / "casemgr" / "workspace" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def read_po(path: Path) -> dict[tuple[str | None, str], list[str]]:
    """(context, msgid) -> its translations (one, or one per plural form); the
    header (empty msgid) left out. Enough of the format for what makemessages
    writes."""
    entries: dict[tuple[str | None, str], list[str]] = {}
    current: dict[str, str] = {}
    key = ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith('"'):
            current[key] += ast.literal_eval(line)
        elif line.strip() == "" and current:
            if current.get("msgid"):
                entries[(current.get("msgctxt"), current["msgid"])] = [
                    v for k, v in sorted(current.items()) if k.startswith("msgstr")
                ]
            current = {}
        elif line and not line.startswith("#"):
            key, value = line.split(" ", 1)
            current[key] = ast.literal_eval(value)
    return entries


@pytest.mark.parametrize("language", ["hy", "ru"])
def test_every_word_is_translated_with_the_same_placeholders(language):
    entries = read_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 200
    for (_context, msgid), translations in entries.items():
        assert all(translations), f"{language}: {msgid!r} has no translation"
        for text in translations:
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(msgid)), (
                f"{language}: {msgid!r} -> {text!r}"
            )


@pytest.mark.parametrize("language", ["hy", "ru"])
def test_the_committed_mo_is_compiled_from_the_po(language):
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for (context, msgid), translations in read_po(folder / "django.po").items():
        if context is not None:
            assert compiled.pgettext(context, msgid) == translations[0], (context, msgid)
        elif len(translations) == 1:
            assert compiled.gettext(msgid) == translations[0], msgid
        else:
            assert compiled.ngettext(msgid, msgid + "s", 1) == translations[0], msgid


def test_the_catalogue_names_every_label_the_pages_show():
    enums = [
        Status,
        EventKind,
        ReportSource,
        Verification,
        ExchangePrinciple,
        ExchangeStatus,
        ListingOutcome,
        Channel,
        NotificationStatus,
        Relationship,
        DetentionEventType,
        HealthState,
        Purpose,
        BatchStatus,
        RowState,
        Action,
        NamePart,
        NameScript,
        SpellingSource,
    ]
    # In the source language, whatever another test left active.
    with translation.override("en"):
        listed = {str(label) for labels in CHOICE_LABELS.values() for label in labels}
        shown = {str(choice.label) for enum in enums for choice in enum}
    assert shown <= listed
