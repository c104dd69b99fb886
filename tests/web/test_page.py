"""The clinician page in a real browser (Debian's chromium through Playwright), against the real servers.

Each test drives the page as a clinician would, on a laptop (1366×768) or a phone (390×844), compares what the
page shows with what the assistant answers over REST for the same case, and writes a screenshot to
tests/artifacts/ (looked at by whoever changes the page). The clinical sentences change with the knowledge base:
the tests check the card's structure and behaviour, not its wording.
"""
from __future__ import annotations

import json
import re
import time
from datetime import date

import pytest

from tests.chat import Chat
from tests.web.browser import LAPTOP, PHONE, bot_count, correct, send, wait_for_card

CASE = "ALK+ adeno, alectinib, now systemic progression in liver and bone, tissue NGS ALK G1202R, no bypass, ECOG 1"
# A case whose answer turns on the pattern of progression (no resistance mutation keeps the running TKI usable).
NO_MUTATION = "ALK+ adeno, alectinib, now systemic progression in liver and bone, tissue NGS: no ALK mutation, no bypass, ECOG 1"
ALK_NEGATIVE = "ALK negative adenocarcinoma, alectinib, now systemic progression in liver and bone, ECOG 1"
MARKUP = "<img src=x onerror=alert(1)> <script>window.__xss=1</script> hello"
JARGON = re.compile(r"conflict register|mutation table|On the other findings|\(unverified\)|\([GCPHSMX]\d+\)")
RULE_CODE = re.compile(r"\b[GCPHSMX]\d\b")


def _rest(stack, text: str) -> list[dict]:
    return Chat(stack.base_url).say(text)


def _in_view(page, selector_or_locator) -> bool:
    """Whether the element's top is inside the conversation's visible area."""
    box = selector_or_locator.bounding_box()
    log = page.locator("#log").bounding_box()
    return box is not None and log["y"] - 1 <= box["y"] <= log["y"] + log["height"] - 20


def _visible_disclaimers(page, text: str) -> int:
    return page.evaluate("""(text) => [...document.querySelectorAll('body *')].filter(n =>
        n.childElementCount === 0 && n.textContent.includes(text) && n.getClientRects().length &&
        getComputedStyle(n).visibility !== 'hidden').length""", text)


def test_card_headline_confidence_evidence_reload_and_markup(stack, page, artifacts):
    start = time.monotonic()
    page.goto(stack.page_url)
    page.wait_for_selector(".msg.bot", timeout=30000)
    first_message_s = time.monotonic() - start
    (artifacts / "web_timing.json").write_text(json.dumps({"page_load_to_first_bot_message_s": round(first_message_s, 3)}))

    send(page, "hello")  # some history, so that the answer arrives below the fold
    send(page, "help")
    card = wait_for_card(page, lambda: send(page, CASE))
    replies = _rest(stack, CASE)
    rec, view = Chat.data(replies, "recommendation"), Chat.data(replies, "card")

    # the view shows the answer's headline, not its end
    assert _in_view(page, card.locator(".headline"))
    page.screenshot(path=str(artifacts / "laptop_card.png"))
    assert card.locator(".preferred").first.inner_text() == rec["preferred"][0]["label"]
    # confidence of the deciding rule, with what it means
    confidence = card.locator(".confidence").inner_text()
    assert rec["rationale"][0]["confidence"] in confidence and view["confidence"]["meaning"] in confidence
    # key evidence first, visible; the rest folded; links, including a trial's registry record
    key = card.locator(".key-evidence li")
    assert 1 <= key.count() <= 3 and rec["rationale"][0]["evidence"]
    assert card.locator("details.evidence").get_attribute("open") is None
    card.locator("details.evidence summary").click()
    hrefs = [a.get_attribute("href") for a in card.locator("a").all()]
    assert all(h.startswith("https://") for h in hrefs) and any("clinicaltrials.gov/study/NCT" in h for h in hrefs)
    # plain words, the disclaimer once on the screen, the knowledge-base version
    assert not JARGON.search(card.inner_text()), JARGON.search(card.inner_text())
    assert _visible_disclaimers(page, "does not replace") == 1
    assert rec["knowledge_version"] in card.inner_text()
    # avoid entries every relapse carries are one folded line; the case's own ones are spelled out
    assert card.locator(".avoid > li.routine").count() == 1
    assert card.locator(".avoid > li:not(.routine)").count() >= 1
    panel = page.locator("#case-fields").inner_text()
    assert "G1202R" in panel and "alectinib" in panel
    page.screenshot(path=str(artifacts / "laptop_card_evidence.png"))

    messages_before = page.locator(".msg").count()
    page.reload()
    page.wait_for_selector(".card", timeout=10000)
    assert page.locator(".msg").count() == messages_before
    assert "G1202R" in page.locator("#case-fields").inner_text()

    send(page, MARKUP)
    user_bubbles = page.locator(".msg.user .bubble")
    assert MARKUP in [user_bubbles.nth(i).inner_text() for i in range(user_bubbles.count())]
    assert page.locator("#log img, #log script").count() == 0
    assert page.evaluate("window.__xss") is None and page.dialogs == []


def test_correction_in_place_supersedes_and_asks_for_feedback_once(stack, page, artifacts):
    page.goto(stack.page_url)
    page.wait_for_selector(".msg.bot", timeout=30000)
    first = wait_for_card(page, lambda: send(page, NO_MUTATION))
    first_label = first.locator(".preferred").first.inner_text()
    assert page.locator(".feedback-prompt").count() == 1

    # correct the pattern of progression in the case panel: click, choose; the answer is recomputed
    corrected = wait_for_card(page, lambda: correct(page, "progression", "oligoprogression"))
    clinician = Chat(stack.base_url)
    clinician.say(NO_MUTATION)
    expected = Chat.data(clinician.say("actually it is oligoprogression"), "recommendation")
    assert corrected.locator(".preferred").first.inner_text() == expected["preferred"][0]["label"] != first_label
    row = page.locator('#case-fields [data-field="progression"]')
    assert "oligoprogression" in row.inner_text() and "was systemic" in row.inner_text()
    assert "changed" in row.get_attribute("class")
    # the earlier answer is marked, the feedback question is asked once for the case, under the newest answer
    earlier = page.locator(".msg.answer").first
    assert "superseded" in earlier.get_attribute("class")
    assert "Superseded by the answer below" in earlier.inner_text()
    assert page.locator(".msg.answer:not(.superseded)").count() == 1
    assert page.locator(".feedback-prompt").count() == 1
    before = bot_count(page)
    page.locator(".feedback-prompt button").first.click()
    page.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before}", timeout=30000)
    wait_for_card(page, lambda: correct(page, "ecog", "2"))
    assert page.locator(".feedback-prompt").count() == 1  # answered already: not asked again for this case
    assert _in_view(page, page.locator(".msg.answer").last.locator(".headline"))
    page.screenshot(path=str(artifacts / "laptop_corrected.png"))

    # "New case" separates the cases clearly
    before = bot_count(page)
    page.click("#new-case")
    page.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before}", timeout=30000)
    page.wait_for_selector(".divider", timeout=10000)
    assert "New case" in page.locator(".divider").last.inner_text()
    assert page.locator(".msg.answer.earlier").count() == page.locator(".msg.answer").count() >= 3
    assert "Nothing collected yet" in page.locator("#case-fields").inner_text()
    page.screenshot(path=str(artifacts / "laptop_new_case.png"))


def test_out_of_scope_card_says_what_it_means(stack, page, artifacts):
    page.goto(stack.page_url)
    page.wait_for_selector(".msg.bot", timeout=30000)
    card = wait_for_card(page, lambda: send(page, ALK_NEGATIVE))
    rec = Chat.data(_rest(stack, ALK_NEGATIVE), "recommendation")
    assert rec["status"] == "out_of_scope"
    scope = card.locator(".scope")
    assert scope.is_visible() and "Where to go instead" in scope.inner_text()
    assert card.locator(".avoid-box").count() == 0  # no ALK-specific avoid advice for an ALK-negative tumour
    assert card.locator(".confidence").count() == 0
    page.screenshot(path=str(artifacts / "laptop_out_of_scope.png"))


def test_copy_to_note_and_print_one_a4_page(stack, browser, artifacts):
    context = browser.new_context(viewport=LAPTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=stack.base_url)
    page = context.new_page()
    try:
        page.goto(stack.page_url)
        page.wait_for_selector(".msg.bot", timeout=30000)
        card = wait_for_card(page, lambda: send(page, CASE))
        replies = _rest(stack, CASE)
        case, view = Chat.data(replies, "case"), Chat.data(replies, "card")
        button = card.locator("button.copy-note")
        button.click()
        page.wait_for_function("b => b.textContent === 'Copied'", arg=button.element_handle())
        note = page.evaluate("navigator.clipboard.readText()")
        (artifacts / "note.txt").write_text(note)
        assert date.today().isoformat() in note and view["knowledge_version"] in note
        assert view["preferred"][0]["labels"][0] in note
        readback = next(t for t in Chat.texts(replies) if t.startswith("Case: "))  # the chat's read-back
        assert readback in note and case["alk_mutations"][0] in readback
        cited = [e for e in view["key_evidence"] + view["more_evidence"] if e["citation"] in note]
        assert 2 <= len(cited) <= 3
        assert not RULE_CODE.search(note), RULE_CODE.search(note)

        pdf = page.pdf(format="A4", print_background=False)
        (artifacts / "card_print.pdf").write_bytes(pdf)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
        page.emulate_media(media="print")
        shown = page.evaluate("[...document.querySelectorAll('#log > li')].filter(n => n.getClientRects().length).length")
        assert shown == 1 and page.locator("#composer").is_hidden() and page.locator(".case").is_hidden()
        page.screenshot(path=str(artifacts / "laptop_print.png"), full_page=True)
    finally:
        context.close()


def test_phone_layout(stack, browser, artifacts):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(stack.page_url)
        page.wait_for_selector(".msg.bot", timeout=30000)
        wait_for_card(page, lambda: send(page, CASE))
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        composer, note = page.locator("#composer").bounding_box(), page.locator("#disclaimer").bounding_box()
        # the input stays at the bottom of the screen: only the short disclaimer below it
        assert abs(composer["y"] + composer["height"] - note["y"]) <= 2 and note["height"] <= 50
        assert PHONE["height"] - 2 <= note["y"] + note["height"] <= PHONE["height"] + 1
        title = page.locator(".bar h1")
        assert title.evaluate("h => h.scrollWidth <= h.clientWidth + 1 && h.getBoundingClientRect().height < 40")
        assert _in_view(page, page.locator(".msg.answer").last.locator(".headline"))
        assert page.locator(".case").is_hidden()
        page.screenshot(path=str(artifacts / "phone_card.png"))
        page.click("#toggle-case")
        assert page.locator(".case").is_visible() and "G1202R" in page.locator(".case").inner_text()
        page.screenshot(path=str(artifacts / "phone_case_panel.png"))
        page.click("#toggle-case")
        icon = page.locator("link[rel=icon]").get_attribute("href")
        assert page.request.get(stack.page_url + icon).status == 200
    finally:
        context.close()


def test_keyboard_only_and_quick_replies(stack, page):
    page.goto(stack.page_url)
    page.wait_for_selector(".msg.bot .replies button", timeout=30000)
    page.focus("#input")
    page.keyboard.type("new case")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.msg.bot').length >= 3", timeout=30000)
    last = page.locator(".msg.bot:has(.replies)").last
    title = last.locator(".replies button").first.inner_text()
    for _ in range(60):  # reach the last message's first quick reply with Tab alone
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.textContent") == title and \
                page.evaluate("document.activeElement.closest('.msg') === [...document.querySelectorAll('.msg.bot:has(.replies)')].pop()"):
            break
    else:
        pytest.fail("the quick reply could not be reached with the keyboard")
    before = bot_count(page)
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before}", timeout=30000)
    assert page.locator(".msg.user .bubble").last.inner_text() == title


def test_reconnect(stack, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(stack.page_url)
        page.wait_for_selector(".msg.bot", timeout=30000)
        wait_for_card(page, lambda: send(page, CASE))
        context.set_offline(True)
        page.evaluate("window.dispatchEvent(new Event('offline'))")
        page.wait_for_function("document.getElementById('status').textContent.includes('reconnecting')", timeout=30000)
        context.set_offline(False)
        page.wait_for_function("document.getElementById('status').textContent === 'connected'", timeout=30000)
        send(page, "why?")
        assert "M2" in page.locator(".msg.bot").last.inner_text()
    finally:
        context.close()
