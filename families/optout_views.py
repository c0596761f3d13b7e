"""The page behind the opt-out link: GET shows what will happen, POST does it."""

from __future__ import annotations

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from families.models import FamilyMember, Language
from families.optout import family_member_opt_out, optout_parse
from families.texts import CHANNEL_PHRASES

TEMPLATE = "notifications/optout.html"


# The token is the capability: whoever could forge this POST already holds
# the link. Exempt from CSRF so that mail clients' one-click unsubscribe
# (RFC 8058: a bare POST to the List-Unsubscribe URL) works.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def optout(request: HttpRequest, token: str) -> HttpResponse:
    try:
        member_id, channel = optout_parse(token)
        member = FamilyMember.objects.get(pk=member_id)
    except (signing.BadSignature, FamilyMember.DoesNotExist):
        # Whose link it was is unknown: say it in every language we send.
        invalid = {"state": "invalid", "family_languages": Language.values}
        return render(request, TEMPLATE, invalid, status=404)
    with translation.override(member.language):
        context = {"channel_label": str(CHANNEL_PHRASES.get(channel, "")), "token": token}
        if request.method == "POST":
            family_member_opt_out(member=member, channel=channel)
            return render(request, TEMPLATE, {**context, "state": "done"})
        state = "already" if channel in member.opted_out else "confirm"
        return render(request, TEMPLATE, {**context, "state": state})
