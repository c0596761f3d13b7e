"""A real browser enforces the Content-Security-Policy: the pages work and
not one of them asks for an inline script or style it would refuse.

Chromium reports each refusal on the console ("Refused to ... because it
violates the following Content Security Policy directive"); every page a
caseworker, an admin or a relative opens is loaded and the console read.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.contrib.auth.models import User

from tests.api.conftest import family_user
from tests.families.test_portal_browser import CHROMIUM, CHROMIUM_ARGS
from tests.families.test_portal_browser import pytestmark as browser_marks

pytestmark = browser_marks
__all__ = ["family_user"]  # the fixture, imported for this module
PASSWORD = "a-long-test-password-1"


def _visit(base_url: str, username: str, paths: list[str]) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    refused: list[str] = []
    titles: dict[str, str] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            page = browser.new_page()
            page.set_default_timeout(15_000)
            page.on(
                "console",
                lambda m: (
                    refused.append(f"{page.url}: {m.text}")
                    if "Content Security Policy" in m.text
                    else None
                ),
            )
            page.goto(f"{base_url}/accounts/login/")
            page.fill("#id_username", username)
            page.fill("#id_password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
            for path in paths:
                page.goto(f"{base_url}{path}")
                page.wait_for_load_state("networkidle")
                titles[path] = page.title()
            docs_ready = False
            page.goto(f"{base_url}/api/docs/")
            page.wait_for_selector(".swagger-ui .info", timeout=15_000)
            docs_ready = True
        finally:
            browser.close()
    return {"refused": refused, "titles": titles, "docs_ready": docs_ready}


def test_staff_pages_and_the_api_docs_run_under_the_policy(
    live_server: Any, supervisor: User, case: Any
) -> None:
    supervisor.is_staff = supervisor.is_superuser = True
    supervisor.save()
    paths = [
        "/",
        "/admin/",
        "/admin/cases/missingperson/",
        f"/admin/cases/missingperson/{case.pk}/change/",
        "/admin/families/familymember/add/",
        "/api/cases/?format=api",
    ]
    with ThreadPoolExecutor(max_workers=1) as pool:
        seen = pool.submit(_visit, live_server.url, supervisor.username, paths).result(timeout=180)
    assert seen["refused"] == []
    assert seen["docs_ready"]  # Swagger UI started: its script is a file, not inline
    assert "casemgr" in seen["titles"]["/admin/"]


def test_the_family_portal_runs_under_the_policy(live_server: Any, family_user: User) -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        seen = pool.submit(_visit, live_server.url, family_user.username, ["/family/"]).result(
            timeout=180
        )
    assert seen["refused"] == []
    assert seen["titles"]["/family/"]
