"""What is said of other patients or of patients in general (lead, 2026-12-06, third session): each read as this
patient's findings before.

"Case 2 (different patient): G1202R on brigatinib", "In CROWN, 6% had MET amplification at progression", "Typical
resistance is G1202R after alectinib", "e.g. G1202R, L1196M": another case, a trial's figures, what is typical, a list
of examples (other_people `patients`, to the end of the sentence). Controls: this patient's case headed "Case:", a
trial this patient was on, a finding with "e.g." after it, examples denied as a class."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_exactly


@pytest.mark.parametrize("text", [
    "Case 2 (different patient): G1202R on brigatinib.",
    "In CROWN, 6% had MET amplification at progression.",
    "In the ALEX trial, about 10% had brain progression.",
    "About a third of patients have G1202R after alectinib.",
    "Typical resistance is G1202R after alectinib.",
    "The commonest mechanism after second-generation TKIs is G1202R.",
    "e.g. G1202R, L1196M",
    "Resistance mutations such as G1202R or I1171N can emerge.",
])
def test_other_cases_and_general_statements_write_nothing(text: str) -> None:
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text, fields", [
    ("Case: 58F, G1202R on alectinib.", {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
    ("In the CROWN trial she received lorlatinib.", {"prior_tkis": ["lorlatinib"]}),
    ("She has G1202R, e.g. on the liver core.", {"alk_mutations": ["G1202R"]}),
    ("Patient 2 lesions in the brain, both small.", {"brain_metastases": True}),
])
def test_this_patients_findings_beside_those_words_still_read(text: str, fields: dict) -> None:
    assert_reads(text, fields)
