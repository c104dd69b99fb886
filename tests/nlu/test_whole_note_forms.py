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


@pytest.mark.parametrize("text, value", [
    # under a review of systems' heading, the template's screen of every system: no word on whether the progression
    # is symptomatic, left unread and asked (tests/nlu/test_symptom_forms.py; it read False before)
    ("ROS: (-) headache, (-) seizures, (-) bone pain.", None),
    ("Review of systems: (-) haemoptysis; (-) confusion; (+) mild reflux.", None),
    ("Denies headache, blurred vision, weakness, seizures.", False),
    ("Pt denies headaches, dizziness, tingling, confusion, bone pain.", False),
])
def test_a_review_of_systems_of_negatives_is_no_symptom(text: str, value: bool | None) -> None:
    assert_reads(text, {"symptomatic": value})


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


# ---- a note's assessment and plan as one heading: its score is assessed, not planned --------------------------------


@pytest.mark.parametrize("text, ecog", [
    ("Assessment/Plan: ECOG 1, tolerating lorlatinib.", 1),
    ("IMPRESSION AND PLAN: ECOG 3 (in bed most of the day).", 3),
    ("A/P: ECOG 2. Restage in 6 weeks.", 2),
])
def test_a_score_under_an_assessment_and_plan_heading_is_read(text: str, ecog: int) -> None:
    assert_reads(text, {"ecog": ecog})


@pytest.mark.parametrize("text", [
    # negative controls: a plan to score, and a score the plan supposes
    "Plan: reassess ECOG in 2 weeks.",
    "Assessment/plan: if ECOG 3 next week, best supportive care.",
])
def test_a_score_planned_or_supposed_is_not_read(text: str) -> None:
    assert_reads(text, {"ecog": None})


# ---- a value copied forward from an earlier note: the update on another line is the current one ---------------------


@pytest.mark.parametrize("text, fields", [
    ("PS: 0 (copied from 05/2025 note); today PS 2.", {"ecog": 2}),
    ("ECOG 1 [carried forward]\nSeen today: ECOG 3.", {"ecog": 3}),
    ("Neuro: no brain metastases on MRI 02/2025 [copied from prior]\nUpdate: MRI 11/2025 shows 2 new brain metastases.",
     {"brain_metastases": True}),
    ("Problem list auto-imported 2023: brain mets, treated.\nMRI this week: no brain metastases.",
     {"brain_metastases": False}),
])
def test_a_copied_forward_value_yields_to_the_update(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, fields", [
    # negative controls: with no copy mark the two statements clash and neither is read; a copy alone is kept
    ("Brain: no brain metastases.\nMRI 11/2025 shows 2 new brain metastases.", {"brain_metastases": None}),
    ("Brain: no brain metastases on MRI 02/2025 [copied from prior].", {"brain_metastases": False}),
])
def test_without_an_update_the_copy_stands_and_unmarked_clashes_stay_unread(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- "clinically stable" is the patient's condition, not the disease's ---------------------------------------------


def test_clinically_stable_is_no_pattern_of_progression() -> None:
    assert_reads("Impression: clinically stable, mild fatigue.", {"progression": None})


@pytest.mark.parametrize("text", [
    # negative controls: the scans' stability is the disease's
    "Radiologically stable on lorlatinib.",
    "Clinically and radiologically stable.",
])
def test_radiological_stability_is_no_progression(text: str) -> None:
    assert_reads(text, {"progression": "none"})


# ---- brain imaging beside the body's: keys, dates and "new since" --------------------------------------------------


@pytest.mark.parametrize("text", [
    "MRI head: 2 new enhancing lesions (7 mm, 4 mm). Body: stable on PET.",
    "MRI brain: four new metastases.\nCT body (11/28): unchanged.",
    "MRI brain: numerous (>15) enhancing metastases, new since 03/2025. Body CT: no extracranial progression.",
])
def test_new_brain_lesions_beside_a_stable_body_read_cns_only(text: str) -> None:
    assert_reads(text, {"progression": "cns_only", "brain_metastases": True})


@pytest.mark.parametrize("text", [
    # negative controls: the body's key saying progression, or lesions that are not new
    "MRI brain: 2 new lesions. Body: 3 new liver lesions.",
    "MRI brain: treated metastases, unchanged since 03/2025. Body: stable.",
])
def test_no_cns_only_where_the_body_progresses_or_the_brain_is_unchanged(text: str) -> None:
    assert_reads(text, {"progression": None})


def test_a_bracketed_count_and_two_regions_read_extensive() -> None:
    assert_reads("MRI brain: innumerable (>30) supra- and infratentorial metastases.",
                 {"brain_metastases": True, "cns_lesions": "extensive"})


# ---- a fusion denied "for" it, and a partner gene ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Node EBUS at progression: RNA fusion panel negative for ALK fusion.",
    "Rebiopsy: NEGATIVE for ALK fusion (adequate RNA).",
])
def test_negative_for_alk_fusion_is_no_alk_positive(text: str) -> None:
    assert_reads(text, {"alk_positive": None, "alk_fusion_at_progression": False})


@pytest.mark.parametrize("text", [
    # negative controls: positive for it, and a partner gene named before it
    "Tumour positive for ALK fusion.",
    "HIP1-ALK fusion at diagnosis.",
])
def test_a_fusion_found_is_alk_positive(text: str) -> None:
    assert_reads(text, {"alk_positive": True})


# ---- templates and problem lists: a test still to be drawn, a problem resolved, an option considered --------------


def test_a_sample_to_be_drawn_is_no_biopsy() -> None:
    assert_reads("Plasma ctDNA: to be collected at next visit. Result: {RESULT}", {"biopsy": None})


def test_a_sample_drawn_is_the_biopsy() -> None:
    assert_reads("Plasma ctDNA drawn 11/30: ALK L1196M.", {"biopsy": "plasma", "alk_mutations": ["L1196M"]})


@pytest.mark.parametrize("text", [
    "Problems: 1. Renal impairment (resolved after rehydration, creatinine normal)",
    "2. Hepatic impairment (now resolved)",
])
def test_a_problem_said_resolved_in_its_bracket_is_not_read(text: str) -> None:
    assert_reads(text, {"comorbidities": None})


def test_a_problem_with_its_detail_in_a_bracket_is_read() -> None:
    assert_reads("2. Hepatic impairment (Child-Pugh B)", {"comorbidities": ["hepatic_impairment"]})


def test_an_option_considered_is_not_received() -> None:
    assert_reads("Considered atezolizumab but not given (ALK+).", {"prior_immunotherapy": None})


def test_an_immunotherapy_received_is_read() -> None:
    assert_reads("Received atezolizumab in 2019.", {"prior_immunotherapy": True})


# ---- a MET copy number with its method, an earlier score with its time in a bracket --------------------------------


def test_a_met_copy_number_with_its_method_and_call_is_amplification() -> None:
    assert_reads("Liver core at PD: MET copy number 8.1 by FISH (amplified).", {"bypass_alterations": ["MET_amplification"]})


@pytest.mark.parametrize("text, ecog", [
    ("Baseline (2021) PS 2; now PS 1.", 1),
    ("Initial (dx) ECOG 3, currently ECOG 1.", 1),
])
def test_an_earlier_score_with_its_time_in_a_bracket_yields(text: str, ecog: int) -> None:
    assert_reads(text, {"ecog": ecog})


def test_an_earlier_score_alone_is_not_the_current_one() -> None:
    assert_reads("Baseline (dx) ECOG 2.", {"ecog": None})


# ---- lay words, a dated brain scan, a visit for the next cycle -----------------------------------------------------


def test_the_cancer_grown_in_several_organs_is_systemic() -> None:
    assert_reads("Your scan shows the cancer has grown in the liver, lungs and bones.", {"progression": "systemic"})


@pytest.mark.parametrize("text", [
    # negative controls: "grown" of anything but disease, and one site alone
    "She has grown tired; liver stable.",
    "The tumour has grown in the liver.",
])
def test_grown_without_sites_of_disease_is_no_systemic_progression(text: str) -> None:
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize("text", [
    "Brain MRI 10/2025 clear.",
    "MRI brain 11/28 - no metastases.",
])
def test_a_dated_brain_scan_said_clear_is_no_brain_metastases(text: str) -> None:
    assert_reads(text, {"brain_metastases": False})


def test_a_dated_brain_scan_with_new_lesions_is_brain_metastases() -> None:
    assert_reads("MRI brain 11/28 - 2 new metastases.", {"brain_metastases": True})


@pytest.mark.parametrize("text", [
    "S: here for C3 of carboplatin/pemetrexed. Tolerating well.",
    "Admitted for cycle 2 of docetaxel.",
])
def test_a_visit_for_the_next_cycle_is_chemotherapy_now(text: str) -> None:
    assert_reads(text, {"current_therapy": "chemotherapy"})


def test_a_question_about_a_cycle_is_no_chemotherapy_now() -> None:
    assert_reads("Referred for cycle 1 of docetaxel?", {"current_therapy": None})
