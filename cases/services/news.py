"""News of the person (a detention event, a capture report) while a death is
asked for: held, then told if the death is rejected.

While a case stands at a death, or a death asked for waits for a supervisor,
shared news is recorded as not family-visible (cases.selectors.case_news_held):
the family hears nothing until the death is decided, and a death from their
caseworker in person. Held news is marked so that, if the supervisor rejects
the death, it reaches the family then; a confirmed death leaves it untold.
"""

from __future__ import annotations

from typing import Any

from cases.models import CaseEvent, MissingPerson
from cases.selectors import HELD_NEWS_KINDS, case_news_held
from cases.services.events import enqueue_dispatch


def news_visibility(case: MissingPerson, *, shared: bool) -> tuple[bool, dict[str, Any]]:
    """(family_visible, what to add to the event's data) for news the family
    would hear (`shared`): held news is marked {"held": True}."""
    if not shared:
        return False, {}
    if case_news_held(case):
        return False, {"held": True}
    return True, {}


def news_release_held(*, case: MissingPerson) -> list[int]:
    """The death asked for was rejected: the news held while it waited
    becomes family-visible and is dispatched (messages, the portal), each at
    its own date. Called inside the rejection's transaction."""
    held = CaseEvent.objects.filter(
        case=case, kind__in=HELD_NEWS_KINDS, family_visible=False, data__held=True
    )
    ids = sorted(held.values_list("pk", flat=True))
    if ids:
        CaseEvent.objects.filter(pk__in=ids).update(
            family_visible=True, dispatched=False, dispatched_at=None
        )
        enqueue_dispatch(ids)
    return ids
