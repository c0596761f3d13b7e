"""DRF permission classes by staff role. Object-level access lives in selectors."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission

from cases.roles import is_caseworker, is_supervisor


class IsCaseworker(BasePermission):
    """Caseworkers and supervisors."""

    message = "Only caseworkers and supervisors may use this."

    def has_permission(self, request: Any, view: Any) -> bool:
        return is_caseworker(request.user)


class IsSupervisor(BasePermission):
    message = "Only a supervisor may do this."

    def has_permission(self, request: Any, view: Any) -> bool:
        return is_supervisor(request.user)


class ReadCaseworkerWriteSupervisor(BasePermission):
    """Caseworkers read; only supervisors write (exchanges)."""

    message = "Caseworkers may read this; only a supervisor may change it."

    def has_permission(self, request: Any, view: Any) -> bool:
        if request.method in SAFE_METHODS:
            return is_caseworker(request.user)
        return is_supervisor(request.user)
