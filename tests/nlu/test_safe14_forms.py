"""Findings read that the clinician did not state (safe14, 2026-12-07, issue 15), by class, each with near-miss
controls whose reading must stay: a panel's coverage list past a word naming its item's kind, a strong CYP3A inducer
taken at a past time or not tolerated, a specimen taken before a TKI was started, a TKI named in a general statement
then told taken, a score queried by a mark glued to its value, a form's placeholder value, a test's result told by
the patient or a relative, and the patient's or a relative's belief of a cause.

Decisions: a single mutation denied ("tested for G1202R: negative") is read as nothing, as "no G1202R" is (fields.py:
only a denial of the whole class states the tested list empty); a mechanism the team considers likely ("We consider
G1202R the likely mechanism") is a hedged inference, not a result: nothing. A patient's report of a test result is
hearsay of it ("G1202R (per patient)"): nothing; a report is a result ("G1202R (per outside report)"), and a TKI the
patient says she took stays a history ("alectinib (per patient)")."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_exactly

# --- item 1: a single mutation denied, a hedged mechanism: nothing; the found ones read ---


@pytest.mark.parametrize("text", [
    "tested for G1202R: negative",
    "Tested for G1202R - not detected",
    "We consider G1202R the likely mechanism",
    "We consider G1202R the most likely resistance mechanism",
    "MDT considers MET amplification a possible bypass",
])
def test_a_single_denial_or_a_hedged_mechanism_reads_nothing(text: str) -> None:
    assert_reads(text, {"alk_mutations": None, "bypass_alterations": None})


@pytest.mark.parametrize("text, fields", [
    ("tested for G1202R: positive", {"alk_mutations": ["G1202R"]}),
    ("G1202R detected on tissue NGS", {"alk_mutations": ["G1202R"]}),
    ("no ALK resistance mutation detected", {"alk_mutations": []}),
])
def test_a_found_mutation_or_a_class_denied_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# --- item 2: a panel's coverage list, its last item named with its kind ("G1202R hotspot"): not a result ---


@pytest.mark.parametrize("text", [
    "Genes tested: ALK, MET, G1202R hotspot",
    "Genes tested: ALK, MET, G1202R hotspot, L1196M",
    "Hotspots analysed: ALK, EGFR, G1202R region",
    "The panel covers ALK, ROS1, MET, G1202R mutation",
    "Regions covered: ALK kinase domain, G1202R hotspot, MET exon 14",
    "Genes tested: EGFR, KRAS, ALK G1202R codon",
])
def test_a_panels_coverage_list_is_no_result(text: str) -> None:
    assert_reads(text, {"alk_mutations": None})


@pytest.mark.parametrize("text", [
    "Genes tested: ALK, MET. Result: G1202R detected",
    "Genes tested: ALK, MET, G1202R hotspot - G1202R detected",
    "NGS showed ALK G1202R mutation",
    "G1202R mutation detected",
])
def test_a_result_beside_a_coverage_list_still_reads(text: str) -> None:
    assert_reads(text, {"alk_mutations": ["G1202R"]})


# --- item 3: a strong CYP3A inducer of a past time, or not tolerated: not told taken now ---


@pytest.mark.parametrize("text", [
    "had rifampicin for TB in 2015",
    "carbamazepine intolerance in 2010",
    "In 2012 she took carbamazepine for seizures",
    "Phenytoin as a child for febrile seizures",
    "intolerant of phenytoin (ataxia)",
    "rifampicin for latent TB 5 years ago",
    "carbamazepine (could not tolerate it) in 2010",
    "Did not tolerate carbamazepine",
    "received a course of rifampicin back in 2009",
])
def test_an_inducer_of_a_past_time_or_not_tolerated_is_not_taken_now(text: str) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": None})


@pytest.mark.parametrize("text", [
    "on rifampicin for TB since March",
    "Meds: carbamazepine 200 mg bd, amlodipine",
    "on carbamazepine for epilepsy diagnosed in 2010",
    "rifampicin started in 2025 for TB, ongoing",
    "had rifampicin for TB in 2015; now on carbamazepine",
    "currently taking phenytoin, started 2010",
    "on rifampicin",
])
def test_an_inducer_taken_now_still_reads(text: str) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": True})


# --- item 4: a specimen told before a TKI was started: no re-biopsy at this progression ---


@pytest.mark.parametrize("text", [
    "resection of brain met 2018, then alectinib",
    "craniotomy and resection of brain met in 2018, then started alectinib",
    "liver biopsy 2019, then crizotinib, then alectinib",
    "Lung core biopsy (2021) followed by alectinib",
    "Brain met resected in 2019, subsequently alectinib",
])
def test_a_specimen_before_a_tki_is_no_rebiopsy(text: str) -> None:
    assert_reads(text, {"biopsy": None})


@pytest.mark.parametrize("text", [
    "resection of brain met 2018, then alectinib; progressed 2025, liver biopsy showed G1202R",
    "Progressed on alectinib; liver biopsy showed G1202R, then lorlatinib",
    "Progressed on alectinib. Liver biopsy last week, then lorlatinib if G1202R",
    "liver biopsy done at progression on alectinib",
])
def test_this_progressions_biopsy_still_reads(text: str) -> None:
    assert_reads(text, {"biopsy": "tissue"})


# --- item 5: a TKI named in a general statement, then told taken by the patient ---


@pytest.mark.parametrize("text", [
    "alectinib improved PFS and she has been on it for 3 years",
    "Alectinib has superior efficacy and he has been taking it since 2022",
    "alectinib improved PFS and the patient has tolerated it well",
])
def test_a_tki_of_a_general_statement_then_taken_is_received(text: str) -> None:
    assert_reads(text, {"prior_tkis": ["alectinib"]})


@pytest.mark.parametrize("text", [
    "alectinib improved PFS in ALEX",
    "Brigatinib after alectinib has a modest response rate",
    "alectinib improved PFS; would she tolerate it?",
])
def test_a_tki_of_a_general_statement_alone_is_not_received(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


# --- item 6: a score queried by a mark glued to its value ---


@pytest.mark.parametrize("text", [
    "ECOG ?1",
    "PS ?2",
    "WHO PS ?1, weight 60 kg",
    "ECOG: ?1",
    "ECOG 1?",
    "ECOG ?1-2",
])
def test_a_queried_score_is_not_read(text: str) -> None:
    assert_reads(text, {"ecog": None})


@pytest.mark.parametrize("text, ecog", [
    ("ECOG? 1", 1),
    ("ECOG 1", 1),
    ("PS: 2", 2),
])
def test_a_score_asked_and_answered_or_stated_reads(text: str, ecog: int) -> None:
    assert_reads(text, {"ecog": ecog})


# --- item 7: a form's placeholder left as the value ---


@pytest.mark.parametrize("text, field", [
    ("Brain mets: XYZ", "brain_metastases"),
    ("Brain mets: XXX", "brain_metastases"),
    ("Brain mets: asdf", "brain_metastases"),
    ("Brain mets: [value]", "brain_metastases"),
    ("Brain mets: <enter>", "brain_metastases"),
    ("Leptomeningeal disease: XXX", "leptomeningeal"),
    ("Symptomatic: xyz", "symptomatic"),
    ("MET amplification: XXX", "bypass_alterations"),
    ("G1202R - [result]", "alk_mutations"),
    ("Prior chemotherapy: xxx", "prior_chemotherapy"),
    ("Brain mets: enter value here", "brain_metastases"),
])
def test_a_placeholder_value_is_no_finding(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text, fields", [
    ("Brain mets: yes", {"brain_metastases": True}),
    ("Brain mets: 2 (R frontal, L cerebellar)", {"brain_metastases": True, "cns_lesions": "limited"}),
    ("Brain mets: PD", {"brain_metastases": True}),
    ("Brain mets: R frontal 6 mm", {"brain_metastases": True}),
    ("Brain mets: xyz, ECOG: 1", {"ecog": 1, "brain_metastases": None}),
    ("MET amplification: detected", {"bypass_alterations": ["MET_amplification"]}),
])
def test_a_values_answer_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# --- item 8: a test's result told by the patient or a relative: hearsay, not a result ---


@pytest.mark.parametrize("text", [
    "G1202R (per patient)",
    "G1202R per pt",
    "G1202R (pt-reported)",
    "MET amplification, according to her husband",
    "According to the patient, her tumour has a G1202R mutation",
    "pt says her tumour has G1202R",
    "ALK positive (per patient)",
    "G1202R (as reported by her daughter)",
])
def test_a_result_told_by_the_patient_is_not_read(text: str) -> None:
    assert_reads(text, {"alk_mutations": None, "bypass_alterations": None, "alk_status": None})


@pytest.mark.parametrize("text, fields", [
    ("G1202R (per outside report)", {"alk_mutations": ["G1202R"]}),
    ("G1202R (per the patient's outside report)", {"alk_mutations": ["G1202R"]}),
    ("G1202R (per Foundation report)", {"alk_mutations": ["G1202R"]}),
    ("G1202R per NGS", {"alk_mutations": ["G1202R"]}),
    ("alectinib (per patient)", {"prior_tkis": ["alectinib"]}),
])
def test_a_report_or_a_history_told_by_the_patient_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# --- item 9: the patient's or a relative's belief of a cause ---


@pytest.mark.parametrize("text, field", [
    ("she thinks the headaches are due to brain mets", "brain_metastases"),
    ("he believes the headaches are from brain mets", "brain_metastases"),
    ("Her husband is convinced the confusion is due to brain metastases", "brain_metastases"),
    ("pt attributes the headaches to brain mets", "brain_metastases"),
    ("The patient worries the headaches are a sign of brain mets", "brain_metastases"),
    ("Her daughter feels the confusion might be due to brain mets", "brain_metastases"),
    ("The family worry the weakness is from leptomeningeal disease", "leptomeningeal"),
])
def test_a_belief_of_a_cause_is_no_finding(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text, fields", [
    ("She thinks the headaches are due to brain mets; MRI today shows 3 new brain mets",
     {"brain_metastases": True}),
    ("Headaches due to brain mets", {"brain_metastases": True}),
    ("she thinks the nausea is from the lorlatinib", {"prior_tkis": ["lorlatinib"]}),
    ("MRI: 2 brain mets. She thinks the headaches are due to these", {"brain_metastases": True}),
])
def test_a_finding_beside_a_belief_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


def test_nothing_else_is_read_from_a_belief() -> None:
    assert_reads_exactly("she thinks the headaches are due to brain mets", {})
