"""Stored spellings: written whenever a name is written, kept, keyed."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cases import services
from cases.errors import InvalidInput, NotAllowed
from cases.models import CaseEvent, CaseNameKey, CaseNamePair, CaseSpelling, EventKind
from cases.names import name_fold, name_key
from cases.selectors import case_spelling_for_script
from cases.services.spellings import name_pairs

pytestmark = pytest.mark.django_db


def _spellings(case: Any) -> set[tuple[str, str, str]]:
    return set(case.spellings.values_list("part", "text", "source"))


def test_opening_a_case_keeps_its_names_as_spellings_with_keys(caseworker: Any) -> None:
    case = services.case_open(
        actor=caseworker,
        given_name="Aram",
        family_name="Hovhannisyan",
        patronymic="Vardan",
        name_native="Հովհաննիսյան Արամ Վարդանի",
    )
    assert _spellings(case) == {
        ("given", "Aram", "registered"),
        ("family", "Hovhannisyan", "registered"),
        ("patronymic", "Vardan", "registered"),
        ("full", "Հովհաննիսյան Արամ Վարդանի", "native"),
    }
    native = case.spellings.get(part="full")
    assert native.script == "armenian"
    assert list(native.keys.values_list("fold", flat=True)) == [
        name_fold("Hovhannisyan"),
        "aram",
        "vardan",
    ]


def test_changing_a_name_adds_the_new_spelling_and_keeps_the_old(caseworker: Any) -> None:
    case = services.case_open(actor=caseworker, given_name="Aram", family_name="Ovanesyan")
    case = services.case_update(
        case=case, actor=caseworker, expected_version=case.version, family_name="Hovhannisyan"
    )
    assert {t for p, t, _ in _spellings(case) if p == "family"} == {"Ovanesyan", "Hovhannisyan"}


def test_a_linked_report_adds_the_name_as_reported(caseworker: Any, make_case: Any) -> None:
    case = make_case()
    services.capture_report_add(
        actor=caseworker,
        case=case,
        source="ombudsman",
        reported_on=date(2024, 5, 2),
        name_as_reported="Оганесян Арам",
        patronymic_as_reported="Вартанович",
    )
    assert ("full", "Оганесян Арам", "reported") in _spellings(case)
    assert ("patronymic", "Вартанович", "reported") in _spellings(case)


def test_an_unlinked_report_adds_nothing_until_it_is_linked(
    caseworker: Any, make_case: Any
) -> None:
    case = make_case()
    report = services.capture_report_add(
        actor=caseworker, source="media", reported_on=date(2024, 5, 2), name_as_reported="Ovanesyan"
    )
    assert not CaseSpelling.objects.filter(text="Ovanesyan").exists()
    services.capture_report_update(report=report, actor=caseworker, case=case)
    assert ("full", "Ovanesyan", "reported") in _spellings(case)


def test_a_caseworker_adds_a_spelling_with_a_staff_only_event(
    caseworker: Any, make_case: Any
) -> None:
    case = make_case()
    spelling, created = services.case_spelling_add(
        case=case, actor=caseworker, part="family", text="  Ованесян "
    )
    assert created
    assert (spelling.text, spelling.script, spelling.source) == ("Ованесян", "cyrillic", "manual")
    event = CaseEvent.objects.filter(case=case, kind=EventKind.SPELLING_ADDED).get()
    assert event.family_visible is False
    assert "Ованесян" not in event.summary  # names stay out of what may be logged
    again = services.case_spelling_add(case=case, actor=caseworker, part="family", text="Ованесян")
    assert again == (spelling, False)
    assert CaseEvent.objects.filter(case=case, kind=EventKind.SPELLING_ADDED).count() == 1


@pytest.mark.parametrize(
    ("part", "text", "field"),
    [
        ("family", "", "text"),
        ("nickname", "Aram", "part"),
        ("given", "x" * 301, "text"),
        ("given", " -- 12 ", "text"),
        ("given", "Aram\x07", "text"),
    ],
)
def test_a_bad_spelling_is_refused_naming_the_field(
    caseworker: Any, make_case: Any, part: str, text: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        services.case_spelling_add(case=make_case(), actor=caseworker, part=part, text=text)
    assert field in refused.value.errors


def test_a_spelling_loses_invisible_characters_that_could_deceive_a_family(
    caseworker: Any, make_case: Any
) -> None:
    spelling, _ = services.case_spelling_add(
        case=make_case(), actor=caseworker, part="family", text="Ованесян\u202e\u200b"
    )
    assert spelling.text == "Ованесян"


def test_someone_without_a_staff_role_cannot_add_a_spelling(outsider: Any, make_case: Any) -> None:
    with pytest.raises(NotAllowed):
        services.case_spelling_add(case=make_case(), actor=outsider, part="given", text="A")


def test_rebuilding_the_keys_gives_the_same_rows(caseworker: Any, make_case: Any) -> None:
    case = make_case()
    before = sorted(CaseNameKey.objects.filter(case=case).values_list("key", "fold", "position"))
    CaseNameKey.objects.filter(case=case).update(key="stale")
    assert services.name_keys_rebuild(case_ids=[case.pk]) == case.spellings.count()
    after = sorted(CaseNameKey.objects.filter(case=case).values_list("key", "fold", "position"))
    assert after == before


def test_a_case_keeps_the_key_pairs_of_its_name(caseworker: Any, make_case: Any) -> None:
    case = make_case(given_name="Aram", family_name="Hovhannisyan", patronymic="Vardan")
    pairs = set(case.name_pairs.values_list("key", flat=True))
    family, given, father = (name_key(name_fold(w)) for w in ("Hovhannisyan", "Aram", "Vardan"))
    assert " ".join(sorted((family, given))) in pairs
    assert " ".join(sorted((given, father))) in pairs
    services.case_spelling_add(case=case, actor=caseworker, part="given", text="Armen")
    armen = name_key(name_fold("Armen"))
    assert " ".join(sorted((family, armen))) in set(case.name_pairs.values_list("key", flat=True))


def test_words_of_one_part_in_different_spellings_make_no_pair() -> None:
    rows = [(1, "family", "ons"), (2, "family", "onsx"), (3, "given", "arm")]
    assert name_pairs(rows) == {"arm ons", "arm onsx"}
    assert name_pairs([(4, "full", "ons"), (4, "full", "arm")]) == {"arm ons"}


def test_the_migration_gives_existing_cases_their_spellings(
    caseworker: Any, make_case: Any
) -> None:
    from importlib import import_module

    from django.apps import apps

    case = make_case(given_name="Aram", family_name="Hovhannisyan", name_native="Հովհաննիսյան Արամ")
    services.capture_report_add(
        actor=caseworker,
        case=case,
        source="media",
        reported_on=date(2024, 1, 2),
        name_as_reported="Оганесян Арам",
    )
    before = sorted(case.spellings.values_list("part", "text", "source"))
    pairs = sorted(case.name_pairs.values_list("key", flat=True))
    CaseSpelling.objects.all().delete()
    CaseNamePair.objects.all().delete()
    import_module("cases.migrations.0007_fill_name_spellings").fill(apps, None)
    assert sorted(case.spellings.values_list("part", "text", "source")) == before
    assert sorted(case.name_pairs.values_list("key", flat=True)) == pairs
    assert CaseNameKey.objects.filter(case=case, word="Оганесян").exists()


def test_the_rebuild_command_rekeys_every_spelling(make_case: Any) -> None:
    from io import StringIO

    from django.core.management import call_command

    case = make_case()
    CaseNameKey.objects.filter(case=case).update(key="stale")
    out = StringIO()
    call_command("rebuild_name_keys", stdout=out)
    assert f"Rekeyed {case.spellings.count()} spelling(s)." in out.getvalue()
    assert not CaseNameKey.objects.filter(key="stale").exists()


def test_the_name_in_a_readers_script_prefers_the_native_spelling(
    caseworker: Any, make_case: Any
) -> None:
    case = make_case(given_name="Aram", family_name="Hovhannisyan", name_native="Հովհաննիսյան Արամ")
    services.case_spelling_add(case=case, actor=caseworker, part="full", text="Հովհաննիսյան Ա.")
    services.case_spelling_add(case=case, actor=caseworker, part="full", text="Оганесян Арам")
    assert case_spelling_for_script(case=case, script="armenian").text == "Հովհաննիսյան Արամ"
    assert case_spelling_for_script(case=case, script="cyrillic").text == "Оганесян Арам"
    assert case_spelling_for_script(case=case, script="azerbaijani") is None
