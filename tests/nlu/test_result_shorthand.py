"""A result's shorthand after its finding (lead, 2026-12-06, third session): each read the finding PRESENT before.

- "ND" (not detected, or not done) after a finding's colon or beside it: "G1202R: ND", "G1202R nd", "Brain mets: ND".
  Either meaning says the finding is not found: it is not read (asked), never present.
- "not det." cut short, and "NAD" (no abnormality detected) as a result's answer: "G1202R: not det.", "MET
  amplification: NAD".
Controls: a finding with its own result beside another's shorthand ("G1202R: ND; L1196M: detected"), and "2nd" in a
result's bracket ("G1202R detected (NGS, 2nd line)")."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_excluding, assert_reads_including


@pytest.mark.parametrize("text, field, value", [
    ("G1202R: ND", "alk_mutations", "G1202R"),
    ("G1202R nd", "alk_mutations", "G1202R"),
    ("ALK G1202R - ND", "alk_mutations", "G1202R"),
    ("G1202R: not det.", "alk_mutations", "G1202R"),
    ("L1196M: not det", "alk_mutations", "L1196M"),
    ("MET amplification: NAD", "bypass_alterations", "MET_amplification"),
    ("MET amplification: ND", "bypass_alterations", "MET_amplification"),
])
def test_a_finding_with_a_shorthand_of_not_found_is_not_read(text: str, field: str, value: str) -> None:
    assert_reads_excluding(text, field, [value])


@pytest.mark.parametrize("text", ["Brain mets: ND", "Brain metastases - ND", "Leptomeningeal disease: ND"])
def test_a_site_with_nd_is_not_read_present(text: str) -> None:
    assert_reads(text, {"brain_metastases": None} if "rain" in text else {"leptomeningeal": None})


@pytest.mark.parametrize("text, field, value", [
    ("G1202R: ND; L1196M: detected", "alk_mutations", "L1196M"),
    ("G1202R: detected. MET amplification: ND", "alk_mutations", "G1202R"),
    ("G1202R detected (NGS, 2nd line)", "alk_mutations", "G1202R"),
])
def test_a_finding_with_its_own_result_beside_the_shorthand_still_reads(text: str, field: str, value: str) -> None:
    assert_reads_including(text, field, [value])
