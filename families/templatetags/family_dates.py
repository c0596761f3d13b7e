"""{{ value|family_date }} and {{ value|family_datetime }}: see families.dates."""

from __future__ import annotations

from typing import Any

from django import template

from families import dates

register = template.Library()


@register.filter
def family_date(value: Any) -> str:
    return dates.family_date(value)


@register.filter
def family_datetime(value: Any) -> str:
    return dates.family_datetime(value) if value else ""
