"""Roles are Django groups. These helpers are the one place that reads them."""

from __future__ import annotations

from typing import Any

CASEWORKER = "caseworker"
SUPERVISOR = "supervisor"
STAFF_ROLES = (CASEWORKER, SUPERVISOR)


def _group_names(user: Any) -> set[str]:
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_casemgr_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._casemgr_groups = cached
    return cached


def is_supervisor(user: Any) -> bool:
    return bool(getattr(user, "is_active", False)) and (
        SUPERVISOR in _group_names(user) or bool(getattr(user, "is_superuser", False))
    )


def is_caseworker(user: Any) -> bool:
    """True for anyone who may work on cases: caseworkers and supervisors."""
    return bool(getattr(user, "is_active", False)) and (
        bool(_group_names(user) & set(STAFF_ROLES)) or bool(getattr(user, "is_superuser", False))
    )
