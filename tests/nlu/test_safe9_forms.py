"""Misreadings of safe9, each a finding written into the case that the text does not state of this patient, mended as
a class with controls that must still read:

1. a trial checklist's row answered "N" after a dot leader of any length, a colon or a dash, its bracket explaining
   the answer ("Pregnant / breastfeeding ....... N (male)", "Symptomatic CNS metastases: N (no CNS metastases)"): the
   item absent or not met, never present; "Y" the item present; a bracket that says the answer is not known yet
   ("N (MRI pending)", "N (not imaged)") reads nothing;
2. "She" or "He" opening the sentence after a relative's (or their clause after a comma or "and"), of the relative's
   sex or of one their word does not tell: the relative's, not the patient's;
3. a scan of one place named after "MRI" or "CT" said stable ("MRI brain stable", "CT chest stable"): that place's,
   not the whole disease's "no progression".

Phrasings of our own; none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. a checklist's row answered N or Y ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Strong CYP3A inducer use ........... N", {"strong_cyp3a_inducer": False}),
        ("Strong CYP3A inducer use.........N", {"strong_cyp3a_inducer": False}),
        ("C6  Strong CYP3A inducer use ..................... N", {"strong_cyp3a_inducer": False}),
        ("Concurrent strong CYP3A inducers ......... No (med rec checked)", {"strong_cyp3a_inducer": False}),
        ("Exclusion criteria:\nStrong CYP3A inducer use ....... N\nSymptomatic brain mets ....... N",
         {"strong_cyp3a_inducer": False, "symptomatic": False}),
        ("Symptomatic CNS metastases ............ N (no CNS metastases)",
         {"symptomatic": False, "brain_metastases": False}),
        ("Symptomatic CNS mets: N (none on MRI 10/2025; asymptomatic)", {"symptomatic": False}),
        ("E2 Symptomatic CNS metastases ................. N (no CNS disease; MRI 11/28)", {"symptomatic": False}),
        ("Leptomeningeal disease ............ N (CSF negative)", {"leptomeningeal": False}),
        ("Strong CYP3A4 inhibitor ........ N (itraconazole stopped 2023)", {"strong_cyp3a_inhibitor": False}),
        # "Y": the item present
        ("Strong CYP3A inducer use ........... Y", {"strong_cyp3a_inducer": True}),
        ("Strong CYP3A inducer use ........... Y (rifampicin for TB)", {"strong_cyp3a_inducer": True}),
        ("Exclusion criteria: Strong CYP3A inducer use ....... Y", {"strong_cyp3a_inducer": True}),
        ("Exclusion criteria: strong CYP3A inducer use: Y", {"strong_cyp3a_inducer": True}),
        ("Symptomatic CNS metastases ....... Y", {"symptomatic": True, "brain_metastases": True}),
        ("Brain metastases ........ Y (2 lesions)", {"brain_metastases": True}),
        ("Pregnant / breastfeeding ....... Y (12 weeks)", {"pregnancy_status": "pregnant"}),
        # a bracket that says the answer is not known yet: nothing
        ("Brain metastases ........ N (MRI pending)", {"brain_metastases": None}),
        ("Brain mets: N (not imaged)", {"brain_metastases": None}),
        ("Brain mets ....... N (not yet scanned)", {"brain_metastases": None}),
        ("Leptomeningeal disease: N (CSF cytology awaited)", {"leptomeningeal": None}),
        ("Strong CYP3A inducer use ....... N (med rec to be done)", {"strong_cyp3a_inducer": None}),
    ],
)
def test_a_checklist_row_answered_reads_its_answer(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text",
    [
        "Pregnant / breastfeeding ....... N (male)",
        "Pregnant or breastfeeding ........... N (postmenopausal)",
        "Pregnant / breastfeeding: N (male)",
        "Pregnant/lactating: no (57-year-old man)",
        "E7 Pregnant / breastfeeding ......................... N (male)",
    ],
)
def test_a_pregnancy_row_answered_no_is_no_pregnancy(text: str) -> None:
    assert_reads_other_than(text, {"pregnancy_status": "pregnant"})


@pytest.mark.parametrize(
    "text",
    [
        "Symptomatic CNS metastases: N (no CNS metastases)",
        "Symptomatic brain mets ........ no (no brain lesions on MRI)",
        "Symptomatic CNS disease: N (nil intracranial)",
    ],
)
def test_a_symptomatic_cns_row_answered_no_is_not_symptomatic(text: str) -> None:
    assert_reads(text, {"symptomatic": False})


@pytest.mark.parametrize(
    "text",
    [
        # an ellipsis in chat is no leader
        "brain mets... no idea yet",
        # a question with its options and no answer
        "Strong CYP3A inducer use Y/N:",
    ],
)
def test_no_checklist_answer_reads_nothing(text: str) -> None:
    assert_reads(text, {"brain_metastases": None, "strong_cyp3a_inducer": None})


# ---- 2. a pronoun after a relative's sentence is theirs ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Her sister's tumour: ALK positive. She has G1202R.", {"alk_mutations": None}),
        ("His brother's NGS: EML4-ALK. He has the G1202R mutation too.", {"alk_mutations": None}),
        ("Father: lung adenocarcinoma, ALK positive. He has brain metastases.", {"brain_metastases": None}),
        ("Her mother had ALK+ NSCLC. She was treated with alectinib. She then developed G1202R.",
         {"alk_mutations": None, "prior_tkis": None}),
        ("Her aunt was diagnosed with lung cancer. Sadly, she has brain mets.", {"brain_metastases": None}),
        ("Her cousin has NSCLC. She is on lorlatinib.", {"prior_tkis": None}),
        ("Her sister had ALK+ NSCLC, she was treated with alectinib.", {"prior_tkis": None}),
        ("His brother had lung cancer and he was given crizotinib.", {"prior_tkis": None}),
        # the patient still read
        ("Patient is a 58-year-old woman. She has G1202R.", {"alk_mutations": ["G1202R"]}),
        ("Sister had breast cancer. The patient has G1202R.", {"alk_mutations": ["G1202R"]}),
        # a pronoun of the other sex than the relative's is the patient
        ("His sister had breast cancer. He has G1202R.", {"alk_mutations": ["G1202R"]}),
        ("Her husband takes phenytoin. She is on lorlatinib.", {"prior_tkis": ["lorlatinib"]}),
        # people more than one are no "she"
        ("Her parents both smoked. She has G1202R.", {"alk_mutations": ["G1202R"]}),
        # a contrast takes the patient up again
        ("Her sister had ALK+ NSCLC, but she herself has G1202R.", {"alk_mutations": ["G1202R"]}),
        # the patient named again
        ("Her sister had ALK+ NSCLC. She has G1202R; our patient has L1196M.", {"alk_mutations": ["L1196M"]}),
        # the writer's own relative may be the patient in a relative's message
        ("My father is getting weaker. He stopped the alectinib last week.", {"prior_tkis": ["alectinib"]}),
        # a relative's own words that do not name this cancer: the pronoun the patient's again
        ("Her mother had a stroke last year. She is on lorlatinib.", {"prior_tkis": ["lorlatinib"]}),
        ("Her sister had breast cancer. She has G1202R.", {"alk_mutations": ["G1202R"]}),
        # a family history's items, then the patient
        ("Family history: mother breast cancer. She is on lorlatinib for ALK+ NSCLC.", {"prior_tkis": ["lorlatinib"]}),
        ("FHx: sister with ALK+ lung cancer. She has brain mets.", {"brain_metastases": True}),
        # a new line, the patient again
        ("Her sister had ALK+ NSCLC.\nShe has G1202R.", {"alk_mutations": ["G1202R"]}),
        # a relative who reports, not a predicate of their own
        ("Daughter, she takes carbamazepine", {"strong_cyp3a_inducer": True}),
    ],
)
def test_a_pronoun_after_a_relative_is_theirs(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- 3. one place's scan said stable is no whole-disease "no progression" ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "MRI brain stable",
        "MRI head stable.",
        "CT brain unchanged",
        "MRI brain stable, no new lesions",
        "brain MRI: stable, no new lesions",
        "CT head: unchanged, no new lesions",
        "CT chest stable",
        "MRI spine unchanged",
    ],
)
def test_a_scan_of_one_place_stable_is_no_whole_disease_reading(text: str) -> None:
    assert_reads(text, {"progression": None})


def test_a_brain_mri_stable_beside_new_liver_mets_is_no_conflict_of_none() -> None:
    found = assert_reads("MRI brain stable. CT CAP: new liver mets.", {})
    assert found.get("progression") != "none", found


@pytest.mark.parametrize(
    "text",
    [
        "Restaging CT stable",
        "CT stable",
        "Scans stable",
        "CT CAP stable, no new lesions",
        "Restaging: MRI brain stable, CT CAP stable",
    ],
)
def test_a_whole_body_scan_stable_still_reads_no_progression(text: str) -> None:
    assert_reads(text, {"progression": "none"})
