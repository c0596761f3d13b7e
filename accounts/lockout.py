"""Repeated failed logins are refused for a while (django-axes).

Every way in counts: the login form, the admin's login, POST /api/auth/token/
(all three through django.contrib.auth.authenticate, which axes watches) and
accepting an invitation, where a wrong token is the failure (recorded here).
Failures are keyed on the pair (username, client address), so an attacker
elsewhere cannot lock the owner out of their own address; a relative's
invitation tries are keyed on (INVITATION, address).

Refused: 429 with {"detail", "code": "locked_out"} on the API, a page that
says why and for how long on the forms (CONTRACT.md).
"""

from __future__ import annotations

import math
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# No account's name is longer (django.contrib.auth's User.username).
USERNAME_MAX = 150
# Stands in for the username when an invitation's token is what is guessed.
INVITATION = "(invitation)"
LOCKED_OUT = "locked_out"


def lockout_minutes(request: HttpRequest | None = None) -> int:
    cool_off = get_cool_off(request)
    return math.ceil(cool_off.total_seconds() / 60) if cool_off else 0


def lockout_message(request: HttpRequest | None = None) -> str:
    minutes = lockout_minutes(request)
    return ngettext(
        "Too many failed attempts from your address. Try again in %(minutes)d minute.",
        "Too many failed attempts from your address. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: what a locked-out client is answered."""
    retry_after = str(lockout_minutes(request) * 60)
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"detail": lockout_message(request), "code": LOCKED_OUT}, status=429
        )
    else:
        context = {"message": lockout_message(request), "title": _("Too many attempts")}
        response = render(request, "registration/locked_out.html", context, status=429)
    response["Retry-After"] = retry_after
    return response


def lockout_username(request: HttpRequest, credentials: Any) -> str | None:
    """AXES_USERNAME_CALLABLE: the name a failure is counted against, as axes
    reads it (the credentials, else the posted form), cut to the longest name
    an account may have. Axes stores it in a varchar(255): a longer name sent
    to a login form was a DataError (500). A cut name still counts against
    its own (name, address) pair, so nobody is locked out from elsewhere."""
    data = credentials if credentials else getattr(request, "data", request.POST)
    # axes.conf puts its defaults on settings, which the stubs do not know.
    username = data.get(getattr(settings, "AXES_USERNAME_FORM_FIELD", "username"))
    return None if username is None else str(username)[:USERNAME_MAX]


def invitation_locked(request: HttpRequest) -> bool:
    """True when this address guessed invitation tokens too often lately."""
    return not AxesProxyHandler.is_allowed(request, {"username": INVITATION})


def invitation_failed(request: HttpRequest) -> None:
    """Count a wrong invitation token against this address, as a failed login."""
    user_login_failed.send(sender=__name__, credentials={"username": INVITATION}, request=request)
