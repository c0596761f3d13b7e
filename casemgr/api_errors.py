"""One error shape for the whole API, and the mapping of domain errors.

400 {"field": ["message"]} or {"detail": "..."}; 409 carries the allowed
moves; every error names the field or the rule. 404 comes only from the
lookups of what the request names (get_object_or_404, Http404, NotFound): an
ObjectDoesNotExist from anywhere else is a bug and stays a logged 500.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db import OperationalError
from django.http import Http404
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from cases.errors import (
    ConcurrentChange,
    Conflict,
    DomainError,
    IllegalTransition,
    InvalidInput,
    NotAllowed,
    StaleVersion,
)
from cases.services.locking import is_lock_conflict


def domain_error_response(exc: DomainError) -> Response:
    if isinstance(exc, InvalidInput):
        return Response(exc.errors, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, IllegalTransition):
        return Response(
            {
                "detail": exc.message,
                "code": exc.code,
                "current": exc.current,
                "requested": exc.target,
                "allowed": exc.allowed,
            },
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, StaleVersion):
        return Response(
            {"detail": exc.message, "code": exc.code, "version": exc.actual},
            status=status.HTTP_412_PRECONDITION_FAILED,
        )
    if isinstance(exc, NotAllowed):
        return Response({"detail": exc.message, "code": exc.code}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, Conflict):
        return Response({"detail": exc.message, "code": exc.code}, status=status.HTTP_409_CONFLICT)
    return Response({"detail": exc.message, "code": exc.code}, status=status.HTTP_400_BAD_REQUEST)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        return domain_error_response(exc)
    if isinstance(exc, OperationalError) and is_lock_conflict(exc):
        # A deadlock or serialization failure that no retry absorbed: the
        # other writer won; this one may simply try again.
        return domain_error_response(ConcurrentChange())
    response = drf_exception_handler(exc, context)
    if response is not None:
        _name_the_rule(exc, response)
    return response


def _name_the_rule(exc: Exception, response: Response) -> None:
    """{"detail": "..."} errors also carry a machine-readable "code"
    (not_authenticated, permission_denied, not_found, parse_error, throttled,
    precondition_required, stale_version, ...)."""
    data = response.data
    if not isinstance(data, dict) or set(data) != {"detail"}:
        return
    if isinstance(exc, APIException):
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else exc.default_code
    elif isinstance(exc, Http404):
        code = "not_found"
    elif isinstance(exc, DjangoPermissionDenied):
        code = "permission_denied"
    else:
        return
    response.data = {"detail": data["detail"], "code": code}
