"""A real Chromium for the workspace's journeys: Debian's /usr/bin/chromium
driven by Playwright (never `playwright install`), axe-core run in every
page a journey sees, and screenshots at a phone's and a desk's width under
tests/artifacts/screenshots/ (gitignored, kept by CI).

Playwright's sync API keeps an event loop running in its thread, which
Django's ORM must not share: a journey runs in a worker thread (`journey`),
the test's own thread sets up and checks the database.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"
PHONE, DESK = 390, 1280
NARROWEST = 360
PASSWORD = "a-long-test-password-1"  # tests.conftest.make_user's
# WCAG 2.1 A and AA; a serious or critical violation fails the journey.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

marks = [
    pytest.mark.browser,
    # The live server needs committed data; serialized_rollback gives the
    # role groups (a data migration) back after another test's flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (apt-get install chromium)"
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="the playwright package is not installed (pip install -e '.[dev]')",
    ),
    pytest.mark.skipif(
        not AXE.exists(),
        reason=f"{AXE} is absent: run `make browser-deps` (npm ci in tests/browser)",
    ),
]


def journey(fn: Callable[..., Any], *args: Any) -> Any:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn, *args).result(timeout=240)


@dataclass
class Tab:
    """A page of a journey: where the server is, and the journey's name,
    which prefixes its screenshots."""

    page: Any
    base_url: str
    journey: str
    shots: int = 0


@contextmanager
def browser_tab(base_url: str, journey: str) -> Iterator[Tab]:
    """A logged-out page at a desk's width."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            # bypass_csp: axe is injected as an inline script, which the
            # pages' Content-Security-Policy (rightly) refuses.
            context = browser.new_context(
                viewport={"width": DESK, "height": 900}, bypass_csp=True, locale="en-GB"
            )
            page = context.new_page()
            page.set_default_timeout(15_000)
            yield Tab(page=page, base_url=base_url, journey=journey)
        finally:
            browser.close()


def log_in(tab: Tab, username: str) -> None:
    page = tab.page
    page.goto(f"{tab.base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    # The login form's own button: the header's language form (base.html)
    # comes first in the page and has a submit button too.
    page.locator("main form[action$='/accounts/login/'] button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def axe_violations(page: Any) -> list[str]:
    """The serious and critical WCAG 2.1 A/AA violations on the page, each
    as 'rule: the elements'."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


# The page's width, and the elements (outside scrolling tables) that stick out.
WIDER_THAN_THE_SCREEN = """() => {
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest(".table-wrap")) continue;
    const right = el.getBoundingClientRect().right;
    if (right > innerWidth + 1) out.push(`${el.tagName}.${el.className} ${Math.round(right)}`);
  }
  return {width: document.documentElement.scrollWidth, wider: out.slice(0, 6)};
}"""


def check(tab: Tab, step: str) -> None:
    """Screenshots at both widths, then the page must pass axe and fit a
    360 px screen without scrolling sideways."""
    page = tab.page
    tab.shots += 1
    stem = f"{tab.journey}-{tab.shots:02d}-{re.sub(r'[^a-z0-9]+', '-', step.lower())}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (PHONE, DESK):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{stem}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": NARROWEST, "height": 900})
    overflow = page.evaluate(WIDER_THAN_THE_SCREEN)
    page.set_viewport_size({"width": DESK, "height": 900})
    assert overflow["width"] <= NARROWEST, f"{step}: {overflow}"
    violations = axe_violations(page)
    assert violations == [], f"{step}: {violations}"
