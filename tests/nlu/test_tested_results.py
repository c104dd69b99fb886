"""A finding's result told past the words of its test (lead, 2026-12-06, third session): each read PRESENT before.

- A negative result past the test's verb or its method: "MET amplification by FISH: negative", "G1202R (ddPCR): not
  detected", "G1202R was looked for and not found", "L1196M tested - negative", "brain mets looked for on MRI: none".
  A report names the method between the finding and the result; the denial reaches past it (after_copulas
  `{TESTBY}`).
- A test of a finding sent off, awaited or ordered, with no result: "G1202R testing sent off", "MET amplification FISH
  pending", "sent for G1202R analysis": nothing is known yet, the field is asked.
Controls: the same words with a positive result ("MET amplification (FISH): positive", "G1202R tested positive"), a
result found and its sample or report sent on afterwards ("G1202R found; sample sent to the reference lab"), and a
specimen sent whose result is told ("Liver core sent for NGS; G1202R found")."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_excluding, assert_reads_including

MUTATION_NEGATIVE = [
    "G1202R was looked for and not found.",
    "G1202R looked for, not found",
    "We looked for G1202R; it was absent.",
    "We looked for G1202R but did not find it.",
    "Looked for L1196M, couldn't find any.",
    "G1202R was searched for and was absent.",
    "G1202R assessed and not detected",
    "G1202R testing: negative",
    "L1196M tested - negative",
    "G1202R screened, negative",
    "G1202R checked: not present",
    "G1202R by ddPCR: not detected",
    "G1202R (ddPCR): not detected",
    "G1202R assessed by ddPCR and not detected",
    "G1202R evaluated on plasma NGS: negative",
    "I1171N analysed by tissue NGS - not detected",
]


@pytest.mark.parametrize("text", MUTATION_NEGATIVE)
def test_a_mutation_denied_past_its_test_is_not_read(text: str) -> None:
    assert_reads_excluding(text, "alk_mutations", ["G1202R", "L1196M", "I1171N"])


BYPASS_NEGATIVE = [
    "MET amplification by FISH: negative",
    "MET amplification (FISH): negative",
    "MET amplification by FISH not detected",
    "MET amplification tested by FISH: negative",
    "MET amplification on FISH - negative",
    "MET amplification tested: negative",
    "MET amplification assessed and not detected",
    "MET amp looked for, not found",
    "MET amplification (tissue NGS): not detected",
]


@pytest.mark.parametrize("text", BYPASS_NEGATIVE)
def test_a_bypass_alteration_denied_past_its_test_is_not_read(text: str) -> None:
    assert_reads_excluding(text, "bypass_alterations", ["MET_amplification"])


@pytest.mark.parametrize("text, fields", [
    ("Small cell transformation assessed and not seen.", {"transformation": "none"}),
    ("Brain mets looked for and not found.", {"brain_metastases": False}),
    ("Brain metastases looked for on MRI: none.", {"brain_metastases": False}),
    ("Brain metastases (MRI): none", {"brain_metastases": False}),
])
def test_other_findings_denied_past_their_test(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, field, value", [
    ("G1202R tested positive", "alk_mutations", "G1202R"),
    ("G1202R (ddPCR): detected", "alk_mutations", "G1202R"),
    ("MET amplification tested: positive", "bypass_alterations", "MET_amplification"),
    ("MET amplification (FISH): positive", "bypass_alterations", "MET_amplification"),
    ("MET amplification by NGS", "bypass_alterations", "MET_amplification"),
    ("MET amplification on FISH (8 copies)", "bypass_alterations", "MET_amplification"),
    ("G1202R by plasma NGS, 2% VAF", "alk_mutations", "G1202R"),
])
def test_a_positive_result_past_its_test_still_reads(text: str, field: str, value: str) -> None:
    assert_reads_including(text, field, [value])


@pytest.mark.parametrize("text", [
    "G1202R testing sent off",
    "G1202R test pending",
    "Sent for G1202R analysis.",
    "Tissue sent off for G1202R analysis",
    "G1202R PCR requested",
    "MET amplification testing sent",
    "MET amplification FISH pending",
    "MET amplification FISH requested on the liver core",
])
def test_a_test_still_to_report_reads_no_finding(text: str) -> None:
    assert_reads(text, {"alk_mutations": None, "bypass_alterations": None})


@pytest.mark.parametrize("text, field, value", [
    ("Liver core sent for NGS; G1202R found.", "alk_mutations", "G1202R"),
    ("Tissue was sent for NGS, which showed G1202R.", "alk_mutations", "G1202R"),
    ("G1202R found; sample sent to the reference lab for confirmation.", "alk_mutations", "G1202R"),
    ("G1202R detected, report sent to the oncologist.", "alk_mutations", "G1202R"),
    ("We looked for G1202R and found it.", "alk_mutations", "G1202R"),
    ("G1202R detected; it was absent at diagnosis.", "alk_mutations", "G1202R"),
    ("MET amplification on FISH; slides sent for a second opinion.", "bypass_alterations", "MET_amplification"),
])
def test_a_result_told_beside_a_sample_sent_still_reads(text: str, field: str, value: str) -> None:
    assert_reads_including(text, field, [value])
