"""The opt-out link: signed, never expiring, GET only asks, POST switches the
channel off, and the fan-out respects it from then on."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import signing
from django.test import Client

from cases.models import CaseEvent
from families.models import FamilyMember, Notification
from families.optout import optout_parse, optout_token

pytestmark = pytest.mark.django_db


def link_in(notification: Notification) -> str:
    match = re.search(r"https?://\S+/optout/(\S+?)/", notification.body_text)
    assert match, notification.body_text
    return f"/optout/{match.group(1)}/"


def test_a_token_names_its_member_and_channel_and_cannot_be_forged() -> None:
    token = optout_token(12345, "sms")
    assert optout_parse(token) == (12345, "sms")
    value, signature = token.rsplit(":", 1)
    for forged in (
        f"{value}:{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}",
        token.replace("s:", "e:"),
        "9iy.s:" + signature,
        "nonsense",
    ):
        with pytest.raises(signing.BadSignature):
            optout_parse(forged)


def test_a_token_does_not_expire_and_survives_a_key_rotation(settings: Any) -> None:
    token = optout_token(7, "email")
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-brand-new-secret-key-" + "x" * 40
    assert optout_parse(token) == (7, "email")


def test_the_link_in_a_message_asks_first_then_opts_out_of_that_channel_only(
    make_notification: Callable[..., Notification], client: Client
) -> None:
    notification = make_notification("sms", channels=("sms", "email"), language="ru")
    member = notification.member
    url = link_in(notification)

    page = client.get(url)
    assert page.status_code == 200
    assert "Отписаться от этих сообщений?" in page.content.decode()
    assert FamilyMember.objects.get(pk=member.pk).opted_out == []  # GET changed nothing

    done = client.post(url)
    assert done.status_code == 200
    assert "Готово" in done.content.decode()
    member = FamilyMember.objects.get(pk=member.pk)
    assert member.opted_out == ["sms"]
    assert member.active_channels() == ["email"]
    assert member.history.first().history_change_reason == "opt-out link"
    assert CaseEvent.objects.filter(
        case=notification.event.case, data__opted_out="sms", data__member_id=member.pk
    ).exists()

    again = client.get(url)
    assert "уже отключены" in again.content.decode()
    client.post(url)
    assert FamilyMember.objects.get(pk=member.pk).opted_out == ["sms"]


def test_after_opting_out_the_next_news_skips_that_channel(
    make_notification: Callable[..., Notification], client: Client
) -> None:
    first = make_notification("email", channels=("email", "sms"))
    client.post(link_in(first))
    second = make_notification("email", email="other@example.org")
    heard = Notification.objects.filter(member=first.member, event=second.event)
    assert [n.channel for n in heard] == ["sms"]


def test_a_bad_token_is_a_404_page_in_all_three_languages(client: Client) -> None:
    response = client.get("/optout/1.s:not-a-real-signature/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "This link is not valid" in text
    assert "Эта ссылка недействительна" in text
    assert "Այս հղումն անվավեր է" in text
    assert client.post("/optout/1.s:not-a-real-signature/").status_code == 404


def test_a_token_of_a_deleted_member_is_a_404(client: Client) -> None:
    assert client.get(f"/optout/{optout_token(999999, 'email')}/").status_code == 404


@pytest.mark.parametrize(
    ("language", "question", "already"),
    [
        ("hy", "Դադարեցնե՞լ այս հաղորդագրությունները։", "չեք ստանում այս հաղորդագրությունները"),
        ("ru", "Отписаться от этих сообщений?", "уже отключены"),
        ("en", "Do you want to stop these messages?", "already switched off"),
    ],
)
def test_the_page_speaks_the_relatives_language(
    make_relative: Callable[..., FamilyMember],
    staffed_case: Any,
    client: Client,
    language: str,
    question: str,
    already: str,
) -> None:
    member = make_relative(staffed_case, language=language)
    url = f"/optout/{optout_token(member.pk, 'email')}/"
    assert question in client.get(url).content.decode()
    client.post(url)
    assert already in client.get(url).content.decode()


def test_one_click_unsubscribe_from_a_mail_client_works_without_a_csrf_token(
    make_notification: Callable[..., Notification],
) -> None:
    from django.core import mail

    from families.delivery import notification_deliver

    notification = make_notification("email", channels=("email", "sms"))
    notification_deliver(notification_id=notification.pk)
    header = mail.outbox[0].extra_headers
    assert header["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = header["List-Unsubscribe"].strip("<>").split("://", 1)[1].split("/", 1)[1]
    response = Client(enforce_csrf_checks=True).post(
        f"/{url}",
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert FamilyMember.objects.get(pk=notification.member_id).opted_out == ["email"]


def test_opting_out_withdraws_the_messages_still_waiting_on_that_channel(
    make_notification: Callable[..., Notification], client: Client
) -> None:
    waiting = make_notification("email", channels=("email", "sms"))
    other_channel = Notification.objects.get(member=waiting.member, channel="sms")
    client.post(link_in(waiting))
    waiting.refresh_from_db()
    other_channel.refresh_from_db()
    assert waiting.status == "cancelled"
    assert "opted out" in waiting.last_error
    assert other_channel.status == "pending"
