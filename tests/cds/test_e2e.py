"""End to end: an EHR posts patient-view to the running service, and the card's link opens the chat page in a real
browser (Debian's chromium through Playwright) with the case loaded."""
from __future__ import annotations

import json

import requests

from bot.cds.service import PATIENT_VIEW
from bot.decision import decide
from bot.fhir import import_bundle
from tests.cds.requests import BUNDLES, patient_view, validate
from tests.web.conftest import browser  # noqa: F401 - the page tests' chromium fixture


def test_card_link_opens_the_page_with_the_case_loaded(stack, browser, artifacts):  # noqa: F811
    r = requests.post(f"{stack.base_url}/webhooks/cds/cds-services/{PATIENT_VIEW}",
                      data=json.dumps(patient_view("tkis_wrong_order")),
                      headers={"Content-Type": "application/json"}, timeout=60)
    assert r.status_code == 200, r.text
    validate(r.json())
    link = r.json()["cards"][0]["links"][0]["url"]
    expected = decide(import_bundle(json.loads((BUNDLES / "tkis_wrong_order.json").read_text())).case)

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(link)
        page.wait_for_selector(".card", timeout=30000)
        panel = page.locator("#case-fields").inner_text()
        assert "alectinib, brigatinib" in panel and "G1202R" in panel
        card = page.locator(".card").last
        assert card.locator(".preferred").first.inner_text() == expected["preferred"][0]["label"]
        assert expected["knowledge_version"] in card.inner_text()
        assert "#case=" not in page.url  # the token leaves the address bar once used
        card.screenshot(path=str(artifacts / "cds_card_link.png"))
        page.reload()
        page.wait_for_selector(".card", timeout=10000)
        assert "G1202R" in page.locator("#case-fields").inner_text()
    finally:
        context.close()


def test_an_unknown_case_link_says_so(stack, browser):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(stack.page_url + "#case=" + "x" * 32)
        page.wait_for_function("[...document.querySelectorAll('.msg.bot .bubble')].some("
                               "b => b.textContent.includes('expired or is unknown'))", timeout=30000)
        assert page.locator(".card").count() == 0
    finally:
        context.close()
