"""A woman who serves is written of in her own forms (GLOSSARY.md): in
Russian «ваша родственница … включена», in English "she" and "her", in every
message variant (subject, body, SMS) and on the portal's timeline. A man,
or a case whose sex is not recorded, keeps the masculine forms; Armenian has
no grammatical gender and reads the same words for both."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.utils import timezone

from cases import services as case_services
from cases.models import CaseEvent, HealthState, MissingPerson
from families import selectors
from families.models import FamilyMember
from families.texts import RenderedMessage, render_message
from tests.families.message_variants import VARIANTS

# Words that agree with a man, and their feminine forms, as whole words.
MASCULINE = {
    "ru": (
        r"\b(ваш|вашего|вашем) родственник[аеу]?\b|\b(включён|освобождён|вернулся|был"
        r"|здоров|ранен|болен|выздоровел|Пропал|Погиб|Найден|Он|он)\b|\bего возвращени"
    ),
    "en": r"\b([Hh]e|[Hh]is|[Hh]im)\b",
}
FEMININE = {
    "ru": (
        r"\bродственниц|\b(включена|освобождена|вернулась|была|здорова|ранена|больна"
        r"|выздоровела|Пропала|Погибла|Найдена|Она|она)\b|\bеё возвращени"
    ),
    "en": r"\b([Ss]he|[Hh]er)\b",
}
OPPOSITE = {"female": MASCULINE, "male": FEMININE, "": FEMININE}
OWN = {"female": FEMININE, "male": MASCULINE, "": MASCULINE}


def _message(case: MissingPerson, language: str, kind: str, data: dict[str, Any]) -> str:
    event = CaseEvent(case=case, kind=kind, at=timezone.now(), family_visible=True, data=data)
    member = FamilyMember(pk=7, full_name="R", language=language)
    rendered: RenderedMessage = render_message(
        event=event, member=member, channel="sms", optout_link="https://example.org/o/x"
    )
    return "\n".join((rendered.subject, rendered.body_text, rendered.sms_text))


def _agreeing_words(text: str, pattern: str) -> list[str]:
    return [m.group(0) for m in re.finditer(pattern, text)]


@pytest.mark.django_db
@pytest.mark.parametrize("sex", ["female", "male", ""])
@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize(("kind", "data"), VARIANTS)
def test_every_message_agrees_with_the_person_it_is_about(
    make_case: Any, sex: str, language: str, kind: str, data: dict[str, Any]
) -> None:
    case = make_case(given_name="Anahit", patronymic="Aram", family_name="Sargsyan", sex=sex)
    text = _message(case, language, kind, data)
    assert _agreeing_words(text, OPPOSITE[sex][language]) == [], text


@pytest.mark.django_db
@pytest.mark.parametrize("health", HealthState.values)
def test_every_state_of_health_agrees_with_a_woman(make_case: Any, health: str) -> None:
    case = make_case(sex="female")
    data = {"type": "health", "occurred_on": "2021-01-09", "health": health}
    text = _message(case, "ru", "detention_event", data)
    assert _agreeing_words(text, MASCULINE["ru"]) == [], text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "data", "words"),
    [
        ("exchange_listed", VARIANTS[9][1], "включена в список на обмен"),
        ("status_changed", VARIANTS[5][1], "вернулась на родину при обмене"),
        ("status_changed", VARIANTS[6][1], "не была освобождена"),
        ("detention_event", VARIANTS[16][1], "ваша родственница была освобождена"),
        ("capture_report_added", VARIANTS[11][1], "ваша родственница"),
    ],
)
def test_a_woman_reads_the_feminine_words_in_russian(
    make_case: Any, kind: str, data: dict[str, Any], words: str
) -> None:
    case = make_case(sex="female")
    assert words in _message(case, "ru", kind, data)


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "data"), VARIANTS)
def test_armenian_reads_the_same_words_for_a_man_and_a_woman(
    make_case: Any, kind: str, data: dict[str, Any]
) -> None:
    names = {"given_name": "Anahit", "patronymic": "Aram", "family_name": "Sargsyan"}
    her = _message(make_case(sex="female", **names), "hy", kind, data)
    him = _message(make_case(sex="male", **names), "hy", kind, data)
    # Only the case number differs between the two cases.
    assert re.sub(r"\d{4}-\d+", "N", her) == re.sub(r"\d{4}-\d+", "N", him)


def _timeline(member: FamilyMember, case: MissingPerson) -> str:
    (view,) = selectors.family_case_views(
        member, [selectors.family_case_or_404(member, case.case_number)]
    )
    words = [view.status_label, view.status_meaning, view.status_next]
    return "\n".join(words + [u.message for u in view.updates])


def _record_everything_a_family_is_told(case: MissingPerson, actor: Any) -> None:
    for kind, extra in [
        ("transfer", {"place": "Baku, detention centre 2"}),
        ("hospital_admission", {}),
        ("health", {"health": HealthState.SERIOUSLY_WOUNDED}),
        ("icrc_visit", {}),
    ]:
        case_services.detention_event_add(
            case=case,
            actor=actor,
            type=kind,
            occurred_on=date(2021, 1, 5),
            source="icrc",
            share_with_family=True,
            **extra,
        )
    case_services.capture_report_add(
        actor=actor,
        case=case,
        source="media",
        name_as_reported="Sargsyan",
        reported_on=date(2021, 1, 6),
        place_of_detention="Baku",
        share_with_family=True,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("sex", ["female", "male"])
@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_portal_timeline_agrees_with_the_person(
    make_case: Any, make_member: Any, caseworker: Any, sex: str, language: str
) -> None:
    case = make_case(sex=sex)
    _record_everything_a_family_is_told(case, caseworker)
    text = _timeline(make_member(case, language=language), case)
    assert _agreeing_words(text, OPPOSITE[sex][language]) == [], text
    assert _agreeing_words(text, OWN[sex][language]), text
