"""Query filters for the caseworkers' API. A bad value (unknown status, bad
ordering) is a 400 naming the parameter; the searching itself is done by
the selectors."""

from __future__ import annotations

from typing import Any

import django_filters as filters
from django import forms
from django.db.models import QuerySet

from cases.models import (
    CaptureReport,
    MissingPerson,
    PendingTransition,
    ReportSource,
    TransitionState,
    Verification,
)
from cases.search import cases_search
from cases.status import Status

MAX_ID = 2**63 - 1


class IdFilter(filters.Filter):
    """A record id: a whole number in the database's range (400 otherwise)."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


UNIQUE_ORDER = frozenset({"case_number", "id", "pk"})


class CaseFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=Status.choices)
    service_number = filters.CharFilter(
        method="filter_service_number", max_length=40, help_text="Exact, case-insensitive."
    )
    q = filters.CharFilter(
        method="filter_q",
        max_length=200,
        help_text="Name search across scripts (Armenian, Cyrillic, Azerbaijani or English "
        "Latin), any order, prefixes; or a case number or service number. Best first "
        "unless ordering is given.",
    )
    place = filters.CharFilter(
        field_name="last_seen_place",
        lookup_expr="icontains",
        max_length=200,
        help_text="Part of the place last seen (case-insensitive).",
    )
    caseworker = IdFilter(field_name="caseworker_id", help_text="The assigned staff member's id.")
    ordering = filters.OrderingFilter(
        fields=(
            "case_number",
            "family_name",
            "given_name",
            "status",
            "status_changed_at",
            "last_seen_date",
            "created_at",
            "updated_at",
        ),
        help_text="One or more of the listed fields, '-' for descending.",
    )

    class Meta:
        model = MissingPerson
        fields = ("status", "service_number", "q", "place", "caseworker")

    def filter_service_number(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(service_number__iexact=value.strip())

    def filter_q(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return cases_search(qs, value)

    def filter_queryset(self, queryset: QuerySet) -> Any:
        # A stable order for pagination: the chosen ordering, then the id
        # unless it already ends on a unique field (so that the default order
        # is a plain walk of the case_number index).
        qs = super().filter_queryset(queryset)
        order = list(qs.query.order_by) or ["case_number"]
        if order[-1].lstrip("-") not in UNIQUE_ORDER:
            order.append("id")
        return qs.order_by(*order)


class CaptureReportFilter(filters.FilterSet):
    case = IdFilter(field_name="case_id")
    source = filters.ChoiceFilter(choices=ReportSource.choices)
    verification = filters.ChoiceFilter(choices=Verification.choices)
    unlinked = filters.BooleanFilter(
        field_name="case", lookup_expr="isnull", help_text="true: only reports with no case."
    )

    class Meta:
        model = CaptureReport
        fields = ("case", "source", "verification", "unlinked")


class TransitionFilter(filters.FilterSet):
    state = filters.ChoiceFilter(
        choices=[*TransitionState.choices, ("all", "All")],
        method="filter_state",
        help_text="Default: pending (the supervisors' work queue); 'all' for every state.",
    )
    case = IdFilter(field_name="case_id")

    class Meta:
        model = PendingTransition
        fields = ("state", "case")

    def filter_state(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs if value == "all" else qs.filter(state=value)

    def filter_queryset(self, queryset: QuerySet) -> Any:
        if not self.form.cleaned_data.get("state"):
            queryset = queryset.filter(state=TransitionState.PENDING)
        return super().filter_queryset(queryset)
