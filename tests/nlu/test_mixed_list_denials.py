"""A form's row that denies a complaint and new brain metastases together (lead, 2026-12-06): "Headache or new brain
mets: none" read the headache PRESENT (the list broke at the wider reading "new brain mets", a pattern of progression,
before the brain metastases inside it) and no brain metastases at all (the "new" after "or" was not seen as a
qualifier: "New brain mets: none" leaves the known ones). Controls: a complaint told on its own, a list of another
organ's lesions, known brain metastases beside the row."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "Headache or new brain mets: none",
    "Headache and new brain mets: none",
    "Seizures or new brain lesions - no",
    "Headaches and new CNS metastases: none",
    "Focal weakness or new brain metastases: N",
])
def test_the_complaint_and_the_new_metastases_are_denied(text: str) -> None:
    assert_reads(text, {"symptomatic": False, "brain_metastases": None})


@pytest.mark.parametrize("text, fields", [
    ("Headache: none", {"symptomatic": False}),
    ("Brain mets: none", {"brain_metastases": False}),
    ("Known brain mets; headache or new brain lesions: none", {"brain_metastases": True, "symptomatic": False}),
    ("Headache; new brain mets: none", {"symptomatic": True}),
    ("New headache. Brain MRI: 2 new metastases.", {"symptomatic": True, "brain_metastases": True}),
])
def test_controls(text: str, fields: dict) -> None:
    assert_reads(text, fields)
