"""The admin reads dates and times as the workspace and the families do:
Django's formats for hy, ru and en (casemgr.formats) are the rule of
cases.dates, so its lists, forms and history follow without a template of
ours. The REST API keeps ISO 8601 (CONTRACT.md)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from django.test import Client
from django.urls import reverse

from cases import services
from cases.models import CaseEvent
from tests.i18n.reading import visible_text

pytestmark = pytest.mark.django_db

AT = datetime(2026, 11, 30, 15, 25, tzinfo=UTC)  # 19:25 in Yerevan
SEEN_AT = {
    "hy": "30.11.2026, 19:25 (Երևանի ժամանակով)",
    "ru": "30.11.2026 19:25 (по ереванскому времени)",
    "en": "30.11.2026, 19:25 (Yerevan time)",
}
ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")


@pytest.fixture
def admin(supervisor) -> Client:
    supervisor.is_staff = supervisor.is_superuser = True
    supervisor.save()
    client = Client()
    client.force_login(supervisor)
    return client


def _read(client: Client, url: str, language: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return " ".join(visible_text(response.content.decode()).split())


@pytest.mark.parametrize("language", list(SEEN_AT))
def test_the_timeline_list_reads_times_in_yerevan_time(admin, case, language):
    CaseEvent.objects.filter(case=case).update(at=AT)
    text = _read(admin, reverse("admin:cases_caseevent_changelist"), language)
    assert SEEN_AT[language] in text
    assert "+04" not in text


@pytest.mark.parametrize("language", list(SEEN_AT))
def test_the_exchanges_list_reads_day_month_year(admin, supervisor, language):
    services.exchange_plan(actor=supervisor, name="February", scheduled_for=date(2021, 2, 1))
    text = _read(admin, reverse("admin:cases_exchange_changelist"), language)
    assert "01.02.2021" in text
    assert ISO_DATE.findall(text) == []


@pytest.mark.parametrize("language", list(SEEN_AT))
def test_a_case_in_the_admin_reads_day_month_year(admin, make_case, language):
    case = make_case(date_of_birth=date(1996, 3, 14))
    response = admin.get(
        reverse("admin:cases_missingperson_change", args=[case.pk]), HTTP_ACCEPT_LANGUAGE=language
    )
    page = response.content.decode()
    assert "14.03.1996" in page
    assert "1996-03-14" not in page


def test_the_api_keeps_iso_dates(make_case, supervisor):
    case = make_case(date_of_birth=date(1996, 3, 14))
    client = Client()
    client.force_login(supervisor)
    body = client.get(f"/api/cases/{case.pk}/", HTTP_ACCEPT_LANGUAGE="ru").json()
    assert body["date_of_birth"] == "1996-03-14"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d.*", body["status_changed_at"])


@pytest.mark.parametrize("language", list(SEEN_AT))
def test_the_admins_calendar_writes_the_date_it_picks_as_day_month_year(admin, language):
    response = admin.get(reverse("admin:jsi18n"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    formats = re.search(r'"DATE_INPUT_FORMATS": \[\s*"([^"]*)"', response.content.decode())
    assert formats
    assert formats.group(1) == "%d.%m.%Y"
