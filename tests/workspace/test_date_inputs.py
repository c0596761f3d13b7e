"""Every date a caseworker types on the workspace's forms is taken as they
write it, DD.MM.YYYY, or as ISO YYYY-MM-DD (what a browser's date picker and
scripts send), whatever the page's language; anything else is that field's
error on the page (400), never a 500 and never a guess."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases import services
from cases.imports.models import ImportBatch
from cases.models import CaptureReport, DetentionEvent, Exchange, MissingPerson
from tests.imports.lists import committed, csv_bytes
from tests.workspace.test_case_actions import _details

pytestmark = pytest.mark.django_db

TYPED = ["05.01.2021", "2021-01-05"]
BAD = ["31.02.2021", "05/01/2021", "5 January", "05.01.21", "2021-13-01", "0000-00-00"]
JANUARY_5 = date(2021, 1, 5)
ERRORS = {
    "en": "Enter the date as DD.MM.YYYY, for example 05.01.2021.",
    "ru": "Введите дату в виде ДД.ММ.ГГГГ, например 05.01.2021.",
    "hy": "Գրեք ամսաթիվը ՕՕ.ԱԱ.ՏՏՏՏ ձևով, օրինակ՝ 05.01.2021։",
}


def _report(client, case, reported_on, **extra):
    form = {"source": "icrc", "reported_on": reported_on, "name_as_reported": "Armen H."}
    form.update(verification="unverified", **extra)
    return client.post(f"/workspace/cases/{case.pk}/report/", form, **_language("en"))


def _language(language: str) -> dict[str, str]:
    return {"HTTP_ACCEPT_LANGUAGE": language}


def _field_error(page: str, name: str) -> str:
    """The error listed under the field itself (the box points to it)."""
    errors = re.search(rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', page, re.S)
    assert errors, f"no error beside {name}"
    assert re.search(rf'<input[^>]*aria-describedby="[^"]*id_{name}_error', page)
    return errors.group(1)


@pytest.mark.parametrize("typed", TYPED)
@pytest.mark.parametrize("language", ["hy", "ru", "en"])
def test_the_case_details_take_a_date_as_written_or_iso(case, cw, typed, language):
    form = _details(case, date_of_birth=typed, last_seen_date=typed)
    response = cw.post(f"/workspace/cases/{case.pk}/details/", form, **_language(language))
    assert response.status_code == 302
    saved = MissingPerson.objects.get(pk=case.pk)
    assert (saved.date_of_birth, saved.last_seen_date) == (JANUARY_5, JANUARY_5)


@pytest.mark.parametrize("typed", BAD)
@pytest.mark.parametrize("language", ["hy", "ru", "en"])
def test_a_date_written_otherwise_is_the_fields_own_error(case, cw, typed, language):
    form = _details(case, date_of_birth=typed)
    response = cw.post(f"/workspace/cases/{case.pk}/details/", form, **_language(language))
    assert response.status_code == 400
    assert ERRORS[language] in _field_error(response.content.decode(), "date_of_birth")
    assert MissingPerson.objects.get(pk=case.pk).date_of_birth is None


def test_the_edit_form_shows_a_date_as_written_in_a_text_box(make_case, cw):
    case = make_case(date_of_birth=date(1996, 3, 14))
    page = cw.get(f"/workspace/cases/{case.pk}/").content.decode()
    box = re.search(r'<input[^>]*name="date_of_birth"[^>]*>', page).group(0)
    assert 'type="text"' in box
    assert 'value="14.03.1996"' in box
    assert 'placeholder="DD.MM.YYYY"' in box


@pytest.mark.parametrize("typed", TYPED)
def test_a_capture_report_takes_both(case, cw, typed):
    assert _report(cw, case, typed, captured_on=typed).status_code == 302
    report = CaptureReport.objects.get(case=case)
    assert (report.reported_on, report.captured_on) == (JANUARY_5, JANUARY_5)


def test_a_capture_report_with_a_bad_date_names_the_field(case, cw):
    response = _report(cw, case, "2021-01-05", captured_on="31.02.2021")
    assert response.status_code == 400
    assert ERRORS["en"] in _field_error(response.content.decode(), "captured_on")
    assert not CaptureReport.objects.exists()


@pytest.mark.parametrize("typed", [*TYPED, "31.02.2021"])
def test_a_detention_event_takes_both_and_refuses_the_rest(case, cw, typed):
    form = {"type": "icrc_visit", "occurred_on": typed, "source": "icrc"}
    response = cw.post(f"/workspace/cases/{case.pk}/detention/", form)
    if typed in TYPED:
        assert DetentionEvent.objects.get(case=case).occurred_on == JANUARY_5
    else:
        assert response.status_code == 400
        assert ERRORS["en"] in _field_error(response.content.decode(), "occurred_on")


@pytest.mark.parametrize("typed", [*TYPED, "31.02.2021"])
def test_an_exchange_takes_both_and_refuses_the_rest(sup, typed):
    form = {"name": "January", "principle": "all_for_all", "scheduled_for": typed}
    response = sup.post("/workspace/exchanges/", form)
    if typed in TYPED:
        assert Exchange.objects.get(name="January").scheduled_for == JANUARY_5
    else:
        assert response.status_code == 400
        assert ERRORS["en"] in _field_error(response.content.decode(), "scheduled_for")
        assert not Exchange.objects.exists()


@pytest.mark.parametrize("typed", [*TYPED, "31.02.2021"])
def test_an_uploaded_list_takes_both_and_refuses_the_rest(sup, registry, typed):
    form = {
        "file": SimpleUploadedFile("ombudsman.csv", csv_bytes([["Full name"], ["Armen H."]])),
        "source": "ombudsman",
        "purpose": "capture_report",
        "reported_on": typed,
    }
    with committed():
        response = sup.post("/workspace/imports/", form)
    if typed in TYPED:
        assert ImportBatch.objects.get().reported_on == JANUARY_5
    else:
        assert response.status_code == 400
        assert ERRORS["en"] in _field_error(response.content.decode(), "reported_on")
        assert not ImportBatch.objects.exists()


def test_what_changed_meanwhile_reads_its_dates_as_written(make_case, caseworker, cw):
    case = make_case(date_of_birth=date(1996, 3, 14))
    seen = MissingPerson.objects.get(pk=case.pk)
    services.case_update(
        case=case, actor=caseworker, expected_version=seen.version, date_of_birth=JANUARY_5
    )
    form = _details(seen, date_of_birth="14.03.1996", unit="Unit 7")
    page = cw.post(f"/workspace/cases/{case.pk}/details/", form).content.decode()
    assert '<th scope="row">Date of birth</th><td>14.03.1996</td><td>05.01.2021</td>' in page
