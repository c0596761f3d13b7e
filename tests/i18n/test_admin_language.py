"""The admin speaks the staff member's language in our words too: its site
title, the registry's sections, our actions and what they report back, and
our own admin pages (the status page). Counts take the plural form of the
language (Russian has three for whole numbers)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from cases import services
from tests.i18n.reading import latin_words

pytestmark = pytest.mark.django_db


def _staff(user: User, language: str) -> Client:
    user.is_staff = True
    user.save()
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(user)
    return client


def _messages(response: Any) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_admin_index_names_our_site_and_sections_in_armenian(supervisor: User) -> None:
    page = _staff(supervisor, "hy").get("/admin/").content.decode()
    assert "casemgr՝ գործերի ռեգիստր" in page
    assert "Գործեր, հաղորդումներ, փոխանակումներ և հարազատներ" in page
    assert "Գործերի ռեգիստր" in page
    assert "Հարազատներ և ծանուցումներ" in page
    assert "case registry" not in page
    assert "Relatives and notifications" not in page


def test_listing_on_an_exchange_reports_back_in_armenian(
    make_case: Any, caseworker: User, supervisor: User
) -> None:
    detained, missing = make_case(), make_case()
    services.case_transition(case=detained, actor=caseworker, to_status="detained")
    exchange = services.exchange_plan(actor=supervisor, name="Ամառ-2026")
    client = _staff(supervisor, "hy")
    url = reverse("admin:cases_missingperson_changelist")
    listing = client.get(url).content.decode()
    assert "Ընդգրկել ընտրված գործերը (գերության մեջ) փոխանակման ցուցակում" in listing
    selection = {"action": "list_on_exchange", "_selected_action": [detained.pk, missing.pk]}
    done = client.post(url, {**selection, "apply": "1", "exchange": exchange.pk}, follow=True)
    said = _messages(done)
    assert "Փոխանակման ցուցակում (Ամառ-2026) ընդգրկվել է 1 գործ։" in said
    refusal = next(m for m in said if m.startswith(missing.case_number))
    assert "Գործի ներկայիս կարգավիճակը թույլ չի տալիս այս փոփոխությունը։" in refusal
    assert "Այստեղից թույլատրված է՝" in refusal
    # The service's own words too: no English left but the case number.
    assert latin_words(refusal, allowed={"MP"}) == set()


@pytest.mark.parametrize(
    ("count", "said"),
    [(1, "Подтверждена 1 смена статуса."), (2, "Подтверждены 2 смены статуса.")],
)
def test_confirming_status_changes_counts_in_russian(
    count: int, said: str, make_case: Any, caseworker: User, supervisor: User
) -> None:
    pending = [
        services.case_transition(case=make_case(), actor=caseworker, to_status="deceased").pending
        for _ in range(count)
    ]
    client = _staff(supervisor, "ru")
    done = client.post(
        reverse("admin:cases_pendingtransition_changelist"),
        {"action": "confirm_selected", "_selected_action": [p.pk for p in pending], "apply": "1"},
        follow=True,
    )
    assert _messages(done) == [said]


def test_the_status_page_has_no_english_word_for_an_armenian_reader(
    case: Any, caseworker: User
) -> None:
    client = _staff(caseworker, "hy")
    page = client.get(reverse("admin:cases_missingperson_status", args=[case.pk]))
    assert page.status_code == 200
    # The case number (MP-…) and the user's login name are data, not words of ours.
    assert latin_words(page.content.decode(), allowed={"MP", "anna", "caseworker"}) == set()
    moved = client.post(
        reverse("admin:cases_missingperson_status", args=[case.pk]),
        {"to_status": "detained", "note": "", "expected_version": case.version},
        follow=True,
    )
    assert f"{case.case_number} գործի կարգավիճակն այժմ «Գերության մեջ» է։" in _messages(moved)


def test_revoking_tokens_reports_back_in_armenian(caseworker: User, supervisor: User) -> None:
    from accounts.models import ApiToken

    ApiToken.objects.create(user=caseworker)
    ApiToken.objects.create(user=caseworker)
    admin = User.objects.create_superuser("root", password="a-long-test-password-1")
    client = _staff(admin, "hy")
    done = client.post(
        "/admin/accounts/apitoken/",
        {
            "action": "revoke",
            "_selected_action": list(ApiToken.objects.values_list("pk", flat=True)),
        },
        follow=True,
    )
    assert _messages(done) == ["Չեղարկվել է 2 տոկեն։"]


def _admin_models() -> set[type[Any]]:
    """Every model of ours the admin shows: registered, or inline on a page."""
    from django.contrib import admin

    ours = {"accounts", "cases", "families", "imports", "bureau"}
    shown: set[type[Any]] = set()
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in ours:
            shown.add(model)
            inlines = model_admin.get_inlines(None, model()) or model_admin.inlines
            shown.update(inline.model for inline in inlines)
    return shown


def test_every_model_and_field_the_admin_shows_is_named_through_gettext() -> None:
    """A field without verbose_name is named by Django from its attribute
    ("family_name" becomes "Family name"), and a model from its class: English,
    whatever the reader's language."""
    from django.utils.functional import Promise

    models = _admin_models()
    assert {"MissingPerson", "CaseSpelling", "FamilyLink", "ApiToken"} <= {
        m.__name__ for m in models
    }
    unnamed = [
        f"{model.__name__}.{field.name}"
        for model in models
        for field in model._meta.concrete_fields
        # Django's own primary key is named "ID", the same in every language.
        if not isinstance(field.verbose_name, Promise) and not field.auto_created
    ] + [
        f"{model.__name__} (Meta)"
        for model in models
        if not isinstance(model._meta.verbose_name, Promise)
        or not isinstance(model._meta.verbose_name_plural, Promise)
    ]
    assert unnamed == []


def test_a_case_history_page_speaks_armenian(case: Any, caseworker: User) -> None:
    """django-simple-history has no Armenian catalogue (and its Russian one
    is ru_RU, which Django does not read for ru): ours fills it."""
    client = _staff(caseworker, "hy")
    page = client.get(reverse("admin:cases_missingperson_history", args=[case.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ով է փոփոխել" in text
    assert "Փոփոխության պատճառ" in text
    assert "Changed by" not in text
    assert "Change reason" not in text
