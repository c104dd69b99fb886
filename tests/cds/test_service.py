"""The service's pieces without HTTP: case links, summary length, order-select request checks."""
from __future__ import annotations

import pytest

from bot.cds.service import ORDER_SELECT, SUMMARY_MAX, CdsError, _summary, check_request
from bot.cds.tokens import CaseTokens
from tests.cds.requests import draft_order, order_select


def test_case_links_expire_and_are_unguessable():
    now = [1000.0]
    tokens = CaseTokens(seconds=60, clock=lambda: now[0])
    first, second = tokens.issue({"case": {"ecog": 1}}), tokens.issue({"case": {"ecog": 2}})
    assert first != second and len(first) >= 32
    assert tokens.redeem(first) == {"case": {"ecog": 1}} and tokens.redeem(first) is not None  # a reload works
    assert tokens.redeem(None) is None and tokens.redeem(first + "x") is None
    now[0] += 61
    assert tokens.redeem(second) is None


def test_summary_stays_under_140_characters_at_a_word_boundary():
    text = "Provisionally: Lorlatinib 100 mg once daily. I need: " + "confirmed ALK rearrangement; " * 8
    short = _summary(text)
    assert len(short) <= SUMMARY_MAX < 140 and short.endswith("…") and text.startswith(short[:-1].rstrip())
    assert _summary("Preferred: Lorlatinib.") == "Preferred: Lorlatinib."


@pytest.mark.parametrize("mutate, word", [
    (lambda c: c.pop("selections"), "selections"),
    (lambda c: c.update(selections=[]), "selections"),
    (lambda c: c.update(draftOrders={"resourceType": "Patient"}), "draftOrders"),
])
def test_order_select_context_is_checked(mutate, word):
    body = order_select(draft_order("brigatinib"))
    mutate(body["context"])
    with pytest.raises(CdsError) as err:
        check_request(ORDER_SELECT, body)
    assert err.value.status == 400 and word in str(err.value)
