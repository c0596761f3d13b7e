"""The two lists that wait for review in the demo, written from the demo's
own cases as the other sides would write them:

- the ombudsman's list of the 60 confirmed detained, in Russian Cyrillic
  (CSV as Excel saves it on a Russian Windows: `;`, UTF-8 with BOM), names
  as Russian writes Armenian ones (Հակոբյան -> Акопян, Հովհաննիսյան -> Ованнисян);
- the detaining side's list in Azerbaijani Latin (XLSX: years of birth only,
  the place of detention in one merged cell), with rows that name the man
  only in part (ambiguous) and men the registry does not know yet (new).

The transliteration here is the demo's, rule by rule, not the matcher's.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Sequence

from openpyxl import Workbook

from cases.models import MissingPerson
from families.management.demo_names import FAMILY_NAMES, GIVEN_NAMES

_COMMON = {
    "ա": "a", "բ": "b", "դ": "d", "զ": "z", "ի": "i", "լ": "l", "կ": "k", "մ": "m",
    "ն": "n", "ո": "o", "պ": "p", "ս": "s", "վ": "v", "տ": "t", "ր": "r", "ռ": "r",
    "թ": "t", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f",
}  # fmt: skip
_RU = {
    "ա": "а", "բ": "б", "գ": "г", "դ": "д", "ե": "е", "զ": "з", "է": "э", "ը": "ы",
    "թ": "т", "ժ": "ж", "ի": "и", "լ": "л", "խ": "х", "ծ": "ц", "կ": "к", "հ": "г",
    "ձ": "дз", "ղ": "г", "ճ": "ч", "մ": "м", "յ": "й", "ն": "н", "շ": "ш", "ո": "о",
    "չ": "ч", "պ": "п", "ջ": "дж", "ռ": "р", "ս": "с", "վ": "в", "տ": "т", "ր": "р",
    "ց": "ц", "փ": "п", "ք": "к", "օ": "о", "ֆ": "ф", "և": "ев",
    "ու": "у", "յա": "я", "յու": "ю", "վհ": "в",
}  # fmt: skip
_AZ = {
    **_COMMON,
    "գ": "q", "ե": "e", "է": "e", "ը": "ı", "ժ": "j", "խ": "x", "ծ": "ts", "հ": "h",
    "ձ": "dz", "ղ": "ğ", "ճ": "ç", "յ": "y", "շ": "ş", "չ": "ç", "ջ": "c", "ց": "ts",
    "և": "ev", "ու": "u", "վհ": "v",
}  # fmt: skip
_INITIAL_RU = {"հ": "", "ե": "е", "ո": "во"}
_INITIAL_AZ = {"հ": "", "ե": "ye", "ո": "vo", "և": "yev"}
PLACES_RU = {
    "Gyumri": "Гюмри", "Artik": "Артик", "Maralik": "Маралик", "Akhuryan": "Ахурян",
    "Ashotsk": "Ашоцк", "Amasia": "Амасия", "Vanadzor": "Ванадзор", "Yerevan": "Ереван",
    "Spitak": "Спитак",
}  # fmt: skip
# Men the registry does not know (yet): family and given names in Armenian.
UNKNOWN_MEN = (("Օհանյան", "Գոռ", "Սամվել"), ("Բաբայան", "Էդգար", "Արթուր"))


def _spell(word: str, table: dict[str, str], initial: dict[str, str]) -> str:
    lower = word.lower()
    out: list[str] = []
    if lower[:1] in initial:
        out.append(initial[lower[0]])
        lower = lower[1:]
    i = 0
    while i < len(lower):
        for size in (3, 2, 1):
            piece = lower[i : i + size]
            if piece in table:
                out.append(table[piece])
                i += size
                break
        else:
            out.append(lower[i])
            i += 1
    text = "".join(out)
    return text[:1].upper() + text[1:]


def russian(word_hy: str) -> str:
    return _spell(word_hy, _RU, _INITIAL_RU)


def azerbaijani(word_hy: str) -> str:
    return _spell(word_hy, _AZ, _INITIAL_AZ)


_GIVEN_HY = dict(GIVEN_NAMES)
_FAMILY_HY = dict(FAMILY_NAMES)


def _parts_hy(case: MissingPerson) -> tuple[str, str, str]:
    return _FAMILY_HY[case.family_name], _GIVEN_HY[case.given_name], _GIVEN_HY[case.patronymic]


def ombudsman_list(cases: Sequence[MissingPerson]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(("№", "ФИО", "Дата рождения", "Место рождения"))
    for n, case in enumerate(cases, start=1):
        family, given, father = _parts_hy(case)
        name = f"{russian(family)} {russian(given)} {russian(father)}ович"
        born = f"{case.date_of_birth:%d.%m.%Y}" if case.date_of_birth else ""
        writer.writerow((n, name, born, PLACES_RU.get(case.place_of_birth, case.place_of_birth)))
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def detaining_side_list(
    known: Sequence[MissingPerson], partial: Sequence[MissingPerson], rng: random.Random
) -> bytes:
    """`known` in full; `partial` by family and given name only (several
    cases may answer); then the men nobody registered yet."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(("Soyadı, adı, atasının adı", "Doğum ili", "Saxlanıldığı yer"))
    for case in known:
        family, given, father = _parts_hy(case)
        year = case.date_of_birth.year if case.date_of_birth else None
        sheet.append((f"{azerbaijani(family)} {azerbaijani(given)} {azerbaijani(father)}", year))
    for case in partial:
        family, given, _ = _parts_hy(case)
        sheet.append((f"{azerbaijani(family)} {azerbaijani(given)}", None))
    for family, given, father in UNKNOWN_MEN:
        name = f"{azerbaijani(family)} {azerbaijani(given)} {azerbaijani(father)}"
        sheet.append((name, rng.randrange(1999, 2003)))
    sheet["C2"] = "Bakı şəhəri, istintaq təcridxanası"
    sheet.merge_cells(f"C2:C{sheet.max_row}")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
