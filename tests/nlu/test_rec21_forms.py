"""Recall on wording the extractor was not tuned on (rec21), for the fields of lowest held-out recall: the therapy
given now and the brain's lesion count. Each class is a family of wording as clinic letters, case reports and ward
shorthand write it, with near-miss controls (a plan, a past course, a question, another person, another site):

1. Chemotherapy or chemo-immunotherapy given now named by a brand or a prefix the vocabulary lacked (Keytruda,
   Tecentriq, Opdivo, Imfinzi; nab-paclitaxel, Abraxane; "chemo-IO"), or given "in receipt of" (British letters).
2. Given now in the course's own notation: the regimen named, then the cycle reached now ("Commenced carboplatin/
   pemetrexed in October; now C3"), its cycles "xN so far", its open end bracketed after agents joined by a spaced
   sign ("docetaxel + ramucirumab (ongoing)"), or its start "since" a date past a bracket ("Chemo (carbo/pem) since
   September").
3. Brain lesions counted one to four in words the count rows lacked: the count bracketed after the disease placed in
   the brain or named as the brain's ("progressed in brain (2 lesions) and liver", "intracranial progression (3
   lesions)"), a brain scan's "nodules", one lesion said "(single)"; ten or more said approximately ("about ten
   metastases") read extensive.
"""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than


# ---- 1. brands, prefixes and "in receipt of" ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "therapy"),
    [
        ("She is on Keytruda, Alimta and carboplatin.", "chemo_immunotherapy"),
        ("Receives Keytruda, Alimta and carboplatin every 3 weeks.", "chemo_immunotherapy"),
        ("Currently receiving carboplatin, paclitaxel and Tecentriq.", "chemo_immunotherapy"),
        ("alec 1L, lorla 2L, chemo 3L, now chemo-IO 4L", "chemo_immunotherapy"),
        ("Now on chemo-IO.", "chemo_immunotherapy"),
        ("Current treatment: nab-paclitaxel weekly", "chemotherapy"),
        ("Current treatment: Abraxane", "chemotherapy"),
        ("She is in receipt of second-line docetaxel.", "chemotherapy"),
        ("In receipt of docetaxel.", "chemotherapy"),
        ("He is currently in receipt of carboplatin and pemetrexed.", "chemotherapy"),
    ],
)
def test_a_brand_a_prefix_or_in_receipt_of_is_given_now(text, therapy):
    assert_reads(text, {"current_therapy": therapy})


@pytest.mark.parametrize(
    "text",
    [
        "Keytruda, Alimta and carboplatin x4 in 2019, then alectinib.",
        "Plan: start Keytruda, Alimta and carboplatin next week.",
        "Would chemo-IO be an option?",
        "Her husband is in receipt of docetaxel.",
        "She was in receipt of docetaxel until May.",
        "Abraxane was stopped for neuropathy in 2022.",
        "Should we start nab-paclitaxel?",
    ],
)
def test_a_brand_or_prefix_planned_past_asked_or_another_persons_is_not_given_now(text):
    assert_reads_other_than(text, {"current_therapy": "chemotherapy"})
    assert_reads_other_than(text, {"current_therapy": "chemo_immunotherapy"})


# ---- 2. the course's own notation: cycle now, xN so far, (ongoing), since past a bracket -----------------------------
@pytest.mark.parametrize(
    ("text", "therapy"),
    [
        ("Commenced carboplatin/pemetrexed in October; now C3.", "chemotherapy"),
        ("Carboplatin/pemetrexed, now cycle 3.", "chemotherapy"),
        ("carbo/pem, currently C3D8", "chemotherapy"),
        ("Started carboplatin, pemetrexed and pembrolizumab in October; now on cycle 4.", "chemo_immunotherapy"),
        ("on carbo/pem x3 so far", "chemotherapy"),
        ("ALK+ NSCLC post-lorlatinib, on carbo/pem x3 cycles so far, SD.", "chemotherapy"),
        ("docetaxel + ramucirumab (ongoing)", "chemotherapy"),
        ("3rd line: docetaxel + ramucirumab (ongoing)", "chemotherapy"),
        ("Chemo (carbo/pem) since September.", "chemotherapy"),
        ("Chemo-immunotherapy (carbo/pem/pembro) since September.", "chemo_immunotherapy"),
        ("Chemo (carboplatin/pemetrexed) since 09/2025, tolerating well.", "chemotherapy"),
    ],
)
def test_the_course_in_its_own_notation_is_given_now(text, therapy):
    assert_reads(text, {"current_therapy": therapy})


@pytest.mark.parametrize(
    "text",
    [
        "Commenced carboplatin/pemetrexed in October; stopped after C3.",
        "Carboplatin/pemetrexed, now cycle 3 completed.",
        "Carboplatin/pemetrexed stopped; now C2 of lorlatinib trial drug.",
        "carbo/pem, now C4 planned for Monday",
        "Carbo/pem: now C3?",
        "carbo/pem x4 in 2019, then alectinib",
        "docetaxel + ramucirumab (stopped)",
        "Chemo (carbo/pem x4) since 2019 stopped.",
        "Chemo (carbo/pem) since September, then switched to lorlatinib.",
    ],
)
def test_the_course_ended_planned_or_asked_is_not_given_now(text):
    assert_reads_other_than(text, {"current_therapy": "chemotherapy"})


# ---- 3. brain lesions counted --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("progressed after 18 months in brain (2 lesions) and liver.", "limited"),
        ("Progression in the brain (3 new lesions), body stable.", "limited"),
        ("Oligometastatic intracranial progression (3 lesions).", "limited"),
        ("Brain MRI: decreased size of metastases (3 lesions), no new lesion.", "limited"),
        ("Brain metastases (2 lesions), asymptomatic.", "limited"),
        ("Brain MRI: 2 small enhancing nodules, newly appeared.", "limited"),
        ("MRI brain shows two new enhancing nodules.", "limited"),
        ("seizure due to new brain met right parietal (single).", "limited"),
        ("how many brain mets: 2", "limited"),
        ("Brain MRI: about ten metastases, mostly subcentimetric.", "extensive"),
        ("MRI brain: approximately 15 new lesions.", "extensive"),
        ("MRI brain shows ~20 metastases.", "extensive"),
    ],
)
def test_brain_lesions_counted_in_other_words(text, count):
    assert_reads(text, {"cns_lesions": count})


@pytest.mark.parametrize(
    "text",
    [
        "MRI brain (2 lesions) stable",
        "RT1: SRS brain (2 lesions) 2024-05",
        "progressed in liver (2 lesions), brain MRI clear.",
        "CT chest: 2 small enhancing nodules in the right lung.",
        "Her mother had brain metastases (2 lesions).",
        "how many brain mets?",
        "MRI spine: new T8 lesion (single).",
        "MRI brain: new left occipital met.",
        "Brain MRI: about 4 mm nonspecific focus.",
    ],
)
def test_a_count_of_another_site_treated_asked_or_uncounted_is_not_the_brains(text):
    assert_reads(text, {"cns_lesions": None})
