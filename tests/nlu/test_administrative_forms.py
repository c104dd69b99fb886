"""Findings read from administrative and cross-disciplinary writing: prior-authorization requests and appeal letters,
pharmacists' medication reconciliations and interaction checks, e-consults and referrals, trial screening notes and
problem lists. Such writing names many drugs the patient has not received (the drug requested, the drug whose label
or guideline is quoted, the drug an interaction check is for) and states rules and facts about drugs and mutations in
general; none of those is a finding. Each form with several phrasings and the near-misses that must still be read;
written from how such letters and notes are worded, not from the independent sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly

read = extractor.extract_case

# ---- a drug requested, appealed for, funded or checked is not one received ------------------------------------------

REQUESTED = [
    "Requested agent: lorlatinib 100 mg daily.",
    "Requested medication - Alunbrig 180 mg.",
    "Prior authorization request - Lorbrena (lorlatinib).",
    "PA request: Alecensa (alectinib) 600 mg BID.",
    "We therefore request authorization of lorlatinib.",
    "We respectfully request coverage of brigatinib for this patient.",
    "I am writing to appeal the denial of lorlatinib.",
    "This letter is an appeal of the denial for Lorbrena.",
    "We would like to apply to the Cancer Drugs Fund for lorlatinib.",
    "Application to the early-access programme for lorlatinib.",
    "Please find enclosed the NCCN guideline pages for lorlatinib.",
    "The EU label wording for lorlatinib is quoted below.",
    "Interactions between lorlatinib and her current medicines were reviewed.",
    "Levetiracetam is fine with lorlatinib.",
    "Lamotrigine is compatible with brigatinib.",
    "She is now being considered for lorlatinib.",
    "Alectinib authorised to start on Monday.",
    "Lorlatinib start planned for next week.",
    "Suggest delaying lorlatinib until the antibiotic course ends.",
    "Lorlatinib clinically screened by pharmacy.",
    "Lorlatinib not funded locally.",
    "Crizotinib unaffordable for the family.",
]


@pytest.mark.parametrize("text", REQUESTED)
def test_a_drug_requested_or_checked_is_not_received(text):
    assert_reads(text, {"prior_tkis": None})


def test_a_request_beside_the_history_keeps_the_history():
    text = "Progression on alectinib; we therefore request authorization of lorlatinib 100 mg daily."
    assert_reads(text, {"prior_tkis": ["alectinib"]})
    text = "Prior authorization request - Lorbrena (lorlatinib). Prior therapy: Alecensa 2022-2025, stopped for PD."
    assert_reads(text, {"prior_tkis": ["alectinib"]})
    text = "Crizotinib unaffordable, so started on ceritinib through patient assistance."
    assert_reads(text, {"prior_tkis": ["ceritinib"]})


@pytest.mark.parametrize("text,drugs", [
    ("Requested by Dr Smith: she has been on lorlatinib since 2023.", ["lorlatinib"]),  # taken, after the heading
    ("Lorlatinib started 03/2024 after alectinib.", ["alectinib", "lorlatinib"]),
    ("On alectinib, which she tolerates; interactions reviewed.", ["alectinib"]),
])
def test_a_drug_taken_in_an_administrative_note_is_still_read(text, drugs):
    assert_reads(text, {"prior_tkis": drugs})


# ---- statements about drugs and mutations in general ----------------------------------------------------------------

GENERAL = [
    "Lorlatinib commonly causes hypercholesterolaemia and oedema.",
    "Brigatinib can cause early pulmonary events.",
    "Lorlatinib can reduce the efficacy of hormonal contraceptives.",
    "Lorlatinib penetrates the CNS better than alectinib.",
    "Lorlatinib is contraindicated with strong CYP3A inducers.",
    "Lorlatinib is the preferred subsequent therapy after alectinib, brigatinib or ceritinib.",
    "Second-line lorlatinib reimbursed in France after alectinib.",
    "G1202R is the commonest resistance mutation after second-generation TKIs.",
    "MET amplification is found in about 15% of biopsies after next-generation ALK inhibitors.",
    "Neladalkib is designed to overcome compound ALK mutations.",
    "A G1202R mutation is resistant to alectinib and brigatinib but sensitive to lorlatinib.",
]


@pytest.mark.parametrize("text", GENERAL)
def test_a_statement_about_drugs_or_mutations_in_general_states_nothing_of_the_patient(text):
    assert_reads_exactly(text, {})


def test_the_patients_own_finding_beside_a_general_statement_is_read():
    assert_reads_exactly("NGS shows ALK G1202R, the commonest resistance mutation after 2G TKIs.",
                         {"alk_mutations": ["G1202R"]})
    text = "G1202R and F1174L found; lorlatinib activity against this compound mutation is uncertain."
    assert_reads(text, {"compound": True})


# ---- trial eligibility criteria are rules, not findings -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Inclusion criteria: ECOG 0-1; at least one prior ALK TKI; measurable disease.",
    "Exclusion criteria: symptomatic brain metastases, interstitial lung disease, pregnancy.",
    "Exclusion 3 (strong CYP3A inducers within 14 days): none - eligible.",
    "Exclusion 9 (pregnancy or breastfeeding): not applicable.",
    "Key exclusion: leptomeningeal disease.",
    "Exclusion - symptomatic untreated CNS metastases: not present.",
    "Exclusion 3 (leptomeningeal disease): not met.",
])
def test_an_eligibility_criterion_is_no_finding(text):
    found = read(text)
    assert not {"ecog", "brain_metastases", "leptomeningeal", "comorbidities", "strong_cyp3a_inducer"} & set(found), text
    assert found.get("pregnancy_status") not in ("pregnant", "childbearing_potential"), text


@pytest.mark.parametrize("text,field,value", [
    ("Inclusion - ALK-positive NSCLC confirmed by FISH: met.", "alk_positive", True),
    ("Exclusion 6 (uncontrolled diabetes): HbA1c 11% - excluded.", "comorbidities", ["diabetes"]),
    ("Exclusion 4 (strong CYP3A inhibitors): completed voriconazole last month - eligible.", "strong_cyp3a_inhibitor",
     False),
])
def test_a_criterion_answered_states_the_answer(text, field, value):
    assert_reads(text, {field: value})


# ---- pharmacist's reconciliation ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Carbamazepine, which the neurologist has already replaced with lamotrigine.",
    "Carbamazepine, which neurology switched to levetiracetam last week.",
])
def test_an_inducer_replaced_is_no_longer_taken(text):
    assert_reads_exactly(text, {"strong_cyp3a_inducer": False})


@pytest.mark.parametrize("text", [
    "She completed voriconazole two weeks ago.",
    "Finished a 7-day course of clarithromycin yesterday.",
])
def test_an_inhibitor_course_completed_is_no_longer_taken(text):
    assert_reads_exactly(text, {"strong_cyp3a_inhibitor": False})


def test_an_inducer_still_taken_is_read():
    assert_reads_exactly("On carbamazepine, which the neurologist wants to replace.", {"strong_cyp3a_inducer": True})


# ---- treatment words that are no finding ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The plan remains third-line systemic therapy.",
    "Patient prefers systemic treatment to whole-brain radiotherapy.",
    "Ketoconazole shampoo only - no systemic interaction.",
    "Systemic steroids for pneumonitis.",
])
def test_systemic_treatment_is_no_systemic_progression(text):
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize("text", ["Systemic progression on alectinib.", "Progression is systemic.", "Systemic PD."])
def test_systemic_progression_is_still_read(text):
    assert_reads(text, {"progression": "systemic"})


# ---- problem lists and past history ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "No history of heart disease, diabetes, depression or lung fibrosis.",
    "No ischaemic heart disease, diabetes or ILD.",
    "Denies heart disease or diabetes.",
])
def test_a_denied_history_list_is_denied_whole(text):
    assert not read(text).get("comorbidities"), text


@pytest.mark.parametrize("text,read_as", [
    ("PMH: ischaemic heart disease, two stents.", ["cardiovascular_disease"]),
    ("Background of lung fibrosis.", ["interstitial_lung_disease"]),
    ("N18.4 CKD stage 4.", ["renal_impairment"]),
    ("CKD 3b.", ["renal_impairment"]),
])
def test_a_listed_condition_is_read(text, read_as):
    assert_reads(text, {"comorbidities": read_as})


@pytest.mark.parametrize("text", ["N18.3 CKD stage 3a, eGFR 52.", "CKD stage 2.", "Chronic kidney disease G2."])
def test_ckd_above_the_renal_threshold_is_no_renal_impairment(text):
    assert "comorbidities" not in read(text), text  # the schema's renal impairment: clearance below 45 mL/min


# ---- intolerance and refusals ---------------------------------------------------------------------------------------

def test_a_toxicity_said_to_be_tolerated_is_no_reason_for_the_switch():
    text = "Crizotinib 2016-2017 (visual disturbance, tolerated) -> ceritinib (stopped for grade 3 diarrhoea)."
    assert_reads(text, {"intolerant_tkis": ["ceritinib"]})
    assert read("Alectinib: myalgia, well tolerated, switched to lorlatinib at progression.").get("intolerant_tkis",
                                                                                                   []) == []
    assert_reads("Alectinib: myalgia, switched to lorlatinib.", {"intolerant_tkis": ["alectinib"]})


@pytest.mark.parametrize("text,field,value", [
    ("Hospice referral declined; hopes to enrol in a clinical trial.", "goals_of_care", "disease_directed"),
    ("Patient declines hospice and would like to try chemotherapy.", "goals_of_care", "disease_directed"),
    ("Chemotherapy was offered but declined.", "prior_chemotherapy", False),
    ("She refused chemotherapy.", "prior_chemotherapy", False),
])
def test_a_refusal_denies(text, field, value):
    assert_reads(text, {field: value})


def test_declining_more_of_a_treatment_does_not_deny_it_was_given():
    assert_reads("Declines further chemo, would accept a TKI.", {"prior_chemotherapy": None})
    assert_reads("Declining renal function, CKD stage 4.", {"comorbidities": ["renal_impairment"]})


# ---- requests that ask ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Please review interactions between lorlatinib and atorvastatin.",
    "Kindly comment on lorlatinib after brigatinib.",
    "Outcome requested from the panel: advice on sequencing after crizotinib, alectinib and lorlatinib.",
    "Query: which TKI after alectinib and brigatinib?",
])
def test_a_request_for_advice_changes_nothing(text):
    assert_reads_exactly(text, {})
    assert extractor.message_asks(text), text


def test_a_heading_before_findings_does_not_make_them_asked():
    text = "E-consult summary: 58F, ALK+ adenocarcinoma, alectinib first line, ECOG 1."
    assert_reads(text, {"prior_tkis": ["alectinib"]})


# ---- a test asked of the payer; a drug started ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "PA for Guardant360 CDx.",
    "Prior authorization request for tissue NGS of the liver lesion.",
    "Funding for FoundationOne Liquid requested.",
])
def test_a_test_asked_of_the_payer_is_not_done(text):
    assert_reads(text, {"biopsy": None})


@pytest.mark.parametrize("text", [
    "ECOG improved from 3 to 1 after starting lorlatinib.",
    "Mood changes since starting lorlatinib.",
    "Oedema two weeks following starting lorlatinib.",
])
def test_a_drug_started_is_received(text):
    assert_reads(text, {"prior_tkis": ["lorlatinib"]})


@pytest.mark.parametrize("text", ["Plan: starting lorlatinib next week.", "Before starting lorlatinib, lipids checked."])
def test_a_drug_to_start_is_not_received(text):
    assert_reads(text, {"prior_tkis": None})


# ---- a pharmacist's interaction check -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "No interacting medications.",
    "Medication reconciliation done: no interacting meds.",
    "Strong CYP3A inducers avoided.",
])
def test_no_interacting_medication_denies_inducers(text):
    assert_reads(text, {"strong_cyp3a_inducer": False})


def test_a_class_named_once_for_inducers_and_inhibitors_is_denied_for_both():
    assert_reads("No strong CYP3A inducers or inhibitors identified.",
                 {"strong_cyp3a_inducer": False, "strong_cyp3a_inhibitor": False})


@pytest.mark.parametrize("text", [
    "Strong CYP3A inducers and inhibitors avoided.",
    "Strong CYP3A inhibitors and inducers were avoided throughout.",
    "no strong CYP3A inducers or inhibitors",
    "CYP3A inducers/inhibitors: none",
    "Med rec: strong CYP3A4 inducers & inhibitors avoided.",
])
def test_both_classes_avoided_or_denied_are_absent(text):
    assert_reads(text, {"strong_cyp3a_inducer": False, "strong_cyp3a_inhibitor": False})


@pytest.mark.parametrize("text", [
    "avoid CYP3A inducers/inhibitors",
    "Advised to avoid strong CYP3A inducers and inhibitors.",
    "Avoid strong CYP3A inhibitors or inducers with lorlatinib.",
    "Avoid St John's wort.",
    "Patient counselled on the avoidance of strong CYP3A inducers.",
])
def test_advice_to_avoid_a_class_says_nothing_of_what_is_taken(text):
    assert_reads(text, {"strong_cyp3a_inducer": None, "strong_cyp3a_inhibitor": None})


@pytest.mark.parametrize("text, fields", [
    ("On carbamazepine; avoid other CYP3A inducers.", {"strong_cyp3a_inducer": True}),
    ("Taking a strong CYP3A inhibitor and inducer.", {"strong_cyp3a_inhibitor": True, "strong_cyp3a_inducer": True}),
    ("No strong CYP3A inducers; itraconazole ongoing.", {"strong_cyp3a_inducer": False, "strong_cyp3a_inhibitor": True}),
])
def test_a_class_taken_beside_advice_or_a_denial_keeps_its_reading(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", ["Interacting medications reviewed.", "Inhibitors of CYP3A were discussed."])
def test_an_interaction_check_named_without_its_result_states_nothing(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text", [
    "On carbamazepine; neurology agreeable to cross-taper to levetiracetam.",
    "Phenytoin for seizures, neurologist happy to switch to lacosamide.",
])
def test_an_inducer_the_prescriber_agrees_to_change_is_stoppable(text):
    assert_reads(text, {"cyp3a_inducer_stoppable": True})
