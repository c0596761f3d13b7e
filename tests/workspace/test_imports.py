"""Imports on the workspace (supervisors): upload through the form, follow
the matching, review the rows group by group, decide them with the same
service as the API's PATCH, accept every clear match, apply."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.imports import services as import_services
from cases.imports.models import ImportBatch, ImportRow
from cases.models import CaptureReport
from tests.imports.conftest import _one_candidate_is_clear  # noqa: F401 - autouse, as there
from tests.imports.lists import committed, csv_bytes
from tests.imports.test_review_and_apply import LIST
from tests.workspace.conftest import client_for


def post_list(client, rows=LIST, **fields):
    form = {
        "file": SimpleUploadedFile("ombudsman.csv", csv_bytes(rows)),
        "source": "ombudsman",
        "purpose": "capture_report",
        "reported_on": "2020-12-28",
        **fields,
    }
    with committed():
        return client.post("/workspace/imports/", form)


@pytest.fixture
def batch(sup, registry) -> ImportBatch:
    response = post_list(sup)
    assert response.status_code == 302, response.content.decode()
    return ImportBatch.objects.get()


def row(batch, line) -> ImportRow:
    return ImportRow.objects.get(batch=batch, line=line)


def decide(client, batch, line, **decision):
    return client.post(f"/workspace/imports/{batch.pk}/rows/{row(batch, line).pk}/", decision)


def test_an_uploaded_list_is_matched_and_its_page_opens_on_the_matched_rows(sup, batch):
    assert batch.status == "review"
    page = sup.get(f"/workspace/imports/{batch.pk}/").content.decode()
    assert 'aria-current="page">Matched <span class="count">1</span>' in page
    assert "Petrosyan Aram Karen" in page
    assert "Sargsyan Davit" not in page  # the ambiguous rows are their own group


def test_the_ambiguous_group_shows_each_candidate_with_its_score_and_reasons(sup, batch, registry):
    page = sup.get(f"/workspace/imports/{batch.pk}/?state=ambiguous").content.decode()
    candidates = row(batch, 3).candidates
    assert {c["case"] for c in candidates} == {registry["davit1"].pk, registry["davit2"].pk}
    for c in candidates:
        assert f"score {c['score']}" in page
        assert ", ".join(c["reasons"]) in page
        assert f'name="case" value="{c["case"]}"' in page


def test_choosing_a_candidate_decides_the_row_as_the_api_would(sup, batch, registry):
    response = decide(sup, batch, 3, action="match", case=registry["davit2"].pk)
    assert response.status_code == 302
    assert response["Location"] == f"/workspace/imports/{batch.pk}/?state=ambiguous#rows"
    assert (row(batch, 3).decision_action, row(batch, 3).decision_case) == (
        "match",
        registry["davit2"],
    )


def test_a_row_is_marked_new_skipped_and_cleared(sup, batch):
    decide(sup, batch, 4, action="new")
    assert row(batch, 4).decision_action == "new"
    decide(sup, batch, 4, action="skip")
    assert row(batch, 4).state == "skipped"
    decide(sup, batch, 4, action="")
    assert (row(batch, 4).decision_action, row(batch, 4).state) == ("", "new")


def test_the_services_refusal_is_shown_and_nothing_is_decided(sup, batch):
    response = decide(sup, batch, 5, action="new")  # a row in error can only be skipped
    assert response.status_code == 400
    assert "Line 5:" in response.content.decode()
    assert row(batch, 5).decision_action == ""


def test_a_case_the_supervisor_cannot_name_is_refused_on_the_form(sup, batch):
    response = decide(sup, batch, 3, action="match", case=10**9)
    assert response.status_code == 400
    assert row(batch, 3).decision_action == ""


def test_accepting_all_matched_then_applying_adds_the_reports(sup, batch, registry):
    sup.post(f"/workspace/imports/{batch.pk}/accept-matched/")
    assert row(batch, 2).decision_case == registry["aram"]

    with committed():
        response = sup.post(f"/workspace/imports/{batch.pk}/apply/")
    assert response.status_code == 302
    applied = ImportBatch.objects.get(pk=batch.pk)
    assert (applied.status, applied.applied) == ("review", 1)  # the undecided rows wait
    assert CaptureReport.objects.filter(case=registry["aram"]).count() == 1


def test_the_rest_is_decided_and_applied_later(sup, batch, registry):
    sup.post(f"/workspace/imports/{batch.pk}/accept-matched/")
    decide(sup, batch, 3, action="match", case=registry["davit1"].pk)
    for line, action in ((4, "new"), (5, "skip")):
        decide(sup, batch, line, action=action)
    with committed():
        sup.post(f"/workspace/imports/{batch.pk}/apply/")
    assert ImportBatch.objects.get(pk=batch.pk).status == "applied"
    page = sup.get(f"/workspace/imports/{batch.pk}/?state=new").content.decode()
    assert f'/rows/{row(batch, 4).pk}/"' not in page  # an applied row cannot change
    assert "· applied" in page


def test_a_bad_file_is_named_on_the_form_and_nothing_is_stored(sup):
    response = post_list(sup, rows=[("ФИО",)])
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_an_exchange_list_without_its_exchange_is_refused_on_the_form(sup):
    response = post_list(sup, purpose="exchange_listing")
    assert response.status_code == 400
    assert not ImportBatch.objects.exists()


def _queued(supervisor, n=1) -> ImportBatch:
    rows = "".join(f"Hovhannisyan Armen{i}\n" for i in range(n))
    return import_services.import_create(
        actor=supervisor, file_name="slow.csv", data=f"Full name\n{rows}".encode(),
        source="ombudsman", purpose="capture_report", reported_on=date(2021, 1, 5),
        enqueue=False,
    )  # fmt: skip


def test_while_matching_the_page_shows_a_progress_bar_that_htmx_polls(sup, supervisor):
    queued = _queued(supervisor, 3)
    page = sup.get(f"/workspace/imports/{queued.pk}/").content.decode()
    assert '<progress id="progress-bar" value="0" max="3">' in page
    assert f'hx-get="/workspace/imports/{queued.pk}/progress/"' in page
    assert f'<a href="/workspace/imports/{queued.pk}/">Refresh</a>' in page  # without JS

    partial = sup.get(f"/workspace/imports/{queued.pk}/progress/", HTTP_HX_REQUEST="true")
    assert partial.content.decode().startswith('<div id="progress"')


def test_once_matched_the_polled_partial_reloads_the_page(sup, supervisor):
    queued = _queued(supervisor)
    import_services.import_match_rows(batch_id=queued.pk, first_line=1, last_line=10)
    partial = sup.get(f"/workspace/imports/{queued.pk}/progress/", HTTP_HX_REQUEST="true")
    assert partial["HX-Refresh"] == "true"


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/workspace/imports/"),
        ("get", "/workspace/imports/{pk}/"),
        ("get", "/workspace/imports/{pk}/progress/"),
        ("post", "/workspace/imports/{pk}/accept-matched/"),
        ("post", "/workspace/imports/{pk}/apply/"),
    ],
)
def test_caseworkers_are_refused_as_in_the_api(cw, batch, method, url):
    assert getattr(cw, method)(url.format(pk=batch.pk)).status_code == 403


def test_a_caseworker_cannot_decide_a_row(cw, batch):
    assert decide(cw, batch, 3, action="skip").status_code == 403
    assert row(batch, 3).decision_action == ""


def test_a_caseworker_cannot_upload(cw):
    assert post_list(cw).status_code == 403
    assert not ImportBatch.objects.exists()


def _queries(user, url) -> int:
    client = client_for(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_an_imports_rows_cost_the_same_queries_however_many(supervisor, sup, make_case):
    for n in range(3):
        make_case(given_name="Davit", family_name="Sargsyan", patronymic=f"Levon{n}")
    few = post_list(sup, rows=LIST[:3]) and ImportBatch.objects.latest("pk")
    many_rows = [LIST[0], *[(f"Sargsyan Davit{i}", "2000", "") for i in range(30)], *LIST[1:3]]
    many = post_list(sup, rows=many_rows) and ImportBatch.objects.latest("pk")
    for batch in (few, many):
        sup.post(f"/workspace/imports/{batch.pk}/rows/{row(batch, 2).pk}/", {"action": "new"})
    for state in ("matched", "ambiguous", "new"):
        url = "/workspace/imports/{}/?state=" + state
        assert _queries(supervisor, url.format(few.pk)) == _queries(supervisor, url.format(many.pk))


def test_the_imports_list_costs_the_same_queries_however_many(supervisor, sup):
    post_list(sup)
    one = _queries(supervisor, "/workspace/imports/")
    for i in range(3):
        post_list(sup, rows=[*LIST, (f"Extra{i} Name", "", "")])
    assert _queries(supervisor, "/workspace/imports/") == one
