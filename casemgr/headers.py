"""Headers every answer carries beyond Django's and django-csp's own.

- Cache-Control: no-store on every answer but static files. The API and the
  pages carry names, statuses and family news: no browser, proxy or shared
  computer may keep a copy (a relative may read the portal in an internet cafe).

Pages whose address is a token (the invitation and opt-out links) keep
Django's Referrer-Policy "same-origin": the token never leaves for another
site. "no-referrer" would be stricter but makes browsers send "Origin: null"
with the invitation form, which CSRF protection then refuses.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers


class PrivateResponseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.static_prefix = "/" + settings.STATIC_URL.lstrip("/")

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.path.startswith(self.static_prefix):
            return response
        add_never_cache_headers(response)  # includes no-store and private
        return response
