"""Three safety misreadings of the pattern of progression and of the brain, each a class: a new symptom beside a site
said stable is no new lesion; new brain lesions beside an extracranial site progressing are never CNS-only, told in
one sentence, two or under scan headings, in either order; a denial of a brain lesion with a word of its count or look
before the noun denies it, while "not an isolated lesion" says there is one. Phrasings of our own, with near-miss
controls."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_one_of, assert_reads_other_than

# ---- a new symptom is not a new lesion ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "lung lesions stable but new cough",
    "Chest nodules unchanged, but new right hip pain.",
    "Stable pulmonary nodules but new headaches for a week.",
    "Liver mets smaller but new fatigue and low appetite.",
    "stable lung disease but worsening breathlessness",
])
def test_a_new_symptom_beside_stable_lesions_is_no_progression(text):
    assert_reads_one_of(text, "progression", (None, "none"))


@pytest.mark.parametrize("text,progression", [
    ("lung lesions stable but new liver lesion", "oligoprogression"),
    ("Chest nodules unchanged, but a new 9 mm adrenal nodule.", "oligoprogression"),
    ("stable lung disease but new leptomeningeal enhancement", "cns_only"),
    ("Stable pulmonary nodules but two new brain mets.", "cns_only"),
])
def test_a_new_lesion_beside_stable_lesions_is_still_read(text, progression):
    assert_reads(text, {"progression": progression})


# ---- new brain lesions beside new extracranial disease are not CNS-only -------------------------------------------


@pytest.mark.parametrize("text", [
    "MRI brain: 2 new lesions. New liver mets, rest unchanged",
    "2 new brain lesions and new liver mets, rest unchanged",
    "New adrenal metastasis, remainder of disease stable. Brain MRI shows three new small mets.",
    "CT CAP: new liver mets, otherwise stable.\nMRI brain: 2 new lesions.",
    "MRI brain: two new enhancing foci.\nCT chest/abdomen/pelvis: new lytic T9 lesion, rest stable.",
    "Brain: 3 new mets. Body: new hepatic lesion; other sites unchanged.",
    "MRI brain: 2 new lesions. CT CAP stable apart from new liver mets.",
    "Brain MRI: 3 new mets; body stable except a new adrenal lesion.",
    # the body said controlled in one sentence, a site outside the brain progressing in another
    "CT body stable. MRI brain: 2 new lesions. New liver mets.",
    "New liver mets. CT body otherwise stable. MRI brain: 2 new lesions.",
    "Extracranial disease stable. Brain MRI: 3 new mets. Bone scan: new uptake in the left ilium.",
    "MRI brain: two new foci.\nCT CAP: stable disease.\nPET: new FDG-avid adrenal nodule.",
])
def test_brain_and_body_progression_is_never_cns_only(text):
    found = assert_reads_other_than(text, {"progression": "cns_only"})
    assert found.get("progression") != "oligoprogression", (text, found)  # not the body's alone either
    assert found.get("brain_metastases") is True, (text, found)


@pytest.mark.parametrize("text", [
    "MRI brain: 2 new lesions. CT CAP stable.",
    "MRI brain: 2 new lesions. Rest unchanged.",
    "Two new brain mets; extracranial disease stable.",
])
def test_brain_progression_with_the_body_controlled_stays_cns_only(text):
    assert_reads(text, {"progression": "cns_only"})


def test_an_extracranial_site_with_the_rest_stable_stays_oligoprogression():
    assert_reads("New liver met, rest of disease stable.", {"progression": "oligoprogression"})


# ---- a denied qualified brain lesion is denied ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "no isolated brain lesion",
    "MRI head: no solitary brain lesion; new liver mets",
    "no suspicious brain lesion on today's MRI",
    "No measurable brain lesion.",
    "no single brain metastasis seen",
    "not a single brain met on the MRI",
    "no brain lesion",
])
def test_a_denied_brain_lesion_with_a_word_before_its_noun_is_denied(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "not an isolated brain lesion: three new lesions",
    "Not a solitary brain met - there are four on the MRI.",
    "this is not an isolated cerebellar met, several more are seen",
])
def test_not_one_lesion_says_there_are_lesions(text):
    assert_reads(text, {"brain_metastases": True})


@pytest.mark.parametrize("text", [
    "no new enhancing brain lesion",
    "no new brain lesions since SRS",
])
def test_no_new_brain_lesion_says_nothing_of_the_old_ones(text):
    assert_reads_other_than(text, {"brain_metastases": True})
