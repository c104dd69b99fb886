"""The case panel's list fields and PD-L1 are corrected in place: TKIs and bypass alterations from the knowledge
base's values, mutations typed and read by the assistant (an unreadable one is named back and the list stays as it
was), and the answer is recomputed as decide() gives it for the corrected case."""
from __future__ import annotations

from bot.decision import decide
from bot.nlu.extractor import extract_case
from bot.render import card_view
from tests.web.browser import wait_for_card

# After alectinib, I1171N leaves brigatinib among the options; after brigatinib it does not.
CASE = "ALK+ adeno, alectinib, now systemic progression in liver and bone, tissue NGS ALK I1171N, no bypass, ECOG 1"


def _options(card) -> dict[str, list[str]]:
    return {"preferred": card.locator("p.preferred").all_inner_texts(),
            "alternatives": card.locator(".alternatives li strong").all_inner_texts()}


def _expected(case: dict) -> dict[str, list[str]]:
    view = card_view(decide(case), case)
    return {part: [label for group in view[part] for label in group["labels"]] for part in ("preferred", "alternatives")}


def _row(page, field: str):
    return page.locator(f'#case-fields [data-field="{field}"]')


def _apply(page, field: str) -> None:
    _row(page, field).get_by_role("button", name="Apply").click()


def test_lists_and_pdl1_are_corrected_in_place_and_the_answer_recomputed(stack, page, artifacts):
    page.goto(stack.page_url)
    page.wait_for_selector(".msg.bot", timeout=30000)
    first = wait_for_card(page, lambda: page.fill("#input", CASE) or page.keyboard.press("Enter"))
    case = extract_case(CASE)
    assert _options(first) == _expected(case)

    # TKIs: remove alectinib, add brigatinib from the knowledge base's drugs
    def edit_tkis() -> None:
        _row(page, "prior_tkis").locator("button.value").click()
        editor = _row(page, "prior_tkis")
        editor.get_by_role("button", name="Remove alectinib").click()
        assert editor.get_by_role("button", name="Apply").is_disabled()  # a case needs at least one TKI
        editor.locator("select").select_option("brigatinib")
        assert "brigatinib" in editor.locator(".list-editor ul").inner_text()
        assert "was" not in editor.inner_text()  # not shown as changed before the assistant answers
        page.screenshot(path=str(artifacts / "laptop_list_editor.png"))
        _apply(page, "prior_tkis")

    after_tkis = wait_for_card(page, edit_tkis)
    case = {**case, "prior_tkis": ["brigatinib"]}
    assert _options(after_tkis) == _expected(case) != _expected(extract_case(CASE))
    assert "Brigatinib at the labelled dose" not in _options(after_tkis)["alternatives"]
    row = _row(page, "prior_tkis").inner_text()
    assert "brigatinib" in row and "was alectinib" in row

    # an unreadable mutation is named back and the list stays as it was
    before = page.locator(".msg.bot").count()
    _row(page, "alk_mutations").locator("button.value").click()
    _row(page, "alk_mutations").locator("input").fill("G1202Q7")
    _apply(page, "alk_mutations")
    page.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before}", timeout=30000)
    page.wait_for_timeout(500)
    said = " ".join(page.locator(".msg.bot").all_inner_texts()[before:])
    assert "couldn't read 'G1202Q7'" in said
    assert _row(page, "alk_mutations").locator("button.value").inner_text() == "I1171N"
    assert page.locator(".msg.answer").count() == 2

    # a mutation typed as a report writes it replaces I1171N: read as G1202R, the answer recomputed
    def add_mutation() -> None:
        _row(page, "alk_mutations").locator("button.value").click()
        editor = _row(page, "alk_mutations")
        editor.get_by_role("button", name="Remove I1171N").click()
        editor.locator("input").fill("p.Gly1202Arg")
        editor.get_by_role("button", name="Add", exact=True).click()
        _apply(page, "alk_mutations")

    after_mutation = wait_for_card(page, add_mutation)
    case = {**case, "alk_mutations": ["G1202R"]}
    assert _options(after_mutation) == _expected(case) != _expected({**case, "alk_mutations": ["I1171N"]})
    row = _row(page, "alk_mutations").inner_text()
    assert "G1202R" in row and "was I1171N" in row
    page.screenshot(path=str(artifacts / "laptop_list_corrected.png"))

    # PD-L1: a number out of range is refused on the page; a valid one is stated and recomputed
    with_pdl1 = wait_for_card(page, lambda: page.fill("#input", "PD-L1 TPS 10%") or page.keyboard.press("Enter"))
    case = {**case, "pdl1_tps": 10}
    assert _options(with_pdl1) == _expected(case)
    _row(page, "pdl1_tps").locator("button.value").click()
    _row(page, "pdl1_tps").locator("input").fill("180")
    _apply(page, "pdl1_tps")
    assert "whole number from 0 to 100" in _row(page, "pdl1_tps").inner_text()

    def set_pdl1() -> None:
        _row(page, "pdl1_tps").locator("input").fill("80")
        _apply(page, "pdl1_tps")

    after_pdl1 = wait_for_card(page, set_pdl1)
    assert _options(after_pdl1) == _expected({**case, "pdl1_tps": 80})
    assert "was 10" in _row(page, "pdl1_tps").inner_text()
