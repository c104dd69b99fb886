"""The pattern of progression and the CNS fields (issue 15), each form in several phrasings of our own, with the
near-misses that must not be read. Written from how restaging reports (IMPRESSION blocks, numbered items, sizes
before the noun) and clinic letters state the pattern; not from the independent sets."""

from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_one_of, assert_reads_other_than

read = extractor.extract_case


# ---- 1. systemic: several extracranial sites progressing or new ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Peritoneal carcinomatosis with ascites and new liver mets.",
    "Pleural carcinomatosis and new adrenal deposits.",
    "New lymphangitic carcinomatosis, new bone lesions.",
    "Interval increase in FDG-avid mediastinal nodal disease and new hepatic lesions.",
    "Interval increase in the size of the adrenal metastases, new peritoneal deposits.",
    "PET: increase in nodal disease above and below the diaphragm.",
    "Progression in the brain (three new lesions) as well as in the liver and bones.",
    "Progressing intracranially (two lesions, SRS planned) and also in the lungs, pleura and nodes.",
])
def test_several_extracranial_sites_progressing_are_systemic(text):
    assert_reads(text, {"progression": "systemic"})


def test_brain_and_body_progression_is_systemic_with_brain_metastases():
    assert_reads("PD in the brain (2 new mets) as well as in the liver and bones.",
                 {"progression": "systemic", "brain_metastases": True})


@pytest.mark.parametrize("text", [
    "Known peritoneal carcinomatosis, new liver mets.",  # known disease is not progression: one site new
    "Peritoneal carcinomatosis remains stable; new liver lesion.",
    "Increase in liver enzymes and new bone lesions.",  # enzymes are not lesions
    "Increase in bone pain; new adrenal mass.",
    "No leptomeningeal carcinomatosis; new liver mets.",
    "Stable appearance of the liver; new bone lesion.",  # a stable appearance is no appearance of disease
    "ALK fusion detected in plasma as well as in the liver biopsy.",
])
def test_one_site_known_disease_or_symptoms_are_not_systemic(text):
    assert_reads_other_than(text, {"progression": "systemic"})


# ---- 2. oligoprogression; a single new brain lesion is not oligoprogression ---------------------------------------

@pytest.mark.parametrize("text", [
    "Mixed response: liver lesions shrinking but a new painful T11 metastasis, the only new lesion.",
    "A new left adrenal nodule, the only growing lesion.",
    "Enlarging right hilar node with no other sites of progression.",
    "Lung nodules smaller while a new rib lesion has appeared.",
    "Nodal disease stable but an enlarging segment 6 liver lesion.",
    "Bone mets responding, yet a new adrenal metastasis.",
])
def test_one_progressing_extracranial_lesion_among_controlled_disease_is_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


@pytest.mark.parametrize("text", [
    "Impression: new 4 mm enhancing right frontal metastasis; otherwise stable intracranial appearance.",
    "MRI: new 6 mm left parietal metastasis, the only new lesion.",
    "New 3 mm cerebellar lesion; otherwise stable appearances of the brain.",
    "MRI head: one new 5 mm occipital met; no other new lesions.",
])
def test_a_single_new_brain_lesion_is_not_oligoprogression(text):
    assert_reads(text, {"progression": None, "brain_metastases": True, "cns_lesions": "limited"})


@pytest.mark.parametrize("text,pattern", [
    ("New 4 mm right frontal metastasis; body CT stable.", "cns_only"),
    ("New 4 mm right frontal metastasis; extracranial disease controlled.", "cns_only"),
    ("New brain met; no extracranial progression.", "cns_only"),
])
def test_a_new_brain_lesion_with_the_body_said_controlled_is_cns_only(text, pattern):
    assert_reads(text, {"progression": pattern})


# ---- 3. indolent: slow growth, no new sites, no symptoms -----------------------------------------------------------

@pytest.mark.parametrize("text,symptomatic", [
    ("A slow creep in the size of the hilar nodes over 9 months, no new sites; asymptomatic.", False),
    ("Gradual creep in the lung nodules without any symptoms.", False),
    ("Continued beyond progression because growth has been slow and asymptomatic.", False),
    ("The progression is minimal and she remains well.", None),
    ("Enlargement of the pleural lesions has been very gradual.", None),
    ("Slowly enlarging adrenal lesion, without symptoms.", False),
])
def test_slow_growth_is_indolent_with_the_symptoms_it_states(text, symptomatic):
    assert_reads(text, {"progression": "indolent", "symptomatic": symptomatic})


@pytest.mark.parametrize("text", [
    "Growth has been rapid over 6 weeks.",
    "Response has been slow to appear.",
    "The increase in dose was slow.",
])
def test_fast_growth_or_slowness_of_something_else_is_not_indolent(text):
    assert_reads_other_than(text, {"progression": "indolent"})


# ---- 4. none: the known disease stable and no new disease ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "CT CHEST/ABDOMEN/PELVIS\nIMPRESSION: Stable appearance of the treated RUL primary. No new thoracic, abdominal or "
    "osseous metastatic disease.",
    "IMPRESSION:\nUnchanged left adrenal nodule. No new metastatic disease in the chest, abdomen or pelvis.",
    "Stable hepatic lesions; no new metastases.",
    "PET-CT: stable appearances of the known nodal disease, with no new sites of disease.",
])
def test_stable_known_disease_and_no_new_disease_is_no_progression(text):
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize("text", [
    "Stable brain lesions. No new lesions.",  # the brain only: says nothing of the body
    "No new thoracic metastatic disease.",  # no new disease alone leaves the known lesions unsaid
    "Stable appearance of the primary, but new liver and bone metastases.",
])
def test_no_new_disease_without_the_known_disease_stable_or_about_the_brain_is_not_none(text):
    assert_reads_other_than(text, {"progression": "none"})


# ---- 5. the body not progressing says nothing of the brain --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "No extracranial progression.",
    "CT CAP: no evidence of extracranial progression.",
    "No systemic progression on lorlatinib.",
    "No body disease progression.",
])
def test_no_extracranial_progression_alone_is_no_pattern(text):
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize("text", [
    "Two new small brain mets; no extracranial progression.",
    "Intracranial progression with no systemic progression.",
])
def test_no_extracranial_progression_beside_brain_progression_is_cns_only(text):
    assert_reads(text, {"progression": "cns_only"})


# ---- 6. brain metastases: stated by what the brain does, or denied in shorthand -----------------------------------

@pytest.mark.parametrize("text", [
    "Intracranial progression on brigatinib.",
    "Cerebral relapse in isolation.",
    "The brain is stable after SRS.",
    "Brain disease remains controlled following gamma knife.",
    "The brain has been stable since WBRT; new liver lesions.",
    "MRI BRAIN WITH CONTRAST\nIMPRESSION:\n1. Three new enhancing lesions, consistent with metastases.\n"
    "2. No hydrocephalus.",
    "MRI: 2 bm, both <5 mm",
])
def test_brain_metastases_stated_by_what_the_brain_does(text):
    assert_reads(text, {"brain_metastases": True})


@pytest.mark.parametrize("text", ["no bm on latest mri", "No BM on restaging MRI.", "MRI brain: no bm",
                                  "neg for bm on the last brain MRI"])
def test_brain_metastases_denied_in_ward_shorthand(text):
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "BM biopsy normal.",  # bone marrow
    "The liver is stable after SBRT.",
    "No leptomeningeal progression.",
    "Brain MRI planned to rule out metastases.",
])
def test_other_organs_marrow_or_a_planned_scan_are_not_brain_metastases(text):
    assert_reads_other_than(text, {"brain_metastases": True})


# ---- 7. limited CNS lesions: few, small or treated ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "New 4 mm and 6 mm enhancing lesions in the left cerebellum and right occipital lobe.",
    "MRI: new 3 mm, 5 mm and 7 mm enhancing lesions in the right frontal lobe.",
    "A new 2 cm frontal lesion.",
    "A new 8 mm left temporal metastasis.",
    "Oligo brain progression (two lesions), continuing alectinib.",
    "Intracranial-only progression: three new parenchymal lesions.",
    "Isolated CNS progression with a single new lesion.",
    "Brain MRI: stable treated right parietal metastasis, no new lesions.",
    "The previously irradiated cerebellar met is unchanged.",
    "MRI BRAIN\nIMPRESSION:\n1. Two new enhancing lesions (L frontal 4 mm, R occipital 6 mm).",
])
def test_few_small_or_treated_brain_lesions_are_limited(text):
    assert_reads(text, {"cns_lesions": "limited", "brain_metastases": True})


@pytest.mark.parametrize("text", [
    "New 4 mm liver lesion.",  # not the brain
    "New 5 mm temporal bone lesion.",
    "Oligo brain progression.",  # no count
    "New brain mets plus new liver and bone lesions.",  # no count, no size, no radiosurgery, no oligo
    "Two liver mets; SRS to the brain planned.",
    "Previously treated liver metastasis.",
])
def test_lesions_outside_the_brain_or_with_no_count_are_not_limited(text):
    assert_reads_other_than(text, {"cns_lesions": "limited"})


@pytest.mark.parametrize("text", [
    "New 4 mm, 5 mm, 6 mm, 7 mm and 8 mm enhancing lesions in the cerebellum.",  # five lesions
    "New 2.8 cm right temporal met with midline shift plus >10 smaller lesions.",
    "Stable treated frontal metastasis; innumerable new brain metastases.",
])
def test_many_lesions_stay_extensive_even_beside_one_small_one(text):
    assert_reads_one_of(text, "cns_lesions", ("extensive", None))


def test_one_small_lesion_beside_many_is_extensive_not_a_conflict():
    entities = extractor.load().entities("New 6 mm frontal metastasis and more than 20 smaller brain metastases.")
    assert extractor.case_fields(entities).get("cns_lesions") == "extensive"
    assert "cns_lesions" not in extractor.conflicts(entities)


# ---- the same classes in ward shorthand --------------------------------------------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("PD LUNG LIVER ADRENAL", {"progression": "systemic"}),
    ("progressed in bone nodes pleura", {"progression": "systemic"}),
    ("alec pd multi site", {"prior_tkis": ["alectinib"], "progression": "systemic"}),
    ("PD 03/2024 (liver, adrenal, bone)", {"progression": "systemic"}),
    ("pd at 1 adrenal site", {"progression": "oligoprogression"}),
    ("pd in 2 pleural nodules only", {"progression": "oligoprogression"}),
    ("one hilar node enlarging, all else stable", {"progression": "oligoprogression"}),
    ("pd slow, asx", {"progression": "indolent", "symptomatic": False}),
    ("PD in brain only; body CR maintained", {"progression": "cns_only", "brain_metastases": True}),
    ("brain pd only, CT CAP stable", {"progression": "cns_only", "brain_metastases": True}),
    ("extracranial PR, 2 new small brain mets",
     {"progression": "cns_only", "brain_metastases": True, "cns_lesions": "limited"}),
    ("no bm", {"brain_metastases": False}),
    ("bm +ve", {"brain_metastases": True}),
    ("Brain: no mets", {"brain_metastases": False}),
    ("mri brain neg", {"brain_metastases": False}),
    ("lepto neg", {"leptomeningeal": False}),
    ("no lepto", {"leptomeningeal": False}),
    ("progression in the meninges only", {"leptomeningeal": True}),
    ("brain mets x3, all treated with SRS", {"brain_metastases": True, "cns_lesions": "limited"}),
    ("brain mets multiple >10", {"brain_metastases": True, "cns_lesions": "extensive"}),
    ("too many mets for srs", {"cns_lesions": "extensive"}),
    ("not good for radiosurgery", {"cns_lesions": "extensive"}),
    ("MRI: multiple (>15) supratentorial mets", {"brain_metastases": True, "cns_lesions": "extensive"}),
])
def test_the_classes_in_ward_shorthand(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", ["BM biopsy normal", "bm aspirate: no infiltration", "bone bm"])
def test_bone_marrow_is_not_brain_metastases(text):
    assert_reads(text, {"brain_metastases": None})


@pytest.mark.parametrize("text", ["PD lung nodule", "PD in the lung primary", "multi-site biopsy planned?"])
def test_one_site_in_shorthand_is_not_systemic(text):
    assert_reads_other_than(text, {"progression": "systemic"})


# ---- 7. what a message states neither way: a response, a differential, the body alone, a symptom to watch for ------

@pytest.mark.parametrize("text", [
    "Complete intracranial response; extracranial disease stable.",
    "CR in the brain, body stable on alectinib.",
    "Intracranial PR after SRS, systemic disease controlled.",
    "Intracranial response maintained; CT CAP stable.",
    "Extracranial disease stable.",
    "Body CT stable.",
    "Systemic disease remains controlled on lorlatinib.",
    "Complete resolution of the brain metastases, extracranial disease controlled.",
    "Intracranial complete response, stable elsewhere.",
    "Near-complete intracranial response; rest of disease stable.",
    "CNS response ongoing; new liver lesion.",
    "Brain mets stable after SRS, body stable.",
    "Intracranial disease remains controlled; extracranial disease stable.",
    "Stable cerebral lesions, CT CAP stable.",
])
def test_a_brain_response_or_the_body_controlled_alone_is_not_cns_progression(text):
    found = read(text)
    assert found.get("progression") not in {"cns_only", "oligoprogression", "systemic"}, found


@pytest.mark.parametrize("text", [
    "Differential: radionecrosis versus progression.",
    "Differential radionecrosis vs tumour progression in the brain.",
    "DDx radiation necrosis vs recurrence of brain met.",
    "Enhancing lesion at the SRS site; radionecrosis vs true progression in the brain.",
    "Differential diagnosis: pseudoprogression or progression in the brain.",
    "Differential: radionecrosis versus progression. Extracranial disease stable.",
    "Radionecrosis versus progression in the left frontal lesion; body stable.",
])
def test_a_differential_states_neither_brain_metastases_nor_progression(text):
    assert_reads(text, {"progression": None, "brain_metastases": None})


@pytest.mark.parametrize("text,fields", [
    ("Progression in the brain on MRI, radionecrosis excluded.", {"brain_metastases": True}),
    ("Progression in the brain, complete response elsewhere.", {"progression": "cns_only", "brain_metastases": True}),
    ("New brain mets; differential diagnosis of the lung nodule includes infection.", {"brain_metastases": True}),
    ("PD in brain, extracranial disease stable.", {"progression": "cns_only", "brain_metastases": True}),
    ("Stable brain lesions; new 5 mm frontal met; body stable.", {"progression": "cns_only", "brain_metastases": True}),
    ("Brain stable, new liver lesion, rest stable.", {"progression": "oligoprogression"}),
])
def test_progression_beside_a_differential_or_a_response_elsewhere_still_reads(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", [
    "PD: liver and bone stable, new brain mets.",
    "PD - liver and bone stable, new brain mets.",
    "Progression: lung and liver stable, two new brain metastases.",
    "PD: nodes and adrenals unchanged, 3 new cerebellar lesions.",
])
def test_sites_said_stable_under_a_progression_heading_beside_new_brain_lesions_are_cns_only(text):
    assert_reads(text, {"progression": "cns_only", "brain_metastases": True})


@pytest.mark.parametrize("text", ["PD: liver and bone.", "PD - liver, bone and nodes.", "Progression: liver, adrenals."])
def test_sites_listed_under_a_progression_heading_without_a_control_word_stay_systemic(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize("text", [
    "Counselled to watch for headaches.",
    "Brain mets; monitor for seizures.",
    "Advised to report any headache or vomiting.",
    "Told to report new neurological symptoms.",
    "Safety-netted for headache and vomiting.",
    "Asked to look out for headaches or seizures.",
    "Red flags: headache.",
    "Patient educated on red flag symptoms such as headache and seizures.",
    # a list with words the reader does not know between the cue and the symptom: the whole sentence is what to watch
    "Red flags: headache, vomiting, seizures.",
    "Asked to look out for new weakness or confusion.",
    "Safety-netted: worsening nausea, unsteadiness or any fits to call the ward.",
    "Advised to report visual change, vomiting or drowsiness.",
])
def test_a_symptom_to_watch_for_is_not_a_symptom_had(text):
    assert_reads_other_than(text, {"symptomatic": True})


@pytest.mark.parametrize("text", [
    "New headaches.",
    "Complains of headaches; watch for seizures.",
    "Seizure last week, now on levetiracetam.",
    "Reports new headaches and nausea.",
    "Has headaches; advised to report any worsening.",
    "New headaches, told to report any worsening.",
    "Drowsy and vomiting since Tuesday. Red flags reviewed with the family.",
])
def test_a_symptom_had_still_reads_beside_a_plan_to_watch(text):
    assert_reads(text, {"symptomatic": True})


@pytest.mark.parametrize("text", [
    "In 2023 two brain metastases appeared and were treated with SRS; systemic lesions remain controlled.",
    "Leptomeningeal enhancement on MRI; body imaging stable.",
    "SRS delivered 04/11 to two lesions, extracranial disease remains controlled.",
])
def test_the_body_controlled_beside_brain_disease_stated_present_is_still_cns_only(text):
    assert_reads(text, {"progression": "cns_only"})
