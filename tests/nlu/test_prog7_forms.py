"""Pattern-of-progression forms of the prog7 pass (own phrasings, with near-miss negative controls).

1. A form's or a results grid's new lesions counted after each site ("new liver x3, bone x2", "New lesions: Yes -
   lung x2, bone x4", "new: liver (2), adrenal (1)"): the sites listed progress; two site groups or more with nothing
   else said are systemic. Not a list said stable after it, a denial, nor a question.
2. "New:" as a key, then lesions counted at one site ("New: 1 adrenal nodule"): that site progresses.
3. Two or more extracranial sites named and said controlled now ("lungs and nodes unchanged") after a site named
   progressing in its sentence: the rest controlled, oligoprogression. Alone, beside a progression that names no site, beside brain
   lesions, in the past tense, asked about or denied: nothing.
4. The progression said to be at one site ("true progression at a single site", "the liver is the only site of
   progression"): oligoprogression; not in a sentence about the brain or its scan, a denial, a plan, a question, a
   hedge or another person.
5. The disease's control told in a relative clause ("not the cancer, which is stable on alectinib"): no progression;
   not another cancer's, a past state, nor one site's.
6. A new lesion the report calls likely something benign ("possibly a haemangioma", "probably an adenoma", "likely a
   bone island") is in doubt: no site progresses, and "the rest" beside it is of nothing.
7. A table's cell or a form's drop-down: a new site measured with no lesion word ("new R adrenal 2.1 cm"), the rest in
   shorthand after a comma ("rest PR"), the drop-down's values quoted ("new lesions: 'Yes - liver (1)'; rest:
   'Stable'"): oligoprogression; not a new lesion denied, nor "No" in the drop-down.
8. A bare "stable" closing a line of another illness ("Psych: bipolar I, on lithium, stable 5 yrs") is not the
   cancer's; the cancer's bare "stable" ("On alectinib since 2021, stable 3 yrs") still reads no progression.
9. A brain scan said stable before its treated lesions and "no new disease" is the brain's control, not the whole
   disease's: beside the body's scan stable, no progression; beside brain disease and nothing said of the body, no
   pattern.
"""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. sites counted with "x" or in brackets ------------------------------------------------------------------
COUNTED_SITES = [
    "Restaging CT 11/2025: PD - new liver x2, new bone x3.",
    "Assessment form. New lesions: Yes - lung x2, bone x4. Overall: PD.",
    "CT CAP: new hepatic x3, adrenal x1 on brigatinib.",
    "Progression on lorlatinib, new: liver (2), bone (3).",
]


@pytest.mark.parametrize("text", COUNTED_SITES)
def test_new_lesions_counted_at_two_site_groups_are_systemic(text):
    assert_reads(text, {"progression": "systemic"})


COUNTED_SITES_NOT_PROGRESSING = [
    # the list said stable after it
    "Known disease: liver x2, bone x3 stable on alectinib.",
    "New lesions: none. Liver x3, bone x2 unchanged.",
    # a denial
    "No new liver x2 or bone x3 lesions since the last CT.",
    # a question
    "Would new liver x2, bone x1 lesions count as oligoprogression?",
]


@pytest.mark.parametrize("text", COUNTED_SITES_NOT_PROGRESSING)
def test_counted_sites_said_stable_denied_or_asked_are_not_systemic(text):
    assert_reads_other_than(text, {"progression": "systemic"})


# ---- 2. "New:" then one site's counted lesions ---------------------------------------------------------------------
def test_new_as_a_key_then_one_site_beside_the_rest_controlled_is_oligoprogression():
    assert_reads("CT chest/abdomen. New: 1 adrenal nodule; the rest is stable.", {"progression": "oligoprogression"})


def test_new_as_a_key_then_one_site_alone_reads_no_pattern():
    assert_reads("CT chest/abdomen. New: 2 liver lesions.", {"progression": None})


def test_new_as_a_key_with_the_site_said_stable_reads_no_pattern():
    assert_reads("CT: New: nothing. 2 liver lesions stable.", {"progression": None})


# ---- 3. named sites said controlled, beside a site named progressing ---------------------------------------------
NAMED_REST = [
    "Two new liver metastases on CT; lungs and nodes unchanged.",
    "New: 2 hepatic mets, lung and nodes unchanged. Continue lorlatinib for now.",
    "New left adrenal mass on brigatinib; the lung and bone lesions remain stable.",
    "An enlarging hilar node; the liver, bone and pleural disease all stable.",
]


@pytest.mark.parametrize("text", NAMED_REST)
def test_a_site_progressing_beside_other_named_sites_controlled_is_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


NAMED_REST_NOT_OLIGO = [
    # the sites controlled alone, or beside a progression that names no site
    "Liver and bone metastases are stable on alectinib.",
    "Progressed on crizotinib in 2021. Liver and bone mets are stable on alectinib.",
    # beside brain lesions: the named body sites are not all of the body
    "Two new brain mets. Lungs and liver stable.",
    # past tense
    "New liver lesions; lungs and nodes were stable in 2023.",
    # asked about
    "New liver lesions on CT; are the lungs and nodes stable?",
    # denied
    "New liver lesions; lungs and nodes not stable.",
    # hedged: not said controlled
    "New liver lesions; lungs and nodes possibly stable, report awaited.",
    # a list said stable in a sentence of its own (it may be of some sites only)
    "Bone-only progression: new lesions in T6, L2, both iliac bones and a rib. The lungs and liver are stable.",
    # another site named as the exception
    "New liver lesions; lungs and nodes stable apart from a new rib lesion.",
]


@pytest.mark.parametrize("text", NAMED_REST_NOT_OLIGO)
def test_named_sites_controlled_without_a_site_progressing_now_are_not_oligoprogression(text):
    assert_reads_other_than(text, {"progression": "oligoprogression"})


def test_named_sites_controlled_alone_read_no_pattern():
    assert_reads("CT today: lungs and nodes unchanged.", {"progression": None})


# ---- 4. progression at a single site -------------------------------------------------------------------------------
ONE_SITE = [
    "Board consensus: true progression at a single site on lorlatinib.",
    "On alectinib. The liver is the only site of progression.",
    "PD at one site only; plan SBRT and continue brigatinib.",
    "Restaging shows a single site of progression in the right adrenal.",
]


@pytest.mark.parametrize("text", ONE_SITE)
def test_progression_at_a_single_site_is_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


ONE_SITE_NOT_OLIGO = [
    # the brain's site
    "MRI brain: progression at a single site.",
    "The brain is the only site of progression; extracranial disease stable.",
    "Head MRI today - progression at one site, SRS planned.",
    # a denial
    "No progression at a single site was seen on the CT.",
    # a plan or a hypothetical
    "If there is progression at a single site, we would offer SBRT.",
    # a question
    "Is this progression at a single site or more?",
    # a hedge
    "Progression at a single site is possible; awaiting PET.",
    # another person
    "Her brother's lung cancer had progression at a single site.",
]


@pytest.mark.parametrize("text", ONE_SITE_NOT_OLIGO)
def test_one_site_of_progression_not_stated_of_the_body_now_is_not_oligoprogression(text):
    assert_reads_other_than(text, {"progression": "oligoprogression"})


def test_the_brain_only_site_beside_the_body_controlled_stays_cns_only():
    assert_reads("The brain is the only site of progression; body stable.", {"progression": "cns_only"})


# ---- 5. the disease said stable in a relative clause ---------------------------------------------------------------
RELATIVE_STABLE = [
    "ECOG 3 from her COPD, not from the cancer, which is stable on alectinib.",
    "His lung cancer, which remains controlled on lorlatinib, is not the reason for admission.",
    "The tumour, which has been stable since 2023, is followed on brigatinib.",
]


@pytest.mark.parametrize("text", RELATIVE_STABLE)
def test_the_disease_said_stable_in_a_relative_clause_is_no_progression(text):
    assert_reads(text, {"progression": "none"})


RELATIVE_NOT_NONE = [
    # another cancer
    "Her breast cancer, which is stable on letrozole, is not the issue.",
    # a past state, then progression
    "The cancer, which was stable in 2023, has now progressed in the liver and bones.",
    # one site's state
    "The disease, which is stable in the brain, has new liver and bone lesions.",
    # a question
    "Is the cancer, which is stable on imaging, still responding to alectinib?",
]


@pytest.mark.parametrize("text", RELATIVE_NOT_NONE)
def test_a_relative_clause_of_another_cancer_a_past_state_or_one_site_is_not_none(text):
    assert_reads_other_than(text, {"progression": "none"})


# ---- 6. a new lesion called likely benign ---------------------------------------------------------------------------
LIKELY_BENIGN = [
    "New liver lesion, possibly a haemangioma; lungs and nodes stable.",
    "New 9 mm adrenal nodule, probably an adenoma; the rest is stable.",
    "New sclerotic focus in T9, likely a bone island; remainder of disease stable.",
    "CT: new hypodense liver lesion, most likely a simple cyst. Otherwise stable.",
]


@pytest.mark.parametrize("text", LIKELY_BENIGN)
def test_a_new_lesion_called_likely_benign_reads_no_oligoprogression(text):
    assert_reads_other_than(text, {"progression": "oligoprogression"})


def test_a_new_lesion_called_likely_a_metastasis_beside_the_rest_stable_is_still_oligoprogression():
    assert_reads("New liver lesion, likely metastasis; the rest is stable.", {"progression": "oligoprogression"})


# ---- 7. table cells and drop-downs ---------------------------------------------------------------------------------
TABLE_CELLS = [
    "09/2025 | CT | new L adrenal 1.6 cm, rest PR",
    "Restaging CT: new right adrenal 18 mm; rest stable.",
    "Form: overall 'PD' ; new lesions: 'Yes - bone (1)' ; rest: 'Stable'",
]


@pytest.mark.parametrize("text", TABLE_CELLS)
def test_a_table_or_drop_down_with_one_new_site_and_the_rest_controlled_is_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


TABLE_CELLS_NOT_OLIGO = [
    "09/2025 | CT | no new L adrenal 1.6 cm lesion, rest PR",
    "Form: overall 'SD' ; new lesions: 'No' ; rest: 'Stable'",
    "09/2025 | CT | L adrenal 1.6 cm (known), rest PR",
]


@pytest.mark.parametrize("text", TABLE_CELLS_NOT_OLIGO)
def test_a_table_or_drop_down_with_no_new_site_is_not_oligoprogression(text):
    assert_reads_other_than(text, {"progression": "oligoprogression"})


# ---- 8. a bare "stable" of another illness -------------------------------------------------------------------------
OTHER_ILLNESS_STABLE = [
    "Psych: bipolar disorder, on lithium, stable 4 yrs.",
    "PMH: AF, on apixaban, stable.",
    "Comorbidities: COPD GOLD 2, on tiotropium, stable.",
]


@pytest.mark.parametrize("text", OTHER_ILLNESS_STABLE)
def test_a_bare_stable_closing_another_illness_is_not_the_cancers(text):
    assert_reads(text, {"progression": None})


def test_the_cancers_bare_stable_still_reads_no_progression():
    assert_reads("On alectinib since 2021, stable 3 yrs.", {"progression": "none"})


# ---- 9. the brain scan's "stable ..., no new disease" -----------------------------------------------------------
def test_brain_scan_stable_beside_the_body_scan_stable_is_no_progression():
    assert_reads(
        "Reviewed: brain MRI stable, 3 treated lesions, no new disease; CT body stable on alectinib. Continue.",
        {"progression": "none"},
    )


def test_brain_scan_stable_alone_says_nothing_of_the_body():
    assert_reads("Brain MRI stable, 3 treated lesions, no new disease.", {"progression": None})


def test_a_body_scan_stable_with_no_new_disease_is_still_no_progression():
    assert_reads("CT chest stable, 2 small nodules, no new disease.", {"progression": "none"})
