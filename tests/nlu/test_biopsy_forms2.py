"""This progression's resistance testing (`biopsy`) read by class of wording, with the near-misses that must keep
their reading; phrasings written as oncology notes and forms word them, not taken from the independent sets.

- A tissue finding stated on this progression's specimen names the specimen: "the current specimen shows ...",
  "Histology at progression: ...", "... on the new biopsy", a form's "tissue=Y" or "tissue only", and a
  transformation or the ALK fusion stated at the progressing or new lesion.
- A form's specimen said taken with its result to come ("Plasma: drawn 11/30, result pending") is taken at this
  progression; one still to be taken is not.
- The biopsy said not done, with or without "yet" ("has not had a rebiopsy yet", "planned but not yet performed",
  "not yet biopsied"), and a form's question on the testing answered "No", is no biopsy at this progression.
- Negative controls: a plan or advice, a question with no answer, a supposition, the diagnostic biopsy, a relative's
  biopsy and a statement about patients in general are never this patient's biopsy.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

TISSUE_ON_THIS_SPECIMEN = [
    "The current specimen shows adenocarcinoma, as at diagnosis.",
    "Today's core shows squamous cell carcinoma, p40 positive.",
    "The new biopsy shows small cell carcinoma (synaptophysin+, INSM1+).",
    "Histology at progression: adenocarcinoma, no transformation.",
    "Histology on the progression biopsy: small cell carcinoma.",
    "No small cell features on the new biopsy; still adenocarcinoma.",
    "the rebiopsy demonstrates squamous histology",
    "Small-cell transformation at the progressing adrenal site, confirmed on core.",
    "Liver lesion sampled at progression: small cell carcinoma.",
    "Squamous transformation in the new lung nodule.",
    "Histology at relapse: squamous cell carcinoma.",
]

FUSION_ON_THIS_LESION = [
    "EML4-ALK still detected in the new adrenal lesion.",
    "The progressing node still carries the ALK rearrangement.",
    "ALK IHC negative on the new liver core; small cell histology.",
    "Retained ALK fusion in a new hepatic lesion.",
]

FORM_ANSWERS = [
    ("Resistance biopsy at this progression: tissue = Y, plasma = N", "tissue"),
    ("Resistance testing at progression: tissue=N, plasma=Y", "plasma"),
    ("Resistance testing this time: plasma only.", "plasma"),
    ("Resistance testing this time: tissue only (adrenal).", "tissue"),
    ("Testing at this progression: tissue only", "tissue"),
    ("tissue: not done; plasma: sent 12/01, result awaited", "plasma"),
    ("Tissue: not obtained | Plasma: drawn 10/02, pending", "plasma"),
    ("plasma: not done; tissue: liver core taken 11/20, NGS pending", "tissue"),
    ("Rebiopsy: tissue obtained from the right adrenal, molecular pending; plasma sent as well.", "tissue_and_plasma"),
    ("Liver core taken at progression and a Guardant360 drawn the same day; both pending.", "tissue_and_plasma"),
    ("Plasma: collected 11/28, awaiting result", "plasma"),
]

NOT_DONE = [
    "She has not had a rebiopsy yet.",
    "He hasn't been rebiopsied at this progression.",
    "A rebiopsy was planned but has not been done.",
    "Biopsy planned, not yet performed.",
    "Transformation suspected but not yet biopsied.",
    "Any resistance testing since progression? No.",
    "Resistance testing done at this progression? None.",
    "Has she had a rebiopsy? No.",
    "We have not done a new biopsy at this progression.",
    "No new biopsy has been performed since progression.",
    "No resistance testing has been done since progression on alectinib.",
    "We did not rebiopsy her this time; she declined the blood test too.",
    "Neither tissue nor plasma testing was done at this progression.",
    "No rebiopsy and no liquid biopsy at this progression.",
    "Rebiopsy attempted but non-diagnostic; no tissue obtained.",
    "He has never had a repeat biopsy since starting alectinib.",
    "CT-guided biopsy attempted; only necrosis, no tumour cells.",
    "Re-biopsy: no tissue obtained",
    "Rebiopsy: no sample taken",
]

# serial testing: only the latest progression's specimens are this progression's testing
SERIAL = [
    ("Plasma NGS at the first progression (2022) showed G1202R. At the second progression (2025) tissue NGS showed "
     "G1202R and MET amplification.", "tissue"),
    ("First progression 2021: L1196M on Guardant. Second progression now: liver biopsy shows I1171N.", "tissue"),
    ("At first progression we sent ctDNA only; at this progression a lung core was obtained.", "tissue"),
    ("Tissue rebiopsy at first PD (2022): G1269A. Current PD: plasma NGS only, showing G1202R.", "plasma"),
    # no later progression told: the earlier specimen is all there is, left as it reads
    ("Liquid biopsy at progression on crizotinib showed G1202R; tissue NGS at progression on alectinib showed "
     "MET amplification.", "tissue_and_plasma"),
]

KEPT = [
    ("Liquid biopsy at progression: G1202R.", "plasma"),
    ("Rebiopsy of the liver showed G1202R.", "tissue"),
    ("Tissue and plasma NGS both sent at progression.", "tissue_and_plasma"),
    ("Guardant360: ALK fusion detected, no ALK mutation.", "plasma"),
    ("No rebiopsy done.", "none"),
    ("Liver core done at progression; plasma to be drawn next week.", "tissue"),
    ("Guardant sent today; tissue biopsy to follow if negative.", "plasma"),
]

# never this patient's biopsy at this progression: a plan, a question with no answer, a supposition, the diagnostic
# biopsy, a relative's, a statement about patients in general, a specimen still to be taken
UNREAD = [
    "A liver biopsy is planned for next week.",
    "We recommend a rebiopsy of the adrenal lesion.",
    "Would a liquid biopsy be useful here?",
    "Should we rebiopsy the new liver lesion?",
    "Has she had a rebiopsy?",
    "If a rebiopsy shows small cell carcinoma, we would switch to platinum-etoposide.",
    "Diagnosed in 2020 by EBUS-TBNA: adenocarcinoma, ALK FISH positive.",
    "The diagnostic biopsy in 2021 showed adenocarcinoma.",
    "Histology at diagnosis: adenocarcinoma.",
    "The prior biopsy (2020) was adenocarcinoma.",
    "Her sister had a liquid biopsy that showed G1202R.",
    "Small cell transformation is seen in about 5% of rebiopsies.",
    "Tissue is preferred over plasma when the rebiopsy is feasible.",
    "Patients who progress should have tissue rebiopsy where possible.",
    "Plasma: to be drawn next week",
    "Re-biopsy: planned, pending IR review",
    "Radiotherapy to the progressing liver lesion is planned.",
    "We have not biopsied yet.",
    "Neuroendocrine change was seen on the second biopsy in 2021, after which ceritinib gave a response.",
    "Mixed adenocarcinoma and small-cell histology at progression is a recognised pattern.",
]


@pytest.mark.parametrize("text", TISSUE_ON_THIS_SPECIMEN)
def test_a_finding_on_this_progressions_specimen_is_tissue(text: str) -> None:
    assert_reads(text, {"biopsy": "tissue"})


@pytest.mark.parametrize("text", FUSION_ON_THIS_LESION)
def test_the_fusion_on_this_progressions_lesion_is_on_tissue(text: str) -> None:
    assert_reads(text, {"biopsy": "tissue", "alk_fusion_specimen": "tissue"})


@pytest.mark.parametrize("text, biopsy", FORM_ANSWERS)
def test_a_forms_answer_or_a_sample_taken_reads_its_specimen(text: str, biopsy: str) -> None:
    assert_reads(text, {"biopsy": biopsy})


@pytest.mark.parametrize("text", NOT_DONE)
def test_a_biopsy_said_not_done_is_none(text: str) -> None:
    assert_reads(text, {"biopsy": "none"})


@pytest.mark.parametrize("text, biopsy", SERIAL)
def test_only_the_latest_progressions_specimens_count(text: str, biopsy: str) -> None:
    assert_reads(text, {"biopsy": biopsy})


@pytest.mark.parametrize("text, biopsy", KEPT)
def test_readings_kept(text: str, biopsy: str) -> None:
    assert_reads(text, {"biopsy": biopsy})


@pytest.mark.parametrize("text", UNREAD)
def test_no_biopsy_of_this_progression_is_read(text: str) -> None:
    assert_reads(text, {"biopsy": None})
