"""A molecular test that failed or had too little tumour ("NGS failed: insufficient tumour content", "tissue QNS for
molecular testing") gives no result: its "nothing found" is not read (the mutations and bypass alterations stay
unknown, never the empty list of "tested, none found"), nor a finding named before the failure ("MET amplification:
insufficient sample"). A result of an adequate test is read as before; a finding stated present stays."""

from __future__ import annotations

import itertools

import pytest

from tests.nlu.reads import assert_reads

FAILED = ["NGS failed", "NGS failed QC", "tissue QNS for NGS", "insufficient tumour content for NGS",
          "sample inadequate for molecular testing", "sequencing unsuccessful", "rebiopsy non-diagnostic for NGS",
          "low tumour cellularity", "DNA extraction failed", "NGS not evaluable (tumour content 5%)",
          "insufficient material", "too few tumour cells for sequencing"]
NOTHING = ["no ALK mutations reported", "no resistance mutations detected", "no mutations identified",
           "no ALK resistance mutation found", "no bypass alterations", "no actionable alterations",
           "ALK kinase domain mutations not detected", "no MET amplification", "no ALK alterations detected"]
JOINS = [" - ", ", ", "; ", ": ", " (", " but "]


@pytest.mark.parametrize("text", [
    f"{failed}{join}{nothing}" + (")" if join == " (" else "")
    for failed, nothing, join in itertools.product(FAILED, NOTHING, JOINS)
] + [
    f"{nothing} ({failed})" for failed, nothing in itertools.product(FAILED, NOTHING)
])
def test_nothing_found_by_a_failed_test_is_no_result(text):
    assert_reads(text, {"alk_mutations": None, "bypass_alterations": None, "alk_fusion_at_progression": None})


@pytest.mark.parametrize("text", [
    "MET amplification: insufficient sample", "MET amp - QNS", "ALK mutations: test failed",
    "Resistance mutations: insufficient tissue", "G1202R: not assessable", "MET FISH: failed",
    "Rebiopsy NGS failed; no mutations could be assessed",
    "Tissue NGS: no mutations detected (sample inadequate, tumour content 5%)",
    "Rebiopsy showed tumour but insufficient for NGS",
    "NGS on rebiopsy was unsuccessful - no ALK mutations reported",
])
def test_no_mutation_status_is_read_from_a_failed_test(text):
    assert_reads(text, {"alk_mutations": None, "bypass_alterations": None})


@pytest.mark.parametrize("text,fields", [
    ("Rebiopsy NGS: no ALK mutations, no MET amplification", {"alk_mutations": [], "bypass_alterations": None}),
    ("Rebiopsy NGS: no ALK mutations, no bypass alterations", {"alk_mutations": [], "bypass_alterations": []}),
    ("Tissue NGS: no resistance mutations", {"alk_mutations": []}),
    ("NGS: G1202R detected; no MET amplification", {"alk_mutations": ["G1202R"]}),
    ("NGS failed QC on the first run; repeat NGS: G1202R", {"alk_mutations": ["G1202R"]}),
    ("Low tumour content but G1202R detected", {"alk_mutations": ["G1202R"]}),
    ("Failed alectinib. Rebiopsy NGS: no ALK mutations.", {"alk_mutations": []}),
    ("Initial biopsy was insufficient. Repeat rebiopsy NGS: no ALK mutations.", {"alk_mutations": []}),
])
def test_an_adequate_result_is_read(text, fields):
    assert_reads(text, fields)
