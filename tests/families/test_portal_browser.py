"""A real browser: a relative logs in through the form and reads their case.

Needs Debian's `chromium` (apt packages chromium and chromium-driver) and
the `playwright` Python package; Playwright's own browser download is never
used. Skips, saying why, when either is missing.
"""

from __future__ import annotations

import importlib.util
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from django.core import mail

from cases import services as case_services
from families import services
from families.labels import STATUS_LABELS
from families.wording import ACCEPT_WORDS

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


def _log_in_and_read_portal(base_url: str, username: str, case_number: str) -> dict[str, Any]:
    """The browser's side, run in its own thread: Playwright's sync API keeps
    an event loop running, which Django's ORM in the test's thread must not
    share."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
            page.set_default_timeout(15_000)
            page.goto(f"{base_url}/accounts/login/")
            page.fill("#id_username", username)
            page.fill("#id_password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"{base_url}/family/")
            card = page.locator(f"[data-case-number='{case_number}']")
            return {
                "url": page.url,
                "lang": page.locator("html").get_attribute("lang"),
                "label": card.locator(".status-label").inner_text(),
                "main": page.locator("main").inner_text(),
            }
        finally:
            browser.close()


def _accept_invitation(base_url: str, path: str, username: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.set_default_timeout(15_000)
            page.goto(f"{base_url}{path}")
            page.get_by_label(ACCEPT_WORDS["hy"]["username"]).fill(username)
            page.get_by_label(ACCEPT_WORDS["hy"]["password"], exact=True).fill(NEW_PASSWORD)
            page.get_by_label(ACCEPT_WORDS["hy"]["password2"]).fill(NEW_PASSWORD)
            page.get_by_role("button", name=ACCEPT_WORDS["hy"]["submit"]).click()
            page.wait_for_url(f"{base_url}/family/")
            return {"main": page.locator("main").inner_text()}
        finally:
            browser.close()


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
    assert seen["label"] == STATUS_LABELS["hy"]["detained"]
    assert case.case_number in seen["main"]
    assert stranger_case.case_number not in seen["main"]
    assert "Ghazaryan" not in seen["main"]
