"""Who told us each fact about a person, and when.

A case keeps, per field, the latest word on it in `MissingPerson.provenance`:
the source (a ReportSource), a detail (which list, which ICRC message), the
date the source gave it, and who entered it when. The case's history table
keeps every earlier entry, so the whole chain of who-said-what stays readable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

from cases.errors import InvalidInput
from cases.models import MissingPerson, ReportSource

SOURCE_KEYS = frozenset({"source", "detail", "on"})


def _check_source(field: str, entry: Any, sourced_fields: Iterable[str]) -> list[str]:
    if field not in sourced_fields:
        return [gettext("This field has no source to record.")]
    if not isinstance(entry, Mapping):
        return [gettext("Give an object with source, detail and on.")]
    errors = [
        gettext("Unknown key %(key)s.") % {"key": repr(k)} for k in sorted(set(entry) - SOURCE_KEYS)
    ]
    if entry.get("source") not in ReportSource.values:
        known = ", ".join(ReportSource.values)
        errors.append(gettext("source must be one of: %(values)s.") % {"values": known})
    told_on = entry.get("on")
    if told_on is not None and not isinstance(told_on, date):
        errors.append(gettext("on must be a date."))
    elif told_on is not None and told_on > timezone.localdate():
        errors.append(gettext("on is in the future."))
    return errors


def sources_check(sources: Mapping[str, Any], sourced_fields: Iterable[str]) -> None:
    """Refuse a malformed `sources` argument, naming the field (400)."""
    allowed = set(sourced_fields)
    errors = {
        f"sources.{field}": problems
        for field, entry in sources.items()
        if (problems := _check_source(field, entry, allowed))
    }
    if errors:
        raise InvalidInput(errors)


def _entry(source: Mapping[str, Any] | None, actor: Any, now: datetime) -> dict[str, Any]:
    source = source or {}
    told_on = source.get("on")
    return {
        "source": source.get("source", ""),
        "detail": str(source.get("detail", ""))[:500],
        "on": told_on.isoformat() if told_on else None,
        "by": getattr(actor, "username", ""),
        "at": now.isoformat(),
    }


def provenance_apply(
    case: MissingPerson,
    *,
    fields: Iterable[str],
    sources: Mapping[str, Any],
    actor: Any,
) -> None:
    """Record, on the unsaved case, who told us each of `fields` (the changed
    ones and the sourced ones). A field changed with no source named is
    recorded as entered by the actor, so no fact is left without an author."""
    now = timezone.now()
    provenance = dict(case.provenance or {})
    for field in fields:
        provenance[field] = _entry(sources.get(field), actor, now)
    case.provenance = provenance
