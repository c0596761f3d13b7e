"""Reads of the registry beyond a plain .get(). Access checks live here.

Every API view starts from one of the `*_visible_to(user)` querysets, so the
question "who may see what" has one answer, tested in
tests/cases/test_selectors_access.py. Staff (caseworkers and supervisors) see
the whole registry; anyone else sees nothing here (families read through
their own projection in families.selectors).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet

from cases.models import (
    CaptureReport,
    CaseEvent,
    DetentionEvent,
    Exchange,
    ExchangeListing,
    MissingPerson,
    PendingTransition,
    Verification,
)
from cases.roles import STAFF_ROLES, is_caseworker


def cases_visible_to(user: Any) -> QuerySet[MissingPerson]:
    """Every case for staff; nothing for anyone else."""
    if not is_caseworker(user):
        return MissingPerson.objects.none()
    return MissingPerson.objects.all()


def cases_named(qs: QuerySet[MissingPerson], q: str) -> QuerySet[MissingPerson]:
    """Plain case-insensitive name search: every word must appear in one of
    the name fields (any script), or be the case number. Cross-script and
    phonetic matching is cases.matching's job, not this one's."""
    for word in q.split():
        qs = qs.filter(
            Q(given_name__icontains=word)
            | Q(family_name__icontains=word)
            | Q(patronymic__icontains=word)
            | Q(name_native__icontains=word)
            | Q(case_number__iexact=word)
        )
    return qs


def case_timeline(*, case: MissingPerson) -> QuerySet[CaseEvent]:
    return case.events.select_related("actor").order_by("-at", "-id")


def detention_events(*, case: MissingPerson) -> QuerySet[DetentionEvent]:
    return case.detention_events.select_related("recorded_by").order_by("-occurred_on", "-id")


def transitions_visible_to(user: Any, *, state: str | None = None) -> QuerySet[PendingTransition]:
    """Status changes asked for under the two-person rule; staff read them
    all (the supervisors' work queue is state=pending)."""
    if not is_caseworker(user):
        return PendingTransition.objects.none()
    qs = PendingTransition.objects.select_related("case", "requested_by", "decided_by")
    if state:
        qs = qs.filter(state=state)
    return qs


def reports_family_may_hear() -> QuerySet[CaptureReport]:
    """The capture reports a family may hear of: shared with them and not
    refuted. The one rule, for the event's flag (cases.services.reports), the
    messages (families.notify) and the portal (families.selectors)."""
    return CaptureReport.objects.filter(share_with_family=True).exclude(
        verification=Verification.REFUTED
    )


def capture_reports_visible_to(user: Any) -> QuerySet[CaptureReport]:
    if not is_caseworker(user):
        return CaptureReport.objects.none()
    return CaptureReport.objects.all()


def exchanges_visible_to(user: Any) -> QuerySet[Exchange]:
    """Exchanges with their lists prefetched (two queries for any page)."""
    if not is_caseworker(user):
        return Exchange.objects.none()
    listings = ExchangeListing.objects.select_related("case").only(
        "id", "exchange_id", "case_id", "case__case_number", "outcome", "listed_at"
    )
    return Exchange.objects.prefetch_related(Prefetch("listings", queryset=listings))


def staff_users() -> QuerySet[Any]:
    """Accounts a case may be assigned to: active caseworkers and supervisors."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=STAFF_ROLES)
        .distinct()
        .order_by("pk")
    )
