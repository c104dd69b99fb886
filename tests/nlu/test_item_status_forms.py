"""A drug with its own status field still to come and no order label ("lorlatinib | status: on order", "Lorlatinib
100 mg daily. Status: ordered") is a plan, not a TKI received, as an order line with a label already was; a status
of another item ("Biopsy status: pending"), a status that tells it given, and the history before the item are
controls."""
import pytest

from bot.nlu import extractor

PENDING = [
    "lorlatinib | status: on order",
    "Lorlatinib 100 mg PO daily. Status: ordered",
    "Medication: lorlatinib; status: pending",
    "brigatinib 90 mg lead-in - status: awaiting approval",
    "LORBRENA 100mg tab | Status = scheduled",
]


@pytest.mark.parametrize("text", PENDING)
def test_a_drug_whose_status_is_to_come_is_not_received(text):
    tkis = extractor.extract_case(text).get("prior_tkis") or []
    assert "lorlatinib" not in tkis and "brigatinib" not in tkis


def test_the_history_before_the_pending_item_is_kept():
    case = extractor.extract_case("Alectinib 2020-2024, progressed. Lorlatinib 100 mg | status: pending")
    assert case.get("prior_tkis") == ["alectinib"]


KEPT = [
    "Biopsy status: pending. On lorlatinib since 2024.",
    "Drug: lorlatinib | Status: active",
    "Lorlatinib started 2024. Status: ongoing",
    "lorlatinib since 03/2024, status: tolerating well",
]


@pytest.mark.parametrize("text", KEPT)
def test_another_items_status_or_a_status_given_keeps_the_drug(text):
    assert extractor.extract_case(text).get("prior_tkis") == ["lorlatinib"]
