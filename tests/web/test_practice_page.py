"""Practice mode in a real browser: its own look, the topic and difficulty menu with the bank's sizes, skip, show
me the answer, the feedback card, the session summary, on a laptop and a phone; and a trainee's progress following
them to another browser after signing in with a name and a personal code."""
from __future__ import annotations

import re
import uuid
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bot import practice
from tests.web.browser import LAPTOP, PHONE, bot_count, send, wait_for_card

FEEDBACK = ".msg.answer"


def _start(page, url: str) -> str:
    page.goto(url)
    page.wait_for_selector(".msg.bot", timeout=30000)
    before = bot_count(page)
    page.click("#practice")
    page.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before + 1}", timeout=30000)
    page.wait_for_selector("#vignette:not([hidden])")
    return _case_id(page)


def _case_id(page) -> str:
    return re.match(r"Case (\S+)", page.locator("#vignette-title").inner_text()).group(1)


def _press(page, selector: str) -> None:
    before = bot_count(page)
    page.click(selector)
    page.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before}", timeout=30000)
    page.wait_for_timeout(300)


def _in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + 20 <= page.viewport_size["height"]


def test_practice_look_menu_skip_reveal_grade_and_summary(stack, page, artifacts):
    first = _start(page, stack.page_url)
    assert page.locator(".case").is_hidden() and page.locator("#new-case").is_hidden()
    assert page.get_attribute("#input", "placeholder") == "Your answer"
    sizes = practice.sizes()
    options = page.locator("#practice-topic option").all_inner_texts()
    assert f"{sizes['cns']['label']} ({sizes['cns']['total']})" in options
    assert first in {c.id for c in practice.cases()}

    # the menu: topic and difficulty
    page.select_option("#practice-topic", "cns")
    _press(page, "#practice-go")
    cns = _case_id(page)
    assert practice.get(cns).topic == "cns" and "CNS" in page.locator("#vignette-title").inner_text()
    # Skip moves to another case on the same topic
    _press(page, "#practice-actions button[data-payload='/practice_skip']")
    skipped_to = _case_id(page)
    assert skipped_to != cns and practice.get(skipped_to).topic == "cns"

    # show me the answer, before answering: a feedback card with links; the vignette stays in view
    revealed = wait_for_card(page, lambda: page.click("#practice-actions button[data-payload='/practice_reveal']"))
    assert "grade-revealed" in revealed.locator(".card").get_attribute("class")
    expected = practice.expected(skipped_to)
    assert expected["preferred"][0]["label"] in revealed.inner_text() if expected["preferred"] else True
    assert revealed.locator("a[href^='https://']").count() >= 1
    assert revealed.locator("section").filter(has_text="Teaching points").count() == 1
    assert _in_viewport(page, page.locator("#vignette-box summary"))
    assert page.locator("#practice-actions").is_hidden()  # nothing to skip or reveal once answered

    # the next case, answered: partial credit on the rubric, feedback on the trainee's own choice
    _press(page, ".msg.bot:last-child .replies button:has-text('Next case')")
    case_id = _case_id(page)
    rec = practice.expected(case_id)
    answer = (rec["preferred"][0]["label"] if rec["preferred"] else "more information first") + ", I think"
    graded = wait_for_card(page, lambda: send(page, answer))
    result = practice.grade(case_id, answer)
    assert f"grade-{result.therapy_grade}" in graded.locator(".card").get_attribute("class")
    assert graded.locator(".rubric tr").count() == 3
    assert f"{round(result.score * 100)}%" in graded.locator(".headline").inner_text()
    assert _in_viewport(page, page.locator("#vignette-box summary"))
    page.screenshot(path=str(artifacts / "practice_laptop.png"))

    # the session summary
    summary = wait_for_card(page, lambda: page.click("#practice-end"), ".card.summary")
    text = summary.inner_text()
    assert "Session summary" in text and case_id in text and skipped_to in text and cns in text
    page.screenshot(path=str(artifacts / "practice_summary.png"))


def test_practice_on_a_phone(stack, browser, artifacts):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        case_id = _start(page, stack.page_url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert _in_viewport(page, page.locator("#vignette-text"))
        composer = page.locator("#composer").bounding_box()
        assert composer["y"] + composer["height"] >= PHONE["height"] - 60
        rec = practice.expected(case_id)
        answer = rec["preferred"][0]["label"] if rec["preferred"] else "more information first"
        wait_for_card(page, lambda: send(page, answer))
        assert _in_viewport(page, page.locator("#vignette-box summary"))
        assert _in_viewport(page, page.locator(FEEDBACK).last.locator(".headline"))
        page.screenshot(path=str(artifacts / "practice_phone.png"))
    finally:
        context.close()


def _sign_in(page, name: str, code: str) -> str:
    page.locator("#practice-settings").evaluate("d => d.open = true")
    page.locator("#sign-in").evaluate("d => d.open = true")
    page.fill("#trainee-name", name)
    page.fill("#trainee-code", code)
    page.click("#sign-in-form button[type=submit]")
    page.wait_for_function("document.getElementById('trainee-state').textContent.includes('Signed in') || "
                           "document.getElementById('sign-in-error').textContent", timeout=30000)
    return page.locator("#trainee-state").inner_text() + page.locator("#sign-in-error").inner_text()


def test_progress_follows_the_trainee_to_another_browser(stack, browser, artifacts):
    name, code = f"Dr Test {uuid.uuid4().hex[:6]}", f"pc-{uuid.uuid4().hex[:8]}"
    first = browser.new_context(viewport=LAPTOP)
    second = browser.new_context(viewport=LAPTOP)
    stranger = browser.new_context(viewport=LAPTOP)
    try:
        page = first.new_page()
        _start(page, stack.page_url)
        assert "Signed in as " + name in _sign_in(page, name, code)
        assert page.input_value("#trainee-code") == ""
        wait_for_card(page, lambda: send(page, "lorlatinib"))

        other = second.new_page()
        _start(other, stack.page_url)
        assert "Signed in as " + name in _sign_in(other, name.upper(), code)
        send(other, "my progress")
        assert "(1 attempts)" in other.locator(".msg.bot", has_text="Your progress").last.inner_text()
        other.screenshot(path=str(artifacts / "practice_signed_in.png"))

        intruder = stranger.new_page()
        _start(intruder, stack.page_url)
        said = _sign_in(intruder, name, code + "x")
        assert "does not match" in said and "Signed in" not in said
        send(intruder, "my progress")
        assert intruder.locator(".msg.bot", has_text="No practice attempts yet").count() == 1
    finally:
        for context in (first, second, stranger):
            context.close()
    # the code is stored hashed, and never reaches the conversation's record
    engine = sa.create_engine(stack.env["AUDIT_DB_URL"])
    with engine.connect() as db:
        salt, digest = db.execute(sa.text("SELECT code_salt, code_hash FROM trainee_account WHERE display_name = :n"),
                                  {"n": name}).one()
    assert code not in digest and len(salt) == 32 and len(digest) == 64
    tracker = Path(make_url(stack.env["TRACKER_DB_URL"]).database)
    for path in tracker.parent.glob(tracker.name + "*"):
        assert code.encode() not in path.read_bytes()
