"""A drug or a test told with an order's status after it ("Lorlatinib: ordered", "plasma NGS ordered", "brigatinib -
pending") is a plan, not a drug received nor a specimen taken; a drug told started or taken after its order, a
status that tells it given, and a status before a date are controls."""
import pytest

from bot.nlu import extractor

ORDERED_DRUGS = [
    "Lorlatinib: ordered",
    "lorlatinib - ordered.",
    "Brigatinib: pending",
    "Next: lorlatinib, requested",
    "alectinib 2020-2024, progressed; lorlatinib ordered",
    "Lorbrena: on order",
]


@pytest.mark.parametrize("text", ORDERED_DRUGS)
def test_an_ordered_drug_is_not_received(text):
    assert "lorlatinib" not in (extractor.extract_case(text).get("prior_tkis") or [])
    assert "brigatinib" not in (extractor.extract_case(text).get("prior_tkis") or [])


def test_the_history_before_an_order_is_kept():
    case = extractor.extract_case("alectinib 2020-2024, progressed; lorlatinib ordered")
    assert case.get("prior_tkis") == ["alectinib"]


ORDERED_TESTS = [
    "Plasma NGS ordered",
    "plasma ctDNA: ordered",
    "Liquid biopsy requested.",
    "tissue rebiopsy - pending",
]


@pytest.mark.parametrize("text", ORDERED_TESTS)
def test_an_ordered_test_is_no_specimen(text):
    assert extractor.extract_case(text).get("biopsy") is None


CONTROLS = [
    ("Lorlatinib: ordered, started 03/2025 after progression on alectinib", ["alectinib", "lorlatinib"]),
    ("on lorlatinib since 2024", ["lorlatinib"]),
    ("alectinib 2021-2024; lorlatinib 2024-", ["alectinib", "lorlatinib"]),
]


@pytest.mark.parametrize("text,want", CONTROLS)
def test_a_drug_told_taken_is_still_read(text, want):
    assert extractor.extract_case(text).get("prior_tkis") == want


def test_a_plasma_test_told_done_is_still_read():
    assert extractor.extract_case("Plasma NGS: no ALK mutation detected").get("biopsy") == "plasma"


def test_a_test_ordered_then_resulted_keeps_its_result():
    case = extractor.extract_case("Plasma NGS ordered, resulted 3/2025: G1202R")
    assert case.get("alk_mutations") == ["G1202R"]


def test_an_order_then_a_start_is_received():
    assert extractor.extract_case("lorlatinib was ordered and started in May").get("prior_tkis") == ["lorlatinib"]
