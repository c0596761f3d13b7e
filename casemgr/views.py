from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from casemgr.health import broker_state, database_ok
from casemgr.middleware import body_too_large_response, is_api


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    database = "ok" if database_ok() else "down"
    broker = broker_state()
    healthy = database == "ok" and broker in ("ok", "eager")
    return JsonResponse({"database": database, "broker": broker}, status=200 if healthy else 503)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400: what Django's own checks refuse further in (a multipart
    body whose fields are too large, too many fields), in the API's shape."""
    if isinstance(exception, RequestDataTooBig):
        # Multipart: the fields other than files are over Django's limit.
        return body_too_large_response(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    if not is_api(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        detail, code = "The request has too many fields or files.", "too_many_fields"
    else:
        detail, code = "Bad request.", "bad_request"
    return JsonResponse({"detail": detail, "code": code}, status=400)
