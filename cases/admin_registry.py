"""The staff admin of capture reports, exchanges and the timeline.

Every save goes through cases.services (see cases/admin_support.py); an
exchange is completed only through the API (one transaction over its list).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cases import services
from cases.admin_support import (
    ReadOnlyAdmin,
    ReadOnlyInline,
    ServiceAdminMixin,
    ServiceModelForm,
    domain_error_message,
)
from cases.errors import DomainError
from cases.models import (
    REPORT_FIELDS,
    CaptureReport,
    CaseEvent,
    Exchange,
    ExchangeListing,
    ExchangeStatus,
)
from cases.services.exchanges import EXCHANGE_FIELDS


# --- Capture reports ---------------------------------------------------------------------
class CaptureReportForm(ServiceModelForm):
    class Meta:
        model = CaptureReport
        fields = list(REPORT_FIELDS)

    def apply(self, actor: Any) -> CaptureReport:
        if self.instance.pk is None:
            values = {n: v for n, v in self.cleaned_data.items() if n in REPORT_FIELDS}
            return services.capture_report_add(actor=actor, **values)
        return services.capture_report_update(
            report=self.instance, actor=actor, **self.changed_values(REPORT_FIELDS)
        )


@admin.register(CaptureReport)
class CaptureReportAdmin(ServiceAdminMixin, SimpleHistoryAdmin):
    form = CaptureReportForm
    list_display = (
        "id",
        "name_as_reported",
        "case",
        "source",
        "verification",
        "share_with_family",
        "reported_on",
    )
    list_filter = (
        "source",
        "verification",
        "share_with_family",
        ("case", admin.EmptyFieldListFilter),
    )
    search_fields = (
        "name_as_reported",
        "service_number_as_reported",
        "case__case_number",
        "case__family_name",
    )
    list_select_related = ("case",)
    autocomplete_fields = ("case",)
    readonly_fields = ("created_by", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("case", ("source", "source_detail"), "reported_on")}),
        (
            _("As reported (capture card)"),
            {
                "fields": (
                    "name_as_reported",
                    "patronymic_as_reported",
                    ("date_of_birth_as_reported", "place_of_birth_as_reported"),
                    ("rank_as_reported", "service_number_as_reported"),
                    ("captured_on", "place_of_capture"),
                    "place_of_detention",
                    "health",
                )
            },
        ),
        (_("Assessment"), {"fields": ("verification", "share_with_family", "notes")}),
        (_("Record"), {"fields": ("created_by", "created_at", "updated_at")}),
    )


# --- Exchanges ---------------------------------------------------------------------------
class ExchangeForm(ServiceModelForm):
    class Meta:
        model = Exchange
        fields = sorted(EXCHANGE_FIELDS)

    def apply(self, actor: Any) -> Exchange:
        if self.instance.pk is None:
            values = {n: v for n, v in self.cleaned_data.items() if n in EXCHANGE_FIELDS}
            return services.exchange_plan(actor=actor, **values)
        return services.exchange_update(
            exchange=self.instance, actor=actor, **self.changed_values(EXCHANGE_FIELDS)
        )


class ExchangeListingInline(ReadOnlyInline):
    model = ExchangeListing
    fields = ("case", "outcome", "listed_by", "listed_at")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[ExchangeListing]:
        return super().get_queryset(request).select_related("case", "listed_by")


@admin.register(Exchange)
class ExchangeAdmin(ServiceAdminMixin, SimpleHistoryAdmin):
    form = ExchangeForm
    list_display = ("name", "principle", "scheduled_for", "place", "mediator", "status")
    list_filter = ("status", "principle")
    search_fields = ("name", "place", "mediator")
    readonly_fields = ("status", "completed_at", "created_by", "created_at")
    inlines = (ExchangeListingInline,)
    actions = ("cancel_selected",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A completed or cancelled exchange is history: it can be read, not edited.
        if obj is not None and obj.status != ExchangeStatus.PLANNED:
            return False
        return super().has_change_permission(request, obj)

    @admin.action(description=_("Cancel the selected planned exchanges"), permissions=["change"])
    def cancel_selected(self, request: HttpRequest, queryset: QuerySet[Exchange]) -> None:
        for exchange in queryset:
            try:
                services.exchange_update(exchange=exchange, actor=request.user, status="cancelled")
            except DomainError as exc:
                messages.error(request, f"{exchange}: {domain_error_message(exc)}")
            else:
                messages.success(
                    request, gettext("%(exchange)s: cancelled.") % {"exchange": exchange}
                )


# --- The timeline and outbox, for looking only ---------------------------------------------
@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "case", "kind", "summary", "actor", "family_visible", "dispatched")
    list_filter = ("kind", "family_visible", "dispatched")
    search_fields = ("case__case_number",)
    list_select_related = ("case", "actor")
    date_hierarchy = "at"
    show_full_result_count = False
