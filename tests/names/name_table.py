"""Our table of Armenian names in the four scripts they arrive in.

Built from the published romanization tables (BGN/PCGN and ALA-LC for
Armenian, ISO 9985, GOST 7.79 and the older MVD passport scheme for Russian,
ICAO 9303 for passports) and the Azerbaijani alphabet, with the spellings
lists really carry (Western -ian and b/p, g/k swaps, Russian г/х for h).
Each row: the canonical English spelling, then the spellings in Armenian,
Russian Cyrillic, Azerbaijani Latin and English Latin (space-separated).
The benchmark (bench/matching.py) generates its registry from this table.
"""

from __future__ import annotations

SURNAMES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "Hovhannisyan",
        "Հովհաննիսյան Յովհաննիսեան",
        "Оганесян Ованесян Оганисян Ованисян",
        "Ovanesyan Hovhannisyan Ovanisyan",
        "Hovhannisyan Hovannisian Ohanesian Oganesyan",
    ),
    (
        "Harutyunyan",
        "Հարությունյան",
        "Арутюнян",
        "Arutyunyan Harutyunyan",
        "Harutyunyan Harutiunian Arutiunian",
    ),
    (
        "Grigoryan",
        "Գրիգորյան Գրիգորեան",
        "Григорян",
        "Qriqoryan Qriqoryan",
        "Grigoryan Grigorian Krikorian",
    ),
    (
        "Gevorgyan",
        "Գևորգյան Գեւորգեան",
        "Геворгян Геворкян",
        "Gevorqyan",
        "Gevorgyan Gevorgian Kevorkian",
    ),
    (
        "Khachatryan",
        "Խաչատրյան",
        "Хачатрян",
        "Xaçatryan Xacatryan",
        "Khachatryan Khachatrian Khatchadrian",
    ),
    ("Ghukasyan", "Ղուկասյան", "Гукасян Гукасьян", "Qukasyan", "Ghukasyan Ghukasian Ghoukassian"),
    ("Ghazaryan", "Ղազարյան", "Казарян Газарян", "Qazaryan", "Ghazaryan Kazarian Ghazarian"),
    (
        "Sargsyan",
        "Սարգսյան",
        "Саргсян Саркисян",
        "Sarkisyan Sarqsyan",
        "Sargsyan Sarkissian Sargsian",
    ),
    ("Petrosyan", "Պետրոսյան", "Петросян", "Petrosyan", "Petrosyan Petrosian Bedrosian"),
    (
        "Hakobyan",
        "Հակոբյան Յակոբեան",
        "Акопян Агопян",
        "Akopyan Hakobyan",
        "Hakobyan Hakobian Akopian Hagopian",
    ),
    ("Vardanyan", "Վարդանյան", "Варданян Вартанян", "Vardanyan", "Vardanyan Vardanian Vartanian"),
    ("Avetisyan", "Ավետիսյան", "Аветисян", "Avetisyan", "Avetisyan Avetisian Avedisian"),
    ("Martirosyan", "Մարտիրոսյան", "Мартиросян", "Martirosyan", "Martirosyan Martirosian"),
    ("Stepanyan", "Ստեփանյան", "Степанян", "Stepanyan", "Stepanyan Stepanian"),
    ("Mkhitaryan", "Մխիթարյան", "Мхитарян", "Mxitaryan", "Mkhitaryan Mkhitarian"),
    ("Galstyan", "Գալստյան", "Галстян", "Qalstyan", "Galstyan Galstian"),
    ("Mirzoyan", "Միրզոյան", "Мирзоян", "Mirzoyan", "Mirzoyan Mirzoian"),
    ("Aghajanyan", "Աղաջանյան", "Агаджанян", "Ağacanyan Aqacanyan", "Aghajanyan Aghajanian"),
    ("Davtyan", "Դավթյան", "Давтян", "Davtyan", "Davtyan Davtian"),
    ("Manukyan", "Մանուկյան", "Манукян", "Manukyan", "Manukyan Manukian Manoukian"),
    ("Sahakyan", "Սահակյան", "Саакян Саакьян", "Saakyan Sahakyan", "Sahakyan Sahakian Saakian"),
    ("Karapetyan", "Կարապետյան", "Карапетян", "Karapetyan", "Karapetyan Karapetian Garabedian"),
    (
        "Hambardzumyan",
        "Համբարձումյան",
        "Амбарцумян",
        "Ambartsumyan Hambardzumyan",
        "Hambardzumyan Hambartsumian Ambartsumian",
    ),
    ("Simonyan", "Սիմոնյան", "Симонян", "Simonyan", "Simonyan Simonian"),
    ("Arakelyan", "Առաքելյան", "Аракелян", "Arakelyan", "Arakelyan Arakelian"),
    ("Asatryan", "Ասատրյան", "Асатрян", "Asatryan", "Asatryan Asatrian"),
    (
        "Baghdasaryan",
        "Բաղդասարյան",
        "Багдасарян",
        "Bağdasaryan Baqdasaryan",
        "Baghdasaryan Baghdasarian",
    ),
    ("Danielyan", "Դանիելյան", "Даниелян", "Danielyan", "Danielyan Danielian"),
    (
        "Yeghiazaryan",
        "Եղիազարյան",
        "Егиазарян Егизарян",
        "Yeğiazaryan Eqiazaryan",
        "Yeghiazaryan Eghiazarian Yegiazaryan",
    ),
    ("Ohanyan", "Օհանյան", "Оганян Оханян", "Ohanyan Oqanyan", "Ohanyan Ohanian Oganyan"),
    ("Nersisyan", "Ներսիսյան", "Нерсисян Нерсесян", "Nersisyan", "Nersisyan Nersesian"),
    ("Melkonyan", "Մելքոնյան", "Мелконян", "Melkonyan", "Melkonyan Melkonian"),
    (
        "Hayrapetyan",
        "Հայրապետյան",
        "Айрапетян",
        "Ayrapetyan Hayrapetyan",
        "Hayrapetyan Hayrapetian Airapetyan",
    ),
    ("Movsisyan", "Մովսիսյան", "Мовсисян Мовсесян", "Movsisyan", "Movsisyan Movsesian"),
    ("Torosyan", "Թորոսյան", "Торосян", "Torosyan", "Torosyan Torosian"),
    ("Abrahamyan", "Աբրահամյան", "Абраамян Абрамян", "Abraamyan", "Abrahamyan Abrahamian"),
    ("Muradyan", "Մուրադյան", "Мурадян", "Muradyan", "Muradyan Muradian"),
    ("Minasyan", "Մինասյան", "Минасян", "Minasyan", "Minasyan Minassian"),
    ("Tadevosyan", "Թադևոսյան", "Тадевосян Татевосян", "Tadevosyan", "Tadevosyan Tadevosian"),
    ("Mnatsakanyan", "Մնացականյան", "Мнацаканян", "Mnatsakanyan", "Mnatsakanyan Mnatsakanian"),
    ("Shahbazyan", "Շահբազյան", "Шахбазян", "Şahbazyan", "Shahbazyan Shahbazian"),
    ("Tsaturyan", "Ծատուրյան", "Цатурян", "Tsaturyan", "Tsaturyan Tsaturian"),
    ("Mkrtchyan", "Մկրտչյան", "Мкртчян", "Mkrtçyan", "Mkrtchyan Mkrtchian"),
    ("Zakaryan", "Զաքարյան", "Закарян", "Zakaryan", "Zakaryan Zakarian"),
    ("Voskanyan", "Ոսկանյան", "Восканян Осканян", "Voskanyan", "Voskanyan Oskanian"),
    ("Zhamkochyan", "Ժամկոչյան", "Жамкочян", "Jamkoçyan", "Zhamkochyan Zhamkochian"),
    ("Chilingaryan", "Չիլինգարյան", "Чилингарян", "Çilinqaryan", "Chilingaryan Chilingarian"),
    ("Tumanyan", "Թումանյան", "Туманян", "Tumanyan", "Tumanyan Toumanian"),
    ("Babayan", "Բաբայան", "Бабаян", "Babayan", "Babayan Babaian"),
    ("Adamyan", "Ադամյան", "Адамян", "Adamyan", "Adamyan Adamian"),
)

GIVEN: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "Hovhannes",
        "Հովհաննես Յովհաննէս",
        "Ованес Оганес",
        "Ovanes Hovhannes",
        "Hovhannes Ohannes Hovannes",
    ),
    ("Davit", "Դավիթ Դաւիթ", "Давид", "Davit David", "Davit David"),
    ("Grigor", "Գրիգոր", "Григор Григорий", "Qriqor", "Grigor Grigoriy Krikor"),
    ("Hakob", "Հակոբ", "Акоп", "Akop Hakob", "Hakob Hakop Hagop"),
    ("Gevorg", "Գևորգ", "Геворг Геворк", "Gevorq", "Gevorg Gevork Kevork"),
    ("Karapet", "Կարապետ", "Карапет", "Karapet", "Karapet Garabed"),
    ("Vardan", "Վարդան", "Вардан Вартан", "Vardan", "Vardan Vartan"),
    ("Hayk", "Հայկ", "Айк Гайк", "Hayk Ayk", "Hayk Haik"),
    ("Hrant", "Հրանտ", "Грант", "Hrant", "Hrant"),
    ("Mher", "Մհեր", "Мгер Мхер", "Mher", "Mher"),
    ("Hamlet", "Համլետ", "Гамлет", "Hamlet", "Hamlet"),
    ("Harutyun", "Հարություն", "Арутюн", "Arutyun", "Harutyun Harutiun"),
    ("Hovsep", "Հովսեփ", "Овсеп", "Ovsep", "Hovsep"),
    ("Sargis", "Սարգիս", "Саргис", "Sarkis", "Sargis Sarkis"),
    ("Mkrtich", "Մկրտիչ", "Мкртич", "Mkrtiç", "Mkrtich"),
    ("Khachatur", "Խաչատուր", "Хачатур", "Xaçatur", "Khachatur"),
    ("Levon", "Լևոն", "Левон", "Levon", "Levon"),
    ("Samvel", "Սամվել", "Самвел", "Samvel", "Samvel"),
    ("Tigran", "Տիգրան", "Тигран", "Tiqran", "Tigran Dikran"),
    ("Vahe", "Վահե", "Ваге Ваэ", "Vahe", "Vahe"),
    ("Zhirayr", "Ժիրայր", "Жирайр", "Jirayr", "Zhirayr Zhirair"),
    ("Vache", "Վաչե", "Ваче", "Vaçe", "Vache Vatche"),
    ("Aram", "Արամ", "Арам", "Aram", "Aram"),
    ("Armen", "Արմեն", "Армен", "Armen", "Armen"),
    ("Arman", "Արման", "Арман", "Arman", "Arman"),
    ("Artur", "Արթուր", "Артур", "Artur", "Artur Arthur"),
    ("Ashot", "Աշոտ", "Ашот", "Aşot", "Ashot"),
    ("Narek", "Նարեկ", "Нарек", "Narek", "Narek"),
    ("Arsen", "Արսեն", "Арсен", "Arsen", "Arsen"),
    ("Edgar", "Էդգար", "Эдгар", "Edqar", "Edgar"),
    ("Suren", "Սուրեն", "Сурен", "Suren", "Suren"),
    ("Gagik", "Գագիկ", "Гагик", "Qaqik", "Gagik"),
    ("Vazgen", "Վազգեն", "Вазген", "Vazgen", "Vazgen"),
    ("Ruben", "Ռուբեն", "Рубен", "Ruben", "Ruben"),
    ("Khoren", "Խորեն", "Хорен", "Xoren", "Khoren"),
)

# Pairs that are different names and must never fold or key as one.
MUST_NOT_FOLD_EQUAL: tuple[tuple[str, str], ...] = (
    ("Harutyunyan", "Hovhannisyan"),
    ("Арутюнян", "Оганесян"),
    ("Grigoryan", "Gevorgyan"),
    ("Григорян", "Геворгян"),
    # Armen (Արմեն) and Arman (Արման) are two names, each common: one vowel
    # apart, so they share a key (a candidate) but never fold equal (a score).
    ("Armen", "Arman"),
    ("Артур", "Арам"),
    ("Khachatryan", "Khachaturyan"),
    ("Petrosyan", "Poghosyan"),
    ("Sargsyan", "Sahakyan"),
    ("Hakobyan", "Hovsepyan"),
    ("Davit", "Vahe"),
    ("Karapetyan", "Hayrapetyan"),
)
MUST_NOT_KEY_EQUAL: tuple[tuple[str, str], ...] = (
    ("Harutyunyan", "Hovhannisyan"),
    ("Grigoryan", "Gevorgyan"),
    ("Khachatryan", "Mkhitaryan"),
    ("Petrosyan", "Poghosyan"),
    ("Hakobyan", "Hovsepyan"),
)


def spellings(row: tuple[str, str, str, str, str]) -> dict[str, list[str]]:
    """A row's spellings by script: armenian, cyrillic, azerbaijani, latin."""
    scripts = ("armenian", "cyrillic", "azerbaijani", "latin")
    return {script: cell.split() for script, cell in zip(scripts, row[1:], strict=True)}
