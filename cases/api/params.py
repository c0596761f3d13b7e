"""Query parameters shared by the apps' API views."""

from __future__ import annotations

from datetime import datetime, time

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

SINCE_YEARS = (1900, 9998)


def int_param(request: Request, name: str) -> int | None:
    """An id in the query string, or None when absent; anything else (a
    sign, letters, more digits than a bigint holds) is a 400 naming it."""
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return None
    # isdigit() alone takes '²', which int() refuses: ASCII digits only.
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        raise ValidationError({name: [f"{raw!r} is not an id."]})
    return int(raw)


def since_param(value: str | None, *, required: bool) -> datetime | None:
    """`since` as a date (from its midnight, local time) or an ISO date-time."""
    if not value:
        if required:
            raise ValidationError({"since": ["Give a date (YYYY-MM-DD) or an ISO date-time."]})
        return None
    try:
        # Well-formed but impossible (30 February, hour 25, offset +99:00) is a ValueError.
        moment = parse_datetime(value) if "T" in value else None
        day = parse_date(value) if moment is None else None
    except ValueError:
        moment = day = None
    if day is not None:
        moment = datetime.combine(day, time.min)
    if moment is None:
        raise ValidationError({"since": ["Not a date (YYYY-MM-DD) or ISO date-time."]})
    # Year 1 at midnight, made aware here, overflows on its way to UTC.
    if not SINCE_YEARS[0] <= moment.year <= SINCE_YEARS[1]:
        raise ValidationError(
            {"since": [f"Give a year from {SINCE_YEARS[0]} to {SINCE_YEARS[1]}."]}
        )
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
