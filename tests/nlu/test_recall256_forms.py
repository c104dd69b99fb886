"""Forms of sets 2, 5 and 6's tuning halves (chat typed in a hurry, EHR copy-paste), read as examples of a style:
progression told after the drug it happened on with the sites straight after ("PD on lorla liver, bone"), and
sites joined by '+' with no spaces ("brain+lepto+liver+bone"). Each form failed before its fix; each near miss (a
question, a denial, sites said to be stable) must keep reading no progression."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- progression on a named drug, the sites right after it, with or without a preposition ----------------------
PD_ON_DRUG_SYSTEMIC = [
    "pd on lorla liver, bone",
    "PD on alectinib liver and bone, ecog 1",
    "progression on brigatinib: liver, bones",
    "pd on alec liver/adrenal/nodes",
    "PD on lorlatinib brain, liver and bone",
]


@pytest.mark.parametrize("text", PD_ON_DRUG_SYSTEMIC)
def test_progression_on_a_drug_at_two_body_sites_is_systemic(text):
    assert_reads(text, {"progression": "systemic"})


PD_ON_DRUG_BRAIN = [
    "pd on lorla in brain",
    "PD on alectinib in the brain, body stable",
    "progression on brigatinib brain + liver",
    "pd on alec brain and bone",
]


@pytest.mark.parametrize("text", PD_ON_DRUG_BRAIN)
def test_progression_on_a_drug_in_the_brain_is_brain_metastases(text):
    assert_reads(text, {"brain_metastases": True})


# ---- sites joined by '+' with no spaces: each site is read as if spaced ----------------------------------------
PLUS_JOINED = [
    ("pd on lorla brain+lepto+liver+bone", {"brain_metastases": True, "leptomeningeal": True,
                                            "progression": "systemic"}),
    ("pd liver+bone+adrenal", {"progression": "systemic"}),
    ("progression in brain+liver+nodes", {"brain_metastases": True, "progression": "systemic"}),
    ("PD: brain+lepto", {"brain_metastases": True, "leptomeningeal": True}),
]


@pytest.mark.parametrize("text,fields", PLUS_JOINED)
def test_sites_joined_by_plus_without_spaces(text, fields):
    assert_reads(text, fields)


# ---- near misses: asked, denied or said stable; a '+' that is a result's sign ---------------------------------
NOT_PROGRESSION = [
    "pd on lorla liver, bone?",
    "is there pd on alectinib in liver and bone?",
    "no pd on lorla liver, bone",
    "PD on lorla? liver+bone stable",
    "pd on alectinib liver and bone stable",
]


@pytest.mark.parametrize("text", NOT_PROGRESSION)
def test_asked_denied_or_stable_sites_are_not_systemic(text):
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize("text", ["no pd on lorla in brain", "pd on lorla in brain?", "any pd on alectinib brain?"])
def test_asked_or_denied_brain_progression_is_not_brain_metastases(text):
    assert_reads_other_than(text, {"brain_metastases": True})


@pytest.mark.parametrize("text,fields", [
    ("ALK+ve adeno", {"alk_positive": True}),
    ("TTF1+ p40- adenocarcinoma, ALK+", {"alk_positive": True}),
])
def test_a_plus_sign_of_a_result_is_kept(text, fields):
    assert_reads(text, fields)


# ---- brain imaging read as one new lesion, with no count ("Brain MRI: new lesion") ------------------------------
BRAIN_IMAGING_NEW_LESION = [
    "Brain MRI: new lesion; CT body: no evidence of progression",
    "MRI brain: new 4 mm lesion, body stable",
    "MRI head shows a new enhancing focus in the left cerebellum",
    "CT head: new lesion R parietal",
    "brain mri 3/25 - new met",
]


@pytest.mark.parametrize("text", BRAIN_IMAGING_NEW_LESION)
def test_brain_imaging_with_one_new_lesion_is_brain_metastases(text):
    assert_reads(text, {"brain_metastases": True})


@pytest.mark.parametrize("text", [
    "MRI brain: no new lesion",
    "Brain MRI: no new lesions; CT body: new liver mets",
    "repeat MRI brain to rule out a new lesion?",
    "MRI brain - any new lesion?",
    "brain MRI planned to look for a new lesion",
])
def test_brain_imaging_denied_asked_or_planned_is_not_brain_metastases(text):
    assert_reads_other_than(text, {"brain_metastases": True})


# ---- chemotherapy said to be given now: of the patient in the present, or after the TKI that failed ------------
CHEMO_NOW = [
    ("pt on ABCP after lorla pd, now systemic pd again, ecog 3", "chemo_immunotherapy"),
    ("pt on ABCP", "chemo_immunotherapy"),
    ("she is on carbo/pem/pembro, tolerating well", "chemo_immunotherapy"),
    ("on docetaxel after lorlatinib failure", "chemotherapy"),
    ("patient remains on pemetrexed", "chemotherapy"),
    ("he is on carboplatin and pemetrexed following alectinib progression", "chemotherapy"),
]


@pytest.mark.parametrize("text,therapy", CHEMO_NOW)
def test_chemotherapy_given_now_is_current(text, therapy):
    assert_reads(text, {"current_therapy": therapy})


@pytest.mark.parametrize("text", [
    "pt was on ABCP after lorla pd",
    "pt on carbo/pem in 2019, then alectinib",
    "is she on carbo/pem?",
    "if pt on docetaxel after lorla, what next?",
    "she was on carboplatin after alectinib, now on lorlatinib",
    "should he go on docetaxel after lorlatinib pd?",
    "his brother is on pembrolizumab",
])
def test_chemotherapy_past_asked_or_another_persons_is_not_current(text):
    assert_reads_other_than(text, {"current_therapy": "chemotherapy"})
    assert_reads_other_than(text, {"current_therapy": "chemo_immunotherapy"})


# ---- the ALK antibody's clone named alone as the test ("D5F3+ at dx") --------------------------------------------
@pytest.mark.parametrize("text", [
    "ALK IHC negative on re-biopsy (was D5F3 + at dx)",
    "D5F3+ at diagnosis, on alectinib since",
    "Ventana D5F3 positive 2021",
    "IHC: TTF-1+, D5F3 pos",
])
def test_the_alk_clone_positive_is_alk_positive(text):
    assert_reads(text, {"alk_positive": True})


@pytest.mark.parametrize("text", [
    "D5F3 negative",
    "D5F3 positive?",
    "is D5F3 + enough to start alectinib?",
    "D5F3 IHC pending",
])
def test_the_alk_clone_denied_asked_or_pending_is_not_alk_positive(text):
    assert_reads_other_than(text, {"alk_positive": True})


# ---- brain imaging then its new lesions, no verb or colon between ("MRI brain 2 new tiny mets") ------------------
@pytest.mark.parametrize("text", [
    "on alectinib 2 yr, CT stable, MRI brain 2 new tiny mets, asx",
    "body stable, MRI brain 3 new mets",
    "CT CAP stable; head CT new lesion L occipital",
    "brain MRI 04/25 two new subcentimetre lesions, rest of disease stable",
])
def test_brain_scan_then_new_lesions_is_cns_progression(text):
    assert_reads(text, {"brain_metastases": True, "progression": "cns_only"})


@pytest.mark.parametrize("text", [
    "CT stable, MRI brain no new lesions",
    "body stable, MRI brain for new mets?",
    "MRI brain to look for new lesions",
    "CT stable, MRI brain planned, new lesions?",
])
def test_brain_scan_without_new_lesions_is_not_cns_progression(text):
    assert_reads_other_than(text, {"progression": "cns_only", "brain_metastases": True})
