"""The workspace in a real browser: the journeys of the day's work, each
checked with axe-core (WCAG 2.1 AA, no serious or critical violation) and
photographed at 390 px and 1280 px under tests/artifacts/screenshots/."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from cases import services
from cases.models import MissingPerson
from tests.workspace.browser import axe_violations, browser_tab, check, journey, log_in, marks

pytestmark = marks


def _caseworker_day(
    base_url: str, username: str, family_name: str, case_number: str
) -> dict[str, Any]:
    with browser_tab(base_url, "caseworker") as tab:
        page = tab.page
        log_in(tab, username)
        landed = page.url
        page.get_by_role("heading", level=1, name="Today").wait_for()
        check(tab, "today")

        page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Cases").click()
        page.get_by_role("searchbox", name="Name or case number").fill(family_name)
        page.locator("#results").get_by_text(case_number).first.wait_for()
        page.wait_for_function("document.querySelectorAll('#results tbody tr').length === 1")
        check(tab, "search")

        page.locator("#results").get_by_role("link", name=case_number).click()
        page.get_by_role("heading", level=1).wait_for()
        check(tab, "case")

        page.get_by_role("button", name="Detained", exact=True).click()
        page.get_by_text("The status is now: Detained.").wait_for()
        timeline = page.locator("#timeline").inner_text()
        check(tab, "moved")

        # Every form of the case page, open, is checked too.
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        check(tab, "forms")

        page.get_by_role("navigation", name="Workspace").get_by_role(
            "link", name="The picture"
        ).click()
        page.get_by_role("heading", level=1, name="The picture").wait_for()
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        check(tab, "picture")
        return {"landed": landed, "timeline": timeline}


def test_a_caseworker_lands_on_today_finds_a_case_moves_it_and_sees_the_timeline(
    live_server, make_case, caseworker, make_relative
):
    case = make_case(given_name="Armen", family_name="Ghukasyan", name_native="Արմեն Ղուկասյան")
    make_case(given_name="Davit", family_name="Petrosyan")
    make_relative(case, full_name="Anahit Ghukasyan")
    services.capture_report_add(
        actor=caseworker,
        case=case,
        source="icrc",
        reported_on=date(2021, 1, 5),
        name_as_reported="Armen Ghukasyan",
        place_of_detention="Baku",
    )

    seen = journey(
        _caseworker_day, live_server.url, caseworker.username, "Ghukasyan", case.case_number
    )

    assert seen["landed"] == f"{live_server.url}/workspace/"
    assert "Missing → Detained" in seen["timeline"]
    assert MissingPerson.objects.get(pk=case.pk).status == "detained"


def _supervisor_confirms(base_url: str, username: str, case_number: str) -> dict[str, Any]:
    with browser_tab(base_url, "supervisor-death") as tab:
        page = tab.page
        log_in(tab, username)
        queue = page.locator("#waiting")
        check(tab, "today")
        queue.get_by_role("link", name=re.compile(case_number)).click()
        page.get_by_role("button", name="Confirm: Deceased").wait_for()
        check(tab, "request")
        page.get_by_role("button", name="Confirm: Deceased").click()
        page.get_by_text("The change was confirmed.").wait_for()
        check(tab, "confirmed")
        return {"status": page.locator("#status").inner_text()}


def test_a_supervisor_confirms_a_death_a_caseworker_reported(
    live_server, case, caseworker, supervisor
):
    services.case_transition(case=case, actor=caseworker, to_status="deceased", note="A witness.")

    seen = journey(_supervisor_confirms, live_server.url, supervisor.username, case.case_number)

    assert "The family has not yet been told in person." in seen["status"]
    assert MissingPerson.objects.get(pk=case.pk).status == "deceased"


def _complete_exchange(base_url: str, username: str, name: str, home: int, back: int) -> None:
    with browser_tab(base_url, "exchange") as tab:
        page = tab.page
        log_in(tab, username)
        page.get_by_role("navigation", name="Workspace").get_by_role(
            "link", name="Exchanges"
        ).click()
        check(tab, "board")
        page.get_by_role("link", name=name).click()
        check(tab, "list")
        page.locator(f"input[name='outcome-{home}'][value='exchanged']").check()
        page.locator(f"input[name='outcome-{back}'][value='not_released']").check()
        page.get_by_role("button", name="Record the exchange as completed").click()
        page.get_by_text("The exchange was recorded as completed.").wait_for()
        check(tab, "completed")


def test_an_exchange_is_completed_from_the_board(live_server, make_case, caseworker, supervisor):
    # Completing is a supervisor's (CONTRACT.md: supervisors write exchanges).
    exchange = services.exchange_plan(actor=supervisor, name="January exchange")
    home, back = make_case(), make_case()
    for case in (home, back):
        services.case_transition(case=case, actor=caseworker, to_status="detained")
        services.exchange_list_case(exchange=exchange, case=case, actor=supervisor)

    journey(
        _complete_exchange, live_server.url, supervisor.username, exchange.name, home.pk, back.pk
    )

    assert MissingPerson.objects.get(pk=home.pk).status == "repatriated"
    assert MissingPerson.objects.get(pk=back.pk).status == "detained"


def _switch_to_russian(base_url: str, username: str, case_id: int) -> dict[str, Any]:
    with browser_tab(base_url, "russian") as tab:
        page = tab.page
        log_in(tab, username)
        page.get_by_role("button", name="Русский").click()
        page.get_by_role("heading", level=1, name="Сегодня").wait_for()
        check(tab, "today")
        page.goto(f"{base_url}/workspace/cases/{case_id}/")
        check(tab, "case")
        return {
            "lang": page.locator("html").get_attribute("lang"),
            "main": page.locator("main").inner_text(),
        }


def test_the_language_switcher_turns_the_workspace_russian(live_server, case, caseworker):
    seen = journey(_switch_to_russian, live_server.url, caseworker.username, case.pk)

    assert seen["lang"] == "ru"
    assert "Хронология" in seen["main"]
    assert "Пропал без вести" in seen["main"]
    assert "(по ереванскому времени)" in seen["main"]  # the timeline's times
    assert not re.search(r"\b\d{4}-\d\d-\d\d\b", seen["main"])


def _violations_of(html: str) -> list[str]:
    with browser_tab("http://127.0.0.1:9", "axe-self-check") as tab:
        tab.page.set_content(html)
        return axe_violations(tab.page)


def test_axe_reports_a_serious_violation_when_there_is_one():
    # Guards the checks above: an axe that never ran would pass every page.
    unlabelled = '<html lang="en"><title>t</title><main><input type="text"></main></html>'
    assert any(v.startswith("label ") for v in journey(_violations_of, unlabelled))
