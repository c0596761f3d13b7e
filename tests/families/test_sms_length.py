"""Every SMS a family can receive fits 3 UCS-2 parts in Armenian and Russian,
tried at the extremes: a 12-letter given name, a 25-character caseworker
name, the hotline variant, every exchange outcome and report verification,
the forms for a man and for a woman,
and a production-length opt-out link made by the real signer."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from cases.models import CaseEvent, EventKind, MissingPerson, StaffProfile
from cases.services import case_spelling_add
from families.models import FamilyMember
from families.optout import optout_url
from families.texts import render_message, sms_segments
from tests.families.message_variants import VARIANTS

# The longest site address we plan for (README: SMS and the opt-out link).
PRODUCTION_SITE_URL = "https://casemgr.families.gov.am"
GIVEN_NAME = "Khachaturyan"  # 12 letters, the longest given name we plan for
GIVEN_NAME_HY = "Խաչատրյանուշ"
GIVEN_NAME_RU = "Хачатурянуша"  # the reader's script: a stored Cyrillic given name
GIVEN_NAMES = {"hy": GIVEN_NAME_HY, "ru": GIVEN_NAME_RU}
CASEWORKER = ("Anahit", "Ter-Grigoryantsyan")  # 25 characters with the space
PHONE = "+374 10 555 101"


@pytest.fixture
def long_named_caseworker(caseworker: User) -> User:
    caseworker.first_name, caseworker.last_name = CASEWORKER
    caseworker.save()
    StaffProfile.objects.create(user=caseworker, phone=PHONE)
    return caseworker


def _event(case: MissingPerson, kind: str, data: dict[str, Any]) -> CaseEvent:
    return CaseEvent(case=case, kind=kind, at=timezone.now(), family_visible=True, data=data)


def _sms(case: MissingPerson, language: str, kind: str, data: dict[str, Any]) -> str:
    member = FamilyMember(pk=1_679_615, full_name="R", language=language)  # "zzzz" in base 36
    link = optout_url(member, "sms")
    message = render_message(
        event=_event(case, kind, data), member=member, channel="sms", optout_link=link
    )
    assert link in message.sms_text
    return message.sms_text


def test_the_extremes_are_as_long_as_planned(settings: Any) -> None:
    settings.SITE_URL = PRODUCTION_SITE_URL
    member = FamilyMember(pk=1_679_615, full_name="R", language="hy")
    assert len(GIVEN_NAME) == len(GIVEN_NAME_HY) == len(GIVEN_NAME_RU) == 12
    assert len(" ".join(CASEWORKER)) == 25
    assert len(optout_url(member, "sms")) == 69


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["hy", "ru"])
@pytest.mark.parametrize(("kind", "data"), VARIANTS)
@pytest.mark.parametrize("staffed", [True, False], ids=["caseworker", "hotline"])
@pytest.mark.parametrize("sex", ["male", "female"])
def test_every_sms_fits_three_parts(
    make_case: Any,
    caseworker: User,
    long_named_caseworker: User,
    settings: Any,
    language: str,
    kind: str,
    data: dict[str, Any],
    staffed: bool,
    sex: str,
) -> None:
    settings.SITE_URL = PRODUCTION_SITE_URL
    case = make_case(
        sex=sex,
        given_name=GIVEN_NAME,
        name_native=f"{GIVEN_NAME_HY} Հովհաննիսյան",
        caseworker=long_named_caseworker if staffed else None,
    )
    case_spelling_add(case=case, actor=caseworker, part="given", text=GIVEN_NAME_RU)
    text = _sms(case, language, kind, data)
    assert GIVEN_NAMES[language] in text
    if staffed and data.get("to") == "deceased":
        assert " ".join(CASEWORKER) in text
    assert sms_segments(text) <= 3, (len(text), text)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["hy", "ru", "en"])
def test_a_long_note_is_sent_as_a_pointer_to_the_portal_and_a_short_one_in_full(
    make_case: Any, long_named_caseworker: User, settings: Any, language: str
) -> None:
    settings.SITE_URL = PRODUCTION_SITE_URL
    case = make_case(given_name=GIVEN_NAME, caseworker=long_named_caseworker)
    short = _sms(case, language, EventKind.NOTE, {"text": "ICRC visit on Monday."})
    assert "ICRC visit on Monday." in short
    long_note = "The ICRC delegates visited the place of detention on Monday. " * 8
    pointer = _sms(case, language, EventKind.NOTE, {"text": long_note})
    assert "ICRC delegates" not in pointer
    assert f"{PRODUCTION_SITE_URL}/ " in pointer
    assert sms_segments(pointer) <= 3, (len(pointer), pointer)
