"""What matching reads from the database, for many queries at once.

cases/matching.py scores; this module finds each query's candidates (the
blocking) and reads what scoring needs of them, in a fixed number of
statements however many queries there are: a list import matches a hundred
rows with about seven queries instead of five a row (bench/README.md, list
imports). The API matches one query the same way, so both give the same
candidates by construction.

Every query is decided exactly as the single-query SQL decided it: the
key rows are read with the same conditions, then counted and ranked here
(keys met, then the same birth, then the case id: integers, so Python's
order is the database's). Whatever depends on the database's own rules is
left to it: the prefix ranges and the case-insensitive service number are
compared by the database (its collation, its UPPER), each labelled with the
range or number it answered; rows are returned in its order of case number.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from django.db.models import CharField, QuerySet, Value

from cases.models import CaseNameKey, CaseNamePair, MissingPerson

# Candidates scored per query: the cases meeting most keys (then the same
# birth) come first, so 40 hold the man in a registry of 100,000
# (bench/README.md) and score in a few milliseconds.
BLOCK = 40
# Letters of a fold that a slip of the pen leaves alone, mostly (the last
# resort of blocking); folds are ASCII a-z, so "{" sorts after every one.
PREFIX = 4
# Queries read together: a UNION of this many branches stays well under
# SQLite's limit of compound terms (500).
SLICE = 100


@dataclass(frozen=True)
class Block:
    """What blocking needs of one query."""

    keys: tuple[str, ...]
    folds: tuple[str, ...]
    date_of_birth: date | None = None
    birth_year: int | None = None
    service_number: str = ""

    @property
    def pairs(self) -> list[str]:
        ordered = sorted(set(self.keys))
        return [f"{a} {b}" for a, b in itertools.combinations(ordered, 2)]

    @property
    def starts(self) -> list[str]:
        return sorted({fold[:PREFIX] for fold in self.folds if len(fold) > PREFIX})

    @property
    def number(self) -> str:
        return (self.service_number or "").strip()

    def born_same(self, born: date | None) -> int:
        """1 when the case was born as asked (the day, or the year when only
        the year is known): ranked before a namesake."""
        if born is None:
            return 0
        if self.date_of_birth:
            return int(born == self.date_of_birth)
        return int(self.birth_year is not None and born.year == self.birth_year)


class Facts(NamedTuple):
    """What scoring reads of a case (the full rows are loaded for the winners)."""

    pk: int
    case_number: str
    date_of_birth: date | None
    service_number: str | None


# A key row as blocking reads it: its label (key, range start or number),
# the key it carries, its case and the case's date of birth.
_Row = tuple[str, str, int, date | None]


def block_many(blocks: Sequence[Block], *, limit: int) -> list[list[int]]:
    """Each query's candidate ids, best first: cases that have two of its
    keys together (a pair row); if that gives fewer than `limit`, cases with
    any one of them; if none, cases with a word that begins as one of the
    query's does (a slip of the pen late in a name changes its key, rarely
    its first letters); then the case with the same service number."""
    out: list[list[int]] = []
    for start in range(0, len(blocks), SLICE):
        out += _block_slice(blocks[start : start + SLICE], limit)
    return out


def _block_slice(blocks: Sequence[Block], limit: int) -> list[list[int]]:
    wanted = {i: b.pairs for i, b in enumerate(blocks) if b.pairs}
    ids = {i: _ranked(rows, blocks[i]) for i, rows in _by_key(CaseNamePair, wanted).items()}
    ids.update({i: [] for i in range(len(blocks)) if i not in ids})
    wanted = {i: sorted(set(b.keys)) for i, b in enumerate(blocks) if len(ids[i]) < limit}
    for i, rows in _by_key(CaseNameKey, wanted).items():
        seen = set(ids[i])
        ids[i] += [pk for pk in _ranked(rows, blocks[i]) if pk not in seen]
    wanted = {i: b.starts for i, b in enumerate(blocks) if not ids[i] and b.starts}
    for i, rows in _by_prefix(wanted).items():
        ids[i] = _ranked(rows, blocks[i])
    wanted = {i: [b.number] for i, b in enumerate(blocks) if b.number}
    for i, same in _by_number(wanted).items():
        ids[i] += [pk for pk in same if pk not in ids[i]]
    return [ids[i][: BLOCK + 1] for i in range(len(blocks))]


def _ranked(rows: Iterable[_Row], block: Block) -> list[int]:
    """Case ids of the rows, most distinct keys met first, then the same
    birth, then the lowest id: the order the single-query SQL had
    (COUNT(DISTINCT key) DESC, MAX(born) DESC, case_id)."""
    met: dict[int, set[str]] = defaultdict(set)
    born: dict[int, int] = {}
    for _label, key, case_id, date_of_birth in rows:
        met[case_id].add(key)
        born[case_id] = block.born_same(date_of_birth)
    order = sorted(met, key=lambda pk: (-len(met[pk]), -born[pk], pk))
    return order[:BLOCK]


def _by_key(model: Any, wanted: dict[int, list[str]]) -> dict[int, list[_Row]]:
    """The key rows of each query's keys, read in one statement."""
    keys = sorted({key for some in wanted.values() for key in some})
    if not keys:
        return {}
    found: dict[str, list[_Row]] = defaultdict(list)
    rows = model.objects.filter(key__in=keys).values_list("key", "case_id", "case__date_of_birth")
    for key, case_id, born in rows.order_by():
        found[key].append((key, key, case_id, born))
    return {i: [row for key in some for row in found.get(key, [])] for i, some in wanted.items()}


def _by_prefix(wanted: dict[int, list[str]]) -> dict[int, list[_Row]]:
    """Key rows whose fold begins with one of each query's starts; the
    database compares the ranges (in its collation), one labelled branch a
    start."""
    starts = sorted({start for some in wanted.values() for start in some})
    if not starts:
        return {}
    branches = [
        CaseNameKey.objects.filter(fold__gte=start, fold__lt=start + "{")
        .order_by()
        .annotate(label=Value(start, output_field=CharField()))
        .values_list("label", "key", "case_id", "case__date_of_birth")
        for start in starts
    ]
    found: dict[str, list[_Row]] = defaultdict(list)
    for row in _union(branches):
        found[row[0]].append(row)
    return {
        i: [row for start in some for row in found.get(start, [])] for i, some in wanted.items()
    }


def _by_number(wanted: dict[int, list[str]]) -> dict[int, list[int]]:
    """The cases with each query's service number, in any case (iexact, the
    database's UPPER), in the order of their case numbers."""
    numbers = sorted({number for some in wanted.values() for number in some})
    if not numbers:
        return {}
    branches = [
        MissingPerson.objects.filter(service_number__iexact=number)
        .order_by()
        .annotate(label=Value(number, output_field=CharField()))
        .values_list("label", "pk", "case_number")
        for number in numbers
    ]
    found: dict[str, list[int]] = defaultdict(list)
    for label, pk, _number in _union(branches).order_by("case_number"):
        found[label].append(pk)
    return {
        i: [pk for number in some for pk in found.get(number, [])] for i, some in wanted.items()
    }


def _union(branches: list[QuerySet]) -> QuerySet:
    return branches[0].union(*branches[1:], all=True) if len(branches) > 1 else branches[0]


def facts_of(ids: Iterable[int]) -> list[Facts]:
    """The cases' facts in the order of their case numbers (the order the
    scores are summed in, so every query sums in the same order)."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    rows = MissingPerson.objects.filter(pk__in=wanted).values_list(*Facts._fields)
    return [Facts(*row) for row in rows]


def spelling_rows(ids: Iterable[int]) -> QuerySet:
    """(case, spelling, part, word, fold, key) of the cases' name keys,
    spelling by spelling, word by word."""
    return (
        CaseNameKey.objects.filter(case_id__in=sorted(set(ids)))
        .order_by("spelling_id", "position")
        .values_list("case_id", "spelling_id", "part", "word", "fold", "key")
    )
