"""How far a relative's or another person's part of a sentence reaches: it follows the grammar, not the commas.

A participial, relative or prepositional continuation ("treated here", "who was given alectinib", "diagnosed in
2019", "now on lorlatinib", "with L1196M", "and later G1202R") still tells of that person, past as many commas as
there are, until this patient is clearly the subject again ("but she ...", "our patient ...", "the patient has ...",
"this one", "ours", a new sentence). "here" in "treated here" / "seen here" is where the relative was seen, not this
patient taken up again. A relative named only as who is around ("daughter nearby") ends at the comma, and a relative
who is one item of a list of the patient's ("58F, never smoker, mother had breast ca, on alectinib"), one named within
the patient's clause ("Lives with her husband, who has epilepsy, on alectinib") or one of whom no illness or treatment
is told yet ("Husband at bedside, on lorlatinib") goes on only with a relative clause or a verb: the patient's list
goes on. After a person named as hers, "he" is not the patient (nor
"she" after his). Phrasings of our own, as clinicians write family and social history."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Her mother had ALK+ lung cancer, treated here, with L1196M", {"alk_mutations": None}),
        ("His father had ALK-positive NSCLC, diagnosed in 2019, treated with crizotinib, then alectinib",
         {"prior_tkis": None}),
        ("Her sister, who was given alectinib, later developed G1202R", {"alk_mutations": None, "prior_tkis": None}),
        ("Brother had lung cancer, now on lorlatinib.", {"prior_tkis": None}),
        ("Her husband had ALK+ lung cancer, treated with alectinib, and later G1202R",
         {"alk_mutations": None, "prior_tkis": None}),
        ("His wife, diagnosed with ALK+ lung cancer in 2020, was treated with alectinib, then lorlatinib",
         {"prior_tkis": None}),
        ("Her son had ALK-positive neuroblastoma, treated at GOSH, and received crizotinib on a trial",
         {"prior_tkis": None}),
        ("Her daughter had ALK+ ALCL, treated with chemo, subsequently crizotinib",
         {"prior_tkis": None, "prior_chemotherapy": None}),
        ("His brother had lung cancer, seen here, with brain metastases", {"brain_metastases": None}),
        ("Her aunt had ALK+ NSCLC, diagnosed in 2017, treated here, given alectinib first, progressed, switched to "
         "lorlatinib, with G1202R", {"prior_tkis": None, "alk_mutations": None}),
        ("Her father, who had ALK+ lung cancer, treated at the Christie, with L1196M, died in 2020",
         {"alk_mutations": None}),
        ("Cousin had ALK+ lung ca, on brigatinib, with brain mets", {"prior_tkis": None, "brain_metastases": None}),
        ("her mum had alk+ nsclc, treated here 2015, progressed on crizotinib, still on lorlatinib",
         {"prior_tkis": None}),
        ("His dad had lung ca - treated here, with brain mets", {"brain_metastases": None}),
    ],
)
def test_a_relatives_continuation_stays_theirs(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("FHx: mother ALK+ NSCLC, treated here, with L1196M", {"alk_mutations": None}),
        ("FH: sister lung adenocarcinoma, diagnosed 2018, now on brigatinib", {"prior_tkis": None}),
        ("FHx - aunt ALK+ lung ca, treated with crizotinib, and later lorlatinib, with G1202R",
         {"prior_tkis": None, "alk_mutations": None}),
        ("Family history: father NSCLC, seen here, on alectinib, with brain mets",
         {"prior_tkis": None, "brain_metastases": None}),
    ],
)
def test_a_family_history_continuation_stays_theirs(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("My other ALK patient had NSCLC, treated here, with L1196M", {"alk_mutations": None}),
        ("Dr Smith's patient, seen here last year, had G1202R, treated with lorlatinib",
         {"alk_mutations": None, "prior_tkis": None}),
    ],
)
def test_another_patients_continuation_stays_theirs(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        # "here" as where the relative was treated: not this patient taken up again
        ("Her mother was treated in Leeds and here, with crizotinib", {"prior_tkis": None}),
        ("Her husband, also seen here, had ALK+ NSCLC, on lorlatinib", {"prior_tkis": None}),
        ("Her brother, seen here in 2018, was on alectinib", {"prior_tkis": None}),
    ],
)
def test_here_as_where_a_relative_was_seen_does_not_resume_the_patient(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Her mother had ALK+ lung cancer, treated here, but she has L1196M", {"alk_mutations": ["L1196M"]}),
        ("Her sister had lung cancer, treated with crizotinib, and our patient has L1196M",
         {"alk_mutations": ["L1196M"], "prior_tkis": None}),
        ("Her father had NSCLC, treated here, with brain mets; the patient has G1202R",
         {"alk_mutations": ["G1202R"], "brain_metastases": None}),
        ("Mother had lung ca, treated here. Pt has L1196M on rebiopsy.", {"alk_mutations": ["L1196M"]}),
        ("Her brother had ALK+ NSCLC, on alectinib, this one has G1202R",
         {"alk_mutations": ["G1202R"], "prior_tkis": None}),
        ("His aunt was treated with crizotinib, ours has had alectinib", {"prior_tkis": ["alectinib"]}),
        ("Her cousin had lung cancer, treated here; she is on brigatinib", {"prior_tkis": ["brigatinib"]}),
        ("Her mother had ALK+ lung cancer - here L1196M", {"alk_mutations": ["L1196M"]}),
        ("FHx: father lung ca, treated here. She has G1202R after alectinib.",
         {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
        ("Her husband takes phenytoin, whereas the patient is on alectinib", {"prior_tkis": ["alectinib"],
                                                                            "strong_cyp3a_inducer": None}),
        ("Lives alone, daughter nearby, on carbamazepine.", {"strong_cyp3a_inducer": True}),
        ("SH: married, husband supportive, never smoker, on phenytoin for epilepsy.", {"strong_cyp3a_inducer": True}),
    ],
)
def test_the_patient_resumes_and_is_read(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("58F, never smoker, mother had breast cancer, on alectinib since 2021, now PD.", {"prior_tkis": ["alectinib"]}),
        ("45M, FHx lung ca in father, on alectinib since 2020.", {"prior_tkis": ["alectinib"]}),
        ("62F ex-smoker, husband has epilepsy, on brigatinib, brain mets",
         {"prior_tkis": ["brigatinib"], "brain_metastases": True}),
        ("SH: retired teacher, wife has epilepsy and takes phenytoin, with brain mets on MRI", {"brain_metastases": True}),
    ],
)
def test_a_relative_as_one_item_of_the_patients_list_ends_at_the_next_item(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Of note, her mother had ALK+ lung cancer, now on lorlatinib.", {"prior_tkis": None}),
        ("In 2019, her father had ALK+ NSCLC, with brain mets", {"brain_metastases": None}),
        ("FH: mother breast ca, sister ALK+ NSCLC, on alectinib", {"prior_tkis": None}),
        ("62F, husband had ALK+ NSCLC, treated with crizotinib", {"prior_tkis": None}),
    ],
)
def test_a_relative_after_an_opener_or_another_relative_keeps_their_continuation(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Her husband had ALK+ NSCLC, he was treated with alectinib.", {"prior_tkis": None}),
        ("Her brother had lung cancer and he got crizotinib", {"prior_tkis": None}),
        ("His wife has epilepsy, she takes carbamazepine", {"strong_cyp3a_inducer": None}),
        # the patient's own pronoun still takes her up again
        ("Her husband takes phenytoin, and she is on lorlatinib", {"prior_tkis": ["lorlatinib"]}),
        ("His wife takes carbamazepine, but he is on alectinib", {"prior_tkis": ["alectinib"],
                                                                 "strong_cyp3a_inducer": None}),
    ],
)
def test_a_pronoun_of_the_other_sex_is_the_relative_not_the_patient(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Husband at bedside, on lorlatinib since March.", {"prior_tkis": ["lorlatinib"]}),
        ("Daughter is a nurse, on alectinib since 2021.", {"prior_tkis": ["alectinib"]}),
        ("Wife with her today, and she takes carbamazepine", {"strong_cyp3a_inducer": True}),
        ("Her son is a pharmacist, with brain mets on MRI", {"brain_metastases": True}),
    ],
)
def test_a_relative_without_an_illness_of_theirs_ends_at_the_next_item(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        # a relative named within the patient's clause: their relative clause is theirs, the clause goes on hers
        ("Lives with her husband, who has epilepsy, on alectinib since 2021.", {"prior_tkis": ["alectinib"]}),
        ("Looks after her mother, who had breast cancer, with new brain mets on MRI", {"brain_metastases": True}),
        ("She lives with her mother, who takes phenobarbital, treated for epilepsy", {"strong_cyp3a_inducer": None}),
    ],
)
def test_a_relative_named_within_the_patients_clause(text, fields):
    assert_reads(text, fields)
