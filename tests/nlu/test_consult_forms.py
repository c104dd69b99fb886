"""Findings read from consult and form writing (referral proformas, e-consults, trial screening, pharmacist and
palliative notes), each form with several phrasings of how clinicians write it and the near-misses that must not be
read. Written from the forms' wording, not copied from the independent sets. (Branch recall9: sets 9 and 4 styles.)"""
from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads

read = extractor.extract_case

# ---- tick boxes: several questions on one line, each ended by a full stop -------------------------------------------
# The full stop after an unticked option ends that option; the next question is not read as part of it.

_QUESTIONS = [("Brain metastases:", "brain_metastases"), ("Brain mets", "brain_metastases"),
              ("Leptomeningeal disease:", "leptomeningeal"), ("Lepto", "leptomeningeal"),
              ("LMD?", "leptomeningeal")]


def _two_questions():
    for (q1, f1), (q2, f2) in itertools.product(_QUESTIONS[:2], _QUESTIONS[2:]):
        for a, b in itertools.product((True, False), repeat=2):
            first = f"{q1} [X] Yes [ ] No." if a else f"{q1} [ ] Yes [X] No."
            second = f"{q2} [x] Yes [ ] No." if b else f"{q2} [ ] Yes [x] No."
            yield f"{first} {second}", {f1: a, f2: b}
            yield f"Form - {first} {second}", {f1: a, f2: b}


@pytest.mark.parametrize("text,fields", list(_two_questions()))
def test_each_question_of_a_line_of_tick_boxes_reads_its_own_ticked_box(text, fields):
    assert_reads(text, fields)


# ---- pregnancy: a form's field answered "not applicable"; a wish to avoid pregnancy ---------------------------------

@pytest.mark.parametrize("text", [
    "Pregnancy: not applicable",
    "Pregnancy status - not applicable (male).",
    "Q9 (pregnancy or breastfeeding): not applicable, patient is male.",
    "Item 12 (pregnancy): 'not applicable'.",
    "Pregnant/breastfeeding: not applicable",
    "ECOG 1; pregnancy: not relevant (post-hysterectomy).",
])
def test_a_pregnancy_field_answered_not_applicable(text):
    assert_reads(text, {"pregnancy_status": "not_applicable"})


@pytest.mark.parametrize("text", [
    "She wants to avoid another pregnancy.",
    "34F, would like to avoid pregnancy while on treatment.",
    "She is keen to avoid becoming pregnant.",
])
def test_a_wish_to_avoid_pregnancy_is_childbearing_potential(text):
    assert_reads(text, {"pregnancy_status": "childbearing_potential"})


@pytest.mark.parametrize("text", [
    "Pregnancy: not known",
    "Pregnancy: n/a",  # not applicable or not assessed: neither is read
    "Pregnancy test: not done",
    "Is pregnancy applicable here?",
    "Women should avoid pregnancy while on lorlatinib.",
    "Does she need to avoid pregnancy on brigatinib?",
    "Is contraception not applicable if she is 52?",
])
def test_near_misses_of_a_pregnancy_status(text):
    assert_reads(text, {"pregnancy_status": None})


@pytest.mark.parametrize("text", [
    "She is trying to get pregnant.",
    "She hopes to become pregnant after treatment.",
    "She does not want to become pregnant.",
    "Advised not to become pregnant while on lorlatinib.",
    "She is keen to avoid becoming pregnant.",
])
def test_a_pregnancy_to_come_or_to_avoid_is_not_a_pregnancy(text):
    assert_reads(text, {"pregnancy_status": "childbearing_potential"})


@pytest.mark.parametrize("text", [
    "She is pregnant.",
    "She became pregnant in March; 12 weeks now.",
    "Now 20 weeks pregnant.",
    "Pregnant (first trimester).",
])
def test_a_pregnancy_stated_is_still_read(text):
    assert_reads(text, {"pregnancy_status": "pregnant"})


# ---- the patient and another person as one subject: the patient's own ---------------------------------------------

@pytest.mark.parametrize("text", [
    "He and his partner choose comfort-focused care at home.",
    "She and her husband have decided on comfort care only.",
    "The patient and her daughter want to focus on comfort.",
    "Goals: he and his wife prefer hospice at home.",
])
def test_the_patient_with_another_person_as_subject_is_the_patient(text):
    assert_reads(text, {"goals_of_care": "comfort"})


@pytest.mark.parametrize("text", [
    "Her husband and son take phenytoin.",
    "Lives with her husband, who takes carbamazepine.",
    "He lives with his wife and her mother, who is on rifampicin.",
])
def test_another_persons_drug_is_still_theirs(text):
    assert_reads(text, {"strong_cyp3a_inducer": None})


# ---- a topical azole is no systemic CYP3A inhibitor -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Topical ketoconazole for seborrhoeic dermatitis.",
    "Ketoconazole 2% shampoo twice weekly.",
    "Meds: ketoconazole cream to the face.",
    "ketoconazole (topical)",
])
def test_a_topical_azole_is_no_strong_inhibitor(text):
    assert_reads(text, {"strong_cyp3a_inhibitor": None})


@pytest.mark.parametrize("text", [
    "Ketoconazole shampoo only (topical) - no systemic interaction.",
    "Topical ketoconazole, no relevant absorption.",
    "Ketoconazole 2% cream: no clinically significant interaction.",
])
def test_a_topical_azole_said_to_give_no_systemic_interaction_is_none_taken(text):
    assert_reads(text, {"strong_cyp3a_inhibitor": False})


@pytest.mark.parametrize("text", [
    "Ketoconazole 200 mg daily.",
    "Oral ketoconazole for a fungal infection.",
    "Itraconazole 200 mg BID for ABPA.",
    "On ketoconazole tablets.",
])
def test_a_systemic_azole_is_still_a_strong_inhibitor(text):
    assert_reads(text, {"strong_cyp3a_inhibitor": True})


# ---- radiotherapy given to the brain says there were brain metastases -----------------------------------------------

@pytest.mark.parametrize("text", [
    "Prior radiotherapy: SRS to brain 2024, SBRT to adrenal 2025.",
    "s/p gamma knife to the brain (2023).",
    "Previous stereotactic radiosurgery to the brain in 2022.",
    "RT history - radiosurgery to brain x2.",
])
def test_radiosurgery_given_to_the_brain_is_brain_metastases(text):
    assert_reads(text, {"brain_metastases": True})


@pytest.mark.parametrize("text", [
    "Would SRS to the brain help?",
    "SBRT to the adrenal in 2025.",
    "If brain mets appear, SRS to the brain.",
    "SRS to the brain is not indicated; no brain lesions.",
    "Referred for SRS to the brain.",
    "SRS to brain recommended.",
])
def test_radiosurgery_asked_about_or_elsewhere_is_not_brain_metastases(text):
    assert read(text).get("brain_metastases") is not True, read(text)


# ---- a biopsy named as the one after a TKI is the re-biopsy ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "NF2 loss on the post-lorlatinib biopsy.",
    "The post-alectinib biopsy: adenocarcinoma, ALK fusion retained.",
    "KRAS G12C was found in the post-TKI specimen.",
    "Post-brigatinib rebiopsy: MET amplification.",
    "Post-treatment biopsy shows EGFR L858R.",
])
def test_a_biopsy_after_a_tki_is_the_rebiopsy(text):
    assert_reads(text, {"biopsy": "tissue"})


@pytest.mark.parametrize("text", [
    "Is a post-lorlatinib biopsy needed?",
    "Post-lorlatinib biopsy to be arranged.",
    "Pre-treatment biopsy: adenocarcinoma.",
])
def test_a_post_tki_biopsy_asked_or_planned_is_not_done(text):
    assert read(text).get("biopsy") != "tissue", read(text)


# ---- neuroendocrine markers negative on the progression specimen: no transformation --------------------------------

@pytest.mark.parametrize("text", [
    "Neuroendocrine markers (synaptophysin, INSM1) negative on the rebiopsy.",
    "On the repeat biopsy, synaptophysin, chromogranin and INSM1 were all negative.",
    "Liver rebiopsy - adenocarcinoma; neuroendocrine markers negative.",
    "Rebiopsy at progression: negative for neuroendocrine markers.",
    "Synaptophysin and chromogranin negative on the progression biopsy.",
])
def test_neuroendocrine_markers_negative_on_the_rebiopsy_are_no_transformation(text):
    assert_reads(text, {"transformation": "none"})


@pytest.mark.parametrize("text", [
    "Neuroendocrine markers pending on the rebiopsy.",
    "Were neuroendocrine markers negative on the rebiopsy?",
    "Synaptophysin positive on the rebiopsy, chromogranin negative.",
    "Neuroendocrine markers negative at diagnosis.",
    "Please stain the rebiopsy for synaptophysin and chromogranin.",
])
def test_near_misses_of_negative_neuroendocrine_markers(text):
    assert read(text).get("transformation") != "none", read(text)


# ---- a maintenance chemotherapy said to be given now -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "3L currently pemetrexed maintenance.",
    "Now pemetrexed maintenance, tolerating well.",
    "Currently pem maintenance since March.",
])
def test_a_maintenance_given_now_is_current_chemotherapy(text):
    assert_reads(text, {"current_therapy": "chemotherapy"})


@pytest.mark.parametrize("text", [
    "Previously pemetrexed maintenance until 2023.",
    "Pemetrexed maintenance 2021-2022, then lorlatinib.",
])
def test_a_past_maintenance_is_not_current(text):
    assert read(text).get("current_therapy") != "chemotherapy", read(text)


# ---- a TKI not yet started is not received; none started yet is TKI-naive -----------------------------------------

@pytest.mark.parametrize("text,tkis", [
    ("Has not yet started lorlatinib; on alectinib.", ["alectinib"]),
    ("She hasn't started lorlatinib yet.", None),
    ("Not yet started on lorlatinib.", None),
    ("Has not yet received lorlatinib.", None),
    ("He has not yet received any lorlatinib; alectinib stopped for PD.", ["alectinib"]),
])
def test_a_tki_not_yet_started_is_not_received(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text", [
    "Has not yet started any targeted therapy.",
    "She has not yet received any TKI.",
    "Not yet started on any ALK inhibitor; alectinib to start Monday.",
    "Hasn't started any targeted treatment yet.",
])
def test_no_tki_started_yet_is_tki_naive(text):
    assert_reads(text, {"prior_tkis": []})


@pytest.mark.parametrize("text", [
    "Has she started a TKI yet?",
    "Has not yet started lorlatinib?",
])
def test_asked_whether_a_tki_was_started_is_nothing(text):
    assert_reads(text, {"prior_tkis": None})


# ---- what a label or a payer covers names a drug, not one received ---------------------------------------------------

@pytest.mark.parametrize("text,tkis", [
    ("Progression on brigatinib as first ALK TKI; the EU label does not cover brigatinib-first sequencing.",
     ["brigatinib"]),
    ("Alectinib 2020-2024. The insurer doesn't cover lorlatinib.", ["alectinib"]),
    ("Progressed on alectinib; her plan won't cover lorlatinib after alectinib.", ["alectinib"]),
    ("Crizotinib since 2023; the policy does not reimburse ceritinib.", ["crizotinib"]),
])
def test_a_drug_a_payer_does_not_cover_is_not_received_nor_denied(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


# ---- a response that lasted until a date is over: what follows is the progression ----------------------------------

@pytest.mark.parametrize("text", [
    "She received alectinib with partial response until September 2025, when CT showed new liver and bone lesions.",
    "Partial response until 2024, then new bone and liver metastases.",
    "Complete response until March; now new liver and lung lesions.",
])
def test_a_response_until_a_date_is_no_control_now(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize("text", ["Partial response on lorlatinib.", "Complete response.",
                                  "Good partial response, ongoing."])
def test_a_response_without_an_end_is_still_control(text):
    assert_reads(text, {"progression": "none"})


# ---- a regimen named as a list of its agents -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Received atezolizumab, bevacizumab, carboplatin and paclitaxel (ABCP) x 4 after lorlatinib.",
    "Had bevacizumab, pemetrexed and carboplatin in 2021.",
    "Treated with pembrolizumab, carboplatin and pemetrexed before the ALK result.",
])
def test_a_regimen_listed_by_its_agents_is_prior_chemotherapy(text):
    assert_reads(text, {"prior_chemotherapy": True})


@pytest.mark.parametrize("text", [
    "No prior pembrolizumab, carboplatin or pemetrexed.",
    "Received lorlatinib, never chemotherapy.",
    "Should she receive atezolizumab, bevacizumab, carboplatin and paclitaxel?",
])
def test_a_listed_regimen_denied_or_asked_is_not_prior_chemotherapy(text):
    assert read(text).get("prior_chemotherapy") is not True, read(text)


# ---- the metastatic sites controlled beside a growing primary: oligoprogression -------------------------------------

@pytest.mark.parametrize("text", [
    "Single enlarging lung primary on lorlatinib, all metastatic sites still responding.",
    "Growing adrenal metastasis; all the distant sites otherwise stable.",
    "The primary has grown, all metastatic lesions remain in partial response.",
])
def test_a_growing_lesion_beside_controlled_metastatic_sites_is_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


@pytest.mark.parametrize("text", ["All metastatic sites still responding.",
                                  "All metastatic sites stable on lorlatinib."])
def test_controlled_metastatic_sites_alone_are_no_oligoprogression(text):
    assert read(text).get("progression") != "oligoprogression", read(text)


# ---- a TKI stopped for pneumonitis, in shorthand: the lung disease too ---------------------------------------------

@pytest.mark.parametrize("text", [
    "brig d/c'd for early pneumonitis wk1, switched to alec",
    "Brigatinib dc'd due to acute pneumonitis.",
    "Brigatinib discontinued for early-onset pneumonitis (day 5).",
])
def test_a_tki_stopped_for_pneumonitis_in_shorthand(text):
    found = assert_reads(text, {"intolerant_tkis": ["brigatinib"]})
    assert "interstitial_lung_disease" in (found.get("comorbidities") or []), found


def test_pneumonitis_asked_about_is_no_lung_disease():
    assert "comorbidities" not in read("Should brigatinib be stopped for early pneumonitis?")


# ---- a TKI with its other name in brackets is ordered once ----------------------------------------------------------

@pytest.mark.parametrize("text,tkis", [
    ("Lorlatinib (Lorbrena) since 2024, previously alectinib 2020-2024.", ["alectinib", "lorlatinib"]),
    ("Ensartinib (Ensacove) since 05/2025 on an access programme, previously crizotinib 2022-2025.",
     ["crizotinib", "ensartinib"]),
    ("Alecensa (alectinib) since 2021, previously crizotinib.", ["crizotinib", "alectinib"]),
    ("Crizotinib 2018-2020, then Alunbrig (brigatinib) until 2023, now lorlatinib.",
     ["crizotinib", "brigatinib", "lorlatinib"]),
])
def test_a_tki_named_twice_in_brackets_is_ordered_once(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


# ---- the progression specimen's diagnosis is adenocarcinoma: no transformation --------------------------------------

@pytest.mark.parametrize("text", [
    "Specimen: liver core, obtained at progression on alectinib. Diagnosis: adenocarcinoma, consistent with lung primary.",
    "Sample: EBUS station 7, taken after progression on lorlatinib. Final diagnosis: metastatic adenocarcinoma.",
    "A liver core biopsy showed adenocarcinoma with the ALK fusion retained.",
    "Core of the new adrenal lesion: adenocarcinoma with retained ALK fusion.",
])
def test_the_progression_specimens_adenocarcinoma_is_no_transformation(text):
    assert_reads(text, {"transformation": "none"})


@pytest.mark.parametrize("text,value", [
    ("Specimen: lung core at diagnosis. Diagnosis: adenocarcinoma.", None),
    ("Adenocarcinoma with an ALK fusion.", None),
    ("Specimen collected after progression on alectinib. Diagnosis: small cell carcinoma.", "small_cell"),
    ("Was the specimen collected after progression? Diagnosis: adenocarcinoma?", None),
])
def test_near_misses_of_the_progression_specimens_diagnosis(text, value):
    assert_reads(text, {"transformation": value})


@pytest.mark.parametrize("text", [
    "She and her husband, who takes phenytoin, live nearby.",
    "She and her husband (on carbamazepine) attended clinic.",
    "He and his wife, who takes rifampicin for TB, are both vaccinated.",
])
def test_what_is_said_of_the_person_beside_the_patient_is_still_theirs(text):
    assert_reads(text, {"strong_cyp3a_inducer": None})


@pytest.mark.parametrize("text", ["She has not taken her lorlatinib since Monday (held for nausea).",
                                  "Has not yet restarted her alectinib; alectinib held for 3 days."])
def test_a_dose_held_is_still_the_tki_received(text):
    assert_reads(text, {"prior_tkis": [t for t in ("lorlatinib", "alectinib") if t in text]})


# ---- the fusion named as what is known of the tumour is no plasma result ---------------------------------------------

@pytest.mark.parametrize("text", [
    "EGFR L858R at low VAF in plasma, of uncertain significance given the ALK fusion.",
    "Plasma NGS: KRAS G12C 0.4%, likely subclonal in the context of the known ALK fusion.",
    "ctDNA shows a BRAF V600E, hard to interpret given the underlying ALK rearrangement.",
])
def test_the_known_fusion_named_beside_a_plasma_result_is_no_fusion_found_in_plasma(text):
    assert_reads(text, {"alk_fusion_at_progression": None, "alk_fusion_specimen": None})


@pytest.mark.parametrize("text", [
    "Guardant360 at progression: EML4-ALK fusion detected, ALK G1202R 1.2%.",
    "Plasma NGS showed the ALK fusion and G1202R.",
    "ctDNA: EML4-ALK v3 present; TP53 mutated.",
])
def test_a_fusion_found_in_plasma_is_still_read(text):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma"})


# ---- what a counterfactual eligibility gives as its reason is stated ------------------------------------------------

@pytest.mark.parametrize("text,tkis", [
    ("Our patient would not have been eligible for ALTA-1L because she had already received crizotinib.",
     ["crizotinib"]),
    ("He would not qualify for the trial because he has already had alectinib.", ["alectinib"]),
    ("She would be eligible for lorlatinib, having had alectinib already.", ["alectinib"]),
])
def test_the_reason_a_patient_would_not_be_eligible_states_the_tki(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text", ["She would have been eligible for lorlatinib.",
                                  "He would be funded for brigatinib because of the CNS disease."])
def test_a_counterfactual_access_is_still_no_tki_received(text):
    assert_reads(text, {"prior_tkis": None})
