"""A guideline sentence pasted into a note, or a teaching remark, tells of patients in general, not of this one: a
mutation it names ("In patients with G1202R, lorlatinib is preferred") is not hers, a drug it prefers is an option not
one received, a class of disease ("not effective in ALK+ disease") is not her tumour. A mutation said lost on a later
test after being found ("G1202R was present before lorlatinib and was lost") is not a current finding. The same
sentence about this patient ("my patient with G1202R", "she has G1202R; lorlatinib preferred") still reads hers.
Phrasings of our own."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_exactly


@pytest.mark.parametrize(
    "text",
    [
        "In patients with G1202R, lorlatinib is preferred.",
        "In patients with G1202R, lorlatinib is recommended.",
        "In patients with G1202R, lorlatinib is an option.",
        "In patients with a G1202R mutation, lorlatinib is the standard.",
        "For G1202R, lorlatinib is preferred.",
        "For patients harbouring G1202R, lorlatinib is generally favoured.",
        "Lorlatinib is preferred in a patient with G1202R",
        "Lorlatinib is favoured in a patient with G1202R.",
        "lorlatinib is the preferred option for patients with G1202R",
        "Patients with L1196M usually respond to brigatinib.",
        "Patients with L1196M tend to respond to brigatinib",
        "In ALK+ patients progressing on alectinib, lorlatinib is the usual next step.",
        "A patient with G1202R should get lorlatinib.",
        "A patient with L1196M would usually be given brigatinib.",
    ],
)
def test_what_is_preferred_for_a_class_of_patients_is_not_this_patients(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize(
    "text",
    [
        "The trial drug was not effective in ALK+ disease.",
        "Ceritinib was approved in ALK-positive NSCLC after crizotinib.",
        "In ALK-positive NSCLC, crizotinib was the first approved TKI.",
        "ALK-positive tumours respond to crizotinib.",
        "ALK-rearranged tumours usually respond to alectinib",
        "Outcomes were poor in ALK+ patients treated with chemotherapy.",
    ],
)
def test_a_class_of_disease_in_a_general_sentence_is_not_her_tumour(text):
    assert_reads(text, {"alk_positive": None, "prior_tkis": None})


@pytest.mark.parametrize(
    "text",
    [
        "G1202R was present before lorlatinib and was lost.",
        "G1202R was detected before lorlatinib but is no longer detected.",
        "G1202R, detected in 2023, has since cleared.",
        "G1202R was seen on the 2023 biopsy and has disappeared.",
        "The G1202R was lost on the latest biopsy.",
        "G1202R no longer detected.",
    ],
)
def test_a_mutation_found_then_lost_is_not_a_current_finding(text):
    assert_reads(text, {"alk_mutations": None})


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("My patient with G1202R is on lorlatinib.", {"alk_mutations": ["G1202R"], "prior_tkis": ["lorlatinib"]}),
        ("In this patient with G1202R, lorlatinib was started.",
         {"alk_mutations": ["G1202R"], "prior_tkis": ["lorlatinib"]}),
        ("She has G1202R; lorlatinib preferred.", {"alk_mutations": ["G1202R"], "prior_tkis": None}),
        ("She has G1202R and lorlatinib is the preferred option.", {"alk_mutations": ["G1202R"], "prior_tkis": None}),
        ("Lorlatinib is the preferred option as she has G1202R.", {"alk_mutations": ["G1202R"], "prior_tkis": None}),
        ("Our patient has G1202R, and lorlatinib is recommended.", {"alk_mutations": ["G1202R"], "prior_tkis": None}),
        ("The patient with G1202R should get lorlatinib.", {"alk_mutations": ["G1202R"], "prior_tkis": None}),
        ("Her ALK+ disease progressed on alectinib.", {"alk_positive": True, "prior_tkis": ["alectinib"]}),
        ("ALK+ NSCLC, on alectinib since 2021.", {"alk_positive": True, "prior_tkis": ["alectinib"]}),
        ("G1202R emerged on alectinib.", {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
        ("G1202R persisted on repeat biopsy.", {"alk_mutations": ["G1202R"]}),
        ("G1202R was detected on tissue and persisted on ctDNA.", {"alk_mutations": ["G1202R"]}),
        ("G1202R was found in 2023 and is still present.", {"alk_mutations": ["G1202R"]}),
        ("G1202R was detected and the fusion was lost.", {"alk_mutations": ["G1202R"]}),
    ],
)
def test_the_same_words_about_this_patient_still_read_hers(text, fields):
    assert_reads(text, fields)
