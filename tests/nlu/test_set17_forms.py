"""Forms of exports and forms that the reader missed (set 17's general classes), each with near-miss controls:

- a line of chemotherapy (or chemo-immunotherapy) left open, its start dated by its month as exports write it
  ("2025-11", "11.2025") or its end written with "to", an arrow or "until" ("2024-09 to present", "-> ongoing",
  "03/2025 to date"): given now; a line with an end date stays a past line;
- a brain or CNS key valued by the lesions' growth ("Brain: progression", "Brain: enlarging", "Brain: new x2"): brain
  metastases present; not "Brain: stable" (a scan stable with nothing in it), a new symptom, the
  leptomeninges' disease, a question or a denial;
- a count key of brain lesions "more than" a count above five or past counting ("> 10", "innumerable"): extensive;
- an ALK test's result "rearranged" / "not rearranged" as the key's value;
- ECOG 2 in the scale's own words ("unable to carry out any work activities").
"""
import pytest

from bot.nlu import extractor

OPEN_LINES = [
    ("2L docetaxel 2025-09 to present", "chemotherapy"),
    ("Line 3: carboplatin/pemetrexed 10.2025 - present", "chemotherapy"),
    ("pemetrexed maintenance 2025-06 -> ongoing", "chemotherapy"),
    ("L2 carboplatin + pemetrexed 04/2025 to date", "chemotherapy"),
    ("carboplatin/paclitaxel/atezolizumab 2025-08-14 until present", "chemo_immunotherapy"),
]


@pytest.mark.parametrize("text,want", OPEN_LINES)
def test_an_open_line_dated_by_month_is_given_now(text, want):
    case = extractor.extract_case(text)
    assert case.get("current_therapy") == want
    assert case.get("prior_chemotherapy") is True


CLOSED_LINES = [
    "2L docetaxel 2023-02 to 2023-09",
    "carboplatin/pemetrexed 2022-01 - 2022-05",
    "docetaxel 2021-2022",
]


@pytest.mark.parametrize("text", CLOSED_LINES)
def test_a_line_with_an_end_date_is_no_current_therapy(text):
    case = extractor.extract_case(text)
    assert case.get("current_therapy") is None


BRAIN_STATE = [
    "Brain: progression",
    "Brain: new x2 (4 and 7 mm)",
    "Restaging - brain: enlarging, body: stable",
]


@pytest.mark.parametrize("text", BRAIN_STATE)
def test_a_brain_key_valued_by_its_lesions_state_reads_them_present(text):
    assert extractor.extract_case(text).get("brain_metastases") is True


BRAIN_NOT_STATED = [
    "Brain: stable",
    "Brain: new headaches since Monday",
    "CNS: active leptomeningeal disease",
    "Brain: progression?",
    "Brain: no progression",
    "Brain: new MRI requested",
]


@pytest.mark.parametrize("text", BRAIN_NOT_STATED)
def test_a_brain_key_whose_value_states_no_lesion_reads_none_present(text):
    assert extractor.extract_case(text).get("brain_metastases") is not True


@pytest.mark.parametrize(
    "text,want",
    [
        ("Number of brain metastases: >10", "extensive"),
        ("CNS lesions: more than 20", "extensive"),
        ("Brain lesions: innumerable", "extensive"),
        ("Brain mets count: too numerous to count", "extensive"),
        ("Brain lesions: >3", None),  # more than three: one to four or more, not said
        ("Brain lesions: 2", "limited"),
    ],
)
def test_a_count_key_past_five_or_past_counting_is_extensive(text, want):
    assert extractor.extract_case(text).get("cns_lesions") == want


@pytest.mark.parametrize(
    "text,want",
    [
        ("ALK FISH: Rearranged", True),
        ("ALK: rearranged (break-apart FISH)", True),
        ("ALK FISH: not rearranged", False),
        ("ALK FISH: rearranged?", None),
        ("ALK FISH: rearrangement pending", None),
    ],
)
def test_an_alk_test_reported_rearranged(text, want):
    assert extractor.extract_case(text).get("alk_positive") is want


@pytest.mark.parametrize(
    "text,want",
    [
        ("PS: ambulatory, capable of all self-care but unable to carry out any work activities", 2),
        ("she manages her own self-care but cannot perform any work", 2),
        ("capable of all self-care, still working part time", None),
    ],
)
def test_ecog_two_in_the_scales_own_words(text, want):
    assert extractor.extract_case(text).get("ecog") == want
