"""The family portal's DRF permission. Object-level access lives in
families.selectors."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission


def is_family_member(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
        and hasattr(user, "family_member")
    )


class IsFamilyMember(BasePermission):
    message = "This is the family portal; it needs a family member's account."

    def has_permission(self, request: Any, view: Any) -> bool:
        return is_family_member(request.user)
