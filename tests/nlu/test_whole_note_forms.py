"""Whole clinical notes with noise around the findings: a family history written as a section, a review of systems of
negatives, lab tables with look-alike abbreviations, an oncologic history headed by the diagnosis, a progression
specimen with a mixed histology. Each form in phrasings of our own, with the near-misses that must read otherwise;
not taken from the independent sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- a family history headed as a section: every relative's line in it is theirs -------------------------------------


@pytest.mark.parametrize("text", [
    "FAMILY HISTORY: Mother - COPD, diabetes. Brother - depression, hypercholesterolaemia.",
    "Family hx: Father - hyperlipidaemia, CAD. Sister: type 1 diabetes, bipolar disorder.",
    "FH - mother T2DM, depression; father stroke at 70.",
    "FHx: Dad - lung cancer (EGFR), on osimertinib. Mum: hypercholesterolaemia, diabetes.",
])
def test_a_family_history_section_is_the_relatives(text: str) -> None:
    assert_reads(text, {"comorbidities": None, "prior_tkis": None, "bypass_alterations": None})


@pytest.mark.parametrize("text, comorbidities", [
    # negative controls: the patient taken up again, after the section or in it
    ("FH: mother breast ca. Diabetic, on alectinib.", ["diabetes"]),
    ("Family history: father with COPD; our patient has diabetes.", ["diabetes"]),
    ("FH: nil relevant. PMH: type 2 diabetes.", ["diabetes"]),
    ("Family history: sister - breast cancer.\nPMH: depression.", ["psychiatric_history"]),
])
def test_the_patient_after_a_family_history_is_read(text: str, comorbidities: list[str]) -> None:
    assert_reads(text, {"comorbidities": comorbidities})


# ---- a review of systems: a minus sign and a list of complaints denied ------------------------------------------------


@pytest.mark.parametrize("text", [
    "ROS: (-) headache, (-) seizures, (-) bone pain.",
    "Review of systems: (-) haemoptysis; (-) confusion; (+) mild reflux.",
    "Denies headache, blurred vision, weakness, seizures.",
    "Pt denies headaches, dizziness, tingling, confusion, bone pain.",
])
def test_a_review_of_systems_of_negatives_is_no_symptom(text: str) -> None:
    assert_reads(text, {"symptomatic": False})


@pytest.mark.parametrize("text", [
    # negative controls: a complaint told after the denial, or marked positive
    "Denies headache, has had two seizures this week.",
    "Denies headache, new seizures since Monday.",
    "ROS: (-) cough, (+) bone pain in the hip.",
])
def test_a_complaint_told_beside_a_denial_is_read(text: str) -> None:
    assert_reads(text, {"symptomatic": True})


# ---- a lab table: the eGFR's equation is no kidney disease --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Renal: creatinine 0.9, eGFR (CKD-EPI) 81.",
    "eGFR by CKD EPI: 72 mL/min/1.73m2",
])
def test_the_ckd_epi_equation_is_no_renal_impairment(text: str) -> None:
    assert_reads(text, {"comorbidities": None})


@pytest.mark.parametrize("text", [
    # negative controls: the disease itself, or a clearance below the schema's cut-off
    "CKD stage 4; eGFR (CKD-EPI) 22.",
    "Chronic kidney disease 3b.",
])
def test_kidney_disease_beside_the_equation_is_read(text: str) -> None:
    assert_reads(text, {"comorbidities": ["renal_impairment"]})


# ---- an oncologic history headed by the diagnosis: its fusion and specimen are the diagnosis's --------------------


@pytest.mark.parametrize("text", [
    "- Dx 03/2021: ALK rearrangement (EML4-ALK v1) detected by NGS on FFPE block, adenocarcinoma",
    "Diagnosis (2019): ALK fusion (EML4-ALK) detected on the EBUS cell block",
    "* Initial diagnosis 2020: ALK fusion detected, FFPE core",
])
def test_the_diagnosis_line_is_no_fusion_at_progression(text: str) -> None:
    assert_reads(text, {"alk_positive": True, "alk_fusion_at_progression": None, "biopsy": None})


@pytest.mark.parametrize("text", [
    # negative controls: a specimen of this progression, on the diagnosis line or without it
    "Dx 2021: adenocarcinoma; rebiopsy at progression 2025: ALK fusion retained on FFPE core",
    "Rebiopsy (liver): ALK fusion (EML4-ALK) detected on FFPE",
])
def test_a_progression_specimen_keeps_its_fusion(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": True, "biopsy": "tissue"})


# ---- a progression specimen: the bracketed time and a mixed histology's component ---------------------------------


@pytest.mark.parametrize("text", [
    "Adrenal core 10/2025 (progression): adenocarcinoma; ALK G1202R detected.",
    "EBUS specimen (at PD): adenocarcinoma, MET not amplified",
])
def test_a_bracketed_progression_specimen_is_no_histology(text: str) -> None:
    assert_reads(text, {"histology": None, "transformation": "none", "biopsy": "tissue"})


def test_a_mixed_histologys_component_is_no_histology() -> None:
    assert_reads("Pleural effusion cell block (progression): combined small-cell carcinoma with adenocarcinoma; ALK "
                 "IHC retained in the adenocarcinoma component.",
                 {"histology": None, "transformation": "small_cell_mixed", "alk_fusion_at_progression": True})


@pytest.mark.parametrize("text", [
    # negative controls: the diagnosis's specimen is the histology
    "Diagnostic EBUS 2020: adenocarcinoma, ALK positive",
    "Stage IV lung adenocarcinoma, ALK+ (2021).",
])
def test_the_diagnosis_specimen_is_the_histology(text: str) -> None:
    assert_reads(text, {"histology": "adenocarcinoma"})
