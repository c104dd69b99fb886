"""A headless Debian chromium for the page tests, and a fresh laptop-sized page per test."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.web.browser import LAPTOP

CHROMIUM = Path("/usr/bin/chromium")


class CspBypassingBrowser:
    """The browser, whose contexts bypass the page's Content-Security-Policy unless told otherwise: Playwright's
    wait_for_function evaluates strings, which the policy forbids. tests/web/test_csp.py runs the page under it."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        return self._browser.new_context(**{"bypass_csp": True, **options})

    def __getattr__(self, name: str):
        return getattr(self._browser, name)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        message = "Debian's chromium is missing: `make test` installs it (scripts/ensure_chromium.sh)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        yield CspBypassingBrowser(b)
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()
