"""POST /api/auth/token/: a token for a username and password.

Throttled twice against password guessing: per client address (scope
"token", ScopedRateThrottle) and per username tried (so that guessing one
account's password from many addresses is slowed down too). The rate is
settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["token"] (TOKEN_THROTTLE_RATE).
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.auth import authenticate
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle
from rest_framework.views import APIView

from cases.api.fields import StrictSerializer, TextField
from cases.api.schema import responses


class TokenRequestSerializer(StrictSerializer):
    username = TextField(max_length=150)
    password = TextField(max_length=128, trim_whitespace=False, style={"input_type": "password"})


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()


class UsernameThrottle(SimpleRateThrottle):
    scope = "token"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        data = request.data
        username = data.get("username") if isinstance(data, dict) else None
        if not isinstance(username, str) or not username:
            return None
        digest = hashlib.sha256(username.strip().lower().encode("utf-8", "replace")).hexdigest()
        return f"throttle_token_user_{digest}"


class TokenView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle, UsernameThrottle]
    throttle_scope = "token"

    @extend_schema(
        summary="Get an API token",
        description="Send it as `Authorization: Token <token>`. Wrong credentials: 400. "
        "Too many attempts: 429 with Retry-After.",
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
            raise serializers.ValidationError(
                {"non_field_errors": ["Unable to log in with these credentials."]}
            )
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})
