"""Every message on the login, invitation and password-reset pages is in the
reader's language: no English word is left, not even Django's own messages
that its Armenian catalogue lacks (password rules, the username rule).
The language switcher lists hy, ru, en; the choice is remembered by cookie."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from families import services
from tests.i18n.reading import latin_words

PASSWORD = "quiet-river-lantern-42"
LANGUAGES = ["hy", "ru"]
# What a relative may have typed, echoed back: not ours to translate.
LANGUAGE_NAMES = {"English"}


def _client(language: str) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _assert_all_in(language: str, response: Any, *, allowed: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert latin_words(page, allowed=LANGUAGE_NAMES | set(allowed)) == set()
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_login_page_and_its_refusal_are_in_the_readers_language(language: str) -> None:
    client = _client(language)
    _assert_all_in(language, client.get("/accounts/login/"))
    refused = client.post("/accounts/login/", {"username": "nobody", "password": "wrong-pass"})
    page = _assert_all_in(language, refused)
    assert 'class="errors"' in page


@pytest.fixture
def invitation_path(make_relative: Any, case: Any, caseworker: Any) -> Any:
    def _make(language: str) -> str:
        relative = make_relative(case, language=language)
        services.invitation_create(member=relative, actor=caseworker)
        body = mail.outbox[-1].body
        return re.search(r"https?://[^/]+(/family/invite/[^/\s]+/)", body).group(1)

    return _make


INVITATION_TRIES = [
    {"username": "", "password": "", "password2": ""},
    {"username": "mariam", "password": PASSWORD, "password2": PASSWORD + "x"},
    {"username": "mariam", "password": "abc", "password2": "abc"},
    {"username": "mariam", "password": "12345678", "password2": "12345678"},
    {"username": "mariam", "password": "password", "password2": "password"},
    {"username": "bad name!", "password": PASSWORD, "password2": PASSWORD},
]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_of_the_invitation_page_is_in_the_relatives_language(
    language: str, invitation_path: Any, caseworker: Any
) -> None:
    path = invitation_path(language)
    client = _client("en")  # the browser asks for English; the relative reads theirs
    _assert_all_in(language, client.get(path))
    for data in INVITATION_TRIES:
        response = client.post(path, data)
        assert response.status_code == 400, data
        page = _assert_all_in(language, response)
        assert 'class="errors"' in page, data
    taken = client.post(
        path, {"username": caseworker.username, "password": PASSWORD, "password2": PASSWORD}
    )
    _assert_all_in(language, taken)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_armenian_and_russian_password_rules_are_translated(
    language: str, invitation_path: Any
) -> None:
    path = invitation_path(language)
    page = _client("en").post(path, {"username": "m", "password": "ab1", "password2": "ab1"})
    expected = {"hy": "Գաղտնաբառը շատ կարճ է", "ru": "Пароль слишком короткий"}[language]
    assert expected in page.content.decode()
    page = _client("en").post(
        path, {"username": "a b", "password": PASSWORD, "password2": PASSWORD}
    )
    expected = {"hy": "Մուտքագրեք ճիշտ օգտանուն", "ru": "Введите правильное имя"}[language]
    assert expected in page.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_password_rule_and_its_help_text_reads_in_the_language(language: str) -> None:
    user = User(username="mariamhovhannisyan", email="mariam@example.org")
    with translation.override(language):
        texts = list(password_validation.password_validators_help_texts())
        for password in ("mariamhovhannisyan1", "12345678", "ab"):
            with pytest.raises(ValidationError) as refused:
                password_validation.validate_password(password, user=user)
            texts += refused.value.messages
    assert [t for t in texts if re.search(r"[A-Za-z]{3,}", t)] == []


@pytest.mark.django_db
def test_the_switcher_offers_the_three_languages_and_the_choice_is_remembered() -> None:
    client = Client()
    page = client.get("/").content.decode()
    for code in ("hy", "ru", "en"):
        assert f'<option value="{code}" lang="{code}"' in page
    response = client.post("/i18n/setlang/", {"language": "ru", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="ru">' in page
    assert "Забыли пароль?" in page


@pytest.mark.django_db
def test_the_admin_speaks_armenian_to_staff_who_chose_it(supervisor: Any) -> None:
    supervisor.is_staff = True
    supervisor.save()
    client = _client("hy")
    client.force_login(supervisor)
    page = client.get("/admin/").content.decode()
    assert '<html lang="hy"' in page
    assert "Site administration" not in page
