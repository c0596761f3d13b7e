"""A relative reads the name in their own script: the Armenian-script name
in hy, the Russian list order in ru, the registered Latin in en; on the
email, the SMS, the portal and the webhook. A stored spelling in that script
beats the transliteration, and a caseworker's correction beats them all."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from cases.models import MissingPerson
from cases.services import case_spelling_add
from families.channels.webhook import webhook_payload
from families.models import FamilyMember
from families.names import reader_name
from families.selectors import family_case_views
from families.texts import STATUS_CHANGED, render_message
from tests.families.test_texts import OPTOUT, event_for

pytestmark = pytest.mark.django_db

# The registered name Armen Karen Hovhannisyan, with no stored spelling.
READS = {
    "hy": ("Արմեն Կարենի Հովհաննիսյան", "Արմեն"),
    "ru": ("Ованнисян Армен Каренович", "Армен"),
    "en": ("Armen Karen Hovhannisyan", "Armen"),
}


@pytest.fixture
def armen(make_case: Any) -> MissingPerson:
    return make_case(given_name="Armen")


def _messages(case: MissingPerson, language: str) -> tuple[Any, Any]:
    event = event_for(case, STATUS_CHANGED)
    member = FamilyMember(pk=42, full_name="R", language=language, email="r@example.org")
    email = render_message(event=event, member=member, channel="email", optout_link=OPTOUT)
    sms = render_message(event=event, member=member, channel="sms", optout_link=OPTOUT)
    return email, sms


@pytest.mark.parametrize("language", ["hy", "ru", "en"])
def test_the_email_and_sms_name_him_in_the_reader_s_script(
    armen: MissingPerson, language: str
) -> None:
    full, given = READS[language]
    email, sms = _messages(armen, language)
    assert full in email.body_text
    assert full in email.body_html
    assert f"({given})" in sms.sms_text


@pytest.mark.parametrize("language", ["hy", "ru", "en"])
def test_the_portal_names_him_in_the_reader_s_script(
    armen: MissingPerson, make_member: Any, language: str
) -> None:
    member = make_member(armen, language=language)
    (view,) = family_case_views(member, [armen])
    assert view.name == READS[language][0]


@pytest.mark.parametrize("language", ["hy", "ru", "en"])
def test_the_webhook_carries_the_name_as_the_reader_reads_it_beside_its_fields(
    make_notification: Any, language: str
) -> None:
    payload = webhook_payload(make_notification("webhook", language=language))
    full = reader_name(MissingPerson.objects.get(case_number=payload["case_number"]), language)
    assert payload["person_name"] == full.full
    assert payload["person_given_name"] == full.given
    assert {"case_number", "kind", "status", "message", "subject"} <= set(payload)
    if language == "ru":
        assert payload["person_name"].startswith("Ованнисян Армен")


def test_a_stored_spelling_beats_the_transliteration(
    armen: MissingPerson, caseworker: User
) -> None:
    case_spelling_add(case=armen, actor=caseworker, part="family", text="Оганесян")
    case_spelling_add(case=armen, actor=caseworker, part="patronymic", text="Вартанович")
    armen = MissingPerson.objects.get(pk=armen.pk)
    assert reader_name(armen, "ru").full == "Оганесян Армен Вартанович"
    email, _sms = _messages(armen, "ru")
    assert "Оганесян Армен Вартанович" in email.body_text


def test_the_native_name_beats_the_transliteration_and_a_correction_beats_both(
    make_case: Any, caseworker: User
) -> None:
    case = make_case(given_name="Davit", name_native="Դաւիթ Յովհաննիսեան")
    assert reader_name(case, "hy") == reader_name(case, "hy").__class__(
        full="Դաւիթ Յովհաննիսեան", given="Դաւիթ"
    )
    case_spelling_add(case=case, actor=caseworker, part="given", text="Դավիթ")
    case_spelling_add(case=case, actor=caseworker, part="full", text="Դավիթ Հովհաննիսյան")
    case = MissingPerson.objects.get(pk=case.pk)
    name = reader_name(case, "hy")
    assert (name.full, name.given) == ("Դավիթ Հովհաննիսյան", "Դավիթ")
    _email, sms = _messages(case, "hy")
    assert "(Դավիթ)" in sms.sms_text


def test_the_genitive_patronymic_becomes_the_russian_one(make_case: Any) -> None:
    case = make_case(given_name="Aram", patronymic="Vardani", family_name="Petrosyan")
    assert reader_name(case, "ru").full == "Петросян Арам Варданович"
    assert reader_name(case, "hy").full == "Արամ Վարդանի Պետրոսյան"


def test_a_woman_s_russian_patronymic_is_feminine(make_case: Any) -> None:
    case = make_case(given_name="Anahit", patronymic="Aram", family_name="Sargsyan", sex="female")
    assert reader_name(case, "ru").full == "Саргсян Анахит Арамовна"
