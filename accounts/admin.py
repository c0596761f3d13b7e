"""API tokens in the admin: seen (never the token itself) and revoked, e.g.
a lost laptop's or a leaver's. Issuing happens only at POST /api/auth/token/."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from knox.models import AuthToken

from accounts.models import ApiToken
from accounts.services import token_revoke

# knox registers its own model, which ApiToken replaces (KNOX_TOKEN_MODEL).
if admin.site.is_registered(AuthToken):
    admin.site.unregister(AuthToken)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["reference", "user", "created", "expiry"]
    list_select_related = ["user"]
    search_fields = ["user__username"]
    fields = ["reference", "user", "created", "expiry"]
    readonly_fields = ["reference", "user", "created", "expiry"]
    actions = ["revoke"]

    @admin.display(description=_("Reference"))
    def reference(self, obj: ApiToken) -> str:
        return obj.reference

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the "Revoke" action, through the service, instead

    @admin.action(description=_("Revoke the selected tokens"), permissions=["view"])
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        tokens = list(queryset)
        for token in tokens:
            token_revoke(token=token)
        revoked = len(tokens)
        messages.success(
            request,
            ngettext("%(n)d token revoked.", "%(n)d tokens revoked.", revoked) % {"n": revoked},
        )
