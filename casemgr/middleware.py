"""Refusals made before any view runs, for requests no view can serve.

- A NUL character in the path, the query string, a cookie or a header. No
  name, case number, token or filter contains one, and PostgreSQL refuses
  NUL in text: left alone, such a value reaches a query and ends in a 500
  (the search of relatives, the admin search, a family's case by number, a
  session cookie). One check here covers every URL pattern and filter,
  today's and tomorrow's.
- A body larger than the limit: 413, said before the body is read.
  Django's DATA_UPLOAD_MAX_MEMORY_SIZE bounds every body except the files
  in a multipart upload; those are bounded by UPLOAD_MAX_BYTES (an import
  of a CSV or XLSX list), which a deployment can raise.

The API (CONTRACT.md: everything under /api/) is answered in its own JSON
shape, {"detail", "code"}; pages get Django's plain error page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

NUL = "\x00"
NUL_MESSAGE = "This value contains a NUL character."


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def _has_nul(values: Iterable[str]) -> bool:
    return any(NUL in value for value in values)


def nul_in_query(request: HttpRequest) -> list[str]:
    """The query parameters holding a NUL (in their name or a value)."""
    return [
        key.replace(NUL, "\\0")
        for key, values in request.GET.lists()
        if NUL in key or _has_nul(values)
    ]


def nul_elsewhere(request: HttpRequest) -> bool:
    """A NUL in the path, a cookie or a header."""
    headers = (v for k, v in request.META.items() if k.startswith("HTTP_") and isinstance(v, str))
    return (
        NUL in request.path_info
        or _has_nul(request.COOKIES.keys())
        or _has_nul(request.COOKIES.values())
        or _has_nul(headers)
    )


def body_limit(request: HttpRequest) -> int | None:
    """The largest body this request may carry, or None for no limit."""
    if request.content_type == "multipart/form-data":
        return int(settings.UPLOAD_MAX_BYTES)
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return None if limit is None else int(limit)


def body_too_large(request: HttpRequest) -> bool:
    limit = body_limit(request)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False  # Django reads a malformed length as no body
    return limit is not None and length > limit


def body_too_large_response(request: HttpRequest, limit: int | None) -> HttpResponse:
    detail = f"The request body is too large (at most {limit} bytes)."
    if is_api(request):
        return JsonResponse({"detail": detail, "code": "request_too_large"}, status=413)
    return HttpResponse(detail, status=413, content_type="text/plain; charset=utf-8")


def nul_response(request: HttpRequest, params: list[str]) -> HttpResponse:
    """400: the API names each query parameter (as it names bad fields)."""
    detail = "The address, a cookie or a header contains a NUL character."
    if not is_api(request):
        return defaults.bad_request(request, BadRequest(detail))
    if params:
        return JsonResponse({p: [NUL_MESSAGE] for p in params}, status=400)
    return JsonResponse({"detail": detail, "code": "nul_character"}, status=400)


class RequestGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if nul_elsewhere(request):
            return nul_response(request, [])
        params = nul_in_query(request)
        if params:
            return nul_response(request, params)
        if body_too_large(request):
            return body_too_large_response(request, body_limit(request))
        return self.get_response(request)
