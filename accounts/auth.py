"""`Authorization: Token <token>` with knox's digests and expiry, refusing a
token issued before the user's password last changed."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.crypto import constant_time_compare
from knox.auth import TokenAuthentication
from rest_framework import exceptions

from accounts.services import password_stamp, token_revoke


class ApiTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, token: bytes) -> tuple[Any, Any]:
        try:
            token.decode("ascii")
        except UnicodeDecodeError:
            # knox would let the decode error out as a 500; a token is hex.
            raise exceptions.AuthenticationFailed("Invalid token.") from None
        return super().authenticate_credentials(token)

    def _cleanup_token(self, auth_token: Any) -> bool:
        """True when this token has expired (and is then deleted). knox would
        also load all the user's tokens on every request to sweep the expired
        ones; token_issue sweeps them at each login instead."""
        if auth_token.expiry is not None and auth_token.expiry < timezone.now():
            token_revoke(token=auth_token)
            return True
        return False

    def validate_user(self, auth_token: Any) -> tuple[Any, Any]:
        user, token = super().validate_user(auth_token)
        if not constant_time_compare(token.password_stamp, password_stamp(user)):
            token_revoke(token=token)  # the password changed since: dead for good
            raise exceptions.AuthenticationFailed("Invalid token.")
        return user, token
