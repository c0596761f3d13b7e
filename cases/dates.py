"""Dates and times as a person reads them, whoever reads them (a family, a
caseworker, the admin): DD.MM.YYYY in every language (hy and ru write it so;
en readers in Armenia do too), times HH:MM in the deployment's zone named in
words ("Yerevan time"), never an ISO date or a bare "+04".

The one rule. The functions below format with these strings, and
casemgr/formats/<language>/formats.py hands the same strings to Django
(FORMAT_MODULE_PATH), so `{{ value|date }}`, the admin and form widgets read
alike. Machines keep ISO 8601 (the REST API, exports, <time datetime>).
It lives in cases, below families and the workspace, so both may use it."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.utils import dateformat, timezone
from django.utils.translation import gettext, pgettext_lazy

# Django's date-format letters (the `date` filter's), not strftime's.
DATE_FORMAT = "d.m.Y"
TIME_FORMAT = "H:i"
# A chart's axis, where a year on every tick does not fit (the table beside it has them).
DAY_MONTH_FORMAT = "d.m"
# What a person may type: as they write it, or ISO (what an HTML date input
# and the API send). Never two-digit years: a birth year must not be guessed.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]

# The zones a deployment may run in, named as people there say it. An
# unknown zone falls back to its IANA name (still no bare offset).
ZONE_NAMES = {
    "Asia/Yerevan": pgettext_lazy("time zone", "Yerevan time"),
}

# Every letter the `date` filter would read as a format, and its escape.
_FORMAT_CHARS = re.compile(r"([A-Za-z\\])")


def as_date(value: Any) -> date | None:
    """The day of a date, a moment (in the deployment's zone) or an ISO text."""
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def day(value: Any) -> str:
    """13.11.2020; '' for nothing or something that is not a date."""
    found = as_date(value)
    return dateformat.format(found, DATE_FORMAT) if found else ""


def day_month(value: Any) -> str:
    """13.11, for a chart's axis only."""
    found = as_date(value)
    return dateformat.format(found, DAY_MONTH_FORMAT) if found else ""


def zone_name() -> str:
    return str(ZONE_NAMES.get(settings.TIME_ZONE, settings.TIME_ZONE))


def _literal(text: str) -> str:
    return _FORMAT_CHARS.sub(r"\\\1", text)


def datetime_format() -> str:
    """A moment's format in the active language, the zone's words escaped as
    literal text: 'd.m.Y, H:i (\\Y\\e\\r\\e\\v\\a\\n \\t\\i\\m\\e)'."""
    slots = {"date": "\0", "time": "\1", "zone": "\2"}
    # Translators: a date and time, e.g. 30.11.2026, 19:25 (Yerevan time).
    words = _literal(gettext("%(date)s, %(time)s (%(zone)s)") % slots)
    return (
        words.replace("\0", DATE_FORMAT)
        .replace("\1", TIME_FORMAT)
        .replace("\2", _literal(zone_name()))
    )


def moment(value: datetime | None) -> str:
    """30.11.2026, 19:25 (Yerevan time), in the active language; '' for nothing."""
    if not value:
        return ""
    return dateformat.format(timezone.localtime(value), datetime_format())
