"""What matching reads from the database, for many queries at once.

cases/matching.py scores; this module finds each query's candidates (the
blocking) and reads what scoring needs of them, in a fixed number of
statements however many queries there are: a list import matches a hundred
rows with about seven queries instead of five a row (bench/README.md, list
imports). The API matches one query the same way, so both give the same
candidates by construction.

Each query is ranked by the grouped statement it always had (keys met, then
the same birth, then the case id); the statements of many queries are sent
as one UNION ALL, each branch labelled with its query, and the service
numbers likewise (compared by the database's UPPER, as iexact does). The
facts come back in the order of case numbers, as one query's did.
"""

from __future__ import annotations

import itertools
import operator
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import reduce
from typing import NamedTuple

from django.db import connection
from django.db.models import Case, CharField, Count, IntegerField, Max, Q, QuerySet, Value, When

from cases.models import CaseNameKey, CaseNamePair, MissingPerson

# Candidates scored per query: the cases meeting most keys (then the same
# birth) come first, so 40 hold the man in a registry of 100,000
# (bench/README.md) and score in a few milliseconds.
BLOCK = 40
# Letters of a fold that a slip of the pen leaves alone, mostly (the last
# resort of blocking); folds are ASCII a-z, so "{" sorts after every one.
PREFIX = 4
# Queries read together: a UNION of this many branches stays well under
# SQLite's limit of compound terms (500) and PostgreSQL plans it quickly.
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


class Facts(NamedTuple):
    """What scoring reads of a case (the full rows are loaded for the winners)."""

    pk: int
    case_number: str
    date_of_birth: date | None
    service_number: str | None


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
    pairs = {
        i: CaseNamePair.objects.filter(key__in=b.pairs) for i, b in enumerate(blocks) if b.pairs
    }
    ids: dict[int, list[int]] = {i: [] for i in range(len(blocks))} | _ranked(pairs, blocks)
    singles = {
        i: CaseNameKey.objects.filter(key__in=sorted(set(b.keys)))
        for i, b in enumerate(blocks)
        if len(ids[i]) < limit and b.keys
    }
    for i, found in _ranked(singles, blocks).items():
        seen = set(ids[i])
        ids[i] += [pk for pk in found if pk not in seen]
    prefixes = {
        i: CaseNameKey.objects.filter(_begins(b.starts))
        for i, b in enumerate(blocks)
        if not ids[i] and b.starts
    }
    ids |= _ranked(prefixes, blocks)
    numbers = {i: [b.number] for i, b in enumerate(blocks) if b.number}
    for i, same in _by_number(numbers).items():
        ids[i] += [pk for pk in same if pk not in ids[i]]
    return [ids[i][: BLOCK + 1] for i in range(len(blocks))]


def _begins(starts: list[str]) -> Q:
    return reduce(operator.or_, [Q(fold__gte=start, fold__lt=start + "{") for start in starts])


def _ranked(rows: dict[int, QuerySet], blocks: Sequence[Block]) -> dict[int, list[int]]:
    """Case ids of each query's key rows, most keys met first (then the same
    birth, then the lowest id), at most BLOCK: one grouped statement a query,
    sent together as one UNION ALL where the database allows a LIMIT in
    its branches (PostgreSQL; SQLite runs them one by one)."""
    branches = [_ranked_branch(qs, blocks[i], i) for i, qs in rows.items()]
    if not branches:
        return {}
    if connection.features.supports_slicing_ordering_in_compound:
        results: Iterable[tuple[int, int, int, int]] = _union(branches)
    else:
        results = itertools.chain.from_iterable(branches)
    found: dict[int, list[tuple[int, int, int, int]]] = {i: [] for i in rows}
    for label, case_id, met, born in results:
        found[label].append((label, case_id, met, born))
    # UNION ALL promises no order: each query's rows are put back in its own.
    return {
        i: [case_id for _label, case_id, _met, _born in sorted(hits, key=_rank)]
        for i, hits in found.items()
    }


def _rank(hit: tuple[int, int, int, int]) -> tuple[int, int, int]:
    _label, case_id, met, born = hit
    return (-met, -born, case_id)


def _ranked_branch(rows: QuerySet, block: Block, label: int) -> QuerySet:
    hits = rows.values("case_id").annotate(met=Count("key", distinct=True), born=_born_same(block))
    return (
        hits.order_by("-met", "-born", "case_id")
        .annotate(label=Value(label, output_field=IntegerField()))
        .values_list("label", "case_id", "met", "born")[:BLOCK]
    )


def _born_same(block: Block) -> Max | Value:
    """1 for a case born as asked (the day, or the year when only the year
    is known): ranked before a namesake. A constant when nothing is asked."""
    if block.date_of_birth:
        same = When(case__date_of_birth=block.date_of_birth, then=Value(1))
    elif block.birth_year:
        same = When(case__date_of_birth__year=block.birth_year, then=Value(1))
    else:
        return Value(0, output_field=IntegerField())
    return Max(Case(same, default=Value(0), output_field=IntegerField()))


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
