"""Django's formats for hy, ru and en (FORMAT_MODULE_PATH): the one rule of
cases.dates handed to Django, so `{{ value|date }}`, a date or time printed
as it is, the admin's lists and history, and form widgets read DD.MM.YYYY
and HH:MM with the zone in words, as the workspace and families do.

Each language's module is read once, when Django first formats in that
language; the zone's words are fixed then (a deployment's TIME_ZONE does not
change while it runs)."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from cases import dates


def common_formats(language: str) -> dict[str, Any]:
    with translation.override(language):
        moment = dates.datetime_format()
    return {
        "DATE_FORMAT": dates.DATE_FORMAT,
        "SHORT_DATE_FORMAT": dates.DATE_FORMAT,
        "TIME_FORMAT": dates.TIME_FORMAT,
        "DATETIME_FORMAT": moment,
        "SHORT_DATETIME_FORMAT": moment,
        "MONTH_DAY_FORMAT": dates.DAY_MONTH_FORMAT,
        "DATE_INPUT_FORMATS": dates.DATE_INPUT_FORMATS,
        "DATETIME_INPUT_FORMATS": dates.DATETIME_INPUT_FORMATS,
        "FIRST_DAY_OF_WEEK": 1,  # Monday, in Armenia as in Russia
    }
