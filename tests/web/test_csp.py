"""The page works under its own Content-Security-Policy (no inline script, no eval), in a real browser, and keeps
its session secret: a reload resumes the conversation, a page without the secret gets a new one."""
from __future__ import annotations

from tests.web.test_page import CASE


def test_the_page_runs_under_its_policy_and_resumes_only_with_its_secret(stack, browser):
    context = browser.new_context(bypass_csp=False)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        page.goto(stack.page_url)
        page.wait_for_selector(".msg.bot", timeout=30000)
        page.fill("#input", CASE)
        page.keyboard.press("Enter")
        page.wait_for_selector(".card", timeout=60000)
        stored = page.evaluate("JSON.parse(localStorage.getItem('alk-assistant'))")
        assert stored["session"].startswith("web-") and len(stored["sessionSecret"]) == 64
        page.reload()
        page.wait_for_selector(".card", timeout=30000)
        page.wait_for_selector("#status.online", timeout=30000)
        assert page.evaluate("JSON.parse(localStorage.getItem('alk-assistant')).session") == stored["session"]
        assert problems == [], problems
    finally:
        context.close()
    stranger = browser.new_context(bypass_csp=False)
    page = stranger.new_page()
    try:  # another browser that knows the session id but not the secret
        page.goto(stack.page_url)
        page.wait_for_selector(".msg.bot", timeout=30000)  # its own session settled: nothing overwrites the storage
        page.evaluate("id => localStorage.setItem('alk-assistant', JSON.stringify({session: id}))", stored["session"])
        page.reload()
        page.wait_for_selector("#status.online", timeout=30000)
        page.wait_for_selector(".msg.bot", timeout=30000)
        assert page.evaluate("JSON.parse(localStorage.getItem('alk-assistant')).session") != stored["session"]
    finally:
        stranger.close()
