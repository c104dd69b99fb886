"""An order's status is one list of words (the phrase file's ORDERSTATUS: ordered, on order, requested), read alike
where a finding is doubted, a drug is named as a plan, a key's value is still to come and an order line is still to
be acted on: a prescription or an order line whose status says "on order" is a plan, as one that says "ordered" is,
never a drug received; a drug told taken beside an order of something else, or an order told acted on, still reads."""

import pytest

from bot.nlu import exports, extractor, vocabulary


def _tkis(text):
    return extractor.extract_case(text).get("prior_tkis") or []


ON_ORDER_LINES = [
    "Order: lorlatinib 100 mg daily - Status: on order",
    "Order: alectinib 600 mg BID | Status: On Order",
    "Rx: lorlatinib 100 mg - status = on order",
    "Lorlatinib rx on order: LORBRENA",
    "New prescription on order: brigatinib 180 mg daily",
]


@pytest.mark.parametrize("text", ON_ORDER_LINES)
def test_an_order_line_on_order_is_no_drug_received(text):
    assert _tkis(text) == []


SPECIMENS_ON_ORDER = ["cfDNA: on order", "Rebiopsy: on order", "Liquid biopsy: On order"]


@pytest.mark.parametrize("text", SPECIMENS_ON_ORDER)
def test_a_specimen_on_order_is_none_taken(text):
    assert extractor.extract_case(text).get("biopsy") is None


CONTROLS = [
    ("On lorlatinib since 2024.\nOrder: lipid panel - Status: on order", ["lorlatinib"]),
    ("Order: lorlatinib 100 mg daily - Status: dispensed 03/2025", ["lorlatinib"]),
    ("Order: lorlatinib 100 mg daily - Status: active", ["lorlatinib"]),
    ("Prior TKI: alectinib (order history reviewed)", ["alectinib"]),
]


@pytest.mark.parametrize("text,want", CONTROLS)
def test_a_drug_taken_beside_or_after_an_order_still_reads(text, want):
    assert _tkis(text) == want


def test_the_order_status_words_are_one_list():
    words = vocabulary.define("ORDERSTATUS")
    for status in ("ordered", "on order", "requested"):
        assert status in words
    assert words in exports._PENDING
