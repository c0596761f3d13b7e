"""API tokens: get one for a username and password, refresh it, revoke it.

POST /api/auth/token/          {"username", "password"} -> {"token", "expires"}
POST /api/auth/token/refresh/  a new token in place of the one sent
POST /api/auth/logout/         revokes the token it is sent with
GET  /api/auth/tokens/         the caller's live tokens (never the tokens themselves)
DELETE /api/auth/tokens/{id}/  revokes one of them (a lost laptop's)

Each login gets its own token, stored only as a digest (knox), expiring after
API_TOKEN_TTL_HOURS; a password change revokes them all (accounts.auth).
Password guessing is throttled per client address (scope "token",
TOKEN_THROTTLE_RATE) and locked out per (username, address) by django-axes
(accounts.lockout), so guesses from elsewhere never lock the owner out.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotAuthenticated, NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.auth import ApiTokenAuthentication
from accounts.models import ApiToken
from accounts.selectors import token_by_reference, tokens_of
from accounts.services import token_issue, token_refresh, token_revoke
from accounts.throttles import ScopedAddressThrottle
from cases.api.fields import StrictSerializer, TextField
from cases.api.schema import responses


class TokenRequestSerializer(StrictSerializer):
    username = TextField(max_length=150)
    password = TextField(max_length=128, trim_whitespace=False, style={"input_type": "password"})


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()
    expires = serializers.DateTimeField(help_text="After this the token no longer works.")


class TokenInfoSerializer(serializers.Serializer):
    id = serializers.CharField(source="reference", help_text="Names the token; not the token.")
    created = serializers.DateTimeField()
    expires = serializers.DateTimeField(source="expiry")
    current = serializers.SerializerMethodField()

    def get_current(self, token: ApiToken) -> bool:
        return bool(token.digest == getattr(self.context.get("current"), "digest", None))


def _issued(token: ApiToken, key: str) -> Response:
    return Response(TokenSerializer({"token": key, "expires": token.expiry}).data)


class TokenView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedAddressThrottle]
    throttle_scope = "token"

    @extend_schema(
        summary="Get an API token",
        description="Send it as `Authorization: Token <token>` until `expires`. Each call "
        "gives a new token. Wrong credentials: 400. Too many attempts: 429 with Retry-After "
        '(`"code": "throttled"` or, after repeated failures for this username from this '
        'address, `"code": "locked_out"`).',
        request=TokenRequestSerializer,
        responses=responses({200: OpenApiResponse(TokenSerializer)}, 400, 429),
        auth=[],
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = authenticate(
            request=request._request,
            username=serializer.validated_data["username"],
            password=serializer.validated_data["password"],
        )
        if user is None or not user.is_active:
            # When axes locked the pair out, its middleware answers 429 instead.
            raise serializers.ValidationError(
                {"non_field_errors": ["Unable to log in with these credentials."]}
            )
        return _issued(*token_issue(user=user))


class _TokenAuthenticated(APIView):
    """Views about the token the request carries: token authentication only."""

    authentication_classes = [ApiTokenAuthentication]
    permission_classes = [IsAuthenticated]

    def current_token(self) -> ApiToken:
        token = self.request.auth
        if not isinstance(token, ApiToken):  # only a forced (test) login has none
            raise NotAuthenticated("Send the token this is about.")
        return token


class TokenRefreshView(_TokenAuthenticated):
    @extend_schema(
        summary="Refresh a token",
        description="A new token with a full lifetime; the one sent stops working.",
        request=None,
        responses=responses({200: OpenApiResponse(TokenSerializer)}, 401),
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        return _issued(*token_refresh(token=self.current_token()))


class LogoutView(_TokenAuthenticated):
    @extend_schema(
        summary="Log out: revoke the token sent",
        request=None,
        responses=responses({204: None}, 401),
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        token_revoke(token=self.current_token())
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenListView(_TokenAuthenticated):
    @extend_schema(
        summary="Your live tokens",
        responses=responses({200: TokenInfoSerializer(many=True)}, 401),
        tags=["auth"],
    )
    def get(self, request: Request) -> Response:
        tokens = tokens_of(request.user)
        context = {"current": self.current_token()}
        return Response(TokenInfoSerializer(tokens, many=True, context=context).data)


class TokenDetailView(_TokenAuthenticated):
    @extend_schema(
        summary="Revoke one of your tokens",
        responses=responses({204: None}, 401, 404),
        tags=["auth"],
    )
    def delete(self, request: Request, token_id: str) -> Response:
        token = token_by_reference(request.user, token_id)
        if token is None:
            raise NotFound("No such token of yours.")
        token_revoke(token=token)
        return Response(status=status.HTTP_204_NO_CONTENT)
