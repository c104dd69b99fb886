"""The ALK fusion found again on this progression's specimen, in forms the extractor missed (fusion2): a re-test's
fusion told with no space before its plus ("ALK FISH+"), a fusion variant said kept ("EML4-ALK v2 retained"), a
fusion said found on a progression specimen named after it ("... detected on the rebiopsy"), a fusion on a second or
repeat biopsy, and a plasma result keyed by the fusion ("ctDNA ALK fusion: detected") or after a semicolon ("plasma
panel: no ALK mutations; fusion detected"). Each is the fusion at progression on the specimen it names; a fusion of
the diagnosis, a relative's, a planned or failed test, a question or a fusion not found is not. Phrasings of our own;
none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- the fusion found again at this progression, with its specimen -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "specimen"),
    [
        ("Rebiopsy of the adrenal (2025): ALK FISH+ and no kinase-domain mutation.", "tissue"),
        ("Progression core 10/2025: ALK IHC+; NGS without resistance mutations.", "tissue"),
        ("EML4-ALK v2 retained; no ALK mutation. Specimen: liver core at progression.", "tissue"),
        ("NGS of the pleural biopsy: EML4-ALK variant 1 retained, ALK L1196M.", "tissue"),
        ("EML4-ALK variant 3 (E6;A20) - found on the rebiopsy of the rib lesion", "tissue"),
        ("KIF5B-ALK fusion, 900 reads, detected in the progression biopsy.", "tissue"),
        ("The second biopsy showed an EML4-ALK fusion and an ALK G1269A mutation.", "tissue"),
        ("A repeat biopsy revealed the EML4-ALK fusion with ALK I1171N.", "tissue"),
        ("ctDNA ALK fusion: detected (0.8%), no ALK mutations.", "plasma"),
        ("Liquid biopsy ALK fusion: present; ALK G1202R 0.3%.", "plasma"),
        ("Plasma panel came back with no ALK mutations; fusion detected at 2%.", "plasma"),
        ("ctDNA: no resistance mutation; the fusion was seen at 1.5%.", "plasma"),
    ],
)
def test_fusion_found_again(text: str, specimen: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": specimen})


# ---- near misses: no fusion at progression read ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the diagnosis's
        "ALK FISH+ at diagnosis in 2021 on the original EBUS specimen.",
        "EML4-ALK variant 3 was found on the diagnostic biopsy in 2020.",
        "ctDNA ALK fusion: detected at diagnosis in 2021, before any TKI.",
        # a relative's
        "Her brother's second biopsy showed an EML4-ALK fusion.",
        # planned, failed, asked
        "We plan a repeat biopsy to look for the EML4-ALK fusion.",
        "Rebiopsy of the adrenal failed: insufficient tissue, ALK FISH not done.",
        "Was the EML4-ALK fusion detected on the rebiopsy?",
        "Is ctDNA ALK fusion: detected enough to go on with lorlatinib?",
        "If the fusion is detected in plasma, would you repeat the tissue?",
    ],
)
def test_no_fusion_at_progression(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": None})


@pytest.mark.parametrize(
    "text",
    [
        "EML4-ALK variant 1 not detected on the progression biopsy.",
        "Plasma panel: no ALK mutations; fusion not detected.",
    ],
)
def test_fusion_not_found_is_not_found_again(text: str) -> None:
    found = assert_reads(text, {})
    assert found.get("alk_fusion_at_progression") is not True, (text, found)


# ---- the fusion not found in plasma but found on tissue at this progression: the tissue decides ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Plasma at progression: ALK fusion not detected (low tumour fraction). Tissue at progression (adrenal): "
        "EML4-ALK present, no ALK mutation.",
        "ctDNA at PD: ALK fusion not detected.\nTissue at PD (lung core): EML4-ALK present with ALK G1202R.",
    ],
)
def test_tissue_fusion_over_plasma_negative(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"})


@pytest.mark.parametrize(
    "text",
    [
        # the tissue lost it: a discordance of the kind the schema questions, not settled by plasma
        "Tissue at progression: ALK fusion not detected. Plasma at progression: EML4-ALK present.",
        # the tissue's fusion is the diagnosis's: the plasma result alone is this progression's
        "Plasma at progression: ALK fusion not detected. Diagnostic tissue 2021: EML4-ALK.",
    ],
)
def test_plasma_negative_not_overruled(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": None if "Tissue at" in text else False})


# ---- the fusion named among what a negative plasma test covered, or with its plasma specimen in brackets -----------


@pytest.mark.parametrize(
    "text",
    [
        "cfDNA negative for all targets, including the ALK fusion.",
        "Guardant neg for everything incl. ALK rearrangement",
        "ALK fusion: not detected (ctDNA); tumour fraction under 1%.",
    ],
)
def test_plasma_fusion_not_found(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": False, "alk_fusion_specimen": "plasma", "alk_positive": None})


def test_plasma_fusion_found_in_brackets() -> None:
    assert_reads("ALK fusion: detected (plasma), 0.4%; no resistance mutation.", {
        "alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma"})


@pytest.mark.parametrize(
    "text",
    [
        "Her sister's ctDNA was negative for everything including the ALK fusion.",
        "Would you repeat tissue if ctDNA is negative for everything including the ALK fusion?",
        "ctDNA negative for everything, including ALK",  # no fusion named: the panel's negative only
    ],
)
def test_plasma_negative_near_misses(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": None, "alk_positive": None})
