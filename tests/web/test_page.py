"""The clinician page in a real browser (Debian's chromium through Playwright), against the real servers."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.chat import Chat

CHROMIUM = Path("/usr/bin/chromium")
CASE = "ALK+ adeno, alectinib, now systemic progression in liver and bone, tissue NGS ALK G1202R, no bypass, ECOG 1"
MARKUP = "<img src=x onerror=alert(1)> <script>window.__xss=1</script> hello"


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
        yield b
        b.close()


@pytest.fixture
def page(browser):
    # Playwright's wait_for_function evaluates strings, which the page's CSP forbids; tests/web/test_csp.py keeps it on
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def _bot_messages(page) -> int:
    return page.locator(".msg.bot").count()


def _send(page, text: str) -> None:
    before = _bot_messages(page)
    page.fill("#input", text)
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before}", timeout=30000)


def test_case_to_card_reload_and_markup(stack, page, artifacts):
    start = time.monotonic()
    page.goto(stack.page_url)
    page.wait_for_selector(".msg.bot", timeout=30000)
    first_message_s = time.monotonic() - start
    (artifacts / "web_timing.json").write_text(json.dumps({"page_load_to_first_bot_message_s": round(first_message_s, 3)}))
    print(f"page load to first bot message: {first_message_s:.2f} s")

    _send(page, CASE)
    page.wait_for_selector(".card", timeout=30000)
    # what the card shows is what the assistant answers for the same case over REST
    rec = Chat.data(Chat(stack.base_url).say(CASE), "recommendation")
    labels = Chat.data(Chat(stack.base_url).say(CASE), "labels")
    card = page.locator(".card").last
    assert card.locator(".preferred").first.inner_text() == rec["preferred"][0]["label"]
    assert labels[rec["avoid"][0]["therapy"]] in card.locator(".avoid").inner_text()
    card.locator("details.evidence summary").click()
    links = card.locator("details.evidence a")
    assert links.count() >= 1 and links.first.get_attribute("href").startswith("https://")
    assert rec["evidence"][0]["id"] in card.locator("details.evidence").inner_text()
    assert rec["knowledge_version"] in card.inner_text()
    panel = page.locator("#case-fields").inner_text()
    assert "G1202R" in panel and "alectinib" in panel
    card.locator("details.trace summary").click()
    page.add_style_tag(content=".log { max-height: none !important; overflow: visible !important; }")
    card.screenshot(path=str(artifacts / "recommendation_card.png"))

    messages_before = page.locator(".msg").count()
    page.reload()
    page.wait_for_selector(".card", timeout=10000)
    assert page.locator(".msg").count() == messages_before
    assert "G1202R" in page.locator("#case-fields").inner_text()

    _send(page, MARKUP)
    user_bubbles = page.locator(".msg.user .bubble")
    assert MARKUP in [user_bubbles.nth(i).inner_text() for i in range(user_bubbles.count())]
    assert page.locator("#log img, #log script").count() == 0
    assert page.evaluate("window.__xss") is None and page.dialogs == []


def test_keyboard_only_and_quick_replies(stack, page):
    page.goto(stack.page_url)
    page.wait_for_selector(".msg.bot .replies button", timeout=30000)
    page.keyboard.press("Tab")  # focus starts in the input; Tab moves on to the send button
    page.focus("#input")
    page.keyboard.type("new case")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.msg.bot').length >= 3", timeout=30000)
    last = page.locator(".msg.bot").last
    first_button = last.locator(".replies button").first
    title = first_button.inner_text()
    for _ in range(60):  # reach the last message's first quick reply with Tab alone
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.textContent") == title and \
                page.evaluate("document.activeElement.closest('.msg') === [...document.querySelectorAll('.msg.bot')].pop()"):
            break
    else:
        pytest.fail("the quick reply could not be reached with the keyboard")
    before = _bot_messages(page)
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before}", timeout=30000)
    assert page.locator(".msg.user .bubble").last.inner_text() == title


def test_narrow_screen_and_reconnect(stack, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(stack.page_url)
        page.wait_for_selector(".msg.bot", timeout=30000)
        _send(page, CASE)
        page.wait_for_selector(".card", timeout=30000)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert page.locator("#input").is_visible() and page.locator(".card").last.is_visible()
        context.set_offline(True)
        page.evaluate("window.dispatchEvent(new Event('offline'))")
        page.wait_for_function("document.getElementById('status').textContent.includes('reconnecting')",
                               timeout=30000)
        context.set_offline(False)
        page.wait_for_function("document.getElementById('status').textContent === 'connected'", timeout=30000)
        _send(page, "why?")
        assert "M2" in page.locator(".msg.bot").last.inner_text()
    finally:
        context.close()
