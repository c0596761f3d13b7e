"""Forgotten passwords, through Django's own views and the address on the
account: a relative's (the one their invitation reached) and staff's. The
email and the pages are in the reader's language: a relative's own, whatever
the browser asks for; staff's chosen one."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from families import services
from tests.i18n.reading import latin_words

NEW_PASSWORD = "amber-harbour-window-77"


def _client(language: str) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.fixture
def relative_account(make_relative: Any, case: Any, caseworker: Any) -> Any:
    """A relative who accepted their invitation: the real way to an account."""
    relative = make_relative(case, language="hy")
    services.invitation_create(member=relative, actor=caseworker)
    token = re.search(r"/family/invite/([^/\s]+)/", mail.outbox[-1].body).group(1)
    services.invitation_accept(token=token, username="mariam.h", password="first-password-91")
    mail.outbox.clear()
    relative.refresh_from_db()
    return relative


def _reset_link(body: str) -> str:
    return re.search(r"https?://[^/]+(/accounts/password/reset/\S+/\S+/)", body).group(1)


@pytest.mark.django_db
def test_a_relative_resets_their_password_in_armenian_through_their_email(
    relative_account: Any,
) -> None:
    client = _client("en")  # the browser says English; the relative reads Armenian
    response = client.post("/accounts/password/reset/", {"email": relative_account.email})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [relative_account.email]
    assert message.subject == "Նոր գաղտնաբառ casemgr-ի համար"
    assert "Ինչ-որ մեկը խնդրել է նոր գաղտնաբառ ընտրել mariam.h հաշվի համար" in message.body

    form = client.get(_reset_link(message.body), follow=True)
    page = form.content.decode()
    assert '<html lang="hy">' in page
    assert latin_words(page) == set()
    weak = client.post(form.redirect_chain[-1][0], {"new_password1": "abc", "new_password2": "abc"})
    assert "Գաղտնաբառը շատ կարճ է" in weak.content.decode()
    assert latin_words(weak.content.decode()) == set()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done.status_code == 302
    logged_in = Client().post(
        "/accounts/login/", {"username": "mariam.h", "password": NEW_PASSWORD}
    )
    assert logged_in.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "subject"), [("ru", "Новый пароль для casemgr")])
def test_staff_get_the_email_in_the_language_they_chose(
    caseworker: User, language: str, subject: str
) -> None:
    caseworker.email = "anna@example.am"
    caseworker.save()
    _client(language).post("/accounts/password/reset/", {"email": "ANNA@example.am"})
    (message,) = mail.outbox
    assert message.subject == subject
    assert "Кто-то запросил новый пароль" in message.body


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["hy", "ru"])
def test_an_unknown_address_gets_the_same_answer_and_no_email(language: str) -> None:
    client = _client(language)
    response = client.post(
        "/accounts/password/reset/", {"email": "nobody@example.org"}, follow=True
    )
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert latin_words(page) == set()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["hy", "ru"])
def test_the_reset_pages_and_their_errors_are_in_the_readers_language(language: str) -> None:
    client = _client(language)
    for response in (
        client.get("/accounts/password/reset/"),
        client.post("/accounts/password/reset/", {"email": "not-an-address"}),
        client.get("/accounts/password/reset/MQ/bad-token/"),
        client.get("/accounts/password/reset/done/"),
    ):
        page = response.content.decode()
        assert f'<html lang="{language}">' in page
        assert latin_words(page) == set(), response.request["PATH_INFO"]


@pytest.mark.django_db
def test_a_used_link_no_longer_works(relative_account: Any) -> None:
    client = Client()
    client.post("/accounts/password/reset/", {"email": relative_account.email})
    link = _reset_link(mail.outbox[-1].body)
    form = client.get(link, follow=True)
    url = form.redirect_chain[-1][0]
    client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    again = Client().get(link, follow=True).content.decode()
    assert 'name="new_password1"' not in again
    assert "Այս հղումն այլևս վավեր չէ" in again
