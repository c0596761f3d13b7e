"""The admin lists imports and their rows, read-only: decisions and applying
go through the API (and its services), where the rules are."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cases.admin_support import ReadOnlyAdmin
from cases.imports.models import ImportBatch, ImportRow, PfifRecord


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
    exclude = ("header",)  # the rows show it, column by column
    readonly_fields = (
        "rows_link",
        *(f.name for f in ImportBatch._meta.fields if f.name != "header"),
    )

    @admin.display(description=_("rows"))
    def rows_link(self, obj: ImportBatch) -> str:
        url = reverse("admin:imports_importrow_changelist") + f"?batch__id__exact={obj.pk}"
        text = ngettext("%(n)d row", "%(n)d rows", obj.total) % {"n": obj.total}
        return format_html('<a href="{}">{}</a>', url, text)


@admin.register(ImportRow)
class ImportRowAdmin(ReadOnlyAdmin):
    list_display = ("line", "batch", "state", "decision_action", "decision_case", "error_text")
    list_filter = ("state", "decision_action")
    list_select_related = ("batch", "decision_case")
    search_fields = ("batch__id",)
    ordering = ("batch", "line")
    readonly_fields = tuple(f.name for f in ImportRow._meta.fields)
    show_full_result_count = False

    @admin.display(description=_("error"))
    def error_text(self, obj: ImportRow) -> str:
        return obj.error or obj.apply_error


@admin.register(PfifRecord)
class PfifRecordAdmin(ReadOnlyAdmin):
    """Which PFIF person or note became which case (and report or note)."""

    list_display = ("record_id", "case", "made_object_id", "batch", "created_at")
    list_select_related = ("case", "batch")
    search_fields = ("record_id", "case__case_number")
    readonly_fields = tuple(f.name for f in PfifRecord._meta.fields)
    show_full_result_count = False
