"""The caseworkers' phone numbers, which every message to a family carries.

Supervisors set them here; the write goes through services.staff_phone_set.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.http import HttpRequest

from cases.admin_support import ServiceAdminMixin, ServiceModelForm
from cases.models import StaffProfile
from cases.roles import STAFF_ROLES
from cases.services.staff import staff_phone_set


class StaffProfileForm(ServiceModelForm):
    class Meta:
        model = StaffProfile
        fields = ["user", "phone"]

    def apply(self, actor: Any) -> StaffProfile:
        # On the change page the user is read-only and not in cleaned_data.
        user = self.cleaned_data.get("user") or self.instance.user
        return staff_phone_set(user=user, actor=actor, phone=self.cleaned_data["phone"])


@admin.register(StaffProfile)
class StaffProfileAdmin(ServiceAdminMixin, admin.ModelAdmin):  # type: ignore[misc]
    form = StaffProfileForm
    list_display = ["user", "phone"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "user":
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(is_active=True, groups__name__in=STAFF_ROLES)
                .distinct()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["user"] if obj is not None else []
