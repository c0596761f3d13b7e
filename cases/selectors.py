"""Reads of the registry beyond a plain .get(). Access checks live here."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from cases.models import CaseEvent, MissingPerson, PendingTransition, TransitionState
from cases.roles import is_caseworker


def cases_visible_to(user: Any) -> QuerySet[MissingPerson]:
    """Every case for staff; nothing for anyone else (families read through
    their own projection in families.selectors)."""
    if not is_caseworker(user):
        return MissingPerson.objects.none()
    return MissingPerson.objects.all()


def case_search(
    *,
    user: Any,
    q: str = "",
    status: str = "",
    service_number: str = "",
) -> QuerySet[MissingPerson]:
    qs = cases_visible_to(user)
    if status:
        qs = qs.filter(status=status)
    if service_number:
        qs = qs.filter(service_number__iexact=service_number.strip())
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


def transitions_pending(*, user: Any) -> QuerySet[PendingTransition]:
    if not is_caseworker(user):
        return PendingTransition.objects.none()
    return PendingTransition.objects.filter(state=TransitionState.PENDING).select_related(
        "case", "requested_by"
    )
