"""The family portal's pages: the relative's cases, and accepting an invitation.

Server-rendered and small, to read well on an old phone over a slow line.
The same selectors and services as the API stand behind them. A relative
reads every page in their own language (translation.override), whatever
the browser asks for.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.lockout import invitation_failed, invitation_locked, lockout_response
from cases.errors import InvalidInput
from cases.roles import is_caseworker
from families import selectors, services
from families.api.views import AcceptInviteThrottle
from families.wording import channel_name, delivery_state, refusal_message

# The latest messages shown on the page; the API pages through all of them.
PORTAL_MESSAGES = 20


@require_GET
@login_required
def landing(request: HttpRequest) -> HttpResponseRedirect:
    """Where the login form sends everyone: relatives to their portal, staff
    to Today in the workspace."""
    if selectors.member_for_user(request.user) is not None:
        return redirect("families:portal")
    if is_caseworker(request.user):
        return redirect("workspace:today")
    return redirect("home")


@never_cache
@require_GET
@login_required
def portal(request: HttpRequest) -> HttpResponse:
    member = selectors.member_for_user(request.user)
    if member is None:
        return render(request, "families/forbidden.html", status=403)
    views = selectors.family_case_views(member, selectors.family_cases(member))
    language = member.language
    messages = [
        {
            "note": n,
            "channel": channel_name(n.channel, language),
            "state": delivery_state(n.status, language),
        }
        for n in selectors.family_notifications(member)[:PORTAL_MESSAGES]
    ]
    with translation.override(member.language):
        context = {"cases": views, "messages_sent": messages, "member": member}
        return render(request, "families/portal.html", context)


class AcceptInviteForm(forms.Form):
    username = forms.CharField(max_length=150)
    password = forms.CharField(widget=forms.PasswordInput, strip=False, max_length=4096)
    password2 = forms.CharField(widget=forms.PasswordInput, strip=False, max_length=4096)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password2"):
            self.add_error("password2", gettext_lazy("The two passwords are not the same."))
        return data


def _throttled(request: HttpRequest) -> bool:
    # The page and the API share one budget per address.
    return not AcceptInviteThrottle().allow_request(request, None)  # type: ignore[arg-type]


@never_cache
@require_http_methods(["GET", "POST"])
def accept_invite(request: HttpRequest, token: str) -> HttpResponse:
    if invitation_locked(request):
        return lockout_response(request, None, None)
    invitation = selectors.invitation_for_token(token)
    language = invitation.member.language if invitation else translation.get_language()
    with translation.override(language):  # the form, its errors and the password rules
        return _accept_invite(request, token, invitation)


def _accept_invite(request: HttpRequest, token: str, invitation: Any) -> HttpResponse:
    context: dict[str, Any] = {}
    refusal = selectors.invitation_refusal(invitation, now=timezone.now())
    if refusal:
        invitation_failed(request)  # a guessed or spent token counts towards the lockout
        context["refusal"] = refusal_message(refusal, translation.get_language())
        return _render_accept(request, context, status=400)
    form = AcceptInviteForm(request.POST or None)
    context["form"] = form
    if request.method != "POST":
        return _render_accept(request, context)
    if _throttled(request):
        context["refusal"] = gettext("Too many attempts. Wait a minute and try again.")
        return _render_accept(request, context, status=429)
    if not form.is_valid():
        return _render_accept(request, context, status=400)
    try:
        user = services.invitation_accept(
            token=token,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
        )
    except InvalidInput as exc:
        if "token" in exc.errors:
            invitation_failed(request)
            context["refusal"] = " ".join(exc.errors["token"])
        for field in ("username", "password"):
            for message in exc.errors.get(field, []):
                form.add_error(field, message)
        return _render_accept(request, context, status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(reverse("families:portal"))


def _render_accept(
    request: HttpRequest, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    return render(request, "families/accept_invite.html", context, status=status)
