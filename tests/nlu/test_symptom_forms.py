"""Whether the progression is symptomatic (`symptomatic`): the symptoms of the disease's progression, not any complaint.
A review of systems' templated denials, a complaint given to a drug or to another cause, and a sign a scan rules out
leave it unread (asked); a deficit or a pain told in other words is read. Each form in several
phrasings of our own, with the near-misses that must still be read."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- a review of systems: its denials are the template's screen, not a word on the progression ----------------------


@pytest.mark.parametrize("text", [
    "ROS: negative for headache, vomiting, limb weakness and seizures.",
    "Review of systems: denies headaches, blurred vision, numbness. Otherwise negative.",
    "ROS: (-) fevers, (-) headache, (-) confusion, (+) mild constipation.",
    "ROS:\nConstitutional - no weight loss\nNeuro - no headaches, no seizures\nGI - nausea occasionally",
    "REVIEW OF SYSTEMS: Neuro: no focal deficits. Resp: no cough.",
    "14-point ROS: no headache, no diplopia, otherwise negative.",
])
def test_a_review_of_systems_denials_leave_symptomatic_unread(text):
    assert_reads(text, {"symptomatic": None})


@pytest.mark.parametrize("text, value", [
    ("ROS: positive for new hip pain; denies headache.", True),
    ("ROS: + bone pain, + headaches.", True),
    # not a review of systems: the writer's own word on the symptoms beside a progression
    ("New liver metastases on CT. She denies headache or focal weakness.", False),
    ("No neurological symptoms. MRI: two new 5 mm brain metastases.", False),
    ("no headaches", False),
    # a line after the review of systems that is no system's line of it
    ("ROS: unremarkable.\nAssessment: new bone lesions, no neurological symptoms.", False),
])
def test_a_complaint_in_the_review_or_a_denial_outside_it_is_read(text, value):
    assert_reads(text, {"symptomatic": value})


# ---- a complaint given to a drug or another cause ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Line 2: lorlatinib 2024-2025, stopped: G3 confusion",
    "Brigatinib | 2022-2023 | reason for stopping: toxicity (severe headaches)",
    "Her confusion was attributed to lorlatinib and improved after a dose hold.",
    "Seizure last month, thought to be due to hyponatraemia; sodium now corrected.",
    "Drowsiness secondary to oxycodone, improving with dose reduction.",
    "Intermittent confusion (lorlatinib-related), resolved at 75 mg.",
])
def test_a_complaint_given_to_a_drug_or_another_cause_is_not_the_progressions(text):
    assert_reads(text, {"symptomatic": None})


@pytest.mark.parametrize("text", [
    "Line 1: alectinib, stopped: PD with new headaches",
    "Confusion from the new frontal metastases; dexamethasone started.",
    "Headaches due to brain metastases, improving on steroids.",
    "Stopped lorlatinib for hyperlipidaemia. New headaches and a new 8 mm cerebellar lesion.",
])
def test_a_complaint_of_the_cancer_or_after_its_own_mark_is_read(text):
    assert_reads(text, {"symptomatic": True})


# ---- the patient well, or a symptom, beside a progression or brain disease: read ---------------------------------


@pytest.mark.parametrize("text, value", [
    ("Feels well. CT shows new liver and bone lesions.", False),
    ("Asymptomatic. Body stable, but MRI shows 3 new brain metastases.", False),
    ("Stable disease extracranially; headaches from 2 new brain metastases.", True),
])
def test_well_or_unwell_with_progression_or_brain_disease_is_read(text, value):
    assert_reads(text, {"symptomatic": value})


# ---- a deficit or a pain told in other words ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Presented with new left-sided weakness; MRI shows a 2 cm parietal metastasis.",
    "He reports clumsiness of the right hand for a week; new frontal lesion on MRI.",
    "Left hand clumsiness since the weekend. MRI: enlarging right parietal metastasis.",
    "Expressive dysphasia; new 15 mm left temporal metastasis.",
    "New bone lesions in the pelvis and spine; he has pain in the lower back.",
    "Progression in the liver and bones, with new bone pains.",
    "PD in the ribs; she has pain in the right side of the chest wall.",
])
def test_a_deficit_or_a_pain_in_other_words_is_symptomatic(text):
    assert_reads(text, {"symptomatic": True})


@pytest.mark.parametrize("text, value", [
    ("No pain in the lower back. New bone lesions in the pelvis.", False),
    ("Denies any clumsiness of the hands; new 6 mm frontal metastasis.", False),
    ("Her husband has pain in the hip.", None),
    ("What would you do if she develops right-sided weakness?", None),
])
def test_a_deficit_or_pain_denied_asked_or_anothers_is_not_read_present(text, value):
    assert_reads(text, {"symptomatic": value})


# ---- a sign a scan rules out is the image's word, not the patient's ------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("MRI whole spine: new T9 metastasis. No cord compression.", None),
    ("CT head: no hydrocephalus, no new lesions.", None),
    ("Spine MRI: L3 lesion with cord compression.", True),
    ("MRI spine: no cord compression. He denies back pain.", False),
])
def test_a_sign_a_scan_rules_out_leaves_symptomatic_unread(text, value):
    assert_reads(text, {"symptomatic": value})
