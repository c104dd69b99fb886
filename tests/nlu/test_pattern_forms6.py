"""Pattern-of-progression forms of the prog6 pass (own phrasings, with near-miss negative controls).

1. Brain progression with the body's response said to go on ("thoracic disease continues to respond", "the tumour
   kept responding") is CNS-only, as "extracranial disease responding" is; not a response that lasted until a date or
   an event, a question, nor a response denied.
2. The "PD" shorthand with the brain's adjective after it, to the clause's end ("PD cerebral", "progression
   intracranial", "PD (brain)"): brain progression; with the body controlled beside it, CNS-only (alone, no pattern;
   brain metastases are not read from this form). Not a list going on to other organs, a denial, nor a question.
3. The count of brain lesions under a form's next key for the number after a brain-metastases "yes" ("Brain mets: Y |
   Number: 3"): limited up to four, extensive above five; not another key's number (ECOG, lines, a nodal stage).
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. the body's response said to go on -----------------------------------------------------------------------
RESPONSE_GOES_ON = [
    "Restaging MRI: two new frontal lesions, while the thoracic disease continues to respond.",
    "New cerebellar metastases on brigatinib; the extracranial tumour continued to respond.",
    "MRI head shows 3 new mets. Chest/abdomen: disease continuing to respond.",
    "Progression in the brain on alectinib. The thoracic tumour has continued to respond.",
    "Brain MRI with new parietal lesions; the chest disease keeps responding.",
]


@pytest.mark.parametrize("text", RESPONSE_GOES_ON)
def test_brain_progression_beside_a_response_going_on_is_cns_only(text):
    assert_reads(text, {"progression": "cns_only"})


RESPONSE_NOT_GOING_ON = [
    # a response that lasted until an event: not the body controlled now
    "New brain lesions. The thoracic disease continued to respond until 03/2025, when liver lesions appeared.",
    # a question
    "New brain lesions on MRI - has the thoracic disease continued to respond?",
    # a response denied
    "New brain lesions; the thoracic disease has not continued to respond.",
]



def test_the_response_going_on_alone_says_no_progression():
    assert_reads("On alectinib since 2023; the disease continues to respond.", {"progression": "none"})


# ---- 2. "PD" then the brain's adjective ----------------------------------------------------------------------------
PD_BRAIN_AFTER = [
    "Alectinib 2021-2025, PD cerebral; extracranial disease stable.",
    "Lorlatinib since 05/2025. Progression intracranial, body CT stable.",
    "Brigatinib - PD (brain); rest of disease stable.",
    "On alectinib: PD cerebral: 4 lesions, systemic disease controlled.",
]


@pytest.mark.parametrize("text", PD_BRAIN_AFTER)
def test_pd_with_the_brain_after_it_beside_the_body_controlled_is_cns_only(text):
    assert_reads(text, {"progression": "cns_only"})


def test_pd_with_the_brain_after_it_alone_reads_no_pattern():
    assert_reads("Alectinib, PD cerebral.", {"progression": None})


PD_BRAIN_NOT = [
    # a denial
    "No PD cerebral; extracranial disease stable.",
    # a question
    "Is that PD cerebral or radionecrosis? Body stable.",
    # the brain's adjective starting a list of organs: not the brain alone
    "PD cerebral and hepatic.",
    # a word after the adjective: no progression said of the brain itself
    "PD cerebral oedema workup; body stable.",
]


@pytest.mark.parametrize("text", RESPONSE_NOT_GOING_ON + PD_BRAIN_NOT)
def test_near_misses_read_no_cns_only(text):
    found = assert_reads(text, {})
    assert found.get("progression") != "cns_only", (text, found)


# ---- 3. the count under the form's number key ---------------------------------------------------------------------
KEY_COUNTS = [
    ("CNS lesions: yes | Number: 2 | Lepto: no", "limited"),
    ("Brain metastases: Y; No. of lesions: 4", "limited"),
    ("Intracranial mets: present, count 1", "limited"),
    ("Brain mets: yes | Number of mets: 14", "extensive"),
]


@pytest.mark.parametrize(("text", "extent"), KEY_COUNTS)
def test_the_count_under_the_number_key_is_the_brain_lesions_extent(text, extent):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": extent})


KEY_COUNTS_NOT = [
    "Brain mets: yes | ECOG: 2",
    "Brain mets: Y | Number of prior lines: 3",
    "Brain metastases: yes, N3 disease in the mediastinum",
    "Brain mets: no | Number: 0",
]


@pytest.mark.parametrize("text", KEY_COUNTS_NOT)
def test_another_keys_number_is_no_count_of_brain_lesions(text):
    assert_reads(text, {"cns_lesions": None})
