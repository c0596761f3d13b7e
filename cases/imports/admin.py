"""The admin lists imports and their rows, read-only: decisions and applying
go through the API (and its services), where the rules are."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from cases.admin_support import ReadOnlyAdmin
from cases.imports.models import ImportBatch, ImportRow


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = (
        "id",
        "file_name",
        "purpose",
        "source",
        "status",
        "done",
        "total",
        "matched",
        "ambiguous",
        "new",
        "errors",
        "skipped",
        "applied",
        "created_by",
        "created_at",
    )
    list_filter = ("status", "purpose", "source")
    list_select_related = ("created_by",)
    search_fields = ("file_name", "sha256")
    exclude = ("header",)
    readonly_fields = (
        "rows_link",
        "file_name",
        "file_kind",
        "sha256",
        "source",
        "purpose",
        "exchange",
        "reported_on",
        "verification",
        "share_with_family",
        "name_order",
        "columns",
        "status",
        "total",
        "done",
        "matched",
        "ambiguous",
        "new",
        "errors",
        "skipped",
        "applied",
        "failure",
        "created_by",
        "created_at",
        "reviewable_at",
        "apply_requested_by",
        "apply_requested_at",
        "applied_at",
    )

    @admin.display(description="rows")
    def rows_link(self, obj: ImportBatch) -> str:
        url = reverse("admin:imports_importrow_changelist") + f"?batch__id__exact={obj.pk}"
        return format_html('<a href="{}">{} rows</a>', url, obj.total)


@admin.register(ImportRow)
class ImportRowAdmin(ReadOnlyAdmin):
    list_display = ("line", "batch", "state", "decision_action", "decision_case", "error_text")
    list_filter = ("state", "decision_action")
    list_select_related = ("batch", "decision_case")
    search_fields = ("batch__id",)
    ordering = ("batch", "line")
    readonly_fields = (
        "batch",
        "line",
        "cells",
        "data",
        "outcome",
        "state",
        "candidates",
        "error",
        "decision_action",
        "decision_case",
        "decided_by",
        "decided_at",
        "applied_at",
        "applied_case",
        "applied_object_id",
        "apply_error",
    )
    show_full_result_count = False

    @admin.display(description="error")
    def error_text(self, obj: ImportRow) -> str:
        return obj.error or obj.apply_error
