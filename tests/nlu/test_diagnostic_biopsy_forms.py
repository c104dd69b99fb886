"""The specimen the diagnosis was made on is not the re-biopsy of this progression (the `biopsy` field): a specimen
whose statement tells the ALK rearrangement, told before any TKI in the message and not dated after one, is the
diagnosis's and leaves the field unread (asked); a specimen after the TKI, dated after it, or telling a resistance
finding is this progression's and is read. The specimen word after a test ("NGS tissue 2025-11: ...") is read too."""
import pytest

from bot.nlu import extractor

DIAGNOSIS_SPECIMENS = [
    "Mar 2019 - liver core biopsy: adenocarcinoma, ALK IHC positive. Apr 2019 started alectinib. Progressed 2024.",
    "EBUS-TBNA 2022: NSCLC, ALK positive by IHC. Brigatinib from 2022, now progressing.",
    "Pathology (CT-guided biopsy, 2021): adenocarcinoma, ALK rearranged on FISH. Alectinib since then, growing nodes.",
    "FoundationOne CDx panel 2020: ALK fusion positive. Then alectinib 2020-2025 with progression in the liver.",
    "NGS tissue 2021: EML4-ALK positive. Alectinib from mid-2021; PD 10/2025.",
]


@pytest.mark.parametrize("text", DIAGNOSIS_SPECIMENS)
def test_the_diagnosis_specimen_is_not_the_rebiopsy(text):
    case = extractor.extract_case(text)
    assert case.get("biopsy") is None
    assert case.get("alk_positive") is True


PROGRESSION_SPECIMENS = [
    # after the TKI in the message
    "Progressed on alectinib in 2025. Liver biopsy: adenocarcinoma, ALK positive.",
    # dated after the TKI's start
    "Adrenal core biopsy 10/2025: adenocarcinoma, ALK IHC positive. On brigatinib since 2022, progressing.",
    # a resistance finding on it
    "EBUS 2025: ALK fusion positive, G1202R. Alectinib 2021-2025.",
    # the diagnosis named in another sentence, the re-biopsy in its own
    "ALK+ adenocarcinoma diagnosed in 2020. On alectinib, progression 2025. Rebiopsy of the liver: ALK positive.",
]


@pytest.mark.parametrize("text", PROGRESSION_SPECIMENS)
def test_a_progression_specimen_is_read(text):
    assert extractor.extract_case(text).get("biopsy") == "tissue"


NAMED_AFTER_THE_TEST = [
    "NGS tissue 2025-11: ALK L1196M",
    "On lorlatinib since 2023, progression. NGS tissue 11/2025: MET amplification",
    "Progressing on alectinib. Sequencing tissue (liver): G1202R",
]


@pytest.mark.parametrize("text", NAMED_AFTER_THE_TEST)
def test_the_specimen_named_after_its_test_is_read(text):
    assert extractor.extract_case(text).get("biopsy") == "tissue"


@pytest.mark.parametrize(
    "text",
    [
        "Diagnostic NGS tissue 2020: EML4-ALK. Alectinib since, progressing.",
        "NGS tissue (2019, at diagnosis): ALK fusion. Now progressing on alectinib.",
        "soft tissue mass 2025: enlarging on lorlatinib",
    ],
)
def test_a_tissue_of_the_diagnosis_or_no_specimen_is_not_read(text):
    assert extractor.extract_case(text).get("biopsy") is None
