"""Two findings read that the text did not state (lead, 2026-12-06, second session).

- A no told only as far as the writer knows ("Brain mets - not that I know of", "G1202R: not to my knowledge") read
  the finding PRESENT: not known, left to be asked (negation `unknown_after`). "None known" and "no known brain mets"
  stay a no, as a record writes it.
- A molecular alteration of another primary cancer of the patient's ("KRAS G12C in the prior colon cancer", "breast
  cancer 2012, HER2 amplified", "MET amp in her colorectal primary") read as this cancer's bypass alteration
  (`other_primary_kinds`). Controls: this cancer named after the other one, the re-biopsy's own finding."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text, field", [
    ("Brain mets - not that I know of", "brain_metastases"),
    ("Brain metastases: not as far as we know", "brain_metastases"),
    ("brain mets, not to my knowledge", "brain_metastases"),
    ("G1202R - not that I am aware of", "alk_mutations"),
    ("Leptomeningeal disease: not that we're aware of", "leptomeningeal"),
])
def test_a_no_as_far_as_the_writer_knows_is_not_known(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text", [
    "Brain mets: none known",
    "No known brain metastases.",
    "Brain mets: none",
])
def test_a_recorded_no_stays_a_no(text: str) -> None:
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "MET amplification in the colorectal cancer",
    "KRAS G12C (colon cancer 2015)",
    "History of colon cancer with KRAS G12C",
    "Prior breast cancer, HER2 amplified, treated 2012",
    "MET amp in her colorectal primary",
])
def test_another_cancers_alteration_is_not_this_cancers(text: str) -> None:
    assert_reads(text, {"bypass_alterations": None})


@pytest.mark.parametrize("text, alterations", [
    ("Her colon cancer was KRAS G12C; the lung tumour shows MET amplification", ["MET_amplification"]),
    ("Breast cancer 2010, ALK+ NSCLC 2022, MET amplification on rebiopsy", ["MET_amplification"]),
    ("PMH: prostate cancer 2016. Rebiopsy: MET amplification", ["MET_amplification"]),
    ("MET amplification on the lung re-biopsy", ["MET_amplification"]),
    ("History of HER2-negative breast cancer; now MET amplification", ["MET_amplification"]),
    ("Colon cancer 2015 (KRAS wild-type), now MET amplification at progression", ["MET_amplification"]),
])
def test_this_cancers_alteration_is_still_read(text: str, alterations: list) -> None:
    assert_reads(text, {"bypass_alterations": alterations})


# (lead) lesions of another organ past counting, the organ named after the count ("too numerous to count liver
# lesions") read extensive BRAIN metastases; the organ named before it was mended earlier (safe8)
@pytest.mark.parametrize("text", [
    "PD, too numerous to count liver lesions",
    "too numerous to count lesions in the liver",
    "CT: too many to count lung nodules",
])
def test_another_organs_lesions_past_counting_are_not_the_brains(text: str) -> None:
    assert_reads(text, {"brain_metastases": None, "cns_lesions": None})


@pytest.mark.parametrize("text", [
    "MRI brain: too numerous to count lesions",
    "MRI head: too numerous to count enhancing lesions",
    "Brain MRI: too many to count, also liver mets",
])
def test_the_brains_lesions_past_counting_are_still_extensive(text: str) -> None:
    assert_reads(text, {"brain_metastases": True, "cns_lesions": "extensive"})


# (lead) a squamous component or differentiation denied ("squamous component excluded", "squamous differentiation
# ruled out") read SQUAMOUS histology (which bars pemetrexed and bevacizumab): the denial did not reach past the word
@pytest.mark.parametrize("text", [
    "squamous component excluded",
    "squamous differentiation ruled out",
    "Squamous component not identified on the rebiopsy.",
    "squamous features: none",
])
def test_a_squamous_component_denied_is_no_squamous_histology(text: str) -> None:
    assert_reads(text, {"histology": None})


@pytest.mark.parametrize("text", [
    "squamous component present",
    "Squamous differentiation seen on the rebiopsy",
    "squamous cell carcinoma",
])
def test_a_squamous_component_told_is_still_read(text: str) -> None:
    assert_reads(text, {"histology": "squamous"})


# (lead) a call the report says falls short of its own criteria ("MET amp (CN 4, not meeting criteria)") read the
# alteration PRESENT: the report does not stand behind it (hedge `disowned`)
@pytest.mark.parametrize("text", [
    "MET amp (CN 4, not meeting criteria)",
    "MET amplification, does not meet the amplification criteria",
    "MET amp not meeting criteria; G1202R present",
])
def test_a_call_short_of_its_criteria_is_not_read(text: str) -> None:
    found = assert_reads(text, {})
    assert "MET_amplification" not in found.get("bypass_alterations", []), (text, found)


@pytest.mark.parametrize("text, fields", [
    ("MET amp (CN 12, meeting criteria)", {"bypass_alterations": ["MET_amplification"]}),
    ("MET amp not meeting criteria; G1202R present", {"alk_mutations": ["G1202R"]}),
])
def test_a_call_meeting_its_criteria_and_the_others_stay(text: str, fields: dict) -> None:
    assert_reads(text, fields)
