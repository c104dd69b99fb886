"""Hospital and acute-care writing (discharge summaries, ED and acute-oncology admissions, imaging impressions,
triage notes, conference abstracts, non-native English): the pattern of progression, the brain, the meninges and the
symptoms, each form in several phrasings of our own, with the near-misses that must not be read."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- the body's control said kept is not systemic progression ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Brain progression after 19 months (2 lesions, SRS), systemic control maintained, TKI continued.",
    "New cerebellar metastasis on MRI; extracranial control is preserved.",
    "Intracranial progression with durable systemic control.",
    "MRI brain: 7 new punctate enhancing lesions. Extracranial staging (same day) stable.",
    "New 5 mm frontal metastasis. Body restaging (PET/CT) unchanged.",
])
def test_brain_progression_with_the_body_said_controlled_is_cns_only(text):
    assert_reads(text, {"progression": "cns_only"})


@pytest.mark.parametrize("text", [
    "Systemic control maintained on alectinib.",
    "Systemic response ongoing at 2 years.",
    "Good systemic disease control.",
])
def test_systemic_control_or_response_alone_is_not_systemic_progression(text):
    assert_reads_other_than(text, {"progression": "systemic"})


# ---- one new extracranial lesion with the remaining disease responding ----------------------------------------------


@pytest.mark.parametrize("text", [
    "PET/CT IMPRESSION: Single new FDG-avid lesion in the left adrenal gland. Remaining disease shows complete "
    "metabolic response.",
    "New avid lesion in the right adrenal. Remaining lesions show partial metabolic response.",
    "A new lytic lesion in the T9 vertebra; all other sites in complete response.",
    "Only one lesion in the left adrenal is progressive; the rest is stable.",
    "Actually only the right hilar node has grown.",
])
def test_one_new_or_growing_extracranial_lesion_with_the_rest_responding_is_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


def test_one_growing_brain_lesion_is_not_oligoprogression():
    assert_reads_other_than("Only one lesion in the right frontal lobe is growing.", {"progression": "oligoprogression"})


# ---- slow growth stated is indolent, also with the rest stable -----------------------------------------------------


@pytest.mark.parametrize("text", [
    "CT impression: slight interval growth of the dominant right lower lobe lesion, no new lesions.",
    "Mild interval enlargement of the left hilar node over six months.",
    "Slow enlargement of a single pulmonary nodule; all else stable.",
    "Slowly growing adrenal lesion, remaining disease stable.",
])
def test_slow_or_slight_growth_is_indolent(text):
    assert_reads(text, {"progression": "indolent"})


def test_growth_with_the_rest_stable_and_no_pace_stays_oligoprogression():
    assert_reads("Enlarging left adrenal nodule; all else stable.", {"progression": "oligoprogression"})


# ---- the sites written after a date or after "progressive disease" --------------------------------------------------


@pytest.mark.parametrize("text", [
    "Alectinib until progression in October 2025 (bone, liver).",
    "Brigatinib until progression in March 2024 (liver, adrenal, nodes).",
    "Currently progressive disease hepatic and osseous.",
    "Now progression pulmonary, hepatic and nodal.",
])
def test_several_sites_after_a_date_or_the_word_are_systemic(text):
    assert_reads(text, {"progression": "systemic"})


def test_sites_said_stable_after_progressive_disease_are_not_systemic():
    assert_reads_other_than("Progressive disease hepatic and osseous stable, new brain lesion.",
                            {"progression": "systemic"})


# ---- the brain scan's metastases responding: the brain's response, not the body's ---------------------------------


@pytest.mark.parametrize("text", [
    "MRI brain 03/2026 vs 11/2025: the 4 treated metastases are smaller; no new lesions.",
    "MRI head today: both irradiated metastases are shrinking.",
    "Brain MRI: the 3 metastases remain stable after SRS.",
])
def test_brain_scan_metastases_responding_are_brain_metastases_and_no_pattern(text):
    assert_reads(text, {"brain_metastases": True, "progression": None})


def test_body_metastases_after_a_brain_scan_are_not_brain_metastases():
    assert_reads_other_than("MRI brain clear, but the liver metastases are smaller.", {"brain_metastases": True})


# ---- brain metastases denied in a report's words --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "MRI BRAIN IMPRESSION: No evidence of intracranial metastatic disease.",
    "Pertinent negatives: MRI brain with contrast - no intracranial metastatic disease.",
    "CT head: no cerebral metastatic lesions.",
    "MRI shows leptomeningeal enhancement along the cranial nerves; no parenchymal brain lesions.",
    "Brain mets at diagnosis (2019), none on MRI since 2021.",
    "Cerebellar metastasis at diagnosis, none on imaging since then.",
])
def test_brain_metastases_denied_or_gone_on_later_scans_are_false(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "New intracranial metastatic disease in both hemispheres.",
    "Brain mets at diagnosis (2019), stable on MRI since 2021.",
])
def test_brain_metastatic_disease_stated_or_still_there_is_true(text):
    assert_reads(text, {"brain_metastases": True})


# ---- lesions across the brain's regions; a report's conclusion after the lesions -----------------------------------


@pytest.mark.parametrize("text,lesions", [
    ("IMPRESSION: Innumerable supratentorial and infratentorial enhancing lesions; miliary pattern.", "extensive"),
    ("Countless cerebral and cerebellar lesions, increased compared with prior.", "extensive"),
    ("Head MRI: enhancing nodules in bilateral cerebral hemispheres, the largest about 1.2 cm, considered metastasis.",
     None),
    ("Lesions within the cerebellum, consistent with metastases.", None),
])
def test_lesions_across_brain_regions_or_concluded_metastases_are_brain_metastases(text, lesions):
    assert_reads(text, {"brain_metastases": True, "cns_lesions": lesions})


def test_brain_lesions_concluded_otherwise_are_not_read_as_metastases():
    assert_reads_other_than("Nodules in the cerebellum, considered haemangioblastoma.", {"brain_metastases": True})


# ---- the meninges: a report's hedge is no finding -------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "IMPRESSION: Findings may represent early leptomeningeal disease versus post-radiation change.",
    "Subtle enhancement could reflect leptomeningeal spread; CSF sampling advised.",
    "This might represent leptomeningeal disease.",
])
def test_leptomeningeal_disease_that_may_be_represented_is_not_read(text):
    assert_reads(text, {"leptomeningeal": None})


def test_leptomeningeal_disease_stated_is_read():
    assert_reads("MRI shows enhancement of cranial nerves V and VI consistent with leptomeningeal spread.",
                 {"leptomeningeal": True})


# ---- symptoms: what admissions present with; a drug held for a symptom is its toxicity -----------------------------


@pytest.mark.parametrize("text", [
    "ED summary: haemoptysis 100 mL. CT: enlarging left hilar mass.",
    "Presenting with diplopia and facial numbness.",
    "Admitted with liver capsule pain from multiple new liver metastases.",
    "Hemoptysis for 3 days, otherwise well.",
    "New double vision since Monday.",
])
def test_cancer_symptoms_presented_with_are_symptomatic(text):
    assert_reads(text, {"symptomatic": True})


@pytest.mark.parametrize("text", [
    "Lorlatinib was withheld during admission for confusion and mood lability; restarted at 75 mg.",
    "Lorlatinib paused because of hallucinations, restarted at a lower dose.",
    "Brigatinib held for 1 week for dyspnoea, then resumed.",
])
def test_a_symptom_a_drug_was_held_for_is_its_toxicity(text):
    assert_reads(text, {"symptomatic": None})


def test_a_symptom_after_the_reason_clause_is_read():
    assert_reads("Lorlatinib stopped because of progression; new headaches.", {"symptomatic": True})


def test_word_finding_difficulty_on_lorlatinib_is_not_read_as_the_disease():
    assert_reads("Word-finding difficulty two months into lorlatinib; imaging shows continued response.",
                 {"symptomatic": None})


# ---- a brain lesion a later read calls benign ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "ADDENDUM: the 'new brain lesion' on the prior report is a venous angioma; no metastases.",
    "The cerebellar lesion was in fact a cavernoma.",
    "The frontal lesion on the outside MRI is a developmental venous anomaly.",
])
def test_a_brain_lesion_called_benign_is_no_brain_metastasis(text):
    assert_reads(text, {"brain_metastases": False, "progression": None})


def test_a_brain_lesion_growing_beside_a_benign_word_elsewhere_is_read():
    assert_reads("Known venous angioma; the new cerebellar lesion is growing.", {"brain_metastases": True})
