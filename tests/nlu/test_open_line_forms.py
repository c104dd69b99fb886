"""A chemotherapy line told still open with how it is going after "and" ("carboplatin-pemetrexed, ongoing and
responding", "docetaxel ongoing and well tolerated") is the therapy given now, as "ongoing" alone already was; a line
with an end date, a question and an offer stay what they were."""
import pytest

from bot.nlu import extractor

OPEN = [
    "1) alectinib 2021-2024  2) carboplatin + pemetrexed, ongoing and responding",
    "docetaxel ongoing and tolerating well",
    "Now: pemetrexed maintenance, ongoing and stable",
    "carbo/pem/bev - ongoing and well tolerated so far",
    "cisplatin-pemetrexed (ongoing) and responding on the last CT",
]


@pytest.mark.parametrize("text", OPEN)
def test_an_open_line_going_well_is_the_current_therapy(text):
    case = extractor.extract_case(text)
    assert case.get("current_therapy") == "chemotherapy"
    assert case.get("prior_chemotherapy") is True


NOT_NOW = [
    ("docetaxel 2019-2020, responding then", None),
    ("Is carboplatin/pemetrexed ongoing and responding?", None),
    ("ongoing and responding to lorlatinib; carboplatin-pemetrexed offered", None),
    ("ongoing discussion and responding to questions about docetaxel", None),
]


@pytest.mark.parametrize("text,current", NOT_NOW)
def test_an_ended_asked_or_offered_line_is_not_current(text, current):
    assert extractor.extract_case(text).get("current_therapy") == current
