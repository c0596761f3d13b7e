"""Dates and times as families write them: DD.MM.YYYY in every language we
send (hy and ru write it so; en readers in Armenia do too), and times in the
deployment's zone named in words ("Yerevan time"), never as "+04"."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy

# The zones a deployment may run in, named as a family would say it. An
# unknown zone falls back to its IANA name (still no bare offset).
ZONE_NAMES = {
    "Asia/Yerevan": pgettext_lazy("time zone", "Yerevan time"),
}


def _as_date(value: Any) -> date | None:
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


def family_date(value: Any) -> str:
    """13.11.2020; '' for nothing or something that is not a date."""
    day = _as_date(value)
    return day.strftime("%d.%m.%Y") if day else ""


def zone_name() -> str:
    return str(ZONE_NAMES.get(settings.TIME_ZONE, settings.TIME_ZONE))


def family_datetime(value: datetime) -> str:
    """30.11.2026, 19:25 (Yerevan time), in the active language."""
    local = timezone.localtime(value)
    return gettext("%(date)s, %(time)s (%(zone)s)") % {
        "date": local.strftime("%d.%m.%Y"),
        "time": local.strftime("%H:%M"),
        "zone": zone_name(),
    }
