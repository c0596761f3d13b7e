"""{{ value|day }}, {{ value|moment }} and {{ value|day_month }} for the
pages families and staff read: the one rule of cases.dates."""

from __future__ import annotations

from typing import Any

from django import template

from cases import dates

register = template.Library()


@register.filter
def day(value: Any) -> str:
    return dates.day(value)


@register.filter
def moment(value: Any) -> str:
    return dates.moment(value)


@register.filter
def day_month(value: Any) -> str:
    return dates.day_month(value)
