"""Which transliteration/folding earns its place: recall of each candidate on
our name table (tests/names/name_table.py), and how often it joins names that
are different (false joins over every pair of different table names).

    .venv/bin/python bench/names_eval.py     (needs anyascii, iuliia, tetrak-translit)

A spelling is "found" when the method puts it and the canonical spelling on
one key (or, for rapidfuzz, scores them >= 85 on the anyascii-folded text).
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import anyascii
import iuliia
import tetrak_translit
from rapidfuzz import fuzz

from cases.names import name_fold, name_key
from tests.names.name_table import GIVEN, SURNAMES, spellings


def _anyascii(word: str) -> str:
    return anyascii.anyascii(word).lower()


def _iuliia(word: str) -> str:
    # ICAO 9303 for Cyrillic (the passport scheme), anyascii for the rest.
    return _anyascii(iuliia.ICAO_DOC_9303.translate(word))


def _tetrak(word: str) -> str:
    # tetrak folds Armenian and Latin read as Armenian; Cyrillic first to Latin.
    return tetrak_translit.fold(
        _iuliia(word) if not word.isascii() and _is_cyr(word) else word, script="hy"
    )


def _is_cyr(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


def _ours(word: str) -> str:
    return name_key(name_fold(word))


def _ours_fold(word: str) -> str:
    return name_fold(word)


KEYS: dict[str, Callable[[str], str]] = {
    "anyascii (lower)": _anyascii,
    "iuliia ICAO + anyascii": _iuliia,
    "tetrak-translit fold": _tetrak,
    "ours: name_fold": _ours_fold,
    "ours: name_key": _ours,
}


def _pairs(table: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for row in table:
        for script, cell in spellings(row).items():  # type: ignore[arg-type]
            out.setdefault(script, []).extend((row[0], word) for word in cell)
    return out


def _rapidfuzz_equal(a: str, b: str) -> bool:
    return fuzz.ratio(_anyascii(a), _anyascii(b)) >= 85


def main() -> None:
    for label, table in (("surnames", SURNAMES), ("given names", GIVEN)):
        pairs = _pairs(table)
        canon = [row[0] for row in table]
        different = list(itertools.combinations(canon, 2))
        print(f"\n{label}: recall by script (spellings found) | false joins of different names")
        print("| method | " + " | ".join(pairs) + " | false joins |")
        print("| --- | " + " | ".join("---" for _ in pairs) + " | --- |")
        methods: dict[str, Callable[[str, str], bool]] = {
            name: (lambda f: lambda a, b: f(a) == f(b))(fn) for name, fn in KEYS.items()
        }
        methods["rapidfuzz ratio>=85 on anyascii"] = _rapidfuzz_equal
        for name, same in methods.items():
            cells = []
            for script_pairs in pairs.values():
                hits = sum(same(c, w) for c, w in script_pairs)
                cells.append(f"{hits / len(script_pairs):.2f}")
            false = sum(same(a, b) for a, b in different)
            print(f"| {name} | " + " | ".join(cells) + f" | {false}/{len(different)} |")


if __name__ == "__main__":
    main()
