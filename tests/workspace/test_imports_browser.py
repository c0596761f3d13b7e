"""Imports in a real browser (supervisor): a list uploaded through the
form, its page while matching and once matched, a row decided, every clear
match accepted and the list applied; each step checked with axe-core and
photographed."""

from __future__ import annotations

from datetime import date
from typing import Any

from cases.imports import services as import_services
from cases.imports.models import ImportBatch
from cases.models import CaptureReport
from tests.imports.lists import csv_bytes
from tests.workspace.browser import browser_tab, check, journey, log_in, marks

pytestmark = marks

LIST = [
    ("ФИО", "Дата рождения", "Личный номер"),
    ("Petrosyan Aram Karen", "04.03.2001", "AM0100101"),
    ("Sargsyan Davit", "2000", ""),
    ("Zakaryan Vahe Gagik", "1999-07-01", "AM9900777"),
]


def _review_a_list(base_url: str, username: str, queued_id: int, davit: str) -> dict[str, Any]:
    with browser_tab(base_url, "imports") as tab:
        page = tab.page
        log_in(tab, username)
        page.goto(f"{base_url}/workspace/imports/{queued_id}/")
        page.locator("progress#progress-bar").wait_for()
        check(tab, "matching")

        page.goto(f"{base_url}/workspace/imports/")
        check(tab, "imports")
        page.get_by_label("The list (CSV or XLSX)").set_input_files(
            {"name": "ombudsman.csv", "mimeType": "text/csv", "buffer": csv_bytes(LIST)}
        )
        page.get_by_label("Source").select_option("ombudsman")
        page.get_by_label("Purpose").select_option("capture_report")
        page.get_by_label("Reported on (for capture reports)").fill("28.12.2020")  # as written
        page.get_by_role("button", name="Upload").click()
        page.get_by_text("The list was taken in").wait_for()
        check(tab, "matched")

        page.get_by_role("navigation", name="Groups of rows").get_by_role(
            "link", name="Ambiguous"
        ).click()
        check(tab, "ambiguous")
        page.get_by_role("button", name=f"Match to {davit}").click()
        page.get_by_text(f"Decision: Match to a case · {davit}").wait_for()

        page.get_by_role("button", name="Accept all matched rows").click()
        page.get_by_text("Rows matched to their case: 1.").wait_for()
        page.get_by_role("button", name="Apply the decided rows").click()
        page.get_by_text("The decided rows are being applied.").wait_for()
        check(tab, "applied")
        return {"status": page.locator(".case-meta").inner_text()}


def test_a_supervisor_uploads_reviews_and_applies_a_list(
    live_server, make_case, supervisor, settings
):
    settings.IMPORT_MATCH_SCORE = 0.5  # as in tests/imports: the flow, not the matcher
    aram = make_case(
        given_name="Aram", family_name="Petrosyan", patronymic="Karen",
        date_of_birth=date(2001, 3, 4), service_number="AM0100101",
    )  # fmt: skip
    davit = make_case(given_name="Davit", family_name="Sargsyan", patronymic="Samvel")
    make_case(given_name="Davit", family_name="Sargsyan", patronymic="Levon")
    queued = import_services.import_create(
        actor=supervisor, file_name="queued.csv", data=b"Full name\nHovhannisyan Armen\n",
        source="icrc", purpose="capture_report", reported_on=date(2021, 1, 5), enqueue=False,
    )  # fmt: skip

    seen = journey(
        _review_a_list, live_server.url, supervisor.username, queued.pk, davit.case_number
    )

    uploaded = ImportBatch.objects.get(file_name="ombudsman.csv")
    assert uploaded.applied == 2
    assert uploaded.reported_on == date(2020, 12, 28)
    assert "28.12.2020" in seen["status"]
    assert "Waiting for review" in seen["status"]  # the new row is still undecided
    assert CaptureReport.objects.filter(case__in=[aram, davit]).count() == 2
