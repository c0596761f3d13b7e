"""A real browser: a relative logs in through the form and reads their case.

Needs Debian's `chromium` (apt packages chromium and chromium-driver) and
the `playwright` Python package; Playwright's own browser download is never
used. Skips, saying why, when either is missing.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.core import mail

from cases import services as case_services
from families import services

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "a-long-family-password-1"
NEW_PASSWORD = "quiet-river-lantern-42"

pytestmark = [
    pytest.mark.browser,
    # The live server needs committed data; serialized_rollback gives the
    # role groups (a data migration) back after another test's flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"{CHROMIUM} is absent (apt-get install chromium chromium-driver)",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="the playwright package is not installed (pip install -e '.[dev]')",
    ),
]


@contextmanager
def _phone(*, javascript: bool = True) -> Iterator[Any]:
    """A page on a 390x844 phone screen in Debian's Chromium. Run in its own
    thread: Playwright's sync API keeps an event loop running, which Django's
    ORM in the test's thread must not share."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            context = browser.new_context(
                viewport={"width": 390, "height": 844}, java_script_enabled=javascript
            )
            page = context.new_page()
            page.set_default_timeout(15_000)
            yield page
        finally:
            browser.close()


def _log_in(page: Any, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base_url}/family/")


def _log_in_and_read_portal(base_url: str, username: str, case_number: str) -> dict[str, Any]:
    with _phone() as page:
        _log_in(page, base_url, username)
        card = page.locator(f"[data-case-number='{case_number}']")
        return {
            "url": page.url,
            "lang": page.locator("html").get_attribute("lang"),
            "label": card.locator(".status-label").inner_text(),
            "main": page.locator("main").inner_text(),
        }


def _accept_invitation(base_url: str, path: str, username: str) -> dict[str, Any]:
    with _phone() as page:
        page.goto(f"{base_url}{path}")
        page.get_by_label("Օգտանուն").fill(username)
        page.get_by_label("Գաղտնաբառ", exact=True).fill(NEW_PASSWORD)
        page.get_by_label("Գաղտնաբառը կրկին").fill(NEW_PASSWORD)
        page.get_by_role("button", name="Ստեղծել հաշիվը").click()
        page.wait_for_url(f"{base_url}/family/")
        return {"main": page.locator("main").inner_text()}


def test_a_relative_accepts_the_invitation_in_the_browser_and_lands_on_the_portal(
    live_server, make_member, case, caseworker, settings
):
    settings.SITE_URL = live_server.url
    relative = make_member(case, account=False, language="hy")
    services.invitation_create(member=relative, actor=caseworker)
    path = re.search(r"https?://[^/]+(/family/invite/[^/\s]+/)", mail.outbox[-1].body).group(1)

    with ThreadPoolExecutor(max_workers=1) as pool:
        seen = pool.submit(_accept_invitation, live_server.url, path, "mariam.h").result(
            timeout=120
        )

    assert case.case_number in seen["main"]
    relative.refresh_from_db()
    assert relative.user.username == "mariam.h"


def test_a_relative_logs_in_and_reads_their_case_in_armenian(
    live_server, make_member, make_case, caseworker
):
    case = make_case(given_name="Armen", family_name="Hovhannisyan")
    stranger_case = make_case(given_name="Davit", family_name="Ghazaryan")
    case_services.case_transition(case=case, actor=caseworker, to_status="detained")
    relative = make_member(case, language="hy")
    make_member(stranger_case, language="hy")

    with ThreadPoolExecutor(max_workers=1) as pool:
        seen = pool.submit(
            _log_in_and_read_portal, live_server.url, relative.user.username, case.case_number
        ).result(timeout=120)

    assert seen["url"] == f"{live_server.url}/family/"
    assert seen["lang"] == "hy"
    assert seen["label"] == "Գերության մեջ է (հաստատված)"
    assert case.case_number in seen["main"]
    assert stranger_case.case_number not in seen["main"]
    assert "Ghazaryan" not in seen["main"]


SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"


def _width_at(page: Any, width: int) -> int:
    page.set_viewport_size({"width": width, "height": 740})
    return int(page.evaluate("document.documentElement.scrollWidth"))


def _read_portal_on_a_phone(base_url: str, username: str, shot: Path) -> dict[str, Any]:
    with _phone(javascript=False) as page:
        _log_in(page, base_url, username)
        page.screenshot(path=str(shot), full_page=True)
        first_message = page.locator(".messages details").first
        first_message.locator("summary").click()  # opens on tap, with no JavaScript
        return {
            "first_heading": page.locator("h1, h2, h3").first.inner_text(),
            "scroll_width": page.evaluate("document.documentElement.scrollWidth"),
            "widest": page.evaluate(
                "Math.max(...[...document.querySelectorAll('body *')]"
                ".map(e => e.getBoundingClientRect().right))"
            ),
            "message_open": first_message.get_attribute("open") is not None,
            "summary": first_message.locator("summary").inner_text(),
            "all_summaries": " ".join(page.locator(".messages summary").all_inner_texts()),
            "scroll_width_360": _width_at(page, 360),
        }


def test_a_mother_on_a_phone_sees_the_status_first_in_armenian_with_nothing_cut_off(
    live_server, make_member, make_case, caseworker, settings
):
    settings.SITE_URL = "https://casemgr.families.gov.am"
    case = make_case(
        given_name="Armen", family_name="Hovhannisyan", name_native="Արմեն Հովհաննիսյան"
    )
    relative = make_member(case, language="hy")
    case_services.case_transition(case=case, actor=caseworker, to_status="detained")
    from families.models import Notification

    event = case.events.order_by("-id").first()
    Notification.objects.create(
        event=event,
        member=relative,
        channel="sms",
        language="hy",
        subject="Գործ — կարգավիճակը փոխվել է",
        body_text="https://casemgr.families.gov.am/optout/" + "x" * 80 + "/",
        status="failed",
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "family-portal-hy-390x844.png"

    with ThreadPoolExecutor(max_workers=1) as pool:
        seen = pool.submit(
            _read_portal_on_a_phone, live_server.url, relative.user.username, shot
        ).result(timeout=120)

    assert seen["first_heading"] == "Գերության մեջ է (հաստատված)"
    assert seen["scroll_width"] <= 390
    assert seen["widest"] <= 390
    assert seen["scroll_width_360"] <= 360  # the smallest screen we plan for
    assert seen["message_open"]
    assert "SMS" in seen["summary"]
    assert "Email" not in seen["all_summaries"]
    assert "չի հասել" in seen["summary"]
    assert shot.stat().st_size > 0
