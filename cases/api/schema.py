"""The API's error shapes, for the OpenAPI schema.

Every error body is one of these (see casemgr/api_errors.py):
- 400: {"<field>": ["message", ...]} naming each bad field, or
  {"non_field_errors": [...]} / {"detail": "..."} for a rule about the whole input;
- 401/403/404/412/428/429: {"detail": "...", "code": "..."};
- 409: {"detail", "code"} and, for an illegal move, "current", "requested", "allowed".
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField(required=False)


class IllegalMoveSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()
    current = serializers.CharField(required=False, help_text="The case's status now.")
    requested = serializers.CharField(required=False)
    allowed = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="The moves allowed from here."
    )


class StaleSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField(required=False)
    version = serializers.IntegerField(required=False, help_text="The record's current version.")


_FIELD_ERRORS = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description="Bad input: each key names a field (or non_field_errors) with its messages.",
)

_ERRORS: dict[int, OpenApiResponse] = {
    400: _FIELD_ERRORS,
    401: OpenApiResponse(ErrorSerializer, description="Not logged in (send a token)."),
    403: OpenApiResponse(ErrorSerializer, description="Your role may not do this."),
    404: OpenApiResponse(ErrorSerializer, description="No such record (or not yours)."),
    409: OpenApiResponse(
        IllegalMoveSerializer,
        description="The record's state does not allow this (with the allowed moves).",
    ),
    412: OpenApiResponse(StaleSerializer, description="If-Match is stale: reload and retry."),
    428: OpenApiResponse(ErrorSerializer, description="This write needs an If-Match header."),
    429: OpenApiResponse(ErrorSerializer, description="Too many attempts; wait and retry."),
}


def errors(*codes: int) -> dict[int, Any]:
    """The documented error responses for an operation."""
    return {code: _ERRORS[code] for code in codes}


def responses(ok: dict[Any, Any], *codes: int) -> dict[Any, Any]:
    return {**ok, **errors(*codes)}


IF_MATCH = OpenApiParameter(
    name="If-Match",
    location=OpenApiParameter.HEADER,
    required=True,
    type=str,
    description='The ETag from the last GET of this record, e.g. "42-3".',
)
IF_MATCH_OPTIONAL = OpenApiParameter(
    name="If-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    type=str,
    description="Optional: refuse (412) if the case changed since this ETag.",
)
