"""The browser the page tests drive (tests/support/browser.py): one chromium per test session,
a fresh context per test; and the test client's host, served."""

from __future__ import annotations

import pytest

from support.browser import CHROMIUM, LAUNCH_FLAGS


@pytest.fixture(scope="session", autouse=True)
def test_client_host():
    """FastAPI's test client asks for host "testserver": every app these tests build answers to it
    (Settings read PRESSLENS_ALLOWED_HOSTS when built, so before any module's app)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESSLENS_ALLOWED_HOSTS", "testserver")
        yield


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    """A new page at 1280 x 900 that records dialogs it dismissed and script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()
