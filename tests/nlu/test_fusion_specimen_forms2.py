"""The ALK fusion told found at the diagnosis (or on an earlier, diagnostic specimen) and, in the same sentence, not
found on this progression's specimen ("detected in the initial biopsy, but not in the re-biopsy", "present at
diagnosis but absent on rebiopsy") is the fusion lost at progression, on the specimen that sentence names for the
progression; a later test only planned or pending, a question, and the diagnosis's result alone read no fusion at
progression."""
import pytest

from bot.nlu import extractor

LOST = [
    ("EML4-ALK was detected by FISH in the diagnostic biopsy, but not in the rebiopsy taken on lorlatinib.", "tissue"),
    ("ALK rearrangement positive at diagnosis but negative on the repeat biopsy.", "tissue"),
    ("The ALK fusion was identified in the original tumour, whereas it was not found in the new liver core.", "tissue"),
    ("ALK fusion seen at initial diagnosis was not detected on the progression biopsy.", "tissue"),
    ("ALK translocation present in the archival block but absent in the rebx", "tissue"),
    ("EML4-ALK found on the 2019 EBUS sample, but not found on rebiopsy of the adrenal.", "tissue"),
    ("ALK fusion detected on the initial biopsy but not in ctDNA.", "plasma"),
    ("EML4-ALK present at diagnosis, but not detected in plasma.", "plasma"),
]


@pytest.mark.parametrize("text,specimen", LOST)
def test_found_before_not_on_the_progression_specimen(text, specimen):
    case = extractor.extract_case(text)
    assert case.get("alk_fusion_at_progression") is False
    assert case.get("alk_fusion_specimen") == specimen


# near misses: no result of this progression stated, or a question
NO_PROGRESSION_RESULT = [
    "ALK FISH positive at diagnosis, but not yet repeated on the rebiopsy.",
    "ALK fusion was detected at diagnosis; rebiopsy pending.",
    "EML4-ALK found in the diagnostic biopsy, but not sent on the new liver biopsy.",
    "Was the ALK fusion from the initial biopsy not detected on the rebiopsy?",
    "ALK rearrangement present at diagnosis.",
    "ALK fusion detected in the initial biopsy but not tested on the rebiopsy because of low cellularity.",
]


@pytest.mark.parametrize("text", NO_PROGRESSION_RESULT)
def test_no_lost_fusion_without_a_progression_result(text):
    case = extractor.extract_case(text)
    assert case.get("alk_fusion_at_progression") is not False
    assert "alk_fusion_specimen" not in case or case.get("alk_fusion_at_progression") is True


# the fusion found only on an earlier specimen is no fusion at progression
EARLIER_ONLY = [
    "ALK fusion detected on the initial biopsy.",
    "ALK rearrangement was detected in the diagnostic specimen.",
    "ALK fusion detected in the 2018 biopsy.",
]


@pytest.mark.parametrize("text", EARLIER_ONLY)
def test_an_earlier_specimens_fusion_is_not_the_progressions(text):
    assert "alk_fusion_at_progression" not in extractor.extract_case(text)


def test_the_progression_specimens_fusion_is_still_read():
    case = extractor.extract_case("ALK fusion detected on the rebiopsy.")
    assert case.get("alk_fusion_at_progression") is True
    assert case.get("alk_fusion_specimen") == "tissue"
