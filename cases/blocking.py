"""What matching reads from the database, for many queries at once.

cases/matching.py scores; this module finds each query's candidates (the
blocking) and reads what scoring needs of them, in a fixed number of
statements however many queries there are: a list import matches a hundred
rows with about seven queries instead of five a row (bench/README.md, list
imports). The API matches one query the same way, so both give the same
candidates by construction.

Each query is ranked by the grouped statement it always had (keys met, then
the same birth, then the case id; written out, as building it with the ORM
a hundred times a share cost more than running it); the statements of many
queries are sent as one UNION ALL, each branch labelled with its query, and
the service numbers likewise (compared by the database's UPPER, as iexact
does). The facts come back in the order of case numbers, as one query's did.
bench/match_check.py compares every decision with the one-query matcher.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import CharField, QuerySet, Value

from cases.models import CaseNameKey, CaseNamePair, MissingPerson

# Candidates scored per query: the cases meeting most keys (then the same
# birth) come first, so 40 hold the man in a registry of 100,000
# (bench/README.md) and score in a few milliseconds.
BLOCK = 40
# Letters of a fold that a slip of the pen leaves alone, mostly (the last
# resort of blocking).
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
    pairs = {i: _keyed(CaseNamePair, b.pairs) for i, b in enumerate(blocks) if b.pairs}
    ids: dict[int, list[int]] = {i: [] for i in range(len(blocks))} | _ranked(pairs, blocks)
    singles = {
        i: _keyed(CaseNameKey, sorted(set(b.keys)))
        for i, b in enumerate(blocks)
        if len(ids[i]) < limit and b.keys
    }
    for i, found in _ranked(singles, blocks).items():
        seen = set(ids[i])
        ids[i] += [pk for pk in found if pk not in seen]
    prefixes = {i: _begins(b.starts) for i, b in enumerate(blocks) if not ids[i] and b.starts}
    ids |= _ranked(prefixes, blocks)
    numbers = {i: [b.number] for i, b in enumerate(blocks) if b.number}
    same = _by_number(numbers)
    # The name's candidates are cut to BLOCK; the cases with the query's own
    # service number always come after them, never cut by their number.
    out = []
    for i in range(len(blocks)):
        named = ids[i][:BLOCK]
        out.append(named + [pk for pk in same.get(i, []) if pk not in named])
    return out


class _Rows(NamedTuple):
    """Which key rows a query meets: a table and a condition on it (SQL, params)."""

    table: str
    where: str
    params: list[Any]


def _keyed(model: Any, keys: list[str]) -> _Rows:
    marks = ", ".join(["%s"] * len(keys))
    return _Rows(model._meta.db_table, f"k.{_q('key')} IN ({marks})", list(keys))


def _begins(starts: list[str]) -> _Rows:
    """Words that begin as one of the starts: a range of folds each, from the
    start to the start with its last letter raised, which the fold's index
    answers. Folds are ASCII a-z, which every collation orders alike; a bound
    past "z" ("{") would depend on the database's collation (ICU puts it
    before the letters), so a start ending in z raises the letter before."""
    fold = f"k.{_q('fold')}"
    ranges, params = [], []
    for start in starts:
        after = _raised(start)
        ranges.append(f"({fold} >= %s AND {fold} < %s)" if after else f"({fold} >= %s)")
        params += [start, after] if after else [start]
    return _Rows(CaseNameKey._meta.db_table, " OR ".join(ranges), params)


def _raised(start: str) -> str:
    """The first string past every word that begins with `start` (a-z): "abz"
    -> "ac"; "" when there is none ("zz")."""
    stem = start.rstrip("z")
    return stem[:-1] + chr(ord(stem[-1]) + 1) if stem else ""


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _ranked(rows: dict[int, _Rows], blocks: Sequence[Block]) -> dict[int, list[int]]:
    """Case ids of each query's key rows, most keys met first (then the same
    birth, then the lowest id), at most BLOCK: one grouped statement a query,
    sent together as one UNION ALL. Written out rather than built by the
    ORM: building a hundred querysets cost more than running them."""
    branches = [_ranked_sql(these, blocks[i], i) for i, these in rows.items()]
    found: dict[int, list[tuple[int, int, int]]] = {i: [] for i in rows}
    with connection.cursor() as cursor:
        for sql, params in _statements(branches):
            cursor.execute(sql, params)
            for label, case_id, met, born in cursor.fetchall():
                found[label].append((-met, -born, case_id))
    # UNION ALL promises no order: each query's rows are put back in its own.
    return {i: [case_id for _met, _born, case_id in sorted(hits)] for i, hits in found.items()}


def _statements(branches: list[tuple[str, list[Any]]]) -> list[tuple[str, list[Any]]]:
    """The branches as one statement; each is a subquery of its own, where
    both databases allow its ORDER BY and LIMIT."""
    if len(branches) < 2:
        return branches
    sql = " UNION ALL ".join(
        f"SELECT * FROM ({branch}) AS {_q(f'b{i}')}"  # noqa: S608 - our own statements
        for i, (branch, _params) in enumerate(branches)
    )
    return [(sql, [param for _branch, params in branches for param in params])]


def _ranked_sql(rows: _Rows, block: Block, label: int) -> tuple[str, list[Any]]:
    """The statement matching always ranked a query's key rows with: keys
    met, then born as asked (the day, or the year when only the year is
    known), then the case id."""
    born, born_params, join = "0", [], ""
    case = f"m.{_q('date_of_birth')}"
    if block.date_of_birth:
        born, born_params = (
            f"MAX(CASE WHEN {case} = %s THEN 1 ELSE 0 END)",
            [block.date_of_birth.isoformat()],
        )
    elif block.birth_year:
        born = f"MAX(CASE WHEN {case} BETWEEN %s AND %s THEN 1 ELSE 0 END)"
        born_params = [f"{block.birth_year:04d}-01-01", f"{block.birth_year:04d}-12-31"]
    if born_params:
        join = (
            f" INNER JOIN {_q(MissingPerson._meta.db_table)} m ON m.{_q('id')} = k.{_q('case_id')}"
        )
    sql = (
        f"SELECT %s AS {_q('label')}, k.{_q('case_id')}, COUNT(DISTINCT k.{_q('key')}) AS "  # noqa: S608 - names from _meta
        f"{_q('met')}, {born} AS {_q('born')} FROM {_q(rows.table)} k{join} WHERE {rows.where} "
        f"GROUP BY k.{_q('case_id')} ORDER BY 3 DESC, 4 DESC, 2 LIMIT {BLOCK}"
    )
    return sql, [label, *born_params, *rows.params]


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
