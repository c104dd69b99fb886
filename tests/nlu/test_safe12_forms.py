"""Safety of the case (safe12, 2026-12-06): a finding is read only where the clinician states it.

- A form's key naming a TKI answered by another TKI ("Prior lorlatinib: brigatinib only") read the key's drug as
  received; it is not now. A key answered yes still reads it.
- A TKI given in a trial whose arm is not known ("on lorlatinib trial (blinded: lorlatinib vs placebo)") read it
  received; it is left unknown now. An open-label or unblinded arm still reads it.
- The writer doubting which TKI it was ("alectinib (or was it brigatinib?)") read the first as certain; neither is.
- Two sources giving two ECOG scores ("ECOG 2 per GP, 1 per us") read the first silently; both are read now and the
  field is named stated both ways (conflicts), not picked.
- A fusion found on plasma with the tissue negative ("ALK fusion by plasma only, tissue negative") lost both results
  (only the plasma biopsy was read); the tissue's negative beside a plasma fusion was dropped ("ALK fusion detected in
  plasma; tissue negative for ALK fusion" read the fusion found). Both are read now, stated both ways; never ALK
  negative.
- "Biopsy showed ALK fusion." read the fusion found AT PROGRESSION with no word of a progression or a re-test; it is
  the diagnosis's finding now (ALK-positive). A re-biopsy, a biopsy at progression or a progression told before it
  still date it.
"""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_excluding, assert_reads_including


def _conflicts(text: str) -> list[str]:
    return extractor.conflicts(extractor.load().entities(text))


# ---- 1. a form key naming a TKI, answered by another ---------------------------------------------------------------
@pytest.mark.parametrize("text, key_drug, given", [
    ("Prior lorlatinib: brigatinib only", "lorlatinib", "brigatinib"),
    ("Prior lorlatinib: only brigatinib", "lorlatinib", "brigatinib"),
    ("Previous alectinib - crizotinib only", "alectinib", "crizotinib"),
    ("Received brigatinib: no, alectinib", "brigatinib", "alectinib"),
    ("History of lorlatinib: just ceritinib", "lorlatinib", "ceritinib"),
    ("Seen in clinic.\nPrior alectinib: crizotinib only\nECOG 1", "alectinib", "crizotinib"),
    ("Prior lorlatinib - n/a, brigatinib only", "lorlatinib", "brigatinib"),
    ("Alectinib exposure: crizotinib only", "alectinib", "crizotinib"),
])
def test_a_drug_key_answered_by_another_drug_is_not_received(text: str, key_drug: str, given: str) -> None:
    assert_reads_excluding(text, "prior_tkis", [key_drug])
    assert_reads_including(text, "prior_tkis", [given])


@pytest.mark.parametrize("text, given", [
    ("Prior lorlatinib: yes", ["lorlatinib"]),
    ("Prior lorlatinib: yes, and brigatinib before it", ["lorlatinib"]),
    ("Prior TKIs: alectinib, brigatinib", ["alectinib", "brigatinib"]),
    ("Prior lorlatinib: 2 weeks only, stopped for oedema", ["lorlatinib"]),
    ("alectinib - brigatinib - lorlatinib", ["alectinib", "brigatinib", "lorlatinib"]),
    ("Alectinib: 2019-2021", ["alectinib"]),
    ("Alectinib given: yes", ["alectinib"]),
])
def test_a_drug_key_answered_yes_or_a_sequence_still_reads(text: str, given: list[str]) -> None:
    assert_reads_including(text, "prior_tkis", given)


# ---- 2. a trial arm not known ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Patient on lorlatinib trial (blinded: lorlatinib vs placebo)",
    "Enrolled in a double-blind study of brigatinib versus placebo since March.",
    "On study drug (lorlatinib or placebo), still blinded.",
    "Randomised in a trial of alectinib vs crizotinib, arm unknown to us.",
    "in ALTA-1L trial, arm not disclosed, brigatinib or crizotinib",
])
def test_a_blinded_arm_is_not_read_as_received(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text, given", [
    ("on lorlatinib in the CROWN trial", "lorlatinib"),
    ("Trial now unblinded: she was on the lorlatinib arm.", "lorlatinib"),
    ("Open-label study, randomised to brigatinib in 2022.", "brigatinib"),
    ("On lorlatinib; PD confirmed by blinded independent central review.", "lorlatinib"),
    ("Participating in a blinded trial of an investigational agent; on lorlatinib since 2023", "lorlatinib"),
])
def test_an_arm_known_still_reads(text: str, given: str) -> None:
    assert_reads_including(text, "prior_tkis", [given])


# ---- 3. doubt about which drug ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "alectinib (or was it brigatinib?) since 2021",
    "on alectinib or maybe brigatinib since 2021",
    "alectinib or brigatinib, can't remember which",
    "she had crizotinib / possibly ceritinib first",
    "not sure if alectinib or brigatinib",
    "alectinib? brigatinib? can't recall",
    "TKI: alectinib (per pt) / brigatinib (per records)",
    "alectinib per pt, brigatinib per records",
    "Prior alectinib: Y? (pt unsure)",
])
def test_doubt_between_two_drugs_reads_neither(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text, given", [
    ("crizotinib then alectinib since 2021", ["crizotinib", "alectinib"]),
    ("alectinib, brigatinib and lorlatinib, in that order", ["alectinib", "brigatinib", "lorlatinib"]),
    ("on alectinib since 2021, brigatinib was never given", ["alectinib"]),
    ("alectinib (per records), then brigatinib", ["alectinib", "brigatinib"]),
    ("Prior alectinib: Y", ["alectinib"]),
])
def test_drugs_told_plainly_still_read(text: str, given: list[str]) -> None:
    assert_reads_including(text, "prior_tkis", given)


# ---- 4. two sources, two scores ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "ECOG 2 per GP, 1 per us",
    "ECOG 2 (GP) vs 1 (our assessment)",
    "PS 1 according to the oncologist, 2 per physio",
    "ECOG 2 per the referral letter, but on our assessment 1",
    "ECOG 1 by self-report, 3 on exam",
])
def test_two_sources_disagreeing_on_a_score_are_a_conflict(text: str) -> None:
    assert_reads(text, {"ecog": None})
    assert "ecog" in _conflicts(text)


@pytest.mark.parametrize("text, ecog", [
    ("ECOG 2 per GP", 2),
    ("ECOG 2 per GP, 1 lesion in the liver", 2),
    ("ECOG 1 per GP, 1 per us", 1),
    ("ECOG 0", 0),
])
def test_one_score_or_sources_agreeing_still_read(text: str, ecog: int) -> None:
    assert_reads(text, {"ecog": ecog})


# ---- 5. plasma positive, tissue negative --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "ALK fusion by plasma only, tissue negative",
    "ALK fusion detected in plasma; tissue negative for ALK fusion",
    "Tissue negative, ALK fusion in plasma only",
    "ALK fusion: plasma +, tissue -",
    "ALK fusion detected in plasma, tissue not detected",
    "ALK: plasma positive, tissue negative",
    "ctDNA: ALK fusion detected; tissue negative",
    "Liquid biopsy: ALK fusion detected. Tissue biopsy: ALK negative.",
])
def test_plasma_positive_tissue_negative_keeps_both(text: str) -> None:
    found = assert_reads(text, {"alk_positive": None, "alk_fusion_at_progression": None})
    assert found.get("biopsy") == "tissue_and_plasma", (text, found)
    assert "alk_fusion_at_progression" in _conflicts(text)


@pytest.mark.parametrize("text, fields", [
    ("ALK fusion detected in plasma", {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma"}),
    ("EML4-ALK on ctDNA only", {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma"}),
    ("ALK fusion: plasma +", {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma"}),
    ("ALK fusion positive at diagnosis; tissue negative for SCLC", {"alk_positive": True}),
    ("ALK+ NSCLC dx 2020, tissue negative", {"alk_positive": True, "alk_fusion_at_progression": None}),
    ("ALK negative", {"alk_positive": False}),
])
def test_plasma_alone_or_a_tissue_negative_for_else_reads_as_before(text: str, fields: dict[str, object]) -> None:
    assert_reads(text, fields)


# ---- 6. a bare biopsy showing the fusion ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Biopsy showed ALK fusion.",
    "Biopsy confirmed ALK fusion.",
    "CT-guided biopsy showed an ALK rearrangement.",
    "Biopsy revealed EML4-ALK fusion",
])
def test_a_bare_biopsy_showing_the_fusion_is_no_progression_finding(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": None, "alk_fusion_specimen": None, "alk_positive": True})


@pytest.mark.parametrize("text", [
    "Re-biopsy at progression showed EML4-ALK fusion",
    "Rebiopsy showed ALK fusion",
    "Biopsy still shows the ALK fusion",
    "Liver biopsy at progression showed ALK fusion",
    "Progressed on alectinib. Biopsy showed ALK fusion.",
    "Biopsy showed EML4-ALK fusion and G1202R",
])
def test_a_retest_or_a_progression_still_dates_it(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": True})


# ---- probing: a belief about the patient, not a finding --------------------------------------------------------------
@pytest.mark.parametrize("text, field", [
    ("Her previous oncologist thought she had leptomeningeal disease but MRI/CSF negative", "leptomeningeal"),
    ("outside hospital felt she had LMD, but CSF cytology negative", "leptomeningeal"),
    ("She was thought to have brain mets", "brain_metastases"),
])
def test_what_someone_thought_she_had_is_not_read(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text, field, value", [
    ("I thought she had 2 brain mets; MRI confirms 2 brain mets", "brain_metastases", True),
    ("She has brain mets on MRI.", "brain_metastases", True),
    ("New leptomeningeal enhancement on MRI, CSF positive", "leptomeningeal", True),
])
def test_a_finding_told_beside_a_belief_still_reads(text: str, field: str, value: object) -> None:
    assert_reads(text, {field: value})
