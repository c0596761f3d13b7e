"""Every write about API tokens: issue one per login, refresh, revoke."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from knox.settings import knox_settings

from accounts.models import ApiToken

logger = logging.getLogger(__name__)


def password_stamp(user: Any) -> str:
    """Changes whenever the user's password does (Django's session-auth hash)."""
    return str(user.get_session_auth_hash())


def token_issue(*, user: Any) -> tuple[ApiToken, str]:
    """A new token for this login: the row (its digest) and the token itself,
    which is shown once and never stored. The user's expired tokens go."""
    ApiToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
    token, key = ApiToken.objects.create(
        user=user, expiry=knox_settings.TOKEN_TTL, password_stamp=password_stamp(user)
    )
    logger.info("api token %s issued to user #%s", token.reference, user.pk)
    return token, key


@transaction.atomic
def token_refresh(*, token: ApiToken) -> tuple[ApiToken, str]:
    """A fresh token with a full lifetime in place of `token`, which stops working."""
    user = token.user
    token_revoke(token=token)
    return token_issue(user=user)


def token_revoke(*, token: ApiToken) -> None:
    ApiToken.objects.filter(digest=token.digest).delete()
    logger.info("api token %s of user #%s revoked", token.reference, token.user_id)


def tokens_revoke_all(*, user: Any) -> int:
    count, _ = ApiToken.objects.filter(user=user).delete()
    logger.info("%d api token(s) of user #%s revoked", count, user.pk)
    return count


def tokens_sweep_expired() -> int:
    count, _ = ApiToken.objects.filter(expiry__lt=timezone.now()).delete()
    if count:
        logger.info("%d expired api token(s) deleted", count)
    return count
