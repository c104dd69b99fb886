"""Findings read that the text did not state (safe13, 2026-12-07), by class, each with near-miss controls whose
reading must stay: a result said not tested or left empty in a template, a report's heading of what it did not find
with its list, a strong CYP3A inducer taken before and ended, a TKI's start denied until a time (it was started then),
a TKI naming the cause of a denied toxicity, a score queried before its alternative, brain metastases of the
diagnosis beside a brain clear now, a form's value that only points elsewhere, a guideline's line pasted in the note,
a TKI only the patient believes she had, and another primary cancer's brain metastases."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads

# --- a result said not tested, without a colon, or a template's row left empty: nothing told of the finding ---


@pytest.mark.parametrize("text, field", [
    ("G1202R not tested", "alk_mutations"),
    ("G1202R was not tested", "alk_mutations"),
    ("MET amplification not tested", "bypass_alterations"),
    ("MET amplification has not been tested for", "bypass_alterations"),
    ("ALK resistance mutations never sequenced; G1202R not tested", "alk_mutations"),
    ("G1202R:", "alk_mutations"),
    ("G1202R: ", "alk_mutations"),
    ("G1202R: ____", "alk_mutations"),
    ("MET amp: [ ]", "bypass_alterations"),
    ("MET amp:", "bypass_alterations"),
    ("G1202R:\nMET amp: detected", "alk_mutations"),
    ("G1202R: see report", "alk_mutations"),
    ("MET amp: see NGS report", "bypass_alterations"),
    ("G1202R - as above", "alk_mutations"),
])
def test_a_result_not_tested_or_left_empty_is_not_read(text: str, field: str) -> None:
    assert_reads(text, {field: None})


@pytest.mark.parametrize("text, fields", [
    ("G1202R detected", {"alk_mutations": ["G1202R"]}),
    ("G1202R: positive", {"alk_mutations": ["G1202R"]}),
    ("G1202R: detected", {"alk_mutations": ["G1202R"]}),
    ("G1202R:\nL1196M: detected", {"alk_mutations": ["L1196M"]}),
    ("MET amplification detected, G1202R not tested", {"bypass_alterations": ["MET_amplification"]}),
    ("G1202R not detected", {"alk_mutations": None}),
    ("G1202R: no", {"alk_mutations": None}),
    ("G1202R: seen on plasma", {"alk_mutations": ["G1202R"]}),
])
def test_a_result_told_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# --- a report's heading of what it did not find, its list after it: never read present ---


@pytest.mark.parametrize("text, fields", [
    ("Not detected: G1202R", {"alk_mutations": None}),
    ("Not detected: G1202R, MET amplification", {"alk_mutations": None, "bypass_alterations": None}),
    ("Negative: MET amplification", {"bypass_alterations": None}),
    ("Negative: G1202R", {"alk_mutations": None}),
    ("negative for: MET amp, G1202R", {"alk_mutations": None}),
    ("negative for MET amp, G1202R", {"alk_mutations": None}),
    ("Negative for: MET amp, G1202R, L1196M", {"alk_mutations": None}),
    ("Not detected: MET amplification, G1202R. Detected: L1196M", {"alk_mutations": ["L1196M"]}),
    ("Positive: G1202R. Negative: MET amplification", {"alk_mutations": ["G1202R"], "bypass_alterations": None}),
])
def test_a_list_under_a_heading_of_absence_is_not_read_present(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, fields", [
    ("negative for: MET amp, G1202R detected", {"alk_mutations": ["G1202R"]}),
    ("negative for MET amp; G1202R detected", {"alk_mutations": ["G1202R"]}),
    ("Results - not detected: EGFR, KRAS; detected: G1202R", {"alk_mutations": ["G1202R"]}),
    ("Negative for EGFR, KRAS, BRAF. G1202R detected.", {"alk_mutations": ["G1202R"]}),
    ("no ALK mutation, MET amp", {"bypass_alterations": ["MET_amplification"]}),
])
def test_a_finding_told_found_after_a_denied_list_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# --- a strong CYP3A inducer taken before, its course ended: not taken now ---


@pytest.mark.parametrize("text, value", [
    ("on rifampicin previously, completed 2019", False),
    ("rifampicin for TB in 2018, completed", False),
    ("on carbamazepine until it was stopped in May", False),
    ("on carbamazepine until the neurologist switched it to levetiracetam", False),
    # controls: taken now, or a stop only to come
    ("on rifampicin for TB", True),
    ("on carbamazepine", True),
    ("on rifampicin until May", True),
])
def test_an_inducer_ended_is_not_taken_now(text: str, value: bool) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": value})


# --- a TKI's start denied until a time: started then; a plan's "not until" stays not received ---


@pytest.mark.parametrize("text, value", [
    ("she did not start alectinib until June 2023", ["alectinib"]),
    ("she didn't start alectinib till 2021", ["alectinib"]),
    ("she was not started on brigatinib until after her progression", ["brigatinib"]),
    ("No alectinib-related toxicity so far. Alectinib stopped at progression.", ["alectinib"]),
    ("never had alectinib-related hepatitis, on alectinib since 2022", ["alectinib"]),
    # controls: a plan, a denial with no later start
    ("lorlatinib will not be started until the statin is sorted", None),
    ("she did not start alectinib", None),
    ("no lorlatinib", None),
    ("No alectinib-related toxicity so far.", None),
])
def test_a_tki_started_later_or_naming_a_cause_reads(text: str, value) -> None:
    assert_reads(text, {"prior_tkis": value})


def test_a_tki_naming_a_denied_toxicity_gives_no_conflict() -> None:
    text = "No alectinib-related toxicity so far. Alectinib stopped at progression."
    assert "prior_tkis" not in extractor.conflicts(extractor.load().entities(text))


# --- a score queried before its alternative ---


@pytest.mark.parametrize("text, value", [
    ("ECOG 2? or 3", None),
    ("ECOG 2? maybe 3", None),
    ("PS 1? maybe 2", None),
    ("ECOG 2? 3?", None),
    # controls
    ("ECOG 2", 2),
    ("ECOG 2 or 3", 3),
    ("ECOG? 1", 1),
    ("ECOG 2, on alectinib", 2),
])
def test_a_queried_score_is_not_read(text: str, value) -> None:
    assert_reads(text, {"ecog": value})


def test_a_bare_question_answered_no_still_reads() -> None:
    assert_reads("Brain mets? No.", {"brain_metastases": False})


# --- brain metastases at the diagnosis beside a brain clear now ---


@pytest.mark.parametrize("text, value", [
    ("No brain mets now; brain mets at diagnosis treated with SRS", False),
    ("No brain mets; brain mets at diagnosis treated with SRS", False),
    ("brain mets at diagnosis treated with SRS. MRI 2025: no brain mets", False),
    # controls: metastases told now, or only new ones denied, or the brain not told clear
    ("Brain mets at diagnosis treated with SRS", True),
    ("No new brain mets; brain mets at diagnosis treated with SRS", True),
    ("No liver mets; brain mets at diagnosis treated with SRS", True),
    ("Brain MRI clear at diagnosis. Now 2 new brain mets", True),
])
def test_brain_clear_now_beside_metastases_at_diagnosis(text: str, value: bool) -> None:
    assert_reads(text, {"brain_metastases": value})


# --- a form's value that only points elsewhere ---


@pytest.mark.parametrize("text, value", [
    ("Brain mets: see above", None),
    ("Brain mets: as per MRI", None),
    ("Brain mets: as above", None),
    # controls: the value tells it
    ("Brain mets: present as per MRI", True),
    ("Brain mets: yes, see MRI", True),
    ("Brain mets: 3 lesions, see above", True),
    ("Brain mets: none", False),
])
def test_a_value_pointing_elsewhere_is_not_read(text: str, value) -> None:
    assert_reads(text, {"brain_metastases": value})


# --- a guideline's or a teaching point's line pasted in the note ---


@pytest.mark.parametrize("text, value", [
    ("Guideline: brigatinib or alectinib first line; lorlatinib after progression.", None),
    ("Teaching point: lorlatinib for G1202R; crizotinib after lorlatinib for L1198F", None),
    ("Guidelines: alectinib first line; lorlatinib after progression.\nPatient: on alectinib since 2021, now "
     "progressing.", ["alectinib"]),
    # controls: the patient named in the line, or a heading of the patient's own
    ("NCCN: lorlatinib for G1202R. She had alectinib.", ["alectinib"]),
    ("Guideline: she had alectinib then lorlatinib", ["alectinib", "lorlatinib"]),
    ("Background: alectinib 2019-2022, then lorlatinib", ["alectinib", "lorlatinib"]),
    ("Recommendation: continue alectinib", ["alectinib"]),
])
def test_a_guideline_line_is_not_the_patients_history(text: str, value) -> None:
    assert_reads(text, {"prior_tkis": value})


# --- a TKI the patient only believes she had ---


@pytest.mark.parametrize("text, value", [
    ("the patient thinks she had brigatinib", None),
    ("pt believes she had crizotinib", None),
    ("her husband thinks she was on alectinib", None),
    ("husband thinks she had alectinib", None),
    ("her husband reports she had alectinib", ["alectinib"]),
    # controls: a report, the clinician's own belief, a history
    ("patient reports she had crizotinib in India", ["crizotinib"]),
    ("I think she had brigatinib", ["brigatinib"]),
    ("she had brigatinib", ["brigatinib"]),
])
def test_a_tki_only_believed_is_not_read(text: str, value) -> None:
    assert_reads(text, {"prior_tkis": value})


# --- another primary cancer's own brain metastases ---


@pytest.mark.parametrize("text, value", [
    ("breast cancer with brain mets 2015", None),
    ("prior melanoma with brain metastases (2010), NED", None),
    ("Other cancers: breast ca 2015 with brain mets", None),
    # controls: this cancer's, in a clause or a sentence of its own
    ("History of breast cancer 2010; now ALK+ NSCLC with brain mets", True),
    ("breast cancer 2010, treated. ALK+ NSCLC with 2 brain mets", True),
    ("ALK+ NSCLC with brain mets; history of breast cancer 2015", True),
    ("breast cancer 2010; brain mets now", True),
])
def test_another_primarys_brain_metastases_are_not_this_cancers(text: str, value) -> None:
    assert_reads(text, {"brain_metastases": value})


# --- another patient in shorthand, an expectation, a teaching remark, a conditioned score, a discordant result ---


@pytest.mark.parametrize("text, fields", [
    ("previous patient had G1202R", {"alk_mutations": None}),
    ("Last pt with MET amp did well on capmatinib", {"bypass_alterations": None}),
    ("unconfirmed report of G1202R", {"alk_mutations": None}),
    ("we would expect G1202R after alectinib", {"alk_mutations": None}),
    ("G1202R is common after alectinib", {"alk_mutations": None}),
    ("ECOG 3 if she gets worse", {"ecog": None}),
    ("MET amplification by NGS (CN 4), FISH negative", {"bypass_alterations": None}),
    ("MET amp on FISH, NGS negative", {"bypass_alterations": None}),
    # controls: this patient's, a visit or a letter, a result told, a score told, a result confirmed
    ("Last pt visit: G1202R detected", {"alk_mutations": ["G1202R"]}),
    ("previous patient letter: G1202R detected", {"alk_mutations": ["G1202R"]}),
    ("she has G1202R, common after alectinib", {"alk_mutations": ["G1202R"]}),
    ("G1202R detected; expected after alectinib", {"alk_mutations": ["G1202R"]}),
    ("ECOG 1, if generous", {"ecog": 1}),
    ("MET amplification by FISH, confirmed by NGS", {"bypass_alterations": ["MET_amplification"]}),
    ("MET amplification, EGFR negative", {"bypass_alterations": ["MET_amplification"]}),
    ("Looks after her mother, who had breast cancer, with new brain mets on MRI", {"brain_metastases": True}),
])
def test_other_patients_expectations_conditions_and_discordant_results(text: str, fields: dict) -> None:
    assert_reads(text, fields)
