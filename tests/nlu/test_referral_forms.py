"""Findings read from the headers and asides of referrals, consults, pharmacist checks and authorisation requests:
where the patient is treated when a note names only a city, a hospital or a health system; the size of a brain
disease given by the treatment planned for it; an interaction check that found nothing; a biopsy named by its purpose
and not done. Each form with several phrasings and the near-misses that must stay unread; written from how such
notes are worded, not from the independent sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_one_of, assert_reads_other_than

# ---- where the patient is treated ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,region", [
    # a note's header or an item of its summary names the city or the country
    ("Nurse intake, Kuala Lumpur: ALK-positive adenocarcinoma on alectinib.", "MY"),
    ("Pharmacy review, Stockholm: lorlatinib dispensed.", "SE"),
    ("Radiation oncology follow-up, UK: SRS delivered to one lesion.", "GB"),
    ("Tumour board (Mumbai): ALK+ NSCLC, PD on crizotinib.", "IN"),
    ("Second opinion (Auckland, Middlemore): brigatinib since 2023.", "NZ"),
    ("Referral letter, Hanoi: crizotinib since 2022.", "VN"),
    ("Navigator note - Bangkok: lorlatinib access pending.", "TH"),
    ("Progressing on brigatinib in the liver; ECOG 1; Milano.", "IT"),
    # a hospital named by its city, as the site of treatment
    ("Site: Seoul National University Hospital.", "KR"),
    ("She is treated at Taipei Veterans General Hospital.", "TW"),
    ("Followed at Shanghai Chest Hospital since 2021.", "CN"),
    # a public health system or payer names the country
    ("NHS Individual Funding Request for lorlatinib.", "GB"),
    ("Funding: lorlatinib is PBS-listed for this indication.", "AU"),
    ("Request submitted to AIFA for early access.", "IT"),
    # the treatment, the home or a move says where the patient is now
    ("All treatment is in Lisbon.", "PT"),
    ("Her treatment will be at the Princess Margaret in Toronto.", "CA"),
    ("Pharmacy will deliver to her home in Ohio.", "US"),
    ("Moved to Vancouver in 2024; on alectinib.", "CA"),
    ("He relocated to Chicago last year.", "US"),
    ("Country of treatment: Republic of Korea.", "KR"),
    ("Insurer: Blue Cross of Texas.", "US"),
    # an exam stem's patient "with ..." in a country
    ("A 62-year-old man with ALK+ NSCLC in Sweden is started on alectinib.", "SE"),
    ("A 45-year-old woman with stage IV adenocarcinoma in Malaysia has progressed.", "MY"),
])
def test_a_city_hospital_or_health_system_says_where_the_patient_is_treated(text, region):
    assert_reads(text, {"region": region})


@pytest.mark.parametrize("text", [
    # where the patient was diagnosed, treated before, comes from, or where someone else is
    "Diagnosed at Seoul National University Hospital in 2019.",
    "Prior treatment in Milan with crizotinib.",
    "Previous treatment in Mumbai, records awaited.",
    "She is originally from Hanoi.",
    "Her daughter's home in Ohio is where she stays in summer.",
    "His son moved to Toronto.",
    # a question, and a city that is not a place of care
    "Could she be treated in Stockholm?",
    "Is lorlatinib PBS-listed?",
    "Lesions in the right frontal lobe, Virginia-trained radiologist read.",
])
def test_a_place_not_of_this_patients_care_is_no_region(text):
    assert_reads(text, {"region": None})


# ---- the size of a brain disease given by the treatment planned for it -------------------------------------------


@pytest.mark.parametrize("text", [
    "Authorised: SRS (CPT 77373) for 3 new brain metastases.",
    "SRS booked for the 2 brain lesions.",
    "SRS planning CT on Friday for the 3 brain lesions.",
    "Radiosurgery on 12/03 to two new lesions.",
])
def test_lesions_sent_for_radiosurgery_are_limited(text):
    assert_reads(text, {"cns_lesions": "limited", "brain_metastases": True})


@pytest.mark.parametrize("text", [
    "WBRT requested: >15 lesions.",
    "Discussed whole-brain radiotherapy versus lorlatinib given 14 lesions.",
    "Hippocampal-avoidance WBRT given for twelve new deposits.",
    "Not suitable for SRS: 9 new lesions.",
])
def test_many_lesions_beside_a_brain_treatment_are_extensive(text):
    assert_reads(text, {"cns_lesions": "extensive", "brain_metastases": True})


@pytest.mark.parametrize("text", [
    "SRS to the brain in 2022; now 12 new lesions in the liver.",
    "WBRT in 2020; CT today shows 10 lesions in the lungs.",
    "Should we give WBRT if there are 14 lesions?",
])
def test_lesions_elsewhere_or_asked_about_are_not_brain_extent(text):
    assert_reads(text, {"cns_lesions": None})


def test_sizes_in_brackets_after_a_long_description_are_limited():
    text = ("MRI brain shows new enhancing foci in the left occipital and right temporal lobes (two lesions, both "
            "under 1 cm).")
    assert_reads(text, {"cns_lesions": "limited"})
    assert_reads("Screening MRI: 2 untreated brain lesions <1 cm.", {"cns_lesions": "limited"})


# ---- an interaction check that found nothing ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "No interacting medications.",
    "Medicines reconciled; no interacting meds.",
    "DDI check for lorlatinib: no interacting drugs apart from a PPI.",
    "No CYP3A-interacting medications.",
    "Meds: amlodipine, ramipril. Nothing that interacts with CYP3A.",
])
def test_no_interacting_medication_denies_inducers_and_inhibitors(text):
    assert_reads(text, {"strong_cyp3a_inducer": False, "strong_cyp3a_inhibitor": False})


@pytest.mark.parametrize("text", ["Are there any interacting medications?", "Check for interacting drugs before starting.",
                                  "Does anything she takes interact with CYP3A?", "Her statin interacts with CYP3A.",
                                  "He takes interacting medications; list to follow."])
def test_an_interaction_check_not_done_or_positive_denies_nothing(text):
    assert_reads(text, {"strong_cyp3a_inducer": None, "strong_cyp3a_inhibitor": None})


@pytest.mark.parametrize("text", [
    "Valproate for seizures - not an enzyme inducer.",
    "Antiepileptic: levetiracetam 500 mg BD (non-inducing).",
    "Lamotrigine, which is non-enzyme-inducing, continues.",
])
def test_an_antiepileptic_said_not_to_induce_is_no_inducer(text):
    assert_reads(text, {"strong_cyp3a_inducer": False})


@pytest.mark.parametrize("text", [
    "On carbamazepine; levetiracetam would be non-inducing.",
    "Takes phenytoin. Valproate is not an enzyme inducer.",
])
def test_a_non_inducing_alternative_leaves_the_inducer_taken(text):
    assert_reads(text, {"strong_cyp3a_inducer": True})


# ---- a biopsy named by its purpose and not done -------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "No resistance biopsy was done because the patient declined.",
    "No progression biopsy was performed.",
    "No post-progression biopsy possible.",
    "No confirmatory biopsy was taken.",
])
def test_no_biopsy_for_the_progression_is_none(text):
    assert_reads(text, {"biopsy": "none"})


@pytest.mark.parametrize("text", ["No resistance biopsy yet; booked for Monday.", "Was a resistance biopsy done?"])
def test_a_biopsy_not_yet_done_or_asked_about_is_not_none(text):
    assert_reads(text, {"biopsy": None})


# ---- a problem list's ICD wording ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Problem list: C79.31 Secondary malignant neoplasm of brain.",
                                  "Secondary malignant neoplasm of the brain (C79.31).",
                                  "Dx: secondary carcinoma of brain, NSCLC primary."])
def test_an_icd_secondary_neoplasm_of_brain_is_brain_metastases(text):
    assert_reads(text, {"brain_metastases": True})


@pytest.mark.parametrize("text,value", [("No secondary malignant neoplasm of brain.", False),
                                        ("C79.51 Secondary malignant neoplasm of bone.", None),
                                        ("Rule out secondary malignant neoplasm of brain.", None)])
def test_an_icd_wording_denied_elsewhere_or_to_rule_out(text, value):
    assert_reads(text, {"brain_metastases": value})


# ---- palliative care joined to the cancer treatment -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Palliative care will see her alongside oncology.",
    "Referred to palliative care for pain, alongside ongoing TKI.",
    "Supportive care team involved in parallel with systemic therapy.",
    "Palliative care input concurrently with chemotherapy.",
])
def test_palliative_care_alongside_treatment_is_disease_directed(text):
    assert_reads(text, {"goals_of_care": "disease_directed"})


@pytest.mark.parametrize("text", ["Should palliative care run alongside the TKI?",
                                  "Palliative care instead of further treatment.",
                                  "Palliative care referral made."])
def test_palliative_care_asked_about_or_instead_is_not_disease_directed(text):
    assert_reads_other_than(text, {"goals_of_care": "disease_directed"})


# ---- no targeted therapy, no TKI intolerance ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Two lines of chemotherapy, but no targeted therapy.",
                                  "No targeted therapy received to date.",
                                  "She has never had targeted treatment."])
def test_no_targeted_therapy_is_no_prior_tki(text):
    assert_reads(text, {"prior_tkis": []})


@pytest.mark.parametrize("text", ["No targeted therapy for the KRAS G12C.", "No targeted options remain.",
                                  "No targeted therapy available in her country."])
def test_no_targeted_option_says_nothing_of_tkis_received(text):
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text", ["No prior TKI intolerance.", "No known TKI intolerance.",
                                  "No previous intolerance to ALK inhibitors."])
def test_no_prior_intolerance_is_none(text):
    assert_reads(text, {"intolerant_tkis": []})


# ---- a drug prescribed but never taken, a biopsy considered but not done --------------------------------------------


@pytest.mark.parametrize("text", [
    "Brigatinib was prescribed but never started.",
    "Lorlatinib was ordered but she never took it.",
    "Ceritinib was dispensed but he never took the tablets.",
    "She was prescribed brigatinib but never collected the prescription.",
    "Lorlatinib was approved but has not yet been started.",
])
def test_a_drug_prescribed_but_never_taken_is_not_received(text):
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text,drugs", [
    ("Brigatinib was prescribed and she started it in May.", ["brigatinib"]),
    ("Alectinib 600 mg BID, not taken with food.", ["alectinib"]),
    ("On lorlatinib, he never took a break.", ["lorlatinib"]),
])
def test_a_drug_taken_stays_received(text, drugs):
    assert_reads(text, {"prior_tkis": drugs})


@pytest.mark.parametrize("text", [
    "A rebiopsy was considered but not performed.",
    "Repeat biopsy was discussed but declined by the patient.",
    "Tissue biopsy was offered and refused.",
    "Re-biopsy was planned but not done.",
])
def test_a_biopsy_considered_but_not_done_is_none(text):
    assert_reads(text, {"biopsy": "none"})


@pytest.mark.parametrize("text,biopsy", [
    ("Tissue biopsy was discussed but declined; Guardant360 showed G1202R.", "plasma"),
    ("Rebiopsy was considered and showed G1202R.", "tissue"),
])
def test_only_the_test_done_is_the_biopsy(text, biopsy):
    assert_reads(text, {"biopsy": biopsy})


# ---- teaching-file wording of a specimen's result -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The rebiopsy shows an adenocarcinoma component and a neuroendocrine small-cell component.",
    "Liver core: adenocarcinoma component with a separate small cell carcinoma component.",
    "Small-cell component and adenocarcinoma component both present on the progression biopsy.",
])
def test_two_components_named_apart_are_a_mixed_transformation(text):
    assert_reads(text, {"transformation": "small_cell_mixed"})


@pytest.mark.parametrize("text", ["The tumour showed a neuroendocrine small-cell phenotype at progression.",
                                  "Rebiopsy: small cell morphology, TTF-1 positive.",
                                  "Progression biopsy with small-cell differentiation."])
def test_a_small_cell_phenotype_is_a_small_cell_transformation(text):
    assert_reads(text, {"transformation": "small_cell"})


@pytest.mark.parametrize("text", ["Non-small-cell phenotype retained.", "Is there small-cell morphology?"])
def test_a_non_small_cell_phenotype_or_a_question_is_no_transformation(text):
    assert_reads_one_of(text, "transformation", (None, "none"))


@pytest.mark.parametrize("text", ["KRAS G12C detected on progression tissue after alectinib.",
                                  "MET amplification in the resistance specimen."])
def test_tissue_named_by_the_progression_is_a_tissue_biopsy(text):
    assert_reads(text, {"biopsy": "tissue"})


@pytest.mark.parametrize("text,lmd", [
    ("CSF cytology from the LP came back positive for adenocarcinoma cells.", True),
    ("CSF from the lumbar puncture showed malignant cells.", True),
    ("CSF cytology came back negative.", None),
    ("Was CSF cytology positive?", None),
])
def test_csf_cytology_result_said_after_the_test(text, lmd):
    assert_reads(text, {"leptomeningeal": lmd})


# ---- the ALK result given for two methods at once -------------------------------------------------------------------


@pytest.mark.parametrize("text,positive", [
    ("Pertinent data: ALK by IHC and FISH positive.", True),
    ("ALK IHC & FISH: positive.", True),
    ("ALK by FISH and NGS positive at diagnosis.", True),
    ("ALK by IHC and FISH negative.", False),
    ("ALK IHC/FISH negative.", False),
])
def test_an_alk_result_for_two_methods(text, positive):
    assert_reads(text, {"alk_positive": positive})


@pytest.mark.parametrize("text", ["Was ALK by IHC and FISH positive?", "ALK IHC and FISH were negative on the rebiopsy."])
def test_an_alk_result_asked_or_of_the_rebiopsy_is_not_the_diagnosis(text):
    assert_reads(text, {"alk_positive": None})


# ---- a drug said to be failing at sites -----------------------------------------------------------------------------


@pytest.mark.parametrize("text,pattern", [
    ("He remains on brigatinib, which is now failing in the pleura, liver and bones.", "systemic"),
    ("Alectinib failing at a single adrenal site, rest stable.", "oligoprogression"),
])
def test_a_drug_failing_at_sites_is_progression_there(text, pattern):
    assert_reads(text, {"progression": pattern})


@pytest.mark.parametrize("text", ["Liver function failing in the setting of sepsis.", "Is brigatinib failing in the liver?",
                                  "Renal function failing at present."])
def test_an_organ_failing_or_a_question_is_no_progression(text):
    assert_reads(text, {"progression": None})
