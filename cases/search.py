"""One search over the name keys: the API's `?q=`, the admin's search box and
the pages all call `cases_search`.

A query is any spelling in any script and any order ("Оганесян Арам",
"Aram Hovhannisyan"), a prefix ("Оган"), a case number or a service number.
Each word is folded and keyed (cases/names.py) and looked up in the indexed
key rows (CaseNameKey), never by scanning the cases; a case is found when
each word meets one of its spellings (with three words or more, one may miss:
a list's patronymic the registry never had). Ranked by how well the words
met: the same fold (3), the same key (2), a prefix (1); at most MAX_HITS.
At most four queries for a page, whatever the number of hits (the key pairs,
the ranked ids, the count and the page).
"""

from __future__ import annotations

import itertools
import operator
from functools import reduce

from django.db.models import Case, IntegerField, Max, Q, QuerySet, Value, When

from cases import names
from cases.models import CaseNameKey, CaseNamePair, MissingPerson

MAX_WORDS = 6
MAX_QUERY = 200
# Folds are ASCII a-z: every fold that starts with p sorts in [p, p + "{").
_AFTER_Z = "{"
IDENTIFIER_RANK = 100
MIN_PREFIX = 2
# A name that many cases carry is a list to narrow, not to read: the best
# 2,000 are found.
MAX_HITS = 2000


def _word_levels(word: names.WordKey) -> list[tuple[Q, int]]:
    """The conditions a key row meets this word by, strongest first."""
    levels = [(Q(fold=word.fold), 3), (Q(key=word.key), 2)]
    if len(word.fold) >= MIN_PREFIX:
        levels.append((Q(fold__gte=word.fold, fold__lt=word.fold + _AFTER_Z), 1))
    return levels


def _word_rank(word: names.WordKey) -> Max:
    whens = [When(cond, then=Value(rank)) for cond, rank in _word_levels(word)]
    return Max(Case(*whens, default=Value(0), output_field=IntegerField()))


def _word_met(word: names.WordKey) -> Max:
    met = reduce(operator.or_, (cond for cond, _ in _word_levels(word)))
    return Max(Case(When(met, then=Value(1)), default=Value(0), output_field=IntegerField()))


def query_words(q: str) -> list[names.WordKey]:
    return names.name_keys(" ".join((q or "").split())[:MAX_QUERY])[:MAX_WORDS]


def name_hits(words: list[names.WordKey]) -> list[tuple[int, int]]:
    """(case id, rank) of the cases whose spellings meet enough of the words,
    best first, at most MAX_HITS. With two words or more, the cases that have
    two of their keys together (CaseNamePair) are read first, case by case;
    only if there are none (a prefix, a slip) are the words looked up one by
    one in the key and fold indexes."""
    if len(words) >= 2:
        keys = sorted({w.key for w in words})
        pairs = [f"{a} {b}" for a, b in itertools.combinations(keys, 2)]
        paired = CaseNamePair.objects.filter(key__in=pairs).values_list("case_id", flat=True)
        ids = list(paired.distinct()[:MAX_HITS])
        if ids:
            return _ranked(CaseNameKey.objects.filter(case_id__in=ids), words)
    conditions = (cond for w in words for cond, _ in _word_levels(w))
    return _ranked(CaseNameKey.objects.filter(reduce(operator.or_, conditions)), words)


def _ranked(rows: QuerySet[CaseNameKey], words: list[names.WordKey]) -> list[tuple[int, int]]:
    need = len(words) - 1 if len(words) >= 3 else len(words)
    met = reduce(operator.add, (_word_met(w) for w in words))
    rank = reduce(operator.add, (_word_rank(w) for w in words))
    # order_by(): the model's ordering would join the spellings into the group.
    grouped = rows.order_by().values("case_id").annotate(met=met, rank=rank)
    ranked = grouped.filter(met__gte=need).order_by("-rank", "case_id")
    return list(ranked.values_list("case_id", "rank")[:MAX_HITS])


def cases_search(qs: QuerySet[MissingPerson], q: str) -> QuerySet[MissingPerson]:
    """The cases of `qs` that `q` finds, best first (then by case number);
    each carries `search_rank`."""
    text = " ".join((q or "").split())[:MAX_QUERY]
    if not text:
        return qs
    if any(char.isdigit() for char in text):  # names have no digits: a number
        return _numbered(qs, text)
    words = query_words(text)
    hits = name_hits(words) if words else []
    if not hits:
        return qs.none()
    # The ids are in hand: the page is read by primary key, and its order
    # comes from the ranks (a few distinct values), not from a subquery a row.
    by_rank: dict[int, list[int]] = {}
    for case_id, rank in hits:
        by_rank.setdefault(rank, []).append(case_id)
    order = Case(
        *(When(pk__in=ids, then=Value(rank)) for rank, ids in by_rank.items()),
        default=Value(0),
        output_field=IntegerField(),
    )
    found = qs.filter(pk__in=[case_id for case_id, _ in hits])
    return found.annotate(search_rank=order).order_by("-search_rank", "case_number")


def _numbered(qs: QuerySet[MissingPerson], text: str) -> QuerySet[MissingPerson]:
    """The case with this case number or service number, as typed or in
    either case (exact lookups, so the unique indexes answer)."""
    forms = sorted({text, text.upper(), text.lower()})
    found = qs.filter(Q(case_number__in=forms) | Q(service_number__in=forms))
    return found.annotate(search_rank=Value(IDENTIFIER_RANK)).order_by("case_number")
