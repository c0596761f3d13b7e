"""Find the cases a name (and what else is known) may belong to.

The interface is shared by the API (`POST /api/cases/match/`), list imports
and the pages: build a MatchQuery, call `match_candidates`, read
`Candidate.case`, `.score` (0..1) and `.reasons` (sentences a person reads).
`match_many` answers many queries at once (a list import's rows), each as
if asked alone.

1. Blocking (cases/blocking.py): the query's words are keyed
   (cases/names.py) and looked up in the indexed key rows; the cases meeting
   most keys (then the same date of birth) are the candidates, at most BLOCK
   of them, plus the case with the same service number. Never a scan of
   every case.
2. Scoring: each candidate's spellings (every spelling it was ever given)
   are aligned with the query's words in any order (family, given, father's
   name), word against word with rapidfuzz on the folds; then the strong
   identifiers: an equal service number or date of birth weighs more than
   the name, a different date of birth weighs against.
3. The score is the probability that the candidate is the man, shared out
   when several candidates are equally likely (two namesakes get about half
   each). What a score means, measured: README.md "What a match score means"
   and bench/README.md.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from rapidfuzz.distance import Indel

from cases import names
from cases.blocking import Block, block_many, facts_of, spelling_rows
from cases.blocking import Facts as _Case
from cases.models import MissingPerson, NamePart

MAX_LIMIT = 50
MAX_WORDS = 5
LIKELY = 0.3
# Below this a candidate is not offered at all.
FAINT = 0.02
SAME_KEY = 0.95
INITIAL = 0.9
DIFFERENT = 0.8
# The name's evidence: logit = NAME_SLOPE * (similarity - NAME_CENTRE); a
# name alike in every part is about 0.95 before the strong identifiers.
NAME_SLOPE = 30.0
NAME_CENTRE = 0.9
NAME_WEIGHTS: dict[str, float] = {
    NamePart.FAMILY: 0.5,
    NamePart.GIVEN: 0.35,
    NamePart.PATRONYMIC: 0.15,
}
_PART_LABEL = {
    NamePart.FAMILY: gettext_lazy("family name"),
    NamePart.GIVEN: gettext_lazy("given name"),
    NamePart.PATRONYMIC: gettext_lazy("father's name"),
}


@dataclass(frozen=True)
class MatchQuery:
    name: str
    date_of_birth: date | None = None
    # A list often gives only the year of birth.
    birth_year: int | None = None
    patronymic: str = ""
    service_number: str = ""


@dataclass(frozen=True)
class Candidate:
    case: MissingPerson
    score: float
    reasons: tuple[str, ...] = field(default=())
    # How likely he is the man on his own, before `score` shares that out
    # among namesakes: twenty namesakes at 0.05 each are still twenty
    # people the name fits (a list import must not call that row "new").
    likelihood: float = 0.0


@dataclass(frozen=True)
class _Word:
    text: str
    fold: str
    key: str
    # Written as a patronymic (Вартанович): only the father's name can be it.
    father_form: bool = False


@dataclass(frozen=True)
class _Pairing:
    sim: float
    asked: _Word
    found: _Word


def match_candidates(query: MatchQuery, *, limit: int = 5) -> list[Candidate]:
    """Best first; at most `limit` (capped at MAX_LIMIT)."""
    return match_many([query], limit=limit)[0]


def match_many(queries: Sequence[MatchQuery], *, limit: int = 5) -> list[list[Candidate]]:
    """match_candidates for each query, in one order, with a handful of
    database queries for all of them (cases/blocking.py): a list import
    matches its rows a share at a time. Each query's candidates are its own,
    as if it had been asked alone."""
    limit = max(1, min(limit, MAX_LIMIT))
    words = [
        (_query_words(q.name), _query_words(q.patronymic, NamePart.PATRONYMIC)) for q in queries
    ]
    blocks = [
        _blocking(q, asked + father) for q, (asked, father) in zip(queries, words, strict=True)
    ]
    ids = block_many(blocks, limit=limit)
    wanted = {pk for some in ids for pk in some}
    facts = {case.pk: case for case in facts_of(wanted)}
    # Each query's candidates are scored in the order of the facts (of their
    # case numbers), as when each query read its own.
    position = {pk: i for i, pk in enumerate(facts)}
    spellings = _spellings_of(wanted)
    tops = []
    for query, (asked, father), some in zip(queries, words, ids, strict=True):
        mine = sorted((pk for pk in set(some) if pk in facts), key=position.__getitem__)
        scored = [_score(query, asked, father, facts[pk], spellings[pk]) for pk in mine]
        tops.append(_share(scored)[:limit])
    winners = {s.case.pk for top in tops for s, _score_ in top}
    cases = MissingPerson.objects.in_bulk(sorted(winners)) if winners else {}
    return [
        [
            Candidate(
                case=cases[s.case.pk], score=score, reasons=_explain(s), likelihood=s.probability
            )
            for s, score in top
            if s.case.pk in cases
        ]
        for top in tops
    ]


def _query_words(text: str, part: str = "") -> list[_Word]:
    keys = names.name_keys(text or "", part)[:MAX_WORDS]
    return [_Word(k.word, k.fold, k.key, names.looks_patronymic(k.word)) for k in keys]


def _blocking(query: MatchQuery, words: list[_Word]) -> Block:
    return Block(
        keys=tuple(w.key for w in words),
        folds=tuple(w.fold for w in words),
        date_of_birth=query.date_of_birth,
        birth_year=query.birth_year,
        service_number=query.service_number,
    )


def _spellings_of(ids: set[int]) -> dict[int, dict[str, list[list[_Word]]]]:
    """Each case's spellings: per part, a list of spellings, each its words."""
    out: dict[int, dict[str, list[list[_Word]]]] = defaultdict(lambda: defaultdict(list))
    if not ids:
        return out
    rows: QuerySet = spelling_rows(ids)
    last = None
    for case_id, spelling_id, part, word, fold, key in rows:
        if spelling_id != last:
            out[case_id][part].append([])
            last = spelling_id
        out[case_id][part][-1].append(_word(word, fold, key))
    return out


@lru_cache(maxsize=65536)
def _word(text: str, fold: str, key: str) -> _Word:
    return _Word(text, fold, key)


# --- 2. scoring ----------------------------------------------------------------------
def _sim(asked: _Word, found: _Word, part: str) -> float:
    """How alike two words of one part are, 0..1."""
    return _fold_sim(asked.fold, asked.key, found.fold, found.key, part)


@lru_cache(maxsize=65536)
def _fold_sim(asked: str, asked_key: str, found: str, found_key: str, part: str) -> float:
    if asked == found:
        return 1.0
    ratio = Indel.normalized_similarity(asked, found)
    # Surnames on one key are the same name spelled another way.
    if part == NamePart.FAMILY:
        return SAME_KEY if asked_key == found_key else ratio * DIFFERENT
    if len(asked) == 1:  # an initial: A. for Aram
        return INITIAL if found.startswith(asked) else 0.0
    # Given names are folded by the reviewed table: two folds are two names
    # (Armen, Arman) unless it is a slip of the pen, and only letters speak.
    return ratio**4 * DIFFERENT


def _part_words(part: str, spellings: dict[str, list[list[_Word]]]) -> list[_Word]:
    """The words a part was ever spelled with, including the words of full
    spellings that belong to it (same key as a registered word of the part,
    or for the family name, a surname ending)."""
    own = [w for spelling in spellings.get(part, []) for w in spelling]
    keys = {w.key for w in own}
    for spelling in spellings.get(NamePart.FULL, []):
        for word in spelling:
            surname = part == NamePart.FAMILY and word.fold.endswith("ian")
            if word.key in keys or (surname and not own):
                own.append(word)
    return own


def _best(asked: _Word, words: list[_Word], part: str) -> _Pairing | None:
    if not words:
        return None
    sims = [_sim(asked, w, part) for w in words]
    best = max(range(len(words)), key=sims.__getitem__)
    return _Pairing(sims[best], asked, words[best])


_PARTS: tuple[str, ...] = (NamePart.FAMILY, NamePart.GIVEN, NamePart.PATRONYMIC)


@lru_cache(maxsize=16)
def _assignments(n: int) -> list[tuple[int | None, ...]]:
    """Every way to give each part one distinct query word (or none)."""
    picks = itertools.product([None, *range(n)], repeat=len(_PARTS))
    return [p for p in picks if len([i for i in p if i is not None]) == len({*p} - {None})]


@lru_cache(maxsize=16)
def _assignment_keys(n: int) -> list[tuple[tuple[str, int | None], ...]]:
    """Each assignment as the keys of the values it adds up."""
    return [tuple(zip(_PARTS, pick, strict=True)) for pick in _assignments(n)]


def _best_pick(n: int, value: dict[tuple[str, int | None], float]) -> tuple[int | None, ...]:
    """The first assignment with the highest sum of values (each sum taken
    by sum() in the parts' order, so ties and rounding fall as they always
    did); without a function call an assignment, which was a third of a list
    import's time."""
    get = value.get
    sums = [sum([get(a, 0.0), get(b, 0.0), get(c, 0.0)]) for a, b, c in _assignment_keys(n)]
    return _assignments(n)[max(range(len(sums)), key=sums.__getitem__)]


def _align(
    asked: list[_Word], father: list[_Word], spellings: dict[str, list[list[_Word]]]
) -> dict[str, _Pairing]:
    """The assignment of query words to parts with the best weighted sum."""
    words = {part: _part_words(part, spellings) for part in _PARTS}
    table = {
        (part, i): _best(w, words[part], part)
        for part in _PARTS
        for i, w in enumerate(asked)
        if part == NamePart.PATRONYMIC or not w.father_form
    }
    value: dict[tuple[str, int | None], float] = {
        k: NAME_WEIGHTS[k[0]] * p.sim for k, p in table.items() if p is not None
    }
    pick = _best_pick(len(asked), value)
    best = {
        part: pairing
        for part, i in zip(_PARTS, pick, strict=True)
        if i is not None and (pairing := table.get((part, i))) is not None
    }
    if father and words[NamePart.PATRONYMIC]:
        given = _best(father[0], words[NamePart.PATRONYMIC], NamePart.PATRONYMIC)
        if given is not None:
            best[NamePart.PATRONYMIC] = given
    return best


def _name_similarity(
    pairs: dict[str, _Pairing], spellings: dict[str, list[list[_Word]]], asked: int
) -> float:
    weights = dict(NAME_WEIGHTS)
    # A father's name that one side does not have is no evidence either way.
    if NamePart.PATRONYMIC not in pairs and not (spellings.get(NamePart.PATRONYMIC) and asked > 2):
        weights.pop(NamePart.PATRONYMIC)
    if asked == 1:  # one word names one part; the others are not known
        part = next(iter(pairs), NamePart.FAMILY)
        weights = {part: NAME_WEIGHTS[part]}
    total = sum(weights.values())
    return sum(weights[part] * p.sim for part, p in pairs.items() if part in weights) / total


@dataclass
class _Scored:
    case: _Case
    probability: float
    pairs: dict[str, _Pairing]
    # (untranslated message, its values): translated only for the candidates
    # that are returned.
    facts: list[tuple[str, dict[str, str]]]


def _score(
    query: MatchQuery,
    asked: list[_Word],
    father: list[_Word],
    case: _Case,
    spellings: dict[str, list[list[_Word]]],
) -> _Scored:
    pairs = _align(asked, father, spellings)
    similarity = _name_similarity(pairs, spellings, len(asked) + len(father))
    facts: list[tuple[str, dict[str, str]]] = []
    logit = NAME_SLOPE * (similarity - NAME_CENTRE)
    logit += _weigh_birth(query, case, facts) + _weigh_service_number(query, case, facts)
    return _Scored(case, 1.0 / (1.0 + math.exp(-logit)), pairs, facts)


def _explain(scored: _Scored) -> tuple[str, ...]:
    facts = [_(message) % values for message, values in scored.facts]
    return (*_name_reasons(scored.pairs), *facts)


def _name_reasons(pairs: dict[str, _Pairing]) -> list[str]:
    reasons = []
    for part in (NamePart.FAMILY, NamePart.GIVEN, NamePart.PATRONYMIC):
        pair = pairs.get(part)
        if pair is None:
            continue
        values = {
            "part": _PART_LABEL[part],
            "asked": pair.asked.text,
            "found": pair.found.text,
        }
        if pair.asked.fold == pair.found.fold:
            reasons.append(_("%(part)s: %(asked)s = %(found)s, same name") % values)
        elif pair.sim == SAME_KEY:
            reasons.append(_("%(part)s: %(asked)s ~ %(found)s, same key") % values)
        else:
            values["percent"] = round(
                Indel.normalized_similarity(pair.asked.fold, pair.found.fold) * 100
            )
            reasons.append(_("%(part)s: %(asked)s ~ %(found)s, %(percent)s%% alike") % values)
    return reasons


def _weigh_birth(query: MatchQuery, case: _Case, facts: list) -> float:
    born = case.date_of_birth
    if born is None or not (query.date_of_birth or query.birth_year):
        return 0.0
    values = {"born": born.isoformat()}
    if query.date_of_birth == born:
        facts.append((gettext_noop("date of birth: same (%(born)s)"), values))
        return 5.0
    if query.date_of_birth is None and query.birth_year == born.year:
        facts.append((gettext_noop("year of birth: same (%(born)s)"), values))
        return 2.0
    if query.birth_year == born.year:
        facts.append((gettext_noop("date of birth: same year, another day (%(born)s)"), values))
        return -2.0
    facts.append((gettext_noop("date of birth differs (%(born)s)"), values))
    return -6.0


def _weigh_service_number(query: MatchQuery, case: _Case, facts: list) -> float:
    asked = (query.service_number or "").strip().casefold()
    if not asked or not case.service_number:
        return 0.0
    if asked == case.service_number.casefold():
        facts.append((gettext_noop("service number: same"), {}))
        return 12.0
    facts.append((gettext_noop("service number differs"), {}))
    return -3.0


# --- 3. sharing ----------------------------------------------------------------------
def _share(scored: list[_Scored]) -> list[tuple[_Scored, float]]:
    """When the candidates' probabilities add up to more than one, at most one
    of them is the man: each is scaled down by the total (of the likely
    ones: a hundred faint candidates do not make a strong one doubtful)."""
    total = max(1.0, sum(s.probability for s in scored if s.probability >= LIKELY))
    ranked = sorted(scored, key=lambda s: (-s.probability, s.case.case_number))
    shared = [(s, round(s.probability / total, 4)) for s in ranked]
    # A likely namesake stays however many share the name: he is one of them.
    return [(s, score) for s, score in shared if score >= FAINT or s.probability >= LIKELY]
