"""Detention events in plain words for a family (README: "Detention events").

Only the types in TOLD reach a family; death particulars and escapes never
do, whatever an event's flag says. The words name what happened and when,
and where for a transfer or a hospital; never the source, the prisoner
number or a caseworker's notes. English is the source text (gettext); the
hy and ru catalogues carry the translations.

Each sentence comes in two forms, for a man and for a woman who serves
(GLOSSARY.md): the same English under the context "female", so that
Russian can say «вашу родственницу», «освобождена», «ранена».
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, pgettext_lazy

from cases.dates import day as family_date
from cases.models import DetentionEventType, HealthState
from families.gender import form_for

T = DetentionEventType
TOLD = frozenset({T.TRANSFER, T.HOSPITAL_ADMISSION, T.HEALTH, T.ICRC_VISIT, T.RELEASE})

# The capture card's words (Annex IV B), as a family reads them.
HEALTH_WORDS: dict[str, tuple[Promise, Promise]] = {
    HealthState.GOOD_HEALTH: (
        pgettext_lazy("health", "in good health"),
        pgettext_lazy("health, female", "in good health"),
    ),
    HealthState.NOT_WOUNDED: (
        pgettext_lazy("health", "not wounded"),
        pgettext_lazy("health, female", "not wounded"),
    ),
    HealthState.RECOVERED: (
        pgettext_lazy("health", "recovered"),
        pgettext_lazy("health, female", "recovered"),
    ),
    HealthState.CONVALESCENT: (
        pgettext_lazy("health", "convalescent"),
        pgettext_lazy("health, female", "convalescent"),
    ),
    HealthState.SICK: (
        pgettext_lazy("health", "sick"),
        pgettext_lazy("health, female", "sick"),
    ),
    HealthState.SLIGHTLY_WOUNDED: (
        pgettext_lazy("health", "slightly wounded"),
        pgettext_lazy("health, female", "slightly wounded"),
    ),
    HealthState.SERIOUSLY_WOUNDED: (
        pgettext_lazy("health", "seriously wounded"),
        pgettext_lazy("health, female", "seriously wounded"),
    ),
}

# (type, whether a place is given) -> the sentence, with %(date)s, %(place)s
# and %(health)s filled in.
SENTENCES: dict[tuple[str, bool], tuple[Promise, Promise]] = {
    (T.TRANSFER, True): (
        gettext_lazy(
            "On %(date)s your relative was moved to another place of detention: %(place)s."
        ),
        pgettext_lazy(
            "female",
            "On %(date)s your relative was moved to another place of detention: %(place)s.",
        ),
    ),
    (T.TRANSFER, False): (
        gettext_lazy("On %(date)s your relative was moved to another place of detention."),
        pgettext_lazy(
            "female", "On %(date)s your relative was moved to another place of detention."
        ),
    ),
    (T.HOSPITAL_ADMISSION, True): (
        gettext_lazy("On %(date)s your relative was admitted to hospital: %(place)s."),
        pgettext_lazy("female", "On %(date)s your relative was admitted to hospital: %(place)s."),
    ),
    (T.HOSPITAL_ADMISSION, False): (
        gettext_lazy("On %(date)s your relative was admitted to hospital."),
        pgettext_lazy("female", "On %(date)s your relative was admitted to hospital."),
    ),
    (T.HEALTH, False): (
        gettext_lazy("News of your relative's health, given on %(date)s: %(health)s."),
        pgettext_lazy("female", "News of your relative's health, given on %(date)s: %(health)s."),
    ),
    (T.ICRC_VISIT, False): (
        gettext_lazy("On %(date)s the ICRC visited your relative."),
        pgettext_lazy("female", "On %(date)s the ICRC visited your relative."),
    ),
    (T.RELEASE, False): (
        gettext_lazy("On %(date)s your relative was released."),
        pgettext_lazy("female", "On %(date)s your relative was released."),
    ),
}

# Only these types name a place; the others' words have none to fill.
PLACED = frozenset({T.TRANSFER, T.HOSPITAL_ADMISSION})


def _health_words(value: str, sex: str) -> str:
    forms = HEALTH_WORDS.get(value)
    return str(form_for(forms, sex)) if forms else ""


def _sentence(kind: str, on: str, place: str, health: str, sex: str) -> str | None:
    if kind == T.HEALTH and not health:
        return None
    forms = SENTENCES.get((kind, bool(place) and kind in PLACED))
    if forms is None:
        return None
    return str(form_for(forms, sex)) % {"date": on, "place": place, "health": health}


def detention_sentence(data: dict[str, Any], language: str, sex: str = "") -> str | None:
    """One detention event (its timeline data) in the family's language, in
    the form for the person's sex, or None when this event is never told."""
    kind = data.get("type")
    on = family_date(data.get("occurred_on"))
    if kind not in TOLD or not on:
        return None
    with translation.override(language):
        health = _health_words(str(data.get("health") or ""), sex)
        return _sentence(str(kind), on, str(data.get("place") or ""), health, sex)
