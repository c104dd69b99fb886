"""What a patient could get is not what she got, a rule is not a patient's history, and a failed test does not
silence the test after it.

- A TKI after a modal or an entitlement ("she would be funded for lorlatinib", "she qualifies for lorlatinib", "can
  access", "is entitled to", "she'd be covered for") is a candidate, never a TKI received; a TKI she had, named
  beside it, is still read.
- A regulator's or a payer's rule ("Lorlatinib is NICE-approved after alectinib", "After alectinib, lorlatinib is
  funded", "the label allows brigatinib after crizotinib") names no TKI received, and its country is not the
  patient's region; a patient statement beside such a word keeps its reading ("she progressed on alectinib,
  lorlatinib approved by insurer").
- A failed test's reach ends at a clause boundary where another test is reported ("Initial biopsy QNS; repeat
  rebiopsy NGS: no ALK mutations"): the repeat test's "nothing found" is read; a boundary after which no other
  test reports ("NGS failed; no ALK mutations reported") still leaves the failed test without a result.
"""

from __future__ import annotations

import itertools

import pytest

from tests.nlu.reads import assert_reads

# ---- a TKI she could get ---------------------------------------------------------------------------------------

ACCESS = [
    "In the UK, she would be funded for {t}.",
    "She qualifies for {t} under the PBS.",
    "she would get {t} on the NHS",
    "She is entitled to {t}.",
    "She can access {t} through the compassionate access programme.",
    "She may be covered for {t}.",
    "He could be reimbursed for {t} by his insurer.",
    "pt should be able to get {t} via the access scheme",
    "She might be approved for {t} after an appeal.",
    "She would be funded under the Cancer Drugs Fund for {t}.",
    "She'd be covered for {t} under her plan.",
    "Under Medicare he will be eligible for {t}.",
    "She would now qualify for {t}.",
    "She could be given {t}.",
    "She would have been funded for {t}.",
    "In the US she would have received {t} second line.",
    "Patient can be offered {t} on the NHS.",
    "In Australia, she could be funded for {t} and alectinib.",
]


@pytest.mark.parametrize("text", [s.format(t=t) for s, t in itertools.product(ACCESS, ["lorlatinib", "Lorbrena"])])
def test_a_tki_she_could_get_is_not_received(text):
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text", [
    "Progressed on alectinib; she would be funded for lorlatinib.",
    "On alectinib since 2021, now PD; she qualifies for lorlatinib.",
    "PD on alectinib. In the UK she would get lorlatinib.",
    "Alectinib 3 years, progressed - she can access lorlatinib via the PBS.",
])
def test_a_tki_received_beside_what_she_could_get_is_still_read(text):
    assert_reads(text, {"prior_tkis": ["alectinib"]})


@pytest.mark.parametrize("text", [
    "In the UK, she would be funded for lorlatinib.",
    "In Australia she could get lorlatinib on the PBS.",
    "Under the NHS she'd be covered for lorlatinib.",
    "If she moved to Canada she would be eligible for lorlatinib.",
    "In the US she would have received lorlatinib second line.",
])
def test_where_she_would_get_a_tki_is_not_her_region(text):
    assert_reads(text, {"region": None, "prior_tkis": None})


@pytest.mark.parametrize("text,region", [
    ("She lives in the UK and would be funded for lorlatinib.", "GB"),
    ("Treated in Sydney; she would qualify for lorlatinib.", "AU"),
])
def test_where_she_is_treated_is_still_her_region(text, region):
    assert_reads(text, {"region": region})


# ---- a regulator's or a payer's rule -----------------------------------------------------------------------------

RULES = [
    "Lorlatinib is NICE-approved after alectinib in England.",
    "In England, lorlatinib is NICE-approved after alectinib.",
    "Lorlatinib is TGA-approved after alectinib.",
    "Lorlatinib is PBS-listed after alectinib.",
    "Lorlatinib is licensed after alectinib or brigatinib.",
    "Lorlatinib is reimbursed after alectinib in France.",
    "Lorlatinib is indicated after alectinib.",
    "Lorlatinib is FDA-approved after progression on crizotinib and at least one other ALK TKI.",
    "After alectinib, lorlatinib is funded.",
    "Following brigatinib, lorlatinib is PBS-listed.",
    "Post alectinib, lorlatinib is reimbursed under the PBS.",
    "After crizotinib, brigatinib is approved in the US.",
    "The label allows brigatinib after crizotinib.",
    "The licence permits lorlatinib after alectinib in the UK.",
    "The PBS listing covers lorlatinib after alectinib.",
]


@pytest.mark.parametrize("text", RULES)
def test_a_rule_names_no_tki_received_and_no_region(text):
    assert_reads(text, {"prior_tkis": None, "region": None})


@pytest.mark.parametrize("text,tkis", [
    ("she progressed on alectinib, lorlatinib approved by insurer", ["alectinib"]),
    ("Progressed on alectinib; lorlatinib is funded after alectinib under the PBS.", ["alectinib"]),
    ("After alectinib she progressed; lorlatinib approved by her insurer.", ["alectinib"]),
    ("After alectinib, lorlatinib was started.", ["alectinib", "lorlatinib"]),
    ("Following crizotinib, she had brigatinib.", ["crizotinib", "brigatinib"]),
])
def test_a_patient_statement_keeps_its_reading(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


# ---- a failed test, then another test --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Initial biopsy QNS; repeat rebiopsy NGS: no ALK mutations",
    "Initial biopsy QNS. Repeat biopsy NGS: no ALK mutations detected.",
    "Tissue NGS failed QC; plasma NGS (Guardant360): no ALK resistance mutations.",
    "First rebiopsy insufficient for NGS, then repeat rebiopsy: no ALK mutations detected",
    "EBUS sample QNS but the repeat core biopsy NGS showed no ALK mutations",
    "Liver core QNS\nRepeat biopsy NGS - no resistance mutations",
    "Tissue insufficient; Guardant360: no ALK mutations.",
    "Bronchoscopic sample non-diagnostic; subsequent CT-guided biopsy NGS: no ALK resistance mutations",
    "Plasma NGS: no ALK mutations; tissue QNS.",
    "Guardant360: no ALK resistance mutations; repeat biopsy insufficient for NGS",
])
def test_a_test_after_a_failed_one_gives_its_result(text):
    assert_reads(text, {"alk_mutations": []})


@pytest.mark.parametrize("text", [
    "NGS failed; no ALK mutations reported",
    "Tissue QNS for NGS; no resistance mutations identified.",
    "NGS failed; repeat NGS pending; no ALK mutations reported",
    "Repeat biopsy QNS; no ALK mutations detected.",
    "NGS: no ALK mutations; insufficient tumour content.",
    "NGS failed on the repeat biopsy; no ALK mutations reported",
    "Tissue QNS; plasma NGS also failed; no ALK mutations reported",
    "Rebiopsy insufficient, then plasma NGS requested; no ALK mutations reported.",
])
def test_a_failed_test_without_another_still_gives_no_result(text):
    assert_reads(text, {"alk_mutations": None})
