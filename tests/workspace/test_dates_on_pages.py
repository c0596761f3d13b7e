"""The workspace's pages read dates as caseworkers in Yerevan write them,
DD.MM.YYYY, and times HH:MM in the deployment's zone named in words, in
every language: the families' rule, never an ISO date or a bare offset. The
expected words are written out here, not computed by the rule under test."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from cases import services
from cases.imports import services as import_services
from cases.models import CaseEvent, MissingPerson, PendingTransition
from families.models import FamilyEnquiry
from families.services import family_enquiry_answer, family_enquiry_submit
from tests.i18n.reading import visible_text

pytestmark = pytest.mark.django_db

# 15:25 UTC is 19:25 in Yerevan (UTC+4).
AT = datetime(2026, 11, 30, 15, 25, tzinfo=UTC)
SEEN_AT = {
    "hy": "30.11.2026, 19:25 (Երևանի ժամանակով)",
    "ru": "30.11.2026 19:25 (по ереванскому времени)",
    "en": "30.11.2026, 19:25 (Yerevan time)",
}
# 21:30 UTC on New Year's Eve is already 1 January in Yerevan.
LATE_AT = datetime(2020, 12, 31, 21, 30, tzinfo=UTC)
LANGUAGES = list(SEEN_AT)
ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")


def _read(client, url: str, language: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response["Content-Language"] == language
    return " ".join(visible_text(response.content.decode()).split())


def _case_with_a_history(make_case, caseworker, make_relative) -> MissingPerson:
    case = make_case(date_of_birth=date(1996, 3, 14))
    services.detention_event_add(
        case=case, actor=caseworker, type="icrc_visit", occurred_on=date(2021, 1, 5), source="icrc"
    )
    services.case_transition(case=case, actor=caseworker, to_status="deceased", note="witness")
    enquiry = family_enquiry_submit(
        member=make_relative(case), case_number=case.case_number, text="Any news?"
    )
    family_enquiry_answer(enquiry_id=enquiry.pk, actor=caseworker, answer="Not yet.")
    CaseEvent.objects.filter(case=case).update(at=AT)
    PendingTransition.objects.filter(case=case).update(requested_at=AT)
    FamilyEnquiry.objects.filter(pk=enquiry.pk).update(submitted_at=AT, answered_at=AT)
    MissingPerson.objects.filter(pk=case.pk).update(status_changed_at=AT)
    return case


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_case_page_reads_day_month_year_and_times_in_yerevan_time(
    make_case, caseworker, make_relative, cw, language
):
    case = _case_with_a_history(make_case, caseworker, make_relative)
    text = _read(cw, f"/workspace/cases/{case.pk}/", language)
    assert "14.03.1996" in text  # date of birth
    assert "11.12.2020" in text  # last seen
    assert "05.01.2021" in text  # the detention event, on its card and its timeline line
    # status since, the pending move, every timeline line, the enquiry asked and answered
    assert text.count(SEEN_AT[language]) >= 5
    assert ISO_DATE.findall(text) == []
    assert "+04" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_today_reads_day_month_year_and_times_in_yerevan_time(
    make_case, caseworker, supervisor, sup, language
):
    waiting = make_case()
    services.case_transition(case=waiting, actor=caseworker, to_status="deceased", note="witness")
    PendingTransition.objects.filter(case=waiting).update(requested_at=AT)
    unconfirmed = make_case()
    services.case_transition(case=unconfirmed, actor=caseworker, to_status="capture_reported")
    MissingPerson.objects.filter(pk=unconfirmed.pk).update(status_changed_at=LATE_AT)

    text = _read(sup, "/workspace/", language)
    assert SEEN_AT[language] in text  # the move waiting for a supervisor
    assert "01.01.2021" in text  # the bureau's deadline counts from the day in Yerevan
    assert ISO_DATE.findall(text) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_exchanges_and_imports_read_day_month_year(supervisor, sup, language):
    exchange = services.exchange_plan(
        actor=supervisor, name="February", principle="all_for_all", scheduled_for=date(2021, 2, 1)
    )
    batch = import_services.import_create(
        actor=supervisor,
        file_name="ombudsman.csv",
        data=b"Full name\nHovhannisyan Armen\n",
        source="ombudsman",
        purpose="capture_report",
        reported_on=date(2021, 1, 5),
        enqueue=False,
    )
    type(batch).objects.filter(pk=batch.pk).update(created_at=AT)

    for url in ("/workspace/exchanges/", f"/workspace/exchanges/{exchange.pk}/"):
        assert "01.02.2021" in _read(sup, url, language)
    assert SEEN_AT[language] in _read(sup, "/workspace/imports/", language)
    assert "05.01.2021" in _read(sup, f"/workspace/imports/{batch.pk}/", language)
    for url in ("/workspace/exchanges/", "/workspace/imports/", "/workspace/picture/"):
        assert ISO_DATE.findall(_read(sup, url, language)) == []


def test_the_picture_names_each_week_by_day_month_year(make_case, sup):
    make_case()
    text = _read(sup, "/workspace/picture/", "en")
    assert re.search(r"\b\d\d\.\d\d\.\d{4}\b", text)
