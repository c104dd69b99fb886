"""The brain fields in forms written in our own words (cns3): lesions counted in a brain region without the word
"brain" before them ("two new lesions in the cerebellum"); the count told
in the answer to a brain-metastases key; parenchymal lesions told beside leptomeningeal disease; the ICD-10 codes and
wording of brain and meningeal secondaries; a brain scan said fine in plain words; brain radiotherapy told as given;
the word "leptomeningeal" naming a question or a work-up ("the leptomeningeal question ... not confirmed").
Each class comes with near-misses that must not be read so: a denial, a question, a what-if or a plan, a relative's
finding, a count told of the diagnosis, another organ's lesions."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. lesions counted in a brain region ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "MRI today: two new lesions in the cerebellum, body stable on brigatinib.",
    "Restaging shows one new lesion (4 mm) in the right occipital lobe.",
    "There are 3 small enhancing foci within the left frontal lobe.",
    "Scan: a single new metastasis in the brain, asymptomatic.",
])
def test_one_to_four_lesions_in_a_brain_region_are_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "MRI: 8 small lesions (2-5 mm) scattered in both hemispheres.",
    "Twelve new metastases throughout both cerebral hemispheres.",
    "Innumerable tiny lesions across the cerebellum and both hemispheres.",
])
def test_more_than_five_lesions_in_a_brain_region_are_extensive(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "extensive"})


@pytest.mark.parametrize("text", [
    "CT: two new lesions in the liver, brain not imaged.",
    "Does she have 2 lesions in the cerebellum?",
    "Her father had 3 metastases in the brain.",
    "MRI: no new lesions in the cerebellum.",
    "At diagnosis, 2 lesions in the cerebellum were treated with SRS.",
    "In 2021 one metastasis in the right frontal lobe was resected; MRI since then clean.",
    "Just one lesion in the left parietal lobe has grown since June.",
])
def test_another_organ_a_question_a_relative_a_denial_or_the_diagnosis_count_no_current_lesions(text):
    assert_reads_other_than(text, {"cns_lesions": "limited"})


# ---- 2. the count in the answer to a brain-metastases key ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Brain metastases: yes - 3 lesions, none symptomatic",
    "Any brain mets: Y (2, both under 5 mm)",
    "Problem list: brain metastases (x2), asymptomatic",
    "Active problem: brain metastasis, single, treated with SRS",
])
def test_a_count_answering_a_brain_metastases_key_is_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "Brain mets: yes - innumerable",
    "Brain metastases: Yes (>10)",
])
def test_many_answering_a_brain_metastases_key_is_extensive(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "extensive"})


@pytest.mark.parametrize("text", [
    "Brain metastases: no - 0 lesions",
    "Brain mets: yes - 5 lesions",
    "Brain mets: yes - 2 cm, single lesion being reviewed? Y/N",
    "Brain mets: Y/N",
])
def test_a_denial_five_a_size_or_a_blank_form_is_no_limited_count(text):
    assert_reads_other_than(text, {"cns_lesions": "limited"})


# ---- 3. parenchymal lesions beside leptomeningeal disease, and untreated lesions counted -----------------------------


@pytest.mark.parametrize("text", [
    "CSF cytology positive; the brain parenchyma has 2 small lesions as well.",
    "Leptomeningeal enhancement along the cerebellar folia with a few parenchymal metastases.",
])
def test_parenchymal_lesions_beside_the_meninges_are_brain_metastases(text):
    assert_reads(text, {"brain_metastases": True, "leptomeningeal": True})


@pytest.mark.parametrize("text", [
    "Leptomeningeal enhancement; no parenchymal lesions.",
    "CT chest: 2 parenchymal lesions in the right lung.",
    "Lung parenchymal nodules are stable.",
])
def test_parenchymal_lesions_denied_or_in_the_lung_are_no_brain_metastases(text):
    assert_reads_other_than(text, {"brain_metastases": True})


# ---- 4. ICD-10 codes and wording of brain and meningeal secondaries --------------------------------------------------


@pytest.mark.parametrize("text", [
    "Diagnoses coded: C34.12, C79.32",
    "Problem list: secondary malignant neoplasm of cerebral meninges (new 11/2025)",
])
def test_the_meningeal_secondary_coded_is_leptomeningeal(text):
    assert_reads(text, {"leptomeningeal": True})


def test_the_brain_secondary_code_alone_is_brain_metastases():
    assert_reads("Codes on the claim: C34.90, C79.31, C79.51", {"brain_metastases": True})


@pytest.mark.parametrize("text", [
    "Codes on the claim: C34.90, C79.51, C78.7",
    "Codes: C79.319 was entered in error",
])
def test_other_codes_are_no_brain_metastases(text):
    assert_reads_other_than(text, {"brain_metastases": True})


# ---- 5. a brain scan said fine in plain words ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "CT shows new liver lesions. MRI brain ok.",
    "Brain MRI fine, ECOG 1.",
    "Brain: never involved (MRI 10/2025 negative).",
    "Liver progressing, brain stable (no mets).",
])
def test_a_brain_scan_said_fine_or_the_brain_never_involved_is_no_brain_metastases(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "Is the MRI brain ok?",
    "Her husband's brain MRI was fine.",
    "If the brain MRI is fine we continue.",
])
def test_a_question_a_relative_or_a_what_if_is_not_a_clear_brain(text):
    assert_reads_other_than(text, {"brain_metastases": False})


# ---- 6. brain radiotherapy told as given: the lesions it treated are present, known from before -----------------------


@pytest.mark.parametrize("text", [
    "Post-SRS follow-up, no neurological complaints.",
    "s/p WBRT 2022, now on lorlatinib.",
    "Seen after whole-brain radiotherapy last year; doing well on alectinib.",
    "Status post gamma knife, MRI due in March.",
])
def test_brain_radiotherapy_given_tells_brain_metastases(text):
    assert_reads(text, {"brain_metastases": True})


@pytest.mark.parametrize("text", [
    "Should she have WBRT?",
    "Would WBRT help her headaches?",
    "Post-SRS to the T9 vertebra, back pain settled.",
    "Her brother is s/p WBRT for melanoma.",
    "s/p WBRT in 2021, with no residual brain disease on today's MRI.",
    "Status post gamma knife in 2021, none seen on this MRI.",
])
def test_brain_radiotherapy_asked_planned_to_another_site_or_a_relatives_tells_none(text):
    assert_reads_other_than(text, {"brain_metastases": True})


# ---- 7. the word naming a question about the meninges is no leptomeningeal disease ----------------------------------


@pytest.mark.parametrize("text", [
    "The leptomeningeal question from the outside read was not confirmed by our neuroradiologist.",
    "Leptomeningeal concern raised by the radiologist; LP booked for Friday.",
    "Brain MRI: 2 stable treated lesions. Leptomeningeal work-up pending.",
])
def test_a_leptomeningeal_question_or_workup_is_not_leptomeningeal_disease(text):
    assert_reads_other_than(text, {"leptomeningeal": True})


@pytest.mark.parametrize("text", [
    "Leptomeningeal enhancement along the cauda equina, CSF positive.",
    "Leptomeningeal disease confirmed on the second LP.",
    "New leptomeningeal spread on MRI, body stable.",
])
def test_leptomeningeal_disease_told_is_read(text):
    assert_reads(text, {"leptomeningeal": True})
