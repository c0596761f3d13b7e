"""What a relative is told, in their language: one template per event kind,
families/templates/notifications/<kind>.txt, in English with {% translate %}
and {% blocktranslate %}; rendered under translation.override(language), so
the Armenian and Russian come from families/locale/.

Each template holds three parts, chosen by `part`: the subject, the body
(email, webhook and the portal) and the SMS. The email's HTML is the body
laid out by notifications/email.html. A death is never named: a confirmed
deceased/remains_returned reads as "your caseworker will contact you".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext_lazy

from cases.dates import day as family_date
from cases.models import CaptureReport, CaseEvent, EventKind, MissingPerson
from cases.plaintext import strip_unsafe
from cases.status import DEATH_STATUSES, Status
from families.detention_words import detention_sentence
from families.gender import is_female
from families.labels import AWAITING_CONTACT, family_status, status_label
from families.models import FamilyMember
from families.names import reader_name
from families.wording import MESSAGE_LANGUAGES

STATUS_CHANGED = "status_changed"
EXPECT_CONTACT = "expect_contact"
EXCHANGE_LISTED = "exchange_listed"
CAPTURE_REPORT = "capture_report"
NOTE = "note"
DETENTION = "detention"
# UCS-2 (Armenian, Cyrillic): 201 characters; a fourth part arrives late or
# out of order on old phones.
SMS_MAX_PARTS = 3
MESSAGE_KINDS = (STATUS_CHANGED, EXPECT_CONTACT, EXCHANGE_LISTED, CAPTURE_REPORT, NOTE, DETENTION)

# "To stop receiving these messages <by email>": the channel as an adverbial.
CHANNEL_PHRASES = {
    "email": pgettext_lazy("channel phrase", "by email"),
    "sms": pgettext_lazy("channel phrase", "by SMS"),
    "webhook": pgettext_lazy("channel phrase", "by webhook"),
}


@dataclass(frozen=True)
class FamilyFacts:
    """What an event means to the family: the message kind and the status as
    the family may see it (a death reads 'awaiting_contact')."""

    kind: str
    status: str
    status_label: str


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    body_text: str
    body_html: str
    sms_text: str


def message_kind(event: CaseEvent) -> str | None:
    """The kind of message an event makes, or None when families hear nothing."""
    if not event.family_visible:
        return None
    kind = event.kind
    if kind == EventKind.STATUS_CHANGED:
        return EXPECT_CONTACT if event.data.get("to") in DEATH_STATUSES else STATUS_CHANGED
    if kind == EventKind.EXCHANGE_LISTED:
        return EXCHANGE_LISTED
    if kind in (EventKind.CAPTURE_REPORT_ADDED, EventKind.CAPTURE_REPORT_UPDATED):
        return CAPTURE_REPORT
    if kind == EventKind.NOTE and str(event.data.get("text", "")).strip():
        return NOTE
    if kind == EventKind.DETENTION_EVENT and detention_sentence(event.data, "en"):
        return DETENTION
    return None


def family_facts(event: CaseEvent, language: str) -> FamilyFacts:
    kind = message_kind(event) or ""
    to = event.data.get("to")
    if kind == EXPECT_CONTACT:
        return FamilyFacts(kind, AWAITING_CONTACT, status_label(AWAITING_CONTACT, language))
    if to in Status.values:
        return FamilyFacts(kind, to, status_label(to, language, event.case.sex))
    status, label = family_status(event.case, language)
    return FamilyFacts(kind, status, label)


def caseworker_contact(case: MissingPerson) -> tuple[str, str]:
    """(name, phone) of the person a family should call. With no caseworker
    assigned, or one without a phone, the hotline's number stands in."""
    worker = case.caseworker
    if worker is None:
        return "", settings.HOTLINE_PHONE
    # Staff names are set in Django's user admin, outside our services.
    name = strip_unsafe(worker.get_full_name()).strip()
    profile = getattr(worker, "staff_profile", None)
    phone = (strip_unsafe(profile.phone).strip() if profile else "") or settings.HOTLINE_PHONE
    return name, phone


def _report_context(event: CaseEvent) -> dict[str, Any]:
    report = CaptureReport.objects.filter(pk=event.data.get("report_id")).first()
    verification = report.verification if report else event.data.get("verification", "")
    return {
        "report_date": family_date(report.reported_on) if report else "",
        "verification": verification,
    }


def event_context(event: CaseEvent) -> dict[str, Any]:
    """The language-independent part of the context: computed once per event."""
    case = event.case
    # Every recipient's name is read from the case's spellings: read them once.
    prefetch_related_objects([case], "spellings")
    contact_name, contact_phone = caseworker_contact(case)
    context: dict[str, Any] = {
        "case_number": case.case_number,
        "contact_name": contact_name,
        "contact_phone": contact_phone,
        "event_date": family_date(event.at),
        "outcome": event.data.get("outcome", ""),
        "exchange_date": family_date(event.data.get("scheduled_for")),
        "note_text": str(event.data.get("text", "")).strip(),
        "portal_url": settings.SITE_URL.rstrip("/") + "/",
    }
    if message_kind(event) == CAPTURE_REPORT:
        context.update(_report_context(event))
    return context


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_message(
    *,
    event: CaseEvent,
    member: FamilyMember,
    channel: str,
    optout_link: str,
    base_context: dict[str, Any] | None = None,
) -> RenderedMessage:
    """Render the message of `event` for `member` on `channel`."""
    kind = message_kind(event)
    if kind is None:
        raise ValueError(f"event {event.pk} ({event.kind}) makes no message")
    language = member.language if member.language in MESSAGE_LANGUAGES else "en"
    facts = family_facts(event, language)
    name = reader_name(event.case, language)
    context = {
        **(base_context or event_context(event)),
        # The name in the reader's script (families.names); the SMS opens
        # with the given name alone.
        "name": name.full,
        "given_name": name.given,
        "status": facts.status,
        "status_label": facts.status_label,
        "optout_url": optout_link,
        "language": language,
        "detention_sentence": detention_sentence(event.data, language, event.case.sex) or "",
        # A woman who serves reads her own forms (families.gender).
        "female": is_female(event.case.sex),
    }
    template = f"notifications/{kind}.txt"
    with translation.override(language):
        context["channel_label"] = str(CHANNEL_PHRASES.get(channel, ""))
        subject = _one_line(render_to_string(template, {**context, "part": "subject"}))
        body = _tidy(render_to_string(template, {**context, "part": "body"}))
        sms = _sms_text(template, context)
        html = render_to_string(
            "notifications/email.html",
            {
                **context,
                "subject": subject,
                "body_html": body_to_html(body, [optout_link, context["portal_url"]]),
            },
        )
    # Whatever was stored before names were cleaned (cases.plaintext), and
    # staff names set in Django's own user admin, go out without invisible
    # characters.
    return RenderedMessage(
        subject=strip_unsafe(subject)[:300],
        body_text=strip_unsafe(body),
        body_html=strip_unsafe(html),
        sms_text=strip_unsafe(sms),
    )


def _sms_text(template: str, context: dict[str, Any]) -> str:
    """A family's SMS never needs more than SMS_MAX_PARTS. The kinds that carry
    free text (a caseworker's note, a place of detention) send a pointer to
    the portal, which shows it whole, when the text would need more."""
    sms = _one_line(render_to_string(template, {**context, "part": "sms"}))
    if sms_segments(sms) > SMS_MAX_PARTS:
        pointer = {**context, "part": "sms", "sms_pointer": True}
        sms = _one_line(render_to_string(template, pointer))
    return sms


def body_to_html(body: str, links: list[str]) -> SafeString:
    """The text body as HTML paragraphs, escaped, with our own links made
    clickable (the only links in a message; urlize would scan every word)."""
    html = linebreaks(body, autoescape=True)
    urls = sorted({escape(url) for url in links if url}, key=len, reverse=True)
    if urls:
        pattern = re.compile("(" + "|".join(map(re.escape, urls)) + r")(?=[\s<]|$)")
        html = pattern.sub(r'<a href="\1">\1</a>', html)
    return mark_safe(html)  # noqa: S308 - built from escaped text above


def sms_segments(text: str) -> int:
    """How many SMS parts a text takes: GSM-7 when it can, else UCS-2."""
    gsm = (
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
        "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
    )
    extended = "^{}\\[~]|€"
    if all(ch in gsm or ch in extended for ch in text):
        length = sum(2 if ch in extended else 1 for ch in text)
        single, multi = 160, 153
    else:
        length = sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)
        single, multi = 70, 67
    return 1 if length <= single else -(-length // multi)
