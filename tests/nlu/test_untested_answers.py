"""Answers that say nothing could tell the finding (lead, 2026-12-06): a form's answer of no whose bracket says the scan
that would tell it was not done is not known (asked), never "no brain metastases"; a result's row answered only that its
test was not done ("MET amplification: not done", "G1202R: N (not tested)") is no finding (it read the finding
present). Controls: an answer of no with the scan that told it, a result told, a denial, a biopsy not done."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "Brain metastases ...... N (MRI not done)",
    "Brain mets: no (MRI not yet done)",
    "CNS metastases: N (CT head not performed)",
    "Brain metastases - no (imaging not available)",
    "Brain mets: N (PET-CT not done)",
])
def test_an_answer_the_scan_did_not_tell_is_not_read(text: str) -> None:
    assert_reads(text, {"brain_metastases": None})


@pytest.mark.parametrize("text", [
    "Brain metastases ...... N (MRI 10/2025)",
    "Brain mets: no (MRI brain clear)",
    "Brain metastases: N",
    "Brain mets: no. Biopsy not done.",
])
def test_an_answer_of_no_still_reads_no(text: str) -> None:
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text, fields", [
    ("Biopsy: not done", {"biopsy": "none"}),  # the act not done, not a scan
    ("Brain MRI: 2 new lesions (CT not done)", {"brain_metastases": True}),
])
def test_other_keys_keep_their_reading(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text", [
    "CNS metastases: N (MRI not done)",
    "Leptomeningeal disease: no (not imaged)",
])
def test_a_denial_the_scan_did_not_tell_is_not_read(text: str) -> None:
    found = assert_reads(text, {"brain_metastases": None, "leptomeningeal": None})
    assert not found, (text, found)


@pytest.mark.parametrize("text", [
    "MET amplification: not done",
    "MET amplification - not performed",
    "MET amp ........ N (not done)",
    "MET amplification: N/A",
    "MET amp | not tested",
    "G1202R: N (not done)",
    "ALK G1202R: not tested",
    "L1196M - not assessed",
    "EML4-ALK fusion: not done",
    "EML4-ALK: not available yet (plasma pending)",
])
def test_a_result_row_whose_test_was_not_done_reads_no_finding(text: str) -> None:
    found = assert_reads(text, {"alk_mutations": None, "bypass_alterations": None, "alk_positive": None})
    assert not found.get("alk_mutations") and not found.get("bypass_alterations"), (text, found)


@pytest.mark.parametrize("text, fields", [
    ("G1202R: detected. MET amp: not tested.", {"alk_mutations": ["G1202R"], "bypass_alterations": None}),
    ("MET amplification: present (copy number 8)", {"bypass_alterations": ["MET_amplification"]}),
    ("G1202R: present", {"alk_mutations": ["G1202R"]}),
    ("EML4-ALK fusion: positive", {"alk_positive": True}),
    ("Rebiopsy: not done", {"biopsy": "none"}),
    ("Liquid biopsy: G1202R detected; tissue NGS not done", {"alk_mutations": ["G1202R"]}),
])
def test_results_told_beside_a_test_not_done_are_read(text: str, fields: dict) -> None:
    assert_reads(text, fields)
