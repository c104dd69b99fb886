"""The brain's state as clinicians write it, and as nurses relay the patient's own words: brain progression beside
the body told stable in varied words (CNS-only), brain metastases present now when told as treated, stable or
responding lesions, and absent now when the brain is told clear; each class in phrasings of our own, with the
near-misses that must not be read (a question, a plan, a relative's finding, a scan still to come, a denial of new
lesions only, the body alone, lesions at diagnosis only)."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. brain progression beside the body told stable: CNS-only ----------------------------------------------------


@pytest.mark.parametrize("text", [
    "MRI: two new 4 mm cerebellar metastases. Chest and abdomen CT unchanged.",
    "New 7 mm left occipital metastasis on MRI; thorax and abdomen stable.",
    "Brain MRI: 3 new small lesions. Thoraco-abdominal CT: stable.",
    "MRI head: one new 5 mm lesion. Chest/abdomen/pelvis unchanged.",
    "Two new subcentimetre parietal metastases on MRI. CT of chest and abdomen stable on alectinib.",
    "MRI brain 11/2025: a new 8 mm temporal lesion; thoracic-abdominal CT without change.",
])
def test_brain_progression_with_chest_and_abdomen_stable_is_cns_only(text):
    assert_reads(text, {"progression": "cns_only", "brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "RN relay: she was told there are two new tiny spots in the brain; her chest and belly scan was the same.",
    "Pt message: 'the MRI found one new spot in my brain, the rest of my body is still clear'.",
    "He says 2 new small spots in his brain were seen; the CT of the rest of the body stayed stable.",
    "Patient: 'three little spots in my brain, gamma knife next week. The rest of my body is clean.'",
])
def test_lay_words_of_brain_spots_beside_the_body_stable_are_cns_only(text):
    assert_reads(text, {"progression": "cns_only", "brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "Neuro-onc: a single 12 mm right cerebellar metastasis; body disease stable on the last CT.",
    "Frontal metastasis 1.5 cm, new. Extracranial disease stable on CT last week.",
    # (a single new lesion with no count word: the lesions' count is left to ask, as the project reads it)
    "New right frontal metastasis, 9 mm. Body CT two weeks ago was stable.",
    "Brain MRI shows a new 6 mm lesion; the body CT from last month remains stable.",
])
def test_one_new_brain_lesion_beside_the_body_stable_is_cns_only(text):
    assert_reads(text, {"progression": "cns_only", "brain_metastases": True})


# ---- 2. brain metastases present now, told as treated, stable or responding lesions ---------------------------------


@pytest.mark.parametrize("text", [
    "Brain MRI 10/2025: 3 stable treated lesions.",
    "MRI brain: two stable irradiated lesions, nothing new.",
    "MRI of the brain shows 2 unchanged treated lesions and no new disease.",
    "Head MRI: one stable previously treated lesion.",
])
def test_stable_treated_brain_lesions_counted_are_present_and_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "Brain MRI after radiosurgery shows response of all three lesions.",
    "MRI brain post-SRS: shrinkage of both lesions.",
    "Brain MRI 8 weeks after gamma knife: regression of the two treated lesions.",
])
def test_brain_lesions_said_to_respond_are_present(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "Phone call: he says the brain spots are bigger on the new scan.",
    "Patient reports her doctor said the spots in her brain have shrunk.",
    "Nurse note: pt told the brain spots are stable after the radiation.",
])
def test_a_patients_brain_spots_are_brain_metastases(text):
    assert_reads(text, {"brain_metastases": True})


@pytest.mark.parametrize("text", [
    "Brain MRI: 2 stable treated lesions. CT body: stable on lorlatinib.",
    "MRI brain post-SRS: response of both lesions. Body CT unchanged.",
])
def test_treated_brain_lesions_stable_beside_the_body_stable_are_no_cns_only(text):
    # known lesions beside the body controlled: no CNS-only pattern (the progression is left to ask)
    assert_reads(text, {"brain_metastases": True})
    assert_reads_other_than(text, {"progression": "cns_only"})


# ---- 3. brain metastases absent now -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "CNS clear on the latest MRI.",
    "Brain parenchyma clear; no leptomeningeal enhancement.",
    "CNS is clean on MRI from October.",
    "She was told everything is clear in her brain.",
    "MRI today: everything is clear in the brain.",
    "Intracranial compartment clear on restaging MRI.",
])
def test_the_brain_said_clear_in_other_words_is_no_brain_metastases(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "MRI brain now shows only post-treatment gliosis, no active lesions.",
    "Brain MRI: residual gliosis only, no enhancing lesions.",
    "Follow-up brain MRI: gliosis at the resection site, no active disease.",
])
def test_only_gliosis_and_no_active_lesions_is_no_brain_metastases(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "Complete intracranial response on the latest MRI.",
    "Brain MRI: complete response of all previously seen lesions.",
])
def test_a_complete_response_in_the_brain_is_no_brain_metastases_now(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "Brain MRI series: 2022 at diagnosis 6 lesions, WBRT; 2025 only residual gliosis, no active lesions.",
    "Regarding the brain: one frontal metastasis resected in 2021; the MRI is now clean, without recurrence.",
])
def test_a_past_count_does_not_make_brain_metastases_present_now(text):
    assert_reads_other_than(text, {"brain_metastases": True})


# ---- negative controls ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Could these spots in the brain be metastases?",
    "Are the brain spots cancer? She asks.",
    "Her brother had spots in his brain from his melanoma.",
    "Plan: MRI brain to look for new spots; chest and abdomen unchanged.",
    "MRI brain pending. Chest and abdomen unchanged.",
    "Lung parenchyma has 2 small nodules, stable.",
    "MRI spine: 2 stable treated lesions at T10 and L2.",
    # a relative's scan told with a possessive is theirs (tests/nlu/test_relative_possessive_forms.py)
    "Her mother's brain MRI showed 3 stable treated lesions.",
])
def test_questions_plans_relatives_and_other_organs_are_no_brain_metastases(text):
    assert_reads_other_than(text, {"brain_metastases": True})


@pytest.mark.parametrize("text", [
    "MRI brain: no new lesions. CT body stable.",
    "Brain MRI shows no new brain lesions; chest and abdomen unchanged.",
])
def test_no_new_brain_lesions_says_nothing_of_present_ones(text):
    assert_reads(text, {"brain_metastases": None})


@pytest.mark.parametrize("text", [
    "Chest and abdomen unchanged on CT.",
    "Thoraco-abdominal CT: stable.",
    "The rest of my body is still clean, the doctor says.",
    "Body CT last month was stable.",
])
def test_the_body_told_stable_alone_is_no_cns_only(text):
    assert_reads_other_than(text, {"progression": "cns_only"})
    assert_reads(text, {"brain_metastases": None})


@pytest.mark.parametrize("text", [
    "Brain metastases at diagnosis in 2021 (3 lesions, SRS). Chest and abdomen unchanged.",
    "Known treated brain mets. Thoracic-abdominal CT stable.",
    "I have one new spot in my brain. Is the rest of my body still clean?",
    "Chest and abdomen unchanged apart from new liver lesions; MRI brain: one new metastasis.",
    "Could there be a new brain lesion? Chest and abdomen unchanged.",
    "Her father has brain metastases; her own chest and abdomen CT is unchanged.",
])
def test_no_cns_only_without_brain_progression_stated_beside_a_body_controlled(text):
    assert_reads_other_than(text, {"progression": "cns_only"})


@pytest.mark.parametrize("text", [
    "Could the CNS be clear after radiosurgery? MRI pending.",
    "We will repeat the MRI to see whether the brain parenchyma is clear.",
    "Everything is clear in the liver now.",
    "Gliosis noted in the spinal cord, no active lesions.",
])
def test_questions_plans_and_other_organs_said_clear_are_no_absence_of_brain_metastases(text):
    assert_reads_other_than(text, {"brain_metastases": False})
