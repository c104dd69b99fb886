"""Five misreadings of safe8, each a finding written into the case that the text does not state of this patient: an
MRI of another organ named right after "MRI" taken as a brain scan ("MRI liver: 3 new lesions" read as brain
metastases); another organ's lesions "too many to count" read as extensive brain disease; a test still to be done
("We should test for EML4-ALK") read as its positive result; a checklist row's long dot leader before its "N" read
as the item present ("Strong CYP3A inducer use ............ N"); and a relative's result headed by their own tumour
or test and a colon ("Her cousin's tumour: ..., no resistance mutations") read as the patient's. Each class with
controls that must still read. Phrasings of our own; none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. an MRI of another organ is no brain scan ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "MRI liver: 3 new lesions",
        "MRI spine: new lesions at T4",
        "MRI of the spine shows two new lesions",
        "MRI L-spine: 2 new lesions in the vertebral bodies",
        "MRI pelvis: several new lesions",
        "MRI liver shows too many to count lesions",
    ],
)
def test_mri_of_another_organ_is_no_brain_scan(text: str) -> None:
    assert_reads(text, {"brain_metastases": None, "cns_lesions": None})


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("MRI brain: 3 new lesions", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("MRI head: numerous (>20) lesions", {"brain_metastases": True, "cns_lesions": "extensive"}),
        ("MRI: 3 new lesions", {"brain_metastases": True}),
    ],
)
def test_brain_mri_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- 2. another organ's lesions too many to count are not the brain's --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "CT: lung nodules too many to count",
        "CT chest - pulmonary nodules, too numerous to count",
        "CT abdomen: liver lesions too many to count",
        "Bone scan: bony lesions too many to count",
    ],
)
def test_other_organ_count_is_not_brain(text: str) -> None:
    assert_reads(text, {"brain_metastases": None, "cns_lesions": None})


@pytest.mark.parametrize(
    "text",
    [
        "MRI brain: lesions too many to count",
        "Brain: too many to count",
        "CT chest clear. MRI brain: enhancing lesions too numerous to count",
        "CT: liver clear, brain lesions too many to count",
        "The brain mets are too many to count",
    ],
)
def test_brain_count_too_many_still_reads(text: str) -> None:
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "extensive"})


# ---- 3. a test still to be done names no result ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We should test for EML4-ALK.",
        "We need to test her tumour for an ALK fusion.",
        "Plan to send for ALK FISH",
        "Will send the block for ALK rearrangement",
        "Going to test the biopsy for EML4-ALK",
    ],
)
def test_test_to_do_is_no_result(text: str) -> None:
    assert_reads(text, {"alk_positive": None})


@pytest.mark.parametrize(
    "text",
    [
        "Her tumour tested positive for EML4-ALK.",
        "EML4-ALK fusion detected on NGS.",
        "Will send the tissue for ALK FISH; EML4-ALK already confirmed on NGS",
    ],
)
def test_alk_result_still_reads(text: str) -> None:
    assert_reads(text, {"alk_positive": True})


# ---- 4. (withdrawn: a checklist's long dot leader read as "item: answer" read "Pregnant / breastfeeding ...... N
# (male)" and "Symptomatic CNS metastases ...... N (no CNS metastases)" of a trial checklist as PRESENT; the leader
# stays three dots until a checklist's exclusion rows are read as rows of their own)


# ---- 5. a relative's own tumour or test, headed by a colon, is theirs ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Her cousin's tumour: ALK positive, no resistance mutations", {"alk_mutations": None}),
        ("Her cousin's NGS: EML4-ALK, G1202R, no MET amplification", {"alk_mutations": None, "met_amplification": None}),
        ("His brother's MRI - 3 brain lesions, no leptomeningeal disease", {"brain_metastases": None, "leptomeningeal": None}),
    ],
)
def test_relative_headed_result_is_not_the_patient(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Her cousin has NSCLC. Our patient: no resistance mutations", {"alk_mutations": []}),
        ("Her mother's tumour: ALK positive, ours has G1202R", {"alk_mutations": ["G1202R"]}),
        ("NGS of her tumour: no resistance mutations", {"alk_mutations": []}),
    ],
)
def test_patient_result_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)
