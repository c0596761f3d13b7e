"""Detention events in plain words for a family (README: "Detention events").

Only the types in TOLD reach a family; death particulars and escapes never
do, whatever an event's flag says. The words name what happened and when,
and where for a transfer or a hospital; never the source, the prisoner
number or a caseworker's notes. English is the source text (gettext); the
hy and ru catalogues carry the translations.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from cases.models import DetentionEventType, HealthState
from families.dates import family_date

T = DetentionEventType
TOLD = frozenset({T.TRANSFER, T.HOSPITAL_ADMISSION, T.HEALTH, T.ICRC_VISIT, T.RELEASE})


def _health_words(value: str) -> str:
    # The capture card's words (Annex IV B), as a family reads them.
    words = {
        HealthState.GOOD_HEALTH: pgettext("health", "in good health"),
        HealthState.NOT_WOUNDED: pgettext("health", "not wounded"),
        HealthState.RECOVERED: pgettext("health", "recovered"),
        HealthState.CONVALESCENT: pgettext("health", "convalescent"),
        HealthState.SICK: pgettext("health", "sick"),
        HealthState.SLIGHTLY_WOUNDED: pgettext("health", "slightly wounded"),
        HealthState.SERIOUSLY_WOUNDED: pgettext("health", "seriously wounded"),
    }
    return words.get(value, "")  # type: ignore[call-overload]


def _sentence(kind: str, on: str, place: str, health: str) -> str | None:
    if kind == T.TRANSFER:
        if place:
            return _(
                "On %(date)s your relative was moved to another place of detention: %(place)s."
            ) % {"date": on, "place": place}
        return _("On %(date)s your relative was moved to another place of detention.") % {
            "date": on
        }
    if kind == T.HOSPITAL_ADMISSION:
        if place:
            return _("On %(date)s your relative was admitted to hospital: %(place)s.") % {
                "date": on,
                "place": place,
            }
        return _("On %(date)s your relative was admitted to hospital.") % {"date": on}
    if kind == T.HEALTH and health:
        return _("News of your relative's health, given on %(date)s: %(health)s.") % {
            "date": on,
            "health": health,
        }
    if kind == T.ICRC_VISIT:
        return _("On %(date)s the ICRC visited your relative.") % {"date": on}
    if kind == T.RELEASE:
        return _("On %(date)s your relative was released.") % {"date": on}
    return None


def detention_sentence(data: dict[str, Any], language: str) -> str | None:
    """One detention event (its timeline data) in the family's language, or
    None when this event is never told."""
    kind = data.get("type")
    on = family_date(data.get("occurred_on"))
    if kind not in TOLD or not on:
        return None
    with translation.override(language):
        health = _health_words(str(data.get("health") or ""))
        return _sentence(str(kind), on, str(data.get("place") or ""), health)
