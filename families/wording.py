"""The family portal's own sentences, as gettext msgids (English is the source).

Status labels live in families.labels; these turn a family-visible event into
plain words, and name a message's delivery state, the hotline and the reasons
an invitation link is refused. Page words live in the templates
({% translate %}); the Armenian and Russian are in families/locale/.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext, gettext_lazy, pgettext, pgettext_lazy

from cases.dates import day as family_date
from families.gender import form_for

# The languages relatives read (families.models.Language); not Django's
# settings.LANGUAGES, which are the interface's.
MESSAGE_LANGUAGES = ("hy", "ru", "en")

# A message's delivery state, as the relative reads it.
DELIVERY_WORDS = {
    "pending": pgettext_lazy("delivery", "being sent"),
    "sending": pgettext_lazy("delivery", "being sent"),
    "sent": pgettext_lazy("delivery", "sent"),
    "failed": pgettext_lazy("delivery", "not delivered"),
}

# A channel's name as the portal lists it ("Email" alone is also a msgid of
# Django's own catalogues, which come first: hence the context).
CHANNEL_NAMES = {
    "email": pgettext_lazy("channel", "Email"),
    "sms": pgettext_lazy("channel", "SMS"),
    "webhook": pgettext_lazy("channel", "Webhook"),
}

# Why an invitation link cannot be used (selectors.invitation_refusal's codes).
INVITATION_REFUSALS = {
    "unknown": pgettext_lazy(
        "invitation", "This invitation link is not valid. Check that you opened the whole link."
    ),
    "used": pgettext_lazy(
        "invitation", "This invitation was already used. Log in with the username you chose."
    ),
    "superseded": pgettext_lazy(
        "invitation", "A newer invitation was sent to you; use the link in the latest email."
    ),
    "expired": pgettext_lazy(
        "invitation", "This invitation has expired. Ask your caseworker to send a new one."
    ),
}


def delivery_state(status: str, language: str) -> str:
    with translation.override(language):
        return str(DELIVERY_WORDS.get(status, status))


def channel_name(channel: str, language: str) -> str:
    with translation.override(language):
        return str(CHANNEL_NAMES.get(channel, channel))


def hotline_name(language: str) -> str:
    with translation.override(language):
        return pgettext("contact", "The hotline")


# The sentences of the family timeline that name the person: (for a man, for
# a woman), families.gender.
EXCHANGE_LISTED = (
    pgettext_lazy("update", "Your relative has been put on an agreed exchange list."),
    pgettext_lazy("update, female", "Your relative has been put on an agreed exchange list."),
)
REPORT_RECEIVED = (
    pgettext_lazy("update", "We received information about your relative and pass it on."),
    pgettext_lazy("update, female", "We received information about your relative and pass it on."),
)
WHERE_HELD = (
    gettext_lazy("Where he is held: %(place)s."),
    pgettext_lazy("female", "Where she is held: %(place)s."),
)


def exchange_listed_sentence(language: str, sex: str = "") -> str:
    with translation.override(language):
        return str(form_for(EXCHANGE_LISTED, sex))


def refusal_message(code: str, language: str) -> str:
    with translation.override(language):
        return str(INVITATION_REFUSALS[code])


def report_sentence(
    language: str, *, captured_on: Any, place_of_detention: str, sex: str = ""
) -> str:
    """A shared capture report in plain words: what was reported, never by whom."""
    with translation.override(language):
        parts = [str(form_for(REPORT_RECEIVED, sex))]
        if captured_on:
            date = family_date(captured_on)
            parts.append(gettext("Date of capture: %(date)s.") % {"date": date})
        if place_of_detention:
            where = form_for(WHERE_HELD, sex)
            parts.append(str(where) % {"place": place_of_detention})
        return " ".join(parts)
