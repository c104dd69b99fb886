"""A molecular result said to be another patient's, mixed up, contaminated or filed in error (lead, 2026-12-07): each
read the finding as this patient's. Now nothing is read (the assistant asks), as for a call the report withdraws.
Controls: contamination denied, a sample from another hospital or lab, the patient's own report, another patient told
apart in a sentence of its own, a message disregarded before the finding."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text, field", [
    ("The lab confused samples; the G1202R belongs to another patient", "alk_mutations"),
    ("G1202R result was from the wrong patient - sample mix-up", "alk_mutations"),
    ("G1202R (wrong patient's report, disregard)", "alk_mutations"),
    ("The MET amplification report was filed in her chart in error", "bypass_alterations"),
    ("Ignore the G1202R, it was another patient's report", "alk_mutations"),
    ("G1202R - not this patient", "alk_mutations"),
    ("G1202R (VAF 0.2%) - likely contamination", "alk_mutations"),
    ("L1196M on the plasma report: mislabelled sample, to be repeated", "alk_mutations"),
    ("MET amp was someone else's result", "bypass_alterations"),
    ("The G1202R hypothesis is unproven", "alk_mutations"),
])
def test_a_result_not_this_patients_is_not_read(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text, field, value", [
    ("G1202R detected, no contamination", "alk_mutations", ["G1202R"]),
    ("G1202R confirmed; not contamination", "alk_mutations", ["G1202R"]),
    ("Sample from another hospital: G1202R", "alk_mutations", ["G1202R"]),
    ("G1202R on her sample from the outside lab", "alk_mutations", ["G1202R"]),
    ("MET amplification (patient's own report)", "bypass_alterations", ["MET_amplification"]),
    ("Please disregard my last message. G1202R detected.", "alk_mutations", ["G1202R"]),
])
def test_this_patients_result_still_reads(text: str, field: str, value) -> None:
    assert_reads(text, {field: value})


# (lead, 2026-12-07) a heading that withdraws the results after it, opening its line or sentence
@pytest.mark.parametrize("text, field", [
    ("Report withdrawn (sample mislabelled): G1202R", "alk_mutations"),
    ("Entered in error - MET amplification", "bypass_alterations"),
    ("RETRACTED: L1196M", "alk_mutations"),
    ("Plasma NGS 11/2025.\nResult retracted by the lab: G1202R", "alk_mutations"),
])
def test_a_result_under_a_withdrawing_heading_is_not_read(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text", ["Alectinib withdrawn - G1202R on rebiopsy", "ceritinib was withdrawn: G1202R found",
                                  "Not withdrawn: G1202R confirmed"])
def test_a_drug_withdrawn_before_a_result_leaves_the_result(text: str) -> None:
    assert_reads(text, {"alk_mutations": ["G1202R"]})
