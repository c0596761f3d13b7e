"""The spellings of a case's name and their keys (cases/names.py).

Every service that writes a name calls `case_spellings_record` in its own
transaction, so the keys search and matching look up are never behind the
names; a caseworker adds one by hand with `case_spelling_add`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from django.db import transaction
from django.utils.translation import gettext

from cases import names
from cases.errors import InvalidInput
from cases.models import (
    CaseNameKey,
    CaseNamePair,
    CaseSpelling,
    EventKind,
    MissingPerson,
    NamePart,
    SpellingSource,
)
from cases.services._common import require_caseworker
from cases.services.events import event_append
from cases.services.locking import atomic_retrying, lock_case
from cases.services.text import clean_text

# The case's own fields and the part and source each spelling is kept as.
CASE_NAME_FIELDS = (
    ("given_name", NamePart.GIVEN, SpellingSource.REGISTERED),
    ("family_name", NamePart.FAMILY, SpellingSource.REGISTERED),
    ("patronymic", NamePart.PATRONYMIC, SpellingSource.REGISTERED),
    ("name_native", NamePart.FULL, SpellingSource.NATIVE),
)
SPELLING_MAX = CaseSpelling._meta.get_field("text").max_length or 300


def case_name_spellings(case: MissingPerson) -> list[tuple[str, str, str]]:
    """(part, text, source) of the names written on the case itself."""
    return [
        (part, getattr(case, field), source)
        for field, part, source in CASE_NAME_FIELDS
        if getattr(case, field)
    ]


def case_spellings_record(
    *, case: MissingPerson, spellings: Iterable[tuple[str, str, str]], actor: Any
) -> list[CaseSpelling]:
    """Keep each (part, text, source) the case does not have yet, with its
    keys. Returns the spellings that are new. Runs in the caller's
    transaction."""
    wanted = {(part, " ".join(text.split())): source for part, text, source in spellings}
    wanted = {pt: source for pt, source in wanted.items() if pt[1]}
    if not wanted:
        return []
    have = set(
        CaseSpelling.objects.filter(case=case, text__in=[t for _, t in wanted]).values_list(
            "part", "text"
        )
    )
    new = [
        CaseSpelling(
            case=case,
            part=part,
            text=text,
            script=names.detect_script(text),
            source=source,
            added_by=actor if getattr(actor, "pk", None) else None,
        )
        for (part, text), source in wanted.items()
        if (part, text) not in have
    ]
    CaseSpelling.objects.bulk_create(new)
    CaseNameKey.objects.bulk_create(key for spelling in new for key in spelling_keys(spelling))
    if new:
        name_pairs_refresh(case.pk)
    return new


def name_pairs(rows: Iterable[tuple[int, str, str]]) -> set[str]:
    """The key pairs of a case from its key rows (spelling id, part, key): two
    words of different parts, or of one full spelling, in sorted order."""
    listed = list(rows)
    return {
        " ".join(sorted((a[2], b[2])))
        for i, a in enumerate(listed)
        for b in listed[i + 1 :]
        if a[2] != b[2] and (a[1] != b[1] or a[0] == b[0])
    }


def name_pairs_refresh(case_id: int) -> None:
    rows = CaseNameKey.objects.filter(case_id=case_id).values_list("spelling_id", "part", "key")
    wanted = name_pairs(rows)
    CaseNamePair.objects.filter(case_id=case_id).exclude(key__in=wanted).delete()
    have = set(CaseNamePair.objects.filter(case_id=case_id).values_list("key", flat=True))
    CaseNamePair.objects.bulk_create(
        CaseNamePair(case_id=case_id, key=key) for key in sorted(wanted - have)
    )


def spelling_keys(spelling: CaseSpelling) -> list[CaseNameKey]:
    """The key rows of one spelling (not saved)."""
    return [
        CaseNameKey(
            case_id=spelling.case_id,
            spelling=spelling,
            part=spelling.part,
            position=position,
            word=word.word[:80],
            key=word.key[:60],
            fold=word.fold[:80],
        )
        for position, word in enumerate(names.name_keys(spelling.text, spelling.part))
    ]


class SpellingAdded(NamedTuple):
    spelling: CaseSpelling
    created: bool  # False: the case already had this spelling, nothing changed


@atomic_retrying
def case_spelling_add(
    *,
    case: MissingPerson,
    actor: Any,
    part: str,
    text: str,
    source: str = SpellingSource.MANUAL,
) -> SpellingAdded:
    """A caseworker adds a spelling the case is known by (staff-only event)."""
    require_caseworker(actor)
    # Spellings reach families (the name in their script): the one text rule.
    text = clean_text("text", " ".join((text or "").split()))
    _check_spelling(part, text, source)
    # Under the case's lock, as every name write is: two identical adds, or an
    # add and a name change, take turns, and the second finds the first's row.
    locked = lock_case(case.pk)
    found = CaseSpelling.objects.filter(case=locked, part=part, text=text).first()
    if found is not None:
        return SpellingAdded(found, created=False)
    (spelling,) = case_spellings_record(case=locked, spellings=[(part, text, source)], actor=actor)
    event_append(
        case=locked,
        kind=EventKind.SPELLING_ADDED,
        actor=actor,
        summary=f"Spelling added ({spelling.get_part_display()}, {spelling.script}).",
        data={"spelling_id": spelling.pk, "part": part, "script": spelling.script},
    )
    return SpellingAdded(spelling, created=True)


def _check_spelling(part: str, text: str, source: str) -> None:
    errors: dict[str, list[str]] = {}
    if part not in NamePart.values:
        errors["part"] = [gettext("One of: %(values)s.") % {"values": ", ".join(NamePart.values)}]
    if not text:
        errors["text"] = [gettext("A spelling cannot be empty.")]
    elif len(text) > SPELLING_MAX:
        errors["text"] = [
            gettext("A spelling can be at most %(n)d characters.") % {"n": SPELLING_MAX}
        ]
    elif not names.name_keys(text):
        errors["text"] = [gettext("A spelling needs letters.")]
    if source not in SpellingSource.values:
        known = ", ".join(SpellingSource.values)
        errors["source"] = [gettext("One of: %(values)s.") % {"values": known}]
    if errors:
        raise InvalidInput(errors)


def name_keys_rebuild(*, case_ids: Iterable[int] | None = None) -> int:
    """Recompute every key row from its spelling: after the fold changed
    (cases/names.py), old keys would no longer meet new queries. Returns the
    number of spellings rekeyed."""
    spellings = CaseSpelling.objects.all()
    if case_ids is not None:
        spellings = spellings.filter(case_id__in=list(case_ids))
    done = 0
    cases = set()
    for spelling in spellings.iterator(chunk_size=2000):
        with transaction.atomic():
            spelling.keys.all().delete()
            CaseNameKey.objects.bulk_create(spelling_keys(spelling))
        cases.add(spelling.case_id)
        done += 1
    for case_id in sorted(cases):
        with transaction.atomic():
            name_pairs_refresh(case_id)
    return done
