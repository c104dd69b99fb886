"""Two TKIs or more told received in an order the writer says is not known ("alectinib and brigatinib, order
unknown"): which was last, the current one, is not stated, so no TKI is read and the dialogue asks; one TKI, a
known order, and another thing's order (a lab's) are controls."""
import pytest

from bot.nlu import extractor

UNKNOWN = [
    "Prior TKIs: alectinib and brigatinib, order unknown.",
    "She had crizotinib and ceritinib elsewhere (sequence unclear).",
    "received alectinib and brigatinib in an unknown order, records awaited",
    "TKIs: brigatinib, alectinib - order not documented",
    "alectinib + lorlatinib before; the sequence of the TKIs is not known",
]


@pytest.mark.parametrize("text", UNKNOWN)
def test_tkis_in_an_unknown_order_are_not_read(text):
    assert not extractor.extract_case(text).get("prior_tkis")


KNOWN = [
    ("alectinib 2020-2023 then brigatinib", ["alectinib", "brigatinib"]),
    ("alectinib then brigatinib; lab order unknown", ["alectinib", "brigatinib"]),
    ("on alectinib since 2021, order of the scans unclear", ["alectinib"]),
    ("brigatinib only; the order of her chemo cycles is unknown", ["brigatinib"]),
]


@pytest.mark.parametrize("text,tkis", KNOWN)
def test_a_known_order_or_one_tki_is_read(text, tkis):
    assert extractor.extract_case(text).get("prior_tkis") == tkis
