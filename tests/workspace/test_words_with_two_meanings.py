"""Each meaning of a shared English word reads in its own words: a message
never delivered «Не доставлено» / «Չի հասել» (GLOSSARY), one withdrawn
«Отменено», an exchange called off «Отменён». And the workspace's words that
Django's or a library's catalogue also translates (Search, Created, Email)
read as our catalogue says, not as theirs; "Administration" is Django's word on
purpose, the one our home page and the admin use."""

from __future__ import annotations

import pytest
from django.conf import settings

from cases import services
from families import services as family_services
from tests.workspace.conftest import client_for

DELIVERIES = {
    "hy": {"failed": "Չի հասել", "cancelled": "Չեղարկված", "created": "Ստեղծվել է"},
    "ru": {"failed": "Не доставлено", "cancelled": "Отменено", "created": "Создано"},
}
# Without a context hy read the admin's «Փնտրել».
SEARCH = {"hy": "Որոնել", "ru": "Найти"}
ADMINISTRATION = {"hy": "Ադմինիստրավորում", "ru": "Администрирование"}
EMAIL_LABEL = {"hy": "Էլ. փոստ", "ru": "Эл. почта"}


def _get(user, path: str, language: str) -> str:
    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["hy", "ru"])
def test_a_message_not_delivered_and_one_withdrawn_read_as_messages(
    language, staffed_case, failed_notification, make_notification, caseworker
):
    failed_notification()
    withdrawn = make_notification("email")
    family_services.notifications_cancel_waiting(member=withdrawn.member, reason="test")

    page = _get(caseworker, f"/workspace/cases/{staffed_case.pk}/", language)
    words = DELIVERIES[language]
    assert f'delivery-failed">{words["failed"]}<' in page
    assert f'delivery-cancelled">{words["cancelled"]}<' in page
    assert f'<th scope="col">{words["created"]}</th>' in page


@pytest.mark.parametrize("language", ["hy", "ru"])
def test_the_relative_form_labels_the_address_in_our_words(language, staffed_case, caseworker):
    page = _get(caseworker, f"/workspace/cases/{staffed_case.pk}/", language)
    assert f'for="id_email">{EMAIL_LABEL[language]}' in page
    assert "Адрес электронной почты" not in page
    assert ">Email<" not in page


def test_a_cancelled_exchange_reads_as_an_exchange(supervisor, sup):
    exchange = services.exchange_plan(actor=supervisor, name="January exchange")
    sup.post(f"/workspace/exchanges/{exchange.pk}/cancel/", {"confirm": "on"})
    page = _get(supervisor, f"/workspace/exchanges/{exchange.pk}/", "ru")
    assert 'exchange-cancelled">Отменён<' in page


@pytest.mark.parametrize("language", ["hy", "ru"])
def test_the_search_button_and_the_admin_link_are_ours(language, caseworker):
    page = _get(caseworker, "/workspace/cases/", language)
    assert f'<button type="submit">{SEARCH[language]}</button>' in page
    assert f">{ADMINISTRATION[language]}</a>" in page
