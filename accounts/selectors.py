"""Reads about API tokens."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import ApiToken


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    """The user's tokens that still work, newest first."""
    return ApiToken.objects.filter(user=user, expiry__gt=timezone.now())


def token_by_reference(user: Any, reference: str) -> ApiToken | None:
    """One of the user's live tokens by its reference (ApiToken.reference)."""
    if len(reference) != ApiToken.REFERENCE_LENGTH:
        return None
    return tokens_of(user).filter(digest__startswith=reference).first()
