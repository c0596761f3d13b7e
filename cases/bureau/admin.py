"""The bureau's audit records in the admin: read-only, as they are written
only by services."""

from __future__ import annotations

from django.contrib import admin

from cases.admin_support import ReadOnlyAdmin
from cases.bureau.models import CaseAccess, ExportRecord


@admin.register(ExportRecord)
class ExportRecordAdmin(ReadOnlyAdmin):
    list_display = ("at", "kind", "actor_username", "filename", "size", "sha256")
    list_filter = ("kind",)
    search_fields = ("filename", "sha256", "actor_username")
    readonly_fields = (
        "at",
        "kind",
        "actor",
        "actor_username",
        "parameters",
        "case",
        "filename",
        "size",
        "sha256",
    )
    show_full_result_count = False


@admin.register(CaseAccess)
class CaseAccessAdmin(ReadOnlyAdmin):
    list_display = ("at", "case", "user", "via", "path")
    list_filter = ("via",)
    list_select_related = ("case", "user")
    search_fields = ("case__case_number", "user__username")
    readonly_fields = ("at", "case", "user", "via", "path")
    show_full_result_count = False
