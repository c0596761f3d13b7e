"""Name keys: any spelling of an Armenian name, in any of the four scripts
the lists arrive in, becomes comparable strings.

Pure functions, no Django. Three layers, each for one job:

- `to_latin(word)`: the word in one common Latin (close to the spelling of
  Armenian passports: kh, gh, ts, ch, j, sh, zh), whatever its script:
  Armenian (reformed and classical orthography), Russian Cyrillic (the MVD,
  GOST and ICAO 9303 passport schemes read back the same), Azerbaijani or
  Turkish Latin, ISO 9985 / Hübschmann Latin, English Latin.
- `name_fold(word)`: that Latin with the variant families folded (the
  Armenian h dropped or written г/х, y/i, doubled letters, -yan/-ian/-yants,
  initial ye-/vo-, Russian case endings and patronymic suffixes, the reviewed
  given-name table). Two spellings of one name usually fold equal; the fold is
  what the scores compare.
- `name_key(fold)`: the fold's consonant skeleton with voicing folded
  (b/p, d/t, g/k/q/gh, j/ch/zh, dz/ts). Looser than the fold on purpose: it
  is the index the candidates are found by, and the score separates what it
  lumps together (Armen/Arman share a key and are scored as different names).

The variant tables are ours, built from the published romanization tables
(BGN/PCGN, ALA-LC, ISO 9985, GOST 7.79, ICAO 9303, the older MVD passport
scheme) and the Azerbaijani alphabet; tests/cases/name_table.py is the
table they are measured on (bench/README.md has what the libraries gave).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

ARMENIAN = "armenian"
CYRILLIC = "cyrillic"
AZERBAIJANI = "azerbaijani"
LATIN = "latin"
OTHER = "other"
SCRIPTS = (ARMENIAN, CYRILLIC, AZERBAIJANI, LATIN, OTHER)

_ARMENIAN_LETTERS = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "e",
    "թ": "t", "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h",
    "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o",
    "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r",
    "ց": "ts", "ւ": "v", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f",
}  # fmt: skip
# Digraphs first; the classical orthography's -եան, իւ and word-initial յ (h).
_ARMENIAN_DIGRAPHS = (("ու", "u"), ("և", "ev"), ("եան", "yan"), ("իւ", "yu"))

_CYRILLIC_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}  # fmt: skip

# Letters that make a Latin word Azerbaijani or Turkish: there c is j, j is zh,
# q is the hard g (Qriqoryan), x is kh (Xaçatryan).
_AZ_MARKS = frozenset("əçşğıöüÇŞĞİÖÜƏ")
_AZ_LETTERS = {
    "ə": "e", "ç": "ch", "ş": "sh", "ğ": "gh", "ı": "i", "ö": "o", "ü": "u",
    "c": "j", "j": "zh", "q": "g", "x": "kh", "i̇": "i",
}  # fmt: skip
# ISO 9985 and Hübschmann-Meillet: there c is ts, j is dz, x is kh.
_ISO_MARKS = frozenset("šžčǰġłṙēëōṛ")
_ISO_LETTERS = {
    "š": "sh", "ž": "zh", "č": "ch", "ǰ": "j", "ġ": "gh", "ł": "gh", "ṙ": "r", "ṛ": "r",
    "ē": "e", "ë": "e", "ō": "o", "c": "ts", "j": "dz", "x": "kh",
}  # fmt: skip
# Plain ASCII Latin from a list typed without diacritics: x is kh and q the
# hard g (no English spelling of an Armenian name uses either otherwise).
_PLAIN_LATIN = {"x": "kh", "q": "g", "w": "v"}
# ...and a c that is not part of ch is Azerbaijani c or ç typed plain
# (Aqacanyan, Xacatryan): j or ch, one key either way.
_PLAIN_C = re.compile(r"c(?!h)")

_WORD_SPLIT = re.compile(r"[^\w'ʼʻ`’]+|_")
_MARKS = re.compile(r"['ʼʻʿ`’]")

# Russian declension of men's surnames in -ян in running text (Оганесяна,
# Оганесяну, Оганесяном, Оганесяне) and of patronymics (Вартановича).
_RU_SURNAME_CASE = re.compile(r"(ян)(а|у|ом|е)$")
# (Not the bare -ич: Мкртич is a name, not a patronymic.)
_RU_PATRONYMIC = re.compile(r"(ович|евич|ьевич|овна|евна|ьевна)(а|у|ем|е|ой|ы)?$")
_LATIN_PATRONYMIC = re.compile(r"(ovich|evich|ovna|evna|ovitch|evitch)$")
_SURNAME_SUFFIX = re.compile(r"(?:y?ants|ianz|ians|ean|yan|ian|jan|ain)$")
_CONSONANT_DIGRAPHS = ("kh", "gh", "zh", "sh", "ch", "ts", "dz")
_VOWELS = frozenset("aeiouy")


def words(text: str) -> list[str]:
    """The words of a name: split on spaces, hyphens, commas, dots."""
    cleaned = unicodedata.normalize("NFC", text or "")
    return [w for w in _WORD_SPLIT.split(cleaned) if w and not w.isdigit()]


def detect_script(text: str) -> str:
    """The script a name is written in (the most letters win)."""
    counts = dict.fromkeys(SCRIPTS, 0)
    for char in unicodedata.normalize("NFC", text or ""):
        counts[_char_script(char)] += char.isalpha()
    if counts[AZERBAIJANI]:
        counts[LATIN] += counts[AZERBAIJANI]
        counts[AZERBAIJANI] = counts[LATIN]
    best = max(SCRIPTS, key=lambda s: (counts[s], s == AZERBAIJANI))
    return best if counts[best] else OTHER


def _char_script(char: str) -> str:
    code = ord(char)
    if 0x0531 <= code <= 0x058F or 0xFB13 <= code <= 0xFB17:
        return ARMENIAN
    if 0x0400 <= code <= 0x04FF:
        return CYRILLIC
    if char in _AZ_MARKS:
        return AZERBAIJANI
    if char.isascii() or unicodedata.name(char, "").startswith("LATIN"):
        return LATIN
    return OTHER


def to_latin(word: str) -> str:
    """One word in the common Latin, lower case, ASCII."""
    word = unicodedata.normalize("NFC", word).lower()
    script = detect_script(word)
    if script == ARMENIAN:
        return _ascii(_armenian_to_latin(word))
    if script == CYRILLIC:
        return _ascii(_cyrillic_to_latin(word))
    return _ascii(_latin_to_latin(word, script))


def _armenian_to_latin(word: str) -> str:
    word = word.replace("\u0587", "եւ")  # the ligature և, then one rule for both spellings
    word = word.replace("եւ", "ev").replace("իւ", "yu")
    if word.startswith("յ"):  # classical word-initial յ is h (Յովհաննէս)
        word = "h" + word[1:]
    if word.endswith("եան"):
        word = word[:-3] + "yan"
    word = word.replace("ու", "u")
    return "".join(_ARMENIAN_LETTERS.get(char, char) for char in word)


def _cyrillic_to_latin(word: str) -> str:
    word = _RU_SURNAME_CASE.sub(r"\1", word)
    # Russian writes the Armenian h as г in Оганес, Оганесян, Оганян and Мгер.
    # (A Latin h inside the Cyrillic word: the letter table leaves it alone.)
    word = re.sub(r"^ога", "оhа", word).replace("мге", "мhе")
    word = re.sub(r"^ох(?=[аеиоуя])", "оh", word)
    # ...and as х before a consonant (Шахбазян, Шахназарян): h, not kh.
    word = re.sub(r"(?<=[аеиоуя])х(?=[бвгджзклмнпрстфцчш])", "h", word)
    word = word.replace("дж", "j").replace("кс", "ks")
    return "".join(_CYRILLIC_LETTERS.get(char, char) for char in word)


def _latin_to_latin(word: str, script: str) -> str:
    if script == AZERBAIJANI:
        table = _AZ_LETTERS
    elif any(char in _ISO_MARKS for char in word):
        table = _ISO_LETTERS
    else:
        table = _PLAIN_LATIN
        word = _PLAIN_C.sub("ch", word)
    return "".join(table.get(char, char) for char in word)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", _MARKS.sub("", text))
    return "".join(c for c in decomposed if c.isascii() and c.isalpha())


def _fold_latin(latin: str) -> str:
    """The variant families, on the common Latin."""
    word = latin
    word = re.sub(r"^ye", "e", word)
    word = re.sub(r"^vo", "o", word)
    word = re.sub(r"^yev", "ev", word)
    word = re.sub(r"^ogh?a", "oha", word)  # Oganesyan (from the Russian) is Ohanesyan
    word = word.replace("tch", "ch")  # Western Khatchadour
    word = word.replace("y", "i").replace("w", "v")
    word = _drop_h(word)
    word = re.sub(r"^h?ov(?=[aeiou])", "o", word)  # Hovhannes, Ovanes, Ohannes
    word = re.sub(r"(.)\1+", r"\1", word)  # doubled letters
    word = _SURNAME_SUFFIX.sub("ian", word) if len(word) > 5 else word
    return word


def _drop_h(word: str) -> str:
    """The Armenian h is dropped, written г or х, or kept: the fold drops every
    h that is not part of kh, gh, zh, sh, ch; gh becomes g (ğ, г, q)."""
    out = re.sub(r"(?<![kgzsc])h", "", word)
    return out.replace("gh", "g")


@lru_cache(maxsize=65536)
def name_fold(word: str, part: str = "") -> str:
    """The fold of one word of a name. `part` is "patronymic" when the word is
    known to be the father's name (then the Armenian genitive -i is his
    name's ending, as in Վարդանի / Vardani)."""
    raw = unicodedata.normalize("NFC", word).lower()
    raw = _RU_PATRONYMIC.sub("", raw) if detect_script(raw) == CYRILLIC and len(raw) > 6 else raw
    latin = to_latin(raw)
    latin = _LATIN_PATRONYMIC.sub("", latin) if len(latin) > 7 else latin
    fold = _fold_latin(latin)
    if fold in _GIVEN_ALIASES:
        return _GIVEN_ALIASES[fold]
    genitive = fold[:-1] if fold.endswith("i") else ""
    if genitive and (part == "patronymic" or genitive in _GIVEN_ALIASES):
        return _GIVEN_ALIASES.get(genitive, genitive)
    return fold


def looks_patronymic(word: str) -> bool:
    """Whether a word has the form of a patronymic (Вартанович, Vartanovna):
    then it is the father's name, wherever it stands in the name."""
    raw = unicodedata.normalize("NFC", word).lower()
    if detect_script(raw) == CYRILLIC:
        return len(raw) > 6 and bool(_RU_PATRONYMIC.search(raw))
    return len(raw) > 7 and bool(_LATIN_PATRONYMIC.search(to_latin(raw)))


def name_key(fold: str) -> str:
    """The blocking key of a folded word: first letter, then its consonants
    with voicing folded; the surname suffix -ian is left out."""
    stem = fold[:-3] if fold.endswith("ian") and len(fold) > 5 else fold
    if not stem:
        return ""
    units = _units(stem)
    head = units[0] if units[0] in _VOWELS else _KEY_CLASS.get(units[0], units[0])
    rest = [_KEY_CLASS.get(u, u) for u in units[1:] if u not in _VOWELS]
    return head + "".join(rest)


_KEY_CLASS = {
    "b": "p", "d": "t", "g": "k", "q": "k", "gh": "k", "kh": "x", "x": "x",
    "j": "c", "ch": "c", "zh": "c", "ts": "z", "dz": "z", "c": "z", "f": "p",
    "w": "v", "v": "v", "sh": "s",
}  # fmt: skip


def _units(stem: str) -> list[str]:
    units: list[str] = []
    i = 0
    while i < len(stem):
        pair = stem[i : i + 2]
        step = 2 if pair in _CONSONANT_DIGRAPHS else 1
        units.append(stem[i : i + step])
        i += step
    return units


@dataclass(frozen=True)
class WordKey:
    word: str
    fold: str
    key: str


def name_keys(text: str, part: str = "") -> list[WordKey]:
    """Every word of a name with its fold and key (words that fold to
    nothing, like a lone apostrophe, are left out)."""
    out = []
    for word in words(text):
        fold = name_fold(word, part)
        if fold:
            out.append(WordKey(word=word, fold=fold, key=name_key(fold)))
    return out


def given_names_equivalent(a: str, b: str) -> bool:
    """The reviewed table's answer: are these two spellings one given name?"""
    return bool(a and b) and name_fold(a) == name_fold(b)


# The reviewed given-name table: each line one name, its spellings in the four
# scripts where they differ from what the fold already joins. The canonical
# spelling is the first; a spelling is listed under one name only.
GIVEN_NAMES: tuple[tuple[str, ...], ...] = (
    ("Hovhannes", "Հովհաննես", "Յովհաննէս", "Ованес", "Оганес", "Ovanes", "Ohannes", "Hovannes"),
    ("Davit", "Դավիթ", "Давид", "David", "Davud", "Դաւիթ"),
    ("Grigor", "Գրիգոր", "Григор", "Григорий", "Grigoriy", "Grigori", "Qriqor", "Krikor"),
    ("Hakob", "Հակոբ", "Յակոբ", "Акоп", "Акоб", "Akop", "Hakop", "Agop", "Hagop"),
    ("Gevorg", "Գևորգ", "Геворг", "Геворк", "Gevork", "Kevork", "Gevorq"),
    ("Karapet", "Կարապետ", "Карапет", "Garabed", "Karabet"),
    ("Vardan", "Վարդան", "Вардан", "Вартан", "Vartan", "Vardan"),
    ("Hayk", "Հայկ", "Айк", "Гайк", "Haik", "Ayk", "Hayk"),
    ("Hrant", "Հրանտ", "Грант", "Hrant", "Rant"),
    ("Mher", "Մհեր", "Мгер", "Мхер", "Mger", "Mkher"),
    ("Hamlet", "Համլետ", "Гамлет", "Amlet", "Gamlet"),
    ("Harutyun", "Հարություն", "Арутюн", "Arutyun", "Harutiun", "Artyun"),
    ("Hovsep", "Հովսեփ", "Овсеп", "Ovsep", "Hovsep", "Hovsef"),
    ("Sargis", "Սարգիս", "Саргис", "Sarkis", "Sargis", "Sarkiz"),
    ("Mkrtich", "Մկրտիչ", "Мкртич", "Mkrtych", "Mgerdich", "Mkrtiç"),
    ("Khachatur", "Խաչատուր", "Хачатур", "Khachatur", "Xaçatur", "Khatchadour"),
    ("Levon", "Լևոն", "Левон", "Lewon", "Levon"),
    ("Samvel", "Սամվել", "Самвел", "Самвэл", "Samvel"),
    ("Tigran", "Տիգրան", "Тигран", "Dikran", "Tigran"),
    ("Vahe", "Վահե", "Ваге", "Ваэ", "Vaqe", "Vahe"),
    ("Zhirayr", "Ժիրայր", "Жирайр", "Jirayr", "Zhirair"),
    ("Vache", "Վաչե", "Ваче", "Vaçe", "Vatche"),
    ("Movses", "Մովսես", "Мовсес", "Movses"),
    ("Petros", "Պետրոս", "Петрос", "Bedros", "Petros"),
    ("Poghos", "Պողոս", "Погос", "Boghos", "Poqos"),
    ("Khoren", "Խորեն", "Хорен", "Xoren", "Khoren"),
    ("Rafik", "Ռաֆիկ", "Рафик", "Rafik"),
    ("Eduard", "Էդուարդ", "Эдуард", "Eduard", "Edward"),
)

_GIVEN_ALIASES: dict[str, str] = {}


def _build_aliases() -> None:
    for spellings in GIVEN_NAMES:
        canonical = _fold_latin(to_latin(spellings[0]))
        for spelling in spellings:
            _GIVEN_ALIASES[_fold_latin(to_latin(spelling))] = canonical


_build_aliases()


# --- Into the reader's script ----------------------------------------------------
# The registered name is Latin (passport spelling); a relative reading
# Armenian or Russian reads it in their own letters. A word the reviewed
# given-name table knows takes the table's spelling (Davit is Դավիթ, not
# Դավիտ; Hovhannes is Ованес); any other word goes letter by letter, the
# Armenian passport romanization read backwards. Letter by letter cannot
# tell տ from թ or կ from ք: a caseworker stores the right spelling where it
# matters (the stored spelling always comes first).

_TO_ARMENIAN_DIGRAPHS = {
    "kh": "խ", "gh": "ղ", "zh": "ժ", "sh": "շ", "ch": "չ", "ts": "ց", "dz": "ձ",
    "ya": "յա", "yu": "յու", "yo": "յո",
}  # fmt: skip
_TO_ARMENIAN_LETTERS = {
    "a": "ա", "b": "բ", "g": "գ", "d": "դ", "e": "ե", "z": "զ", "i": "ի", "l": "լ",
    "k": "կ", "h": "հ", "m": "մ", "y": "յ", "n": "ն", "o": "ո", "p": "պ", "j": "ջ",
    "r": "ր", "s": "ս", "v": "վ", "t": "տ", "u": "ու", "f": "ֆ", "q": "ք", "x": "խ",
    "c": "ց", "w": "վ",
}  # fmt: skip
_TO_CYRILLIC_DIGRAPHS = {
    "kh": "х", "gh": "г", "zh": "ж", "sh": "ш", "ch": "ч", "ts": "ц", "dz": "дз",
    "ya": "я", "yu": "ю", "yo": "ё", "ye": "е",
}  # fmt: skip
_TO_CYRILLIC_LETTERS = {
    "a": "а", "b": "б", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "l": "л",
    "k": "к", "h": "х", "m": "м", "y": "ы", "n": "н", "o": "о", "p": "п", "j": "дж",
    "r": "р", "s": "с", "v": "в", "t": "т", "u": "у", "f": "ф", "q": "к", "x": "х",
    "c": "ц", "w": "в",
}  # fmt: skip


def latin_to_armenian(text: str) -> str:
    """A Latin name in Armenian letters, word by word (capitalised)."""
    return _each_word(text, _word_to_armenian, ARMENIAN)


def latin_to_cyrillic(text: str) -> str:
    """A Latin name in Cyrillic letters, word by word (capitalised)."""
    return _each_word(text, _word_to_cyrillic, CYRILLIC)


def _each_word(text: str, convert: Callable[[str], str], script: str) -> str:
    """A word already in `script` stays; a word in another script (a name
    registered in Cyrillic, read in Armenian) goes through the common Latin."""
    out = []
    for word in words(text):
        found = detect_script(word)
        if found == script:
            out.append(word)
            continue
        latin = word.lower() if found == LATIN else to_latin(word)
        out.append(_capitalise(convert(latin)))
    return " ".join(out)


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def _table_spelling(word: str, script: str) -> str:
    """The reviewed table's spelling of a given name in `script`, or ""."""
    if detect_script(word) != LATIN:
        return word if detect_script(word) == script else ""
    canonical = _GIVEN_ALIASES.get(_fold_latin(to_latin(word)))
    for spellings in GIVEN_NAMES if canonical else ():
        if _fold_latin(to_latin(spellings[0])) == canonical:
            return next((s.lower() for s in spellings if detect_script(s) == script), "")
    return ""


def _word_to_armenian(word: str) -> str:
    if known := _table_spelling(word, ARMENIAN):
        return known
    word = word.replace("yan", "յան")
    word = re.sub(r"^ye", "ե", word)
    word = re.sub(r"^vo", "ո", word)
    word = re.sub(r"^o", "օ", word)
    word = re.sub(r"^r", "ռ", word)
    word = re.sub(r"(?<=.)ev", "և", word)
    for latin, armenian in _TO_ARMENIAN_DIGRAPHS.items():
        word = word.replace(latin, armenian)
    word = re.sub(r"^e", "է", word)
    return "".join(_TO_ARMENIAN_LETTERS.get(char, char) for char in word)


def _word_to_cyrillic(word: str) -> str:
    if known := _table_spelling(word, CYRILLIC):
        return known
    word = re.sub(r"^e", "э", word)
    word = _cyrillic_h(word)
    word = re.sub(r"(?<=[aeiou])y(?![aeiou])", "й", word)
    for latin, cyrillic in _TO_CYRILLIC_DIGRAPHS.items():
        word = word.replace(latin, cyrillic)
    return "".join(_TO_CYRILLIC_LETTERS.get(char, char) for char in word)


def _cyrillic_h(word: str) -> str:
    """Russian lists drop the Armenian h before a vowel at the start (Айк,
    Арутюн) and after a consonant (Ованнисян), write г before a consonant
    at the start (Грант) and х after a vowel (Шахбазян, Анахит; Ваге is the
    reviewed table's)."""
    digraphs = {"kh": "\x01", "zh": "\x02", "sh": "\x03", "ch": "\x04", "gh": "\x05"}
    for digraph, mark in digraphs.items():
        word = word.replace(digraph, mark)
    word = re.sub(r"^h(?=[aeiouy])", "", word)
    word = re.sub(r"^h", "г", word)
    word = re.sub(r"(?<=[aeiou])h", "х", word)
    word = word.replace("h", "")
    for digraph, mark in digraphs.items():
        word = word.replace(mark, digraph)
    return word


def father_name(patronymic: str) -> str:
    """The father's first name from a patronymic as registered: an Armenian
    genitive (Վարդանի, Vardani) or a Russian patronymic (Вартанович) gives
    back Վարդան / Vardan / Вартан; a bare first name stays as it is."""
    word = unicodedata.normalize("NFC", " ".join(words(patronymic)))
    script = detect_script(word)
    if script == CYRILLIC:
        return re.sub(r"(ович|евич|овна|евна)$", "", word, flags=re.IGNORECASE)
    if script == ARMENIAN and len(word) > 3 and word.endswith("ի"):
        return word[:-1].removesuffix("յ")
    if script == LATIN and len(word) > 3 and re.search(r"[^aeiouy]i$", word, re.IGNORECASE):
        return word[:-1]
    return word


def russian_patronymic(father: str, *, female: bool = False) -> str:
    """The Russian patronymic of a father's first name in Cyrillic: Арам →
    Арамович (Арамовна), Сергей → Сергеевич; after any other vowel the
    soft ending is added to the name as it is (Ваге → Вагеевич)."""
    if not father:
        return ""
    hard, soft = ("овна", "евна") if female else ("ович", "евич")
    if father[-1].lower() in "йь":
        return father[:-1] + soft
    if father[-1].lower() in "аеёиоуыэюя":
        return father + soft
    return father + hard


def armenian_genitive(father: str) -> str:
    """The father's name in the genitive an Armenian full name carries
    (Կարեն → Կարենի, Սարո → Սարոյի)."""
    if not father or father.endswith("ի"):
        return father
    return father + ("յի" if father[-1] in "աոօ" else "ի")
