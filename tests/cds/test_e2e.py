"""End to end: an EHR posts patient-view to the running service, and the card's link opens the chat page in a real
browser (Debian's chromium through Playwright) with the case loaded into the page's conversation: "why?", a what-if
and a correction then work on the record's case."""
from __future__ import annotations

import json

import requests

from bot.cds.service import PATIENT_VIEW
from bot.decision import decide
from bot.fhir import import_bundle
from bot.render import preferred_sentence
from tests.web.browser import send, wait_for_card
from tests.cds.requests import BUNDLES, patient_view, validate
from tests.web.conftest import browser  # noqa: F401 - the page tests' chromium fixture


def test_card_link_opens_the_page_with_the_case_loaded(stack, browser, artifacts):  # noqa: F811
    r = requests.post(f"{stack.base_url}/webhooks/cds/cds-services/{PATIENT_VIEW}",
                      data=json.dumps(patient_view("tkis_wrong_order")),
                      headers={"Content-Type": "application/json"}, timeout=60)
    assert r.status_code == 200, r.text
    validate(r.json())
    link = r.json()["cards"][0]["links"][0]["url"]
    case = import_bundle(json.loads((BUNDLES / "tkis_wrong_order.json").read_text())).case
    expected = decide(case)

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
        assert any(t.startswith("Case from the health record:") for t in bot_texts(page))
        page.reload()
        page.wait_for_selector(".card", timeout=10000)
        assert "G1202R" in page.locator("#case-fields").inner_text()
        follow_up_on_the_linked_case(page, case)
    finally:
        context.close()


def bot_texts(page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(".msg.bot .bubble").all_inner_texts()]


def follow_up_on_the_linked_case(page, case: dict) -> None:
    """The conversation holds the record's case: its answers are decide() on that case, not on a typed one."""
    rec = decide(case)
    send(page, "why?")
    why = bot_texts(page)[-1]
    assert "Rule trace" in why and all(r["rule"] in why for r in rec["rationale"]), why
    send(page, "what if ECOG were 3?")
    what_if = next(t for t in reversed(bot_texts(page)) if t.startswith("What if"))
    assert "ECOG 3" in what_if or "ECOG performance status 3" in what_if, what_if
    assert " ".join(f"Now: {preferred_sentence(rec)}".split()) in what_if
    assert " ".join(f"With that change: {preferred_sentence(decide({**case, 'ecog': 3}))}".split()) in what_if
    corrected = {**case, "ecog": 2}
    card = wait_for_card(page, lambda: send(page, "actually ECOG is 2"), ".card")
    assert card.locator(".preferred").first.inner_text() == decide(corrected)["preferred"][0]["label"]
    panel = page.locator("#case-fields").inner_text()
    assert "G1202R" in panel and "alectinib, brigatinib" in panel  # the rest of the record's case is kept


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
