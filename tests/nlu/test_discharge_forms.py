"""Findings read from hospital and acute-care writing (discharge summaries, acute-oncology admissions, inpatient
consults, nurse triage, conference abstracts, notes by non-native writers), each form with several phrasings and the
near-misses that must not be read. Written from the forms' wording, not copied from the independent sets. (Branch
s10rest: set 10 styles.)"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- what someone asks about is not stated ---------------------------------------------------------------------


@pytest.mark.parametrize("text,field", [
    ("Family asks about hospice.", "goals_of_care"),
    ("Daughter asked about hospice options.", "goals_of_care"),
    ("She enquired about hospice care.", "goals_of_care"),
    ("Husband wants information about hospice.", "goals_of_care"),
    ("Patient asks about lorlatinib.", "prior_tkis"),
    ("He inquired about brigatinib and its side effects.", "prior_tkis"),
    ("Wants to know about G1202R.", "alk_mutations"),
])
def test_a_question_about_a_therapy_or_a_finding_states_nothing(text, field):
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text,fields", [
    ("Referred to hospice.", {"goals_of_care": "comfort"}),
    ("Now in hospice; asks about her pain medicines.", {"goals_of_care": "comfort"}),
    ("On lorlatinib since 2023; asks about travel insurance.", {"prior_tkis": ["lorlatinib"]}),
])
def test_a_question_about_something_else_leaves_the_finding(text, fields):
    assert_reads(text, fields)


# ---- a relative who was told of a finding: the finding is theirs ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Pt worried because her sister was told she has ALK G1202R.",
    "Her brother was informed he has an ALK G1202R mutation.",
    "Anxious because his mother was told she has KRAS G12C.",
])
def test_a_relative_told_of_their_own_finding(text):
    assert_reads(text, {"alk_mutations": None, "bypass_alterations": None})


@pytest.mark.parametrize("text,fields", [
    ("Her husband told us she has been taking carbamazepine.", {"strong_cyp3a_inducer": True}),
    ("Wife says he is on phenytoin.", {"strong_cyp3a_inducer": True}),
])
def test_a_relative_reporting_about_the_patient_still_reports(text, fields):
    assert_reads(text, fields)


# ---- a biopsy an admission or a referral is for is still to come -------------------------------------------------


@pytest.mark.parametrize("text", [
    "Admitted for liver biopsy (planned).",
    "Referred for admission for CT-guided lung biopsy.",
    "Admitted electively for a CT-guided lung biopsy tomorrow.",
    "Booked for EBUS next week.",
    "Admission for a liver biopsy, planned for tomorrow.",
])
def test_a_biopsy_to_come(text):
    assert_reads(text, {"biopsy": None})


@pytest.mark.parametrize("text", [
    "Admitted for sepsis after liver biopsy.",
    "Admitted with pain; liver biopsy last week showed adenocarcinoma.",
    "Liver biopsy done yesterday.",
])
def test_a_biopsy_done(text):
    assert_reads(text, {"biopsy": "tissue"})


# ---- abstracts: a series, a trial or a general figure is no patient's --------------------------------------------


@pytest.mark.parametrize("text,fields", [
    ("Methods: We retrospectively reviewed 84 patients treated with lorlatinib after a second-generation TKI.",
     {"prior_tkis": None}),
    ("We analysed 120 consecutive patients with ALK-positive NSCLC who received alectinib.",
     {"prior_tkis": None, "alk_positive": None}),
    ("Trial in progress: a phase 1/2 study of neladalkib in ALK-positive solid tumours.", {"alk_positive": None}),
    ("A randomised trial of lorlatinib versus crizotinib in ALK-positive NSCLC.", {"prior_tkis": None}),
    ("MET amplification accounts for approximately 15% of resistance to next-generation ALK TKIs.",
     {"bypass_alterations": None}),
])
def test_a_cohort_or_a_trial_states_nothing_of_the_patient(text, fields):
    assert_reads(text, fields)


# ---- resistance testing ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Re-biopsy: ALK fusion maintained, and no resistant mutation was found.",
    "Rebiopsy NGS: no resistant mutations detected.",
    "No ALK resistant mutation on the liver core.",
])
def test_no_resistant_mutation(text):
    assert_reads(text, {"alk_mutations": []})


@pytest.mark.parametrize("text,kept,lost", [
    ("At lorlatinib progression the G1202R was lost and a new L1256F was found.", "L1256F", "G1202R"),
    ("G1202R no longer detected; new L1256F.", "L1256F", "G1202R"),
    ("Repeat plasma: the L1196M has disappeared, G1202R now present.", "G1202R", "L1196M"),
])
def test_a_mutation_said_lost_is_not_listed(text, kept, lost):
    found = assert_reads(text, {})
    assert kept in found.get("alk_mutations", []) and lost not in found.get("alk_mutations", []), (text, found)


# ---- strong CYP3A inducers and inhibitors ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Epilepsy under carbamazepine since youth; the neurologist sees no possibility to change the medication.",
    "On phenytoin (neurology: do not change).",
    "Carbamazepine for epilepsy - there is no option to switch.",
    "K/c/o pulmonary TB, on ATT (HRZE) since 1 month. ATT to continue as per DOTS - cannot be modified.",
    "On rifampicin for TB; cannot be interrupted.",
])
def test_an_inducer_that_must_continue(text):
    assert_reads(text, {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False})


@pytest.mark.parametrize("text", [
    "Patient in use of phenytoin for convulsive crisis; neurology evaluated, change to levetiracetam possible.",
    "On phenytoin; switch to levetiracetam is feasible.",
    "Carbamazepine for trigeminal neuralgia; neurology happy to switch to gabapentin.",
])
def test_an_inducer_that_can_be_switched(text):
    assert_reads(text, {"cyp3a_inducer_stoppable": True})


@pytest.mark.parametrize("text", [
    "On RHZE for pulmonary TB.",
    "Anti-TB treatment (HRZE) started last month.",
    "On 2HRZE/4HR.",
])
def test_the_first_line_tb_regimen_holds_rifampicin(text):
    assert_reads(text, {"strong_cyp3a_inducer": True})


@pytest.mark.parametrize("text", ["HR 112, BP 96/60.", "Hrs of sleep poor."])
def test_a_heart_rate_is_no_tb_regimen(text):
    assert_reads(text, {"strong_cyp3a_inducer": None})


@pytest.mark.parametrize("text,field", [
    ("Medications on admission included clarithromycin 500 mg bd for a chest infection (course completed in hospital).",
     "strong_cyp3a_inhibitor"),
    ("Itraconazole 200 mg od for aspergillosis (stopped 2024).", "strong_cyp3a_inhibitor"),
    ("Phenytoin 100 mg tds (discontinued last year).", "strong_cyp3a_inducer"),
])
def test_a_drug_whose_bracket_ends_it(text, field):
    assert_reads(text, {field: False})


def test_a_course_still_running_is_taken():
    assert_reads("Clarithromycin 500 mg bd (day 3 of 7).", {"strong_cyp3a_inhibitor": True})


# ---- what is given now -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("Small-cell transformation confirmed. Treatment with carboplatin-etoposide was started.", "chemotherapy"),
    ("Carboplatin and etoposide were commenced on the ward.", "chemotherapy"),
    ("Febrile neutropenia post cycle 2 carboplatin/pemetrexed.", "chemotherapy"),
    ("Issues: neutropenic sepsis post cycle 1 ABCP (atezolizumab, bevacizumab, carboplatin, paclitaxel).",
     "chemo_immunotherapy"),
])
def test_chemotherapy_started_or_in_its_cycles_is_current(text, value):
    assert_reads(text, {"current_therapy": value})


@pytest.mark.parametrize("text", [
    "Carboplatin-pemetrexed was started in 2021, then alectinib.",
    "Carboplatin-pemetrexed was started and stopped after two cycles for toxicity.",
])
def test_chemotherapy_started_long_ago_is_not_current(text):
    assert_reads_other_than(text, {"current_therapy": "chemotherapy"})


@pytest.mark.parametrize("text", [
    "Patient with ALK lung cancer, not on any cancer treatment since stopping chemotherapy in June.",
    "Triage: pt not taking any cancer drug at the moment (between lines).",
    "Not receiving any anticancer therapy at present.",
])
def test_no_cancer_drug_now(text):
    assert_reads(text, {"current_therapy": "none"})


@pytest.mark.parametrize("text,fields", [
    ("She stopped chemotherapy in June.", {"prior_chemotherapy": True}),
    ("Completed four cycles of carboplatin-pemetrexed in 2022.", {"prior_chemotherapy": True}),
    ("After alectinib and lorlatinib, ABCP was given with partial response.",
     {"prior_chemotherapy": True, "prior_immunotherapy": True}),
    ("Pembrolizumab was administered for 6 months before the ALK result.", {"prior_immunotherapy": True}),
])
def test_a_therapy_stopped_completed_or_given(text, fields):
    assert_reads(text, fields)


def test_immunotherapy_not_given():
    assert_reads("Immunotherapy was not given.", {"prior_immunotherapy": None})


# ---- performance status and intolerance --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Acute oncology assessment: WHO PS 1 pre-admission, now 3 (bed-chair).",
    "ECOG 1 before admission, now 3.",
    "PS 1 last month, now 3.",
])
def test_the_score_now_past_the_earlier_ones_time(text):
    assert_reads(text, {"ecog": 3})


@pytest.mark.parametrize("text", [
    "2nd line ceritinib 2018 (therapy abort because of GI toxicity after 4 weeks), 3rd line alectinib 2018-2025.",
    "Ceritinib (therapy aborted due to GI toxicity), then alectinib.",
])
def test_a_therapy_aborted_for_toxicity(text):
    assert_reads(text, {"intolerant_tkis": ["ceritinib"]})


# ---- the fusion at this progression --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Biopsy of the hepatic lesion shows persistence of ALK rearrangement and ALK L1196M.",
    "The ALK rearrangement was retained on the rebiopsy.",
    "New biopsy of a growing lung lesion on lorlatinib shows ALK-positive adenocarcinoma, no small cell features.",
    "Rebiopsy of the enlarging adrenal node showed ALK-rearranged adenocarcinoma.",
])
def test_the_fusion_kept_on_a_progression_specimen(text):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"})


@pytest.mark.parametrize("text", [
    "ALK-positive adenocarcinoma diagnosed in 2019.",
    "Biopsy at diagnosis showed ALK-positive adenocarcinoma.",
])
def test_the_diagnosis_is_no_progression_result(text):
    assert_reads(text, {"alk_positive": True, "alk_fusion_at_progression": None})


@pytest.mark.parametrize("text", [
    "Liquid biopsy (Archer) from 15.01.2026: no ALK resistance mutation detectable, EML4-ALK fusion not detectable.",
    "Plasma NGS: EML4-ALK fusion not detected.",
    "Guardant360 at progression - no ALK mutations; ALK fusion undetectable.",
])
def test_the_fusion_not_found_in_plasma_is_no_alk_positive(text):
    assert_reads(text, {"alk_fusion_at_progression": False, "alk_fusion_specimen": "plasma", "alk_positive": None})


# ---- pregnancy wished for, a place of treatment --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Pt is a 33 year female, married, not pregnant, desires future pregnancy.",
    "She would like a future pregnancy.",
    "Wish for a later pregnancy discussed with gynaecology.",
])
def test_a_pregnancy_wished_for(text):
    assert_reads(text, {"pregnancy_status": "childbearing_potential"})


@pytest.mark.parametrize("text", [
    "Tumour board decision (Cologne): local radiotherapy.",
    "Seen at the University Hospital, Köln; ALK-positive NSCLC.",
    "Treated in Frankfurt since 2021.",
])
def test_a_german_place_of_treatment(text):
    assert_reads(text, {"region": "DE"})


# ---- ward shorthand: a "?" glued to the word it queries ends no sentence -------------------------------------------


@pytest.mark.parametrize("text,fields", [
    ("Clinical details on request: ALK+ NSCLC on alectinib, ?progression, headache.", {"prior_tkis": ["alectinib"]}),
    ("ALK+ NSCLC on alectinib, ?SCLC transformation.", {"prior_tkis": ["alectinib"], "transformation": None}),
    ("On lorlatinib, ?LMD, for MRI.", {"prior_tkis": ["lorlatinib"], "leptomeningeal": None}),
])
def test_a_queried_word_leaves_the_rest_of_the_sentence_stated(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", ["On alectinib? Or was it brigatinib?", "Lorlatinib? Brigatinib?"])
def test_a_question_mark_after_a_word_still_asks(text):
    assert_reads(text, {"prior_tkis": None})


# ---- comorbidities named by their cause or their treatment ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Problem: pneumonitis on durvalumab 2019 (stage III consolidation).",
    "Grade 2 pneumonitis after pembrolizumab in 2020.",
    "Pneumonitis secondary to radiotherapy.",
])
def test_a_pneumonitis_of_immunotherapy_or_radiotherapy(text):
    assert_reads(text, {"comorbidities": ["interstitial_lung_disease"]})


@pytest.mark.parametrize("text,value", [
    ("Endocrine consult: new-onset hyperglycaemia (HbA1c 8.1%) on lorlatinib; starting metformin.", "diabetes"),
    ("Steroid-induced hyperglycaemia requiring insulin.", "diabetes"),
    ("Triglycerides 6.8 mmol/L on lorlatinib; starting fenofibrate.", "hyperlipidemia"),
    ("Cholesterol 9.2, atorvastatin commenced.", "hyperlipidemia"),
])
def test_a_metabolic_rise_treated(text, value):
    assert_reads(text, {"comorbidities": [value]})


@pytest.mark.parametrize("text", [
    "Hyperglycaemia on dexamethasone; metformin not needed.",
    "Glucose 7.2; no hyperglycaemia, not on metformin.",
    "Rosuvastatin 10 mg od.",
])
def test_a_rise_untreated_or_a_drug_alone(text):
    assert_reads(text, {"comorbidities": None})


# ---- a report's heading: its "in a patient with ..." is this patient; its lettered items are a list -----------------


@pytest.mark.parametrize("text,fields", [
    ("ED impression: sepsis secondary to pneumonia in a patient with ALK-positive NSCLC.", {"alk_positive": True}),
    ("Diagnosis: febrile neutropenia in a woman with ALK-positive NSCLC on carboplatin/pemetrexed, cycle 2.",
     {"alk_positive": True, "current_therapy": "chemotherapy"}),
    ("Pathology review: squamous cell carcinoma on the progression biopsy in a patient whose original tumour was "
     "ALK+ adenocarcinoma.", {"histology": "adenocarcinoma"}),
])
def test_a_patient_described_in_a_report(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", [
    "Impression: in a patient with G1202R lorlatinib would be preferred.",
    "Assessment: lorlatinib would be preferred in a patient with G1202R.",
    "In a patient with G1202R, what next?",
])
def test_a_patient_supposed_is_none(text):
    assert_reads(text, {"alk_mutations": None})


@pytest.mark.parametrize("text,fields", [
    ("Problems: (a) NSCLC ALK+ - on lorla since 10/2024; (b) peripheral oedema G2; (c) weight gain 8 kg.",
     {"prior_tkis": ["lorlatinib"]}),
    ("PMH: a) T2DM b) IHD c) on alectinib for ALK+ NSCLC.", {"comorbidities": ["diabetes", "cardiovascular_disease"]}),
])
def test_lettered_items_under_a_list_heading(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", [
    "Which next? (a) lorlatinib (b) brigatinib (c) chemotherapy",
    "Best option: (A) Continue alectinib (B) Switch to lorlatinib",
])
def test_lettered_answer_options_state_nothing(text):
    assert_reads(text, {"prior_tkis": None})
