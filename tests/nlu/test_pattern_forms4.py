"""Pattern-of-progression forms of the prog4 pass (own phrasings, with negative controls).

1. "Systemic" naming a treatment decision ("systemic escalation", "a systemic switch") is no systemic progression.
2. A body scan said stable, then only "but" or "however" before new brain lesions, is the two halves of one time
   (CNS-only), not a history; a word of time between them still makes the stable scan the history.
3. A brain lesion named by a hyphenated region ("motor-cortex metastasis") is a brain lesion; the body's control said
   of the cancer after it ("stable extracranial lung cancer") or of a body CT after a dash ("CT body - stable") is
   the body controlled.
4. A treated brain lesion with its side named ("the previously treated right occipital metastasis is unchanged")
   said stable, beside the body stable, is no progression (not CNS-only).
5. Sites said the only ones growing ("... primary and hilar nodes only"), beside the rest said stable, are
   oligoprogression; alone they stay what their groups read.
6. Multifocal lung opacities of another cause are not multifocal progression.
7. A scan's key, an impression's or a response's, then no change or stable alone, and the disease said stable and
   treated, is no progression; not a brain scan's, not one site's, not a change of dose.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. "systemic" of the treatment --------------------------------------------------------------------------------
SYSTEMIC_TREATMENT = [
    "Tumour board prefers radiosurgery to systemic escalation for the three new lesions.",
    "We discussed a systemic switch versus local treatment of the brain lesions.",
    "Systemic de-escalation was considered because of toxicity.",
    "Radiation oncology would favour SRS; no systemic change for now.",
]


@pytest.mark.parametrize("text", SYSTEMIC_TREATMENT)
def test_systemic_of_the_treatment_is_no_systemic_progression(text):
    assert_reads(text, {"progression": None})


SYSTEMIC_PROGRESSION = [
    "Systemic progression on brigatinib.",
    "She has progressed systemically despite lorlatinib.",
]


@pytest.mark.parametrize("text", SYSTEMIC_PROGRESSION)
def test_systemic_progression_is_still_systemic(text):
    assert_reads(text, {"progression": "systemic"})


# ---- 2. body scan stable, "but" new brain lesions ---------------------------------------------------------------------
BODY_STABLE_BUT_BRAIN = [
    "The restaging CT is stable but the MRI of the brain shows two new lesions.",
    "Body CT showed stable disease, however MRI brain: one new 7 mm lesion.",
    "PET-CT stable but brain MRI with 3 new mets.",
]


@pytest.mark.parametrize("text", BODY_STABLE_BUT_BRAIN)
def test_body_scan_stable_but_new_brain_lesions_is_cns_only(text):
    assert_reads(text, {"progression": "cns_only", "brain_metastases": True})


BODY_STABLE_THEN_BRAIN = [
    # a word of time between: the stable scans are the history before the brain progression
    "Stable disease on alectinib for three years, but now two new brain metastases.",
    "CT stable through 2024, then new brain lesions on MRI in 2025.",
    # no body scan named: stable disease then "but" stays the history
    "Stable disease for a long time but new brain mets now.",
]


@pytest.mark.parametrize("text", BODY_STABLE_THEN_BRAIN)
def test_stable_then_brain_with_a_word_of_time_is_no_cns_only(text):
    assert_reads(text, {"progression": None})


def test_body_scan_stable_but_a_new_liver_lesion_is_no_none():
    # the contrast reaches a brain progression only: a body site after it is not the brain's half
    found = assert_reads("CT shows stable disease but a new liver metastasis.", {})
    assert found.get("progression") not in ("none", "cns_only"), found


# ---- 3. brain region hyphenated, the body's control said other ways -------------------------------------------------
BODY_CONTROLLED_FORMS = [
    "MRI: a 2 cm right motor-cortex metastasis with oedema; body disease stable.",
    "Two new brain metastases. Stable extracranial lung cancer on alectinib.",
    "MRI brain - three new lesions. CT body - stable.",
]


@pytest.mark.parametrize("text", BODY_CONTROLLED_FORMS)
def test_brain_lesions_with_the_body_controlled_in_other_words_are_cns_only(text):
    assert_reads(text, {"progression": "cns_only", "brain_metastases": True})


BODY_NOT_CONTROLLED = [
    # the body's scan after a dash said to progress; the chest alone is not the body
    "MRI brain - three new lesions. CT body - new liver lesions.",
    "MRI brain: two new lesions. CT chest - stable.",
]


@pytest.mark.parametrize("text", BODY_NOT_CONTROLLED)
def test_brain_lesions_without_the_body_controlled_are_no_cns_only(text):
    found = assert_reads(text, {"brain_metastases": True})
    assert found.get("progression") != "cns_only", found


def test_motor_cortex_metastasis_is_a_brain_lesion():
    assert_reads("MRI shows a single left motor-cortex metastasis.", {"brain_metastases": True})


def test_motor_cortex_weakness_is_no_brain_lesion():
    assert_reads("Weakness of the right hand; motor-cortex function intact on exam.", {"brain_metastases": None})


# ---- 4. a treated brain lesion with its side, stable ----------------------------------------------------------------
TREATED_SIDE_STABLE = [
    "MRI: no new lesions; the previously treated right occipital metastasis is unchanged. Body CT stable.",
    "Brain MRI shows the treated left parietal metastasis is stable; body CT stable on lorlatinib.",
]


@pytest.mark.parametrize("text", TREATED_SIDE_STABLE)
def test_treated_brain_lesion_with_its_side_stable_beside_the_body_stable_is_none(text):
    assert_reads(text, {"progression": "none", "brain_metastases": True})


def test_treated_brain_lesion_with_its_side_growing_is_cns_only():
    assert_reads(
        "MRI: the previously treated right occipital metastasis is enlarging. Body CT stable.",
        {"progression": "cns_only"},
    )


# ---- 5. the sites said the only ones growing ------------------------------------------------------------------------
def test_sites_said_only_ones_growing_beside_the_rest_stable_are_oligoprogression():
    assert_reads(
        "Restaging: growth of the primary and hilar nodes only; other sites (liver) stable.",
        {"progression": "oligoprogression"},
    )


def test_two_site_groups_said_only_ones_alone_stay_systemic():
    assert_reads("Progression in the liver and bones only.", {"progression": "systemic"})


def test_two_site_groups_growing_without_only_stay_systemic():
    assert_reads("Growth in the liver and the adrenals and new bone lesions.", {"progression": "systemic"})


# ---- 6. multifocal opacities -----------------------------------------------------------------------------------------
MULTIFOCAL_OPACITIES = [
    "CT: new multifocal ground-glass opacities; ddx pneumonitis versus infection.",
    "Multifocal consolidation in the right lung, likely infective.",
]


@pytest.mark.parametrize("text", MULTIFOCAL_OPACITIES)
def test_multifocal_opacities_are_no_systemic_progression(text):
    assert_reads(text, {"progression": None})


def test_multifocal_progression_is_systemic():
    assert_reads("Multifocal progression on brigatinib.", {"progression": "systemic"})


# ---- 7. a scan's key then no change or stable -----------------------------------------------------------------------
SCAN_KEY_STABLE = [
    "Impression: no interval change.",
    "CT CAP compared with June: no significant change.",
    "Imaging: stable. Plan: continue lorlatinib.",
    "Overall response: SD (-4%).",
    "Stable treated disease on alectinib.",
]


@pytest.mark.parametrize("text", SCAN_KEY_STABLE)
def test_a_scan_key_then_no_change_is_none(text):
    assert_reads(text, {"progression": "none"})


SCAN_KEY_NOT_WHOLE = [
    "MRI brain: no interval change.",
    "CT liver: stable.",
    "Impression: no change in the lorlatinib dose.",
    "Brain stable treated disease.",
    "If the CT is stable: continue.",
]


@pytest.mark.parametrize("text", SCAN_KEY_NOT_WHOLE)
def test_a_brain_or_site_scan_key_or_a_dose_is_no_none(text):
    assert_reads(text, {"progression": None})


def test_a_dated_scan_key_stable_before_a_later_progression_leaves_the_progression():
    # the stable scan dated in its key before a later one that progresses: the later one's pattern, as before
    assert_reads(
        "CT 03/2025: stable. CT 10/2025: new liver lesions, new bone lesions, enlarging nodes.",
        {"progression": "systemic"},
    )


def test_the_body_controlled_before_the_cancer_keeps_the_cancer_read():
    # the body's words do not take the cancer's: ALK-positive is still read
    assert_reads(
        "Two new brain mets. Controlled extracranial ALK-positive NSCLC.",
        {"progression": "cns_only", "alk_positive": True},
    )
