"""Fixtures of the real-browser tests: Debian's Chromium driven by Playwright's sync API.

Playwright never downloads a browser here: it launches /usr/bin/chromium (the Debian package
`.ci/run` installs). Without that binary the browser tests are skipped with the reason.
"""

from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
# Headless, no sandbox (CI containers run as root), and no traffic of the browser's own
# (updates, sync, QUIC probes): the only requests are the ones the test makes.
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
# A step that hangs fails in seconds with Playwright's message, not after the default 30 s.
TIMEOUT_MS = 10_000


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item so fixtures can tell a failed test apart."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def pytest_collection_modifyitems(config, items):
    """Without Debian's Chromium, skip the browser tests before anything is set up (no test
    database, no live server) and say what is missing."""
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} absent : installer le paquet Debian chromium (voir .ci/run)"
    )
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API keeps an asyncio loop running in this thread, so Django would
    # refuse ORM calls from the test (SynchronousOnlyOperation) while the browser is open.
    # The test only touches the database while the browser is idle, so this is safe; the
    # variable is set for this test only, not for the rest of the session.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()
        # Inside Playwright's block Django's per-context connection storage is not the one
        # the test started with: an ORM call there opens a second connection. Close it
        # here, in the same context, or PostgreSQL refuses to drop the test database
        # ("being accessed by other users") at the end of the run.
        connections.close_all()


@pytest.fixture
def new_page(browser, live_server, request, tmp_path_factory):
    """Open a page in a fresh browser context (its own cookies: one person per context) whose
    relative URLs go to the live server. On failure, every page is saved as a screenshot."""
    pages = []

    def open_page():
        context = browser.new_context(base_url=live_server.url, locale="fr-FR")
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        pages.append(page)
        return page

    yield open_page

    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        directory = tmp_path_factory.mktemp("screenshots")
        for number, page in enumerate(pages, start=1):
            path = directory / f"{request.node.name}-{number}.png"
            try:
                page.screenshot(path=str(path), full_page=True)
            except Exception as error:  # a crashed page must not hide the test's own failure
                print(f"Capture impossible de la page {number} ({page.url}) : {error}")
            else:
                print(f"Capture d'écran de la page {number} ({page.url}) : {path}")
    for page in pages:
        page.context.close()
