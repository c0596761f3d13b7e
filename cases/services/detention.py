"""Detention events: the bureau's record of a prisoner (GC III Art. 122),
each one dated, sourced and appended to the case's timeline.

Which events a family is told is decided twice, on purpose: here (the event's
family_visible flag) and again by the family projection's own whitelist
(families.selectors), so that one mistake never reaches a family.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

from cases.errors import InvalidInput
from cases.models import DetentionEvent, DetentionEventType, EventKind, MissingPerson
from cases.services._common import refuse_future_dates, require_caseworker, validate_instance
from cases.services.events import event_append
from cases.services.locking import atomic_retrying, lock_case
from cases.services.news import news_visibility
from cases.services.text import clean_text_values

T = DetentionEventType
COMMON_FIELDS = frozenset(
    {"type", "occurred_on", "source", "source_detail", "notes", "share_with_family"}
)
DEATH_PARTICULARS = frozenset(
    {
        "place",
        "certificate_reference",
        "cause_of_death",
        "place_of_burial",
        "grave_marked",
        "grave_findable",
        "personal_effects",
    }
)
# The one list of what each type of event carries beyond the common fields,
# and (second) what it must carry.
TYPE_FIELDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    T.TRANSFER: (frozenset({"place", "prisoner_number"}), frozenset({"place"})),
    T.HOSPITAL_ADMISSION: (frozenset({"place", "health"}), frozenset()),
    T.HEALTH: (frozenset({"health"}), frozenset({"health"})),
    T.ICRC_VISIT: (frozenset({"place"}), frozenset()),
    T.ESCAPE: (frozenset({"place"}), frozenset()),
    T.RELEASE: (frozenset({"place"}), frozenset()),
    T.DEATH: (DEATH_PARTICULARS, frozenset()),
}
# Never told by any message or on the portal: a death is told in person, by
# two people, after the two-person confirmation of the status; an escape is
# told in person too (unconfirmed, it raises hopes; confirmed, it may put the
# man in danger).
NEVER_TOLD = frozenset({T.DEATH, T.ESCAPE})


def _check_fields(values: dict[str, Any]) -> None:
    kind = values.get("type")
    if kind not in TYPE_FIELDS:
        raise InvalidInput(
            {"type": gettext("Give one of: %(types)s.") % {"types": ", ".join(TYPE_FIELDS)}}
        )
    allowed, required = TYPE_FIELDS[kind]
    # An empty value of a field the type does not carry is no claim: dropped.
    for name in set(values) - COMMON_FIELDS - allowed:
        if values[name] in ("", None):
            del values[name]
    what = {"type": str(T(kind).label)}
    errors: dict[str, str] = {
        name: gettext("“%(type)s” does not carry this field.") % what
        for name in sorted(set(values) - COMMON_FIELDS - allowed)
    }
    errors |= {
        name: gettext("“%(type)s” needs this field.") % what
        for name in required
        if not values.get(name)
    }
    if values.get("share_with_family") and kind in NEVER_TOLD:
        errors["share_with_family"] = gettext(
            "A death or an escape is never told by message: tell the family in person."
        )
    if errors:
        raise InvalidInput(errors)


def _news(event: DetentionEvent, case: MissingPerson) -> tuple[bool, dict[str, Any]]:
    return news_visibility(case, shared=event.share_with_family and event.type not in NEVER_TOLD)


def _event_data(event: DetentionEvent) -> dict[str, Any]:
    """What the timeline keeps: what the family may read, and never the death
    particulars themselves (those are read from the event by staff)."""
    data: dict[str, Any] = {
        "detention_event_id": event.pk,
        "type": event.type,
        "occurred_on": event.occurred_on.isoformat(),
        "source": event.source,
    }
    if event.type in (T.TRANSFER, T.HOSPITAL_ADMISSION):
        data["place"] = event.place
    if event.health:
        data["health"] = event.health
    return data


@atomic_retrying
def detention_event_add(*, case: MissingPerson, actor: Any, **fields: Any) -> DetentionEvent:
    """Record one detention event and append it to the case's timeline."""
    require_caseworker(actor)
    _check_fields(fields)
    fields = clean_text_values(DetentionEvent, fields)
    refuse_future_dates(fields, ("occurred_on",))
    locked = lock_case(case.pk)
    event = DetentionEvent(case=locked, recorded_by=actor, recorded_at=timezone.now(), **fields)
    validate_instance(event, exclude=["case", "recorded_by"])
    event._history_user = actor  # type: ignore[attr-defined]
    event.save()
    visible, held = _news(event, locked)
    event_append(
        case=locked,
        kind=EventKind.DETENTION_EVENT,
        actor=actor,
        summary=f"{event.get_type_display()} on {event.occurred_on.isoformat()} ({event.source})",
        family_visible=visible,
        data=_event_data(event) | held,
    )
    return event
