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
