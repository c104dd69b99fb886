"""A finding weighed in a differential or suspected by the writer (lead, 2026-12-06, third session): each read as
FOUND before ("SCLC transformation is in the differential" read a small-cell transformation, which sends the case to
platinum-etoposide; "leptomeningeal disease is in the differential" read leptomeningeal disease).

A diagnosis on the differential, a possibility or a concern, or suspected ("we suspect SCLC transformation"), is not
established: the finding is left to be asked (correctable, as "possible LMD" already reads). Controls: the same
finding established ("biopsy confirmed SCLC transformation"), excluded from a differential, or found beside a
differential of something else."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than


@pytest.mark.parametrize("text, field", [
    ("SCLC transformation is in the differential.", "transformation"),
    ("Small cell transformation remains on the differential.", "transformation"),
    ("Leptomeningeal disease is in the differential diagnosis.", "leptomeningeal"),
    ("LMD is a consideration given the headaches.", "leptomeningeal"),
    ("Small-cell transformation is a possibility with the rising NSE.", "transformation"),
    ("We suspect SCLC transformation.", "transformation"),
    ("Pro-GRP high, suspect SCLC.", "transformation"),
    ("Radiology suspects leptomeningeal disease.", "leptomeningeal"),
])
def test_a_finding_weighed_or_suspected_is_not_read(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text, fields", [
    ("Liver rebiopsy confirmed SCLC transformation.", {"transformation": "small_cell"}),
    ("Rebiopsy: small cell carcinoma. Radionecrosis is in the differential for the brain lesion.",
     {"transformation": "small_cell"}),
    ("CSF cytology positive: leptomeningeal disease.", {"leptomeningeal": True}),
    ("Suspected brain mets on CT; MRI confirms 3 brain metastases.", {"brain_metastases": True}),
])
def test_a_finding_established_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


def test_a_differential_then_excluded_is_no_transformation() -> None:
    # read small-cell before (the exclusion after "but" does not reach back); now not read, asked (no "none" either:
    # the denial is two clauses away)
    assert_reads_other_than("Small cell transformation was in the differential but was excluded on the rebiopsy.",
                            {"transformation": "small_cell"})


@pytest.mark.parametrize("text, fields", [
    ("Assessment: likely ALK-dependent resistance. Differential: MET amp, SCLC.",
     {"transformation": None, "bypass_alterations": None}),
    ("DDx includes SCLC transformation and LMD.", {"transformation": None, "leptomeningeal": None}),
    ("Differential diagnosis: leptomeningeal disease vs radiation change.", {"leptomeningeal": None}),
])
def test_a_differentials_list_is_not_read(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, fields", [
    # a preference or a trial's rule names a therapy or a score that is not the patient's history nor state
    ("Discussed at MDT: lorlatinib vs chemo-IO. Patient prefers lorlatinib.", {"prior_tkis": None}),
    ("She favours brigatinib over chemotherapy.", {"prior_tkis": None}),
    ("Trial screening: requires prior alectinib, no prior lorlatinib, ECOG 0-1.", {"prior_tkis": None, "ecog": None}),
    ("Requires ECOG 0-1.", {"ecog": None}),
])
def test_a_preference_or_a_trials_rule_is_not_the_patients(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, fields", [
    ("Patient opted for lorlatinib, started 1/5.", {"prior_tkis": ["lorlatinib"]}),
    ("She preferred lorlatinib and started it in May.", {"prior_tkis": ["lorlatinib"]}),
    ("Trial screening: requires prior alectinib. She had alectinib 2021-2024.", {"prior_tkis": ["alectinib"]}),
    ("Requires dexamethasone 4 mg for headaches; ECOG 1.", {"ecog": 1}),
])
def test_the_patients_own_course_beside_them_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)
