"""The name a relative reads, in their own script and order.

hy: the Armenian-script name (given name, father's name in the genitive,
family name: Արմեն Կարենի Հովհաննիսյան). ru: the order Russian lists use,
family name, given name, patronymic in its Russian form (Оганесян Армен
Каренович). en: the registered Latin name as it always was.

A spelling stored on the case in the reader's script comes first, part by
part: a caseworker's own (the newest) over the native-script name over any
other. Where there is none, the registered Latin is transliterated
(cases/names.py). A patronymic registered as the Armenian genitive (Vardani,
Վարդանի) is the father's name Vardan: Russian gets Варданович, letter for
letter from the registered spelling, not the older Russian Вартанович; a
family that writes Вартанович gets it by a stored spelling.

Reads `case.spellings.all()`: callers that show many cases prefetch it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cases import names
from cases.models import CaseSpelling, MissingPerson, NamePart, Sex, SpellingSource
from cases.plaintext import strip_unsafe

READER_SCRIPTS = {"hy": names.ARMENIAN, "ru": names.CYRILLIC}
# Which stored spelling wins: the caseworker's correction, then the
# person's own script, then any other (as reported, imported, registered).
_SOURCE_RANK: dict[str, int] = {SpellingSource.MANUAL: 0, SpellingSource.NATIVE: 1}


@dataclass(frozen=True)
class ReaderName:
    full: str  # every message and the portal
    given: str  # the SMS, where every character counts


def reader_name(case: MissingPerson, language: str) -> ReaderName:
    script = READER_SCRIPTS.get(language)
    if script is None:
        return ReaderName(full=case.full_name, given=case.given_name)
    stored = _stored_by_part(case, script)
    convert = _converter(script)
    given = stored.get(NamePart.GIVEN) or _given_from_full(stored) or convert(case.given_name)
    family = stored.get(NamePart.FAMILY) or convert(case.family_name)
    # (A word already in the reader's script passes the converter unchanged.)
    father = convert(
        names.father_name(stored.get(NamePart.PATRONYMIC) or strip_unsafe(case.patronymic))
    )
    if NamePart.FULL in stored:
        return ReaderName(full=stored[NamePart.FULL], given=given)
    if script == names.ARMENIAN:
        parts = (given, names.armenian_genitive(father), family)
    else:
        female = case.sex == Sex.FEMALE
        parts = (family, given, names.russian_patronymic(father, female=female))
    return ReaderName(full=" ".join(p for p in parts if p), given=given)


def _converter(script: str) -> Callable[[str], str]:
    """Transliteration of a registered Latin name (names stored before the
    plain-text rule may carry invisible characters: they go first)."""
    convert = names.latin_to_armenian if script == names.ARMENIAN else names.latin_to_cyrillic
    return lambda text: convert(strip_unsafe(text))


def _given_from_full(stored: dict[str, str]) -> str:
    # The native-script full name puts the given name first (as the registry
    # stores it); a Russian full name may not, so it gives no first name.
    full = stored.get(NamePart.FULL, "")
    return full.split()[0] if full and names.detect_script(full) == names.ARMENIAN else ""


def _stored_by_part(case: MissingPerson, script: str) -> dict[str, str]:
    """The winning stored spelling of each part in `script`."""
    best: dict[str, CaseSpelling] = {}
    for spelling in case.spellings.all():
        if spelling.script != script:
            continue
        held = best.get(spelling.part)
        if held is None or _rank(spelling) < _rank(held):
            best[spelling.part] = spelling
    return {part: spelling.text for part, spelling in best.items()}


def _rank(spelling: CaseSpelling) -> tuple[int, int]:
    return (_SOURCE_RANK.get(spelling.source, 2), -(spelling.pk or 0))
