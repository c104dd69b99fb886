"""The extent of brain disease, whether a strong CYP3A inducer can be stopped, and the specimen of the fusion at
progression, in forms written in our own words (cns10): a count of treated brain lesions told with their response
("the 3 irradiated metastases have shrunk") or past a semicolon under a brain scan; a form's "how many" row; the
brain's key answered with a count ("Brain: 2 new mets", a table's brain column "new x1"); one sized lesion or
enhancing focus in a brain region; an inducer's switch to a named alternative agreed later in its sentence or in the
next one; a form's row asking whether the inducer can be stopped; an inducer advised against changing, or to be
continued for a course's months or as a programme says; a specimen row answered tissue below the fusion's result at
progression; a report whose indication row names this progression, its fusion row below. Each class comes with
near-misses that must not be read so: a question, a denial, a plan, another person, another organ, the diagnosis."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. treated brain lesions counted beside their response --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Brain MRI today: the 3 irradiated metastases have shrunk.",
    "MRI head: both treated lesions are smaller, nothing new.",
    "MRI 02/2026: no new intracranial disease; the two treated mets are stable.",
    "Brain MRI: no new lesions; the 4 previously treated deposits are unchanged.",
])
def test_treated_brain_lesions_counted_beside_their_response_are_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "MRI brain normal; CT: the 2 treated lesions in the liver are smaller.",
    "Brain MRI clear. The three treated liver mets have shrunk.",
    "Are the 3 treated brain metastases smaller on the new MRI?",
    "Her sister's brain MRI: the 2 treated metastases are stable.",
])
def test_treated_lesions_of_another_organ_a_question_or_a_relative_are_not_limited(text):
    assert_reads_other_than(text, {"cns_lesions": "limited"})


# ---- 2. a form's "how many" row, and the brain's key answered with a count -------------------------------------------


@pytest.mark.parametrize("text,extent", [
    ("Brain metastases: Yes ▼ ; How many: 'too numerous to count'", "extensive"),
    ("CNS mets: yes; how many lesions: 2", "limited"),
    ("Brain: 2 new mets", "limited"),
    ("Brain: new x3 (largest 7 mm)", "limited"),
    ("date\tbrain\tbody\n2026-01-14\tnew x1 (4 mm)\tstable", "limited"),
    ("MRI head: 15 new metastases", "extensive"),
    ("CNS: new x12", "extensive"),
])
def test_a_count_row_or_the_brains_key_answered_with_a_count_tells_the_extent(text, extent):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": extent})


@pytest.mark.parametrize("text", [
    "Brain mets: no ; How many: n/a",
    "How many brain mets does he have?",
    "Brain: SRS x2",
    "Brain: 2 cm lesion resected in 2021",
    "Brain: no new lesions",
    "Brain MRI: 3 new lesions in the liver dome",
    "Brain: ?2 new mets",
])
def test_a_denied_row_a_question_a_treatment_count_a_size_or_another_organ_is_not_limited(text):
    assert_reads_other_than(text, {"cns_lesions": "limited"})


def test_how_many_asked_as_a_key_is_no_question_and_no_many_lesions():
    found = assert_reads("Brain metastases: yes | how many lesions: 3", {"cns_lesions": "limited"})
    assert found.get("progression") is None


def test_six_to_nine_after_the_brains_key_are_left_unread():
    assert_reads_other_than("Brain: 7 mets", {"cns_lesions": "extensive"})


# ---- 3. one sized lesion or enhancing focus in a brain region --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "MRI brain: a single 4-mm focus of enhancement in the left cerebellum.",
    "Head MRI: one 6 mm enhancing focus in the right parietal lobe.",
    "MRI: a solitary 9 mm lesion in the left occipital lobe.",
])
def test_one_sized_lesion_or_enhancing_focus_in_a_brain_region_is_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "MRI brain: a single 4 mm focus of restricted diffusion in the left frontal lobe, an acute infarct.",
    "MRI brain: no focus of enhancement in the cerebellum.",
    "Is there a single enhancing focus in the right cerebellum?",
    "MRI brain: one 3 mm focus of susceptibility in the right frontal lobe, a microbleed.",
])
def test_a_focus_of_something_else_a_denial_or_a_question_is_not_a_brain_lesion(text):
    assert_reads_other_than(text, {"cns_lesions": "limited", "brain_metastases": True})


# ---- 4. a strong CYP3A inducer that can or cannot be stopped -----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "She has been on rifampicin for latent TB since October and lorlatinib is the plan; after a long discussion the "
    "TB physicians agreed to switch to a rifamycin-free regimen.",
    "Neurology put him on carbamazepine after the seizure. We asked them to change it to lacosamide before "
    "lorlatinib, and they agree.",
    "Phenytoin (post-craniotomy seizures) | Can be stopped: Yes",
    "On carbamazepine for epilepsy; neurology could switch him to levetiracetam.",
])
def test_an_inducers_switch_to_a_named_alternative_agreed_is_stoppable(text):
    assert_reads(text, {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True})


@pytest.mark.parametrize("text", [
    "Enzyme-inducing AED: phenytoin | Can be discontinued: No (two failed switches)",
    "Takes carbamazepine for refractory epilepsy; the epileptologist advised against switching it.",
    "Started RHZE for pulmonary TB last week; to continue for 6 months as per the national programme.",
])
def test_an_inducer_said_to_go_on_must_continue(text):
    assert_reads(text, {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False})


@pytest.mark.parametrize("text", [
    "On carbamazepine. Could we switch to levetiracetam?",
    "On phenytoin. We asked whether it could be changed to levetiracetam; neurology says that is not possible.",
    "Phenytoin stopped in 2019. Could switch to levetiracetam if seizures recur.",
    "On phenytoin for epilepsy; we will switch alectinib to lorlatinib next week.",
    "Her father was on phenytoin; his neurologist could switch him to levetiracetam.",
    "Her brother takes carbamazepine; his neurologist agreed to switch him to levetiracetam.",
    "Carbamazepine to continue for now.",
])
def test_a_question_a_refusal_a_drug_stopped_long_ago_a_tki_switch_or_a_relative_is_not_stoppable(text):
    assert_reads_other_than(text, {"cyp3a_inducer_stoppable": True})


def test_a_plan_to_continue_with_no_course_told_is_not_must_continue():
    assert_reads_other_than("On phenytoin; carbamazepine to continue for now.", {"cyp3a_inducer_stoppable": False})


# ---- 5. the fusion's specimen row, and a report whose indication is this progression ------------------------------------


@pytest.mark.parametrize("text,fusion", [
    ("ALK fusion at progression: [x] Detected [ ] Not detected\nSpecimen: [x] Tissue [ ] Plasma", True),
    ("ALK fusion at PD: not detected\nSpecimen: tissue", False),
    ("ALK rearrangement at relapse: detected | Sample type: FFPE tissue", True),
])
def test_a_specimen_row_answered_tissue_below_the_fusion_at_progression_is_tissue(text, fusion):
    assert_reads(text, {"alk_fusion_at_progression": fusion, "alk_fusion_specimen": "tissue"})


@pytest.mark.parametrize("text,specimen", [
    ("cfDNA NGS report\nIndication: progression on brigatinib\nALK fusion: Detected\nALK L1196M: Detected (0.9%)",
     "plasma"),
    ("Liquid biopsy report\nClinical indication: suspected progression on alectinib\nResults:\n  EML4-ALK fusion ...... "
     "1.2%", "plasma"),
    ("NGS report - adrenal core biopsy\nReason for testing: progression on lorlatinib\nEML4-ALK fusion: detected",
     "tissue"),
])
def test_a_reports_fusion_row_below_an_indication_of_progression_is_the_fusion_at_progression(text, specimen):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": specimen})


@pytest.mark.parametrize("text", [
    "ALK fusion at diagnosis: detected\nSpecimen: tissue",
    "Tissue NGS report\nIndication: staging at diagnosis\nALK fusion: Detected",
    "ctDNA report\nIndication: progression on lorlatinib\nALK fusion ......... pending",
    "Plasma NGS\nIndication: progression on alectinib\nALK fusion: not detected (low tumour fraction)",
    "PD-L1 at progression: 40%\nSpecimen: tissue",
])
def test_the_diagnosis_a_pending_or_negative_row_or_another_test_is_no_fusion_found_at_progression(text):
    found = assert_reads_other_than(text, {"alk_fusion_at_progression": True})
    assert found.get("alk_fusion_specimen") != "tissue" or found.get("alk_fusion_at_progression") is False


# ---- 6. new brain lesions counted now, after the brain's metastases told before in the sentence -------------------------


@pytest.mark.parametrize("text", [
    "Brain mets at presentation were treated with WBRT in 2021; now 2 new lesions.",
    "ECOG 1. Had SRS for cerebellar metastases last year, currently three new small lesions.",
    "Intracranial disease treated with radiosurgery in 2022, and now a single new focus.",
])
def test_new_lesions_counted_now_after_the_brains_metastases_are_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "No brain mets at diagnosis; now 2 new lesions.",
    "Brain mets treated with SRS in 2023; now 2 new lesions in the liver.",
    "Brain mets treated with SRS in 2023; now 2 new lesions?",
    "Her father's brain metastases were irradiated; now 2 new lesions.",
])
def test_denied_brain_mets_another_organ_a_question_or_a_relative_are_not_limited(text):
    assert_reads_other_than(text, {"cns_lesions": "limited"})


# ---- 7. the result after this progression said to show the fusion ---------------------------------------------------------


@pytest.mark.parametrize("text,specimen", [
    ("Liquid biopsy sent at progression on brigatinib. The report shows the ALK fusion and an L1196M.", "plasma"),
    ("Progression on alectinib; a new core of the adrenal lesion was taken. Sequencing revealed EML4-ALK fusion.",
     "tissue"),
])
def test_the_result_after_this_progression_showing_the_fusion_is_the_fusion_at_progression(text, specimen):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": specimen})


@pytest.mark.parametrize("text", [
    "Diagnosed in 2020: the lung biopsy showed ALK fusion. Progression in 2024 on alectinib.",
    "Progressing on alectinib; the original biopsy showed ALK fusion at diagnosis.",
    "Plasma at progression on lorlatinib: the report shows ALK fusion was not detected.",
])
def test_the_diagnosis_or_a_fusion_not_found_is_no_fusion_found_at_progression(text):
    assert_reads_other_than(text, {"alk_fusion_at_progression": True})
