"""The brain fields in forms written in our own words (cns2): a brain scan told clear in words not read before
("normal", "without metastases", dated or timed between), brain metastases told at the diagnosis beside the brain
told clear now (and the other way round), treated lesions counted right after a brain scan or under a "CNS:" key, and
a brain region written with a hyphen ("motor-cortex"). Each class comes with near-misses that must not be read: a
question, a what-if, a relative's scan, another organ's scan, "no new lesions" alone, a result with an exception, and
metastases at the diagnosis told alone."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. a brain scan told clear in other words: no brain metastases now --------------------------------------------


@pytest.mark.parametrize("text", [
    "Brain MRI normal.",
    "Her head MRI 09/2025: negative.",
    "MRI of the brain without metastases; body CT shows a new liver lesion.",
    "Brain MRI without lesions, ECOG 1.",
    "MRI brain on 3 November was clear.",
    "Cranial MRI from last week unremarkable.",
    "Head MRI 10/2025 - no metastases.",
    "MRI brain today: no evidence of residual or new metastases.",
    "Brain MRI: no active lesions.",
    "MRI of the head 14.10.2025 normal.",
])
def test_a_brain_scan_told_clear_in_other_words_is_no_brain_metastases(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "Is the brain MRI normal?",
    "If the brain MRI is normal we continue alectinib.",
    "His brother had a brain MRI without metastases.",
    "Brain MRI requested to confirm it is normal.",
    "Brain MRI: no new lesions.",
    "Brain MRI clear apart from a 4 mm right frontal focus.",
    "Brain MRI normal except for a 3 mm enhancing focus in the left cerebellum.",
    "MRI spine without lesions.",
    "Liver MRI normal.",
])
def test_questions_plans_relatives_other_organs_and_exceptions_are_not_a_clear_brain(text):
    assert_reads_other_than(text, {"brain_metastases": False})


# ---- 2. brain metastases at the diagnosis, the brain clear now (and the other way round) ---------------------------


@pytest.mark.parametrize("text", [
    "Brain mets at diagnosis in 2021. MRI brain 10/2025: negative.",
    "Brain metastases at diagnosis, treated with SRS; now the brain MRI is clear.",
    "Brain mets at diagnosis (SRS x2); alectinib since; head MRI 09/2025 without lesions.",
    "At diagnosis two brain metastases, radiosurgery to both. Today's MRI brain: no metastases.",
])
def test_brain_metastases_at_diagnosis_and_the_brain_clear_now_is_none_now(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "Brain MRI clear at diagnosis. Now 2 new brain mets.",
    "Brain MRI negative at diagnosis; MRI brain 11/2025 shows a new 6 mm cerebellar metastasis.",
])
def test_a_brain_clear_at_diagnosis_and_metastases_now_is_metastases_now(text):
    assert_reads(text, {"brain_metastases": True})


@pytest.mark.parametrize("text", [
    "Brain mets at diagnosis in 2021.",
    "Brain mets at diagnosis in 2021; brain MRI 10/2025 shows 2 stable treated lesions.",
    "Brain metastases at diagnosis. Her sister's brain MRI was normal.",
])
def test_brain_metastases_at_diagnosis_without_a_clear_brain_now_are_not_denied(text):
    assert_reads_other_than(text, {"brain_metastases": False})


def test_brain_metastases_at_diagnosis_and_a_clear_brain_only_supposed_is_not_denied():
    assert_reads_other_than(
        "Brain mets at diagnosis. If the brain MRI is clear we continue.", {"brain_metastases": False}
    )


# ---- 3. treated lesions counted after a brain scan or a "CNS:" key -------------------------------------------------


@pytest.mark.parametrize("text", [
    "Brain MRI stable, 3 treated lesions, nothing new.",
    "CNS: 2 small treated lesions, stable.",
    "CNS: two irradiated lesions, unchanged.",
    "MRI brain 10/2025 - one previously treated metastasis.",
    "Head MRI unchanged: both treated lesions.",
])
def test_counted_treated_lesions_after_a_brain_scan_are_present_and_limited(text):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "limited"})


def test_counted_treated_lesions_before_no_new_disease_are_present():
    # the extent is not read here: the no-progression reading of "unchanged: ..., no new disease" covers the count
    assert_reads("Head MRI unchanged: both treated lesions, no new disease.", {"brain_metastases": True})


def test_many_counted_treated_lesions_are_present_with_no_limited_extent():
    assert_reads("CNS: 8 treated lesions, stable.", {"brain_metastases": True})
    assert_reads_other_than("CNS: 8 treated lesions, stable.", {"cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "Liver MRI stable, 2 treated lesions.",
    "MRI spine: 2 treated lesions, stable.",
    "Bone scan: 2 treated lesions.",
    "His mother: brain MRI stable, 2 treated lesions.",
    "If the brain MRI shows 2 treated lesions, continue.",
])
def test_treated_lesions_of_another_organ_a_relative_or_a_supposition_are_no_brain_metastases(text):
    assert_reads_other_than(text, {"brain_metastases": True})


# ---- 4. a brain region written with a hyphen ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "MRI: a 2 cm left motor-cortex metastasis with oedema.",
    "New right motor-cortex lesion on the head MRI, 9 mm.",
])
def test_a_motor_cortex_metastasis_written_with_a_hyphen_is_a_brain_metastasis(text):
    assert_reads(text, {"brain_metastases": True})


@pytest.mark.parametrize("text", [
    "Could the motor-cortex lesion be a metastasis?",
    "Her father had a motor-cortex metastasis from melanoma.",
])
def test_a_motor_cortex_lesion_asked_about_or_a_relatives_is_no_brain_metastasis(text):
    assert_reads_other_than(text, {"brain_metastases": True})


# ---- 5. a brain lesion told no longer visible: none now -------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Brain: the known 5 mm occipital metastasis no longer visible.",
    "The cerebellar metastasis is no longer visible on MRI.",
    "MRI brain: the treated right temporal lesion is no longer visualised.",
])
def test_a_brain_metastasis_no_longer_visible_is_none_now(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "Is the cerebellar metastasis no longer visible?",
    "Her mother's brain metastasis is no longer visible.",
    "The cerebellar metastasis was no longer visible in 2023; now 3 new brain lesions.",
])
def test_no_longer_visible_asked_a_relatives_or_followed_by_new_lesions_is_not_none(text):
    assert_reads_other_than(text, {"brain_metastases": False})
