"""Names for the demo data: (Latin, Armenian script) pairs, and places of birth.

The Latin forms follow the Armenian government's official transliteration
(as on passports), the spelling most lists from Armenia use.
"""

from __future__ import annotations

GIVEN_NAMES: tuple[tuple[str, str], ...] = (
    ("Andranik", "Անդրանիկ"),
    ("Aram", "Արամ"),
    ("Arman", "Արման"),
    ("Armen", "Արմեն"),
    ("Arsen", "Արսեն"),
    ("Artur", "Արթուր"),
    ("Ashot", "Աշոտ"),
    ("Davit", "Դավիթ"),
    ("Edgar", "Էդգար"),
    ("Erik", "Էրիկ"),
    ("Gagik", "Գագիկ"),
    ("Garik", "Գարիկ"),
    ("Gevorg", "Գևորգ"),
    ("Gor", "Գոռ"),
    ("Grigor", "Գրիգոր"),
    ("Hakob", "Հակոբ"),
    ("Harutyun", "Հարություն"),
    ("Hayk", "Հայկ"),
    ("Hovhannes", "Հովհաննես"),
    ("Hrayr", "Հրայր"),
    ("Karen", "Կարեն"),
    ("Khachatur", "Խաչատուր"),
    ("Levon", "Լևոն"),
    ("Mher", "Մհեր"),
    ("Mkhitar", "Մխիթար"),
    ("Narek", "Նարեկ"),
    ("Norayr", "Նորայր"),
    ("Rafik", "Ռաֆիկ"),
    ("Ruben", "Ռուբեն"),
    ("Samvel", "Սամվել"),
    ("Sargis", "Սարգիս"),
    ("Sevak", "Սևակ"),
    ("Suren", "Սուրեն"),
    ("Tigran", "Տիգրան"),
    ("Vahagn", "Վահագն"),
    ("Vahe", "Վահե"),
    ("Vardan", "Վարդան"),
    ("Vazgen", "Վազգեն"),
    ("Zaven", "Զավեն"),
)

FAMILY_NAMES: tuple[tuple[str, str], ...] = (
    ("Abrahamyan", "Աբրահամյան"),
    ("Aghajanyan", "Աղաջանյան"),
    ("Arakelyan", "Առաքելյան"),
    ("Asatryan", "Ասատրյան"),
    ("Aslanyan", "Ասլանյան"),
    ("Avagyan", "Ավագյան"),
    ("Avetisyan", "Ավետիսյան"),
    ("Baghdasaryan", "Բաղդասարյան"),
    ("Danielyan", "Դանիելյան"),
    ("Davtyan", "Դավթյան"),
    ("Galstyan", "Գալստյան"),
    ("Gevorgyan", "Գևորգյան"),
    ("Ghazaryan", "Ղազարյան"),
    ("Grigoryan", "Գրիգորյան"),
    ("Hakobyan", "Հակոբյան"),
    ("Hambardzumyan", "Համբարձումյան"),
    ("Harutyunyan", "Հարությունյան"),
    ("Hovhannisyan", "Հովհաննիսյան"),
    ("Karapetyan", "Կարապետյան"),
    ("Khachatryan", "Խաչատրյան"),
    ("Manukyan", "Մանուկյան"),
    ("Margaryan", "Մարգարյան"),
    ("Martirosyan", "Մարտիրոսյան"),
    ("Melkonyan", "Մելքոնյան"),
    ("Mikayelyan", "Միքայելյան"),
    ("Minasyan", "Մինասյան"),
    ("Mirzoyan", "Միրզոյան"),
    ("Mkrtchyan", "Մկրտչյան"),
    ("Nazaryan", "Նազարյան"),
    ("Petrosyan", "Պետրոսյան"),
    ("Poghosyan", "Պողոսյան"),
    ("Sahakyan", "Սահակյան"),
    ("Sargsyan", "Սարգսյան"),
    ("Simonyan", "Սիմոնյան"),
    ("Stepanyan", "Ստեփանյան"),
    ("Tadevosyan", "Թադևոսյան"),
    ("Torosyan", "Թորոսյան"),
    ("Vardanyan", "Վարդանյան"),
    ("Yeghiazaryan", "Եղիազարյան"),
    ("Zakaryan", "Զաքարյան"),
)

# Most of the conscripts captured in December 2020 came from the Shirak region.
PLACES_OF_BIRTH: tuple[str, ...] = (
    "Gyumri",
    "Gyumri",
    "Gyumri",
    "Artik",
    "Maralik",
    "Akhuryan",
    "Ashotsk",
    "Amasia",
    "Vanadzor",
    "Yerevan",
    "Spitak",
)

# The father's name in a patronymic is in the genitive: -ի, with the vowel of
# the last syllable dropped in a few names (Դավիթ -> Դավթի).
_GENITIVE_IRREGULAR = {"Դավիթ": "Դավթի", "Խաչատուր": "Խաչատրի", "Սարգիս": "Սարգսի"}


def genitive(name_hy: str) -> str:
    return _GENITIVE_IRREGULAR.get(name_hy, name_hy + "ի")
