"""Message texts: every kind in every language names the case, the person to
call and the opt-out link; a death is never named, in any language."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from cases.models import CaseEvent, EventKind, MissingPerson
from cases.status import DEATH_STATUSES, Status
from families.labels import status_label
from families.models import FamilyMember
from families.texts import (
    CAPTURE_REPORT,
    EXCHANGE_LISTED,
    EXPECT_CONTACT,
    NOTE,
    STATUS_CHANGED,
    message_kind,
    render_message,
    sms_segments,
)
from families.wording import MESSAGE_LANGUAGES
from tests.families.notify_fixtures import CASEWORKER_NAME, CASEWORKER_PHONE

OPTOUT = "https://casemgr.example.am/optout/2x.s:AbCdEfGhIjKlMnOpQrStUv/"

EVENTS: dict[str, tuple[str, dict[str, Any]]] = {
    STATUS_CHANGED: (EventKind.STATUS_CHANGED, {"from": "missing", "to": "detained"}),
    EXPECT_CONTACT: (EventKind.STATUS_CHANGED, {"from": "detained", "to": "deceased"}),
    EXCHANGE_LISTED: (
        EventKind.EXCHANGE_LISTED,
        {"from": "detained", "to": "release_scheduled", "scheduled_for": "2021-01-09"},
    ),
    CAPTURE_REPORT: (
        EventKind.CAPTURE_REPORT_ADDED,
        {"report_id": 0, "verification": "unverified"},
    ),
    NOTE: (EventKind.NOTE, {"text": "The ICRC visited the detention place on Monday."}),
}

# Words a message about a death must never contain (stems, lower case).
DEATH_WORDS = {
    "en": [
        "death",
        "dead",
        "deceased",
        "died",
        "killed",
        "remains",
        "body",
        "funeral",
        "condolence",
    ],
    "ru": ["смерт", "погиб", "умер", "скончал", "останк", "тело", "похорон", "соболезн", "гибел"],
    "hy": ["մահ", "զոհ", "աճյուն", "դիակ", "հուղարկ", "ցավակց", "մարմին"],
}


def event_for(case: MissingPerson, kind: str, **data: Any) -> CaseEvent:
    event_kind, base = EVENTS[kind]
    return CaseEvent(
        case=case,
        kind=event_kind,
        at=timezone.now(),
        family_visible=True,
        summary="test",
        data={**base, **data},
    )


def member(language: str) -> FamilyMember:
    return FamilyMember(pk=42, full_name="Relative", language=language, email="r@example.org")


@pytest.mark.django_db
@pytest.mark.parametrize("language", MESSAGE_LANGUAGES)
@pytest.mark.parametrize(
    "kind", [STATUS_CHANGED, EXPECT_CONTACT, EXCHANGE_LISTED, CAPTURE_REPORT, NOTE]
)
def test_every_kind_renders_in_every_language_with_case_contact_and_optout(
    staffed_case: MissingPerson, language: str, kind: str
) -> None:
    event = event_for(staffed_case, kind)
    assert message_kind(event) == kind
    message = render_message(
        event=event, member=member(language), channel="email", optout_link=OPTOUT
    )
    for text in (message.body_text, message.sms_text):
        assert staffed_case.case_number in text
        assert CASEWORKER_PHONE in text
        assert OPTOUT in text
        assert "{{" not in text
        assert "{%" not in text
        assert "None" not in text
    assert staffed_case.case_number in message.subject
    assert CASEWORKER_NAME in message.body_text
    assert OPTOUT in message.body_html
    assert f'lang="{language}"' in message.body_html
    assert "\n\n\n" not in message.body_text


@pytest.mark.django_db
@pytest.mark.parametrize("language", MESSAGE_LANGUAGES)
@pytest.mark.parametrize("status", sorted(DEATH_STATUSES))
def test_a_confirmed_death_only_asks_the_family_to_expect_their_caseworker(
    staffed_case: MissingPerson, language: str, status: str
) -> None:
    event = event_for(staffed_case, EXPECT_CONTACT, to=status)
    assert message_kind(event) == EXPECT_CONTACT
    message = render_message(
        event=event, member=member(language), channel="sms", optout_link=OPTOUT
    )
    everything = " ".join(
        [message.subject, message.body_text, message.sms_text, strip_tags(message.body_html)]
    ).lower()
    for word in DEATH_WORDS[language]:
        assert word not in everything, word
    for label_status in DEATH_STATUSES:
        assert status_label(label_status, language).lower() not in everything
    assert CASEWORKER_NAME in message.body_text
    assert CASEWORKER_NAME in message.sms_text
    assert CASEWORKER_PHONE in message.body_text
    assert CASEWORKER_PHONE in message.sms_text


@pytest.mark.django_db
@pytest.mark.parametrize("language", MESSAGE_LANGUAGES)
def test_without_a_caseworker_the_hotline_is_given(
    make_case: Any, settings: Any, language: str
) -> None:
    settings.HOTLINE_PHONE = "+374 10 999999"
    case = make_case()
    for kind in (STATUS_CHANGED, EXPECT_CONTACT):
        message = render_message(
            event=event_for(case, kind),
            member=member(language),
            channel="email",
            optout_link=OPTOUT,
        )
        assert "+374 10 999999" in message.body_text
        assert "+374 10 999999" in message.sms_text


@pytest.mark.django_db
@pytest.mark.parametrize("language", MESSAGE_LANGUAGES)
@pytest.mark.parametrize("status", [s for s in Status.values if s not in DEATH_STATUSES])
def test_status_messages_name_the_new_status_in_the_relatives_language(
    staffed_case: MissingPerson, language: str, status: str
) -> None:
    event = event_for(staffed_case, STATUS_CHANGED, to=status)
    message = render_message(
        event=event, member=member(language), channel="sms", optout_link=OPTOUT
    )
    label = status_label(status, language)
    assert label in message.body_text
    assert label in message.sms_text


@pytest.mark.django_db
@pytest.mark.parametrize("language", MESSAGE_LANGUAGES)
@pytest.mark.parametrize("kind", [STATUS_CHANGED, EXPECT_CONTACT, EXCHANGE_LISTED, CAPTURE_REPORT])
def test_sms_texts_stay_short(staffed_case: MissingPerson, language: str, kind: str) -> None:
    """English fits two GSM-7 parts. Armenian and Cyrillic need UCS-2 (67
    characters a part) and the opt-out link alone takes about 70, so their
    texts are held to three parts with a real-length link."""
    event = event_for(staffed_case, kind)
    message = render_message(
        event=event, member=member(language), channel="sms", optout_link=OPTOUT
    )
    limit = 2 if language == "en" else 3
    assert sms_segments(message.sms_text) <= limit, (len(message.sms_text), message.sms_text)


@pytest.mark.django_db
def test_an_exchange_outcome_is_told_in_words(staffed_case: MissingPerson) -> None:
    home = event_for(staffed_case, STATUS_CHANGED, to="repatriated", outcome="exchanged")
    back = event_for(staffed_case, STATUS_CHANGED, to="detained", outcome="not_released")
    en = member("en")
    assert (
        "among those returned"
        in render_message(event=home, member=en, channel="email", optout_link=OPTOUT).body_text
    )
    assert (
        "was not released this time"
        in render_message(event=back, member=en, channel="email", optout_link=OPTOUT).body_text
    )


@pytest.mark.django_db
def test_a_name_with_markup_is_escaped_in_html_and_kept_in_text(make_case: Any) -> None:
    case = make_case(given_name="<b>Armen</b>", family_name="O'Hara")
    event = event_for(case, NOTE, text="Call us & <ask>")
    message = render_message(event=event, member=member("en"), channel="email", optout_link=OPTOUT)
    assert "<b>Armen</b> Karen O'Hara" in message.body_text
    assert "Call us & <ask>" in message.body_text
    assert "<b>Armen" not in message.body_html
    assert "&lt;b&gt;Armen&lt;/b&gt;" in message.body_html


@pytest.mark.django_db
def test_the_native_script_name_is_used_for_armenian_readers(staffed_case: MissingPerson) -> None:
    event = event_for(staffed_case, STATUS_CHANGED)
    hy = render_message(event=event, member=member("hy"), channel="email", optout_link=OPTOUT)
    ru = render_message(event=event, member=member("ru"), channel="email", optout_link=OPTOUT)
    assert "Արմեն Հովհաննիսյան" in hy.body_text
    # Russian lists: family name, given name, patronymic in its Russian form.
    assert "Ованнисян Армен Каренович" in ru.body_text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "visible", "data"),
    [
        (EventKind.FAMILY_TOLD, True, {}),
        (EventKind.OPENED, True, {}),
        (EventKind.TRANSITION_REQUESTED, False, {"to": "deceased"}),
        (EventKind.NOTE, False, {"text": "internal"}),
        (EventKind.STATUS_CHANGED, False, {"to": "detained"}),
    ],
)
def test_events_families_may_not_hear_make_no_message(
    case: MissingPerson, kind: str, visible: bool, data: dict[str, Any]
) -> None:
    event = CaseEvent(case=case, kind=kind, at=timezone.now(), family_visible=visible, data=data)
    assert message_kind(event) is None


def test_segments_are_counted_for_gsm_and_unicode_texts() -> None:
    assert sms_segments("a" * 160) == 1
    assert sms_segments("a" * 161) == 2
    assert sms_segments("ա" * 70) == 1
    assert sms_segments("ա" * 71) == 2
    assert sms_segments("ա" * 134) == 2
    assert sms_segments("ա" * 135) == 3
    assert date(2021, 1, 9)  # keeps the import meaningful for date-based cases


@pytest.mark.django_db
def test_the_email_html_links_the_optout_and_the_portal_each_once(
    staffed_case: MissingPerson, settings: Any
) -> None:
    settings.SITE_URL = "https://casemgr.example.am"  # the portal's URL prefixes the opt-out's
    event = event_for(staffed_case, STATUS_CHANGED)
    html = render_message(
        event=event, member=member("en"), channel="email", optout_link=OPTOUT
    ).body_html
    assert html.count(f'<a href="{OPTOUT}">{OPTOUT}</a>') == 1
    assert html.count('<a href="https://casemgr.example.am/">') == 1
    assert html.count("<a ") == 2
