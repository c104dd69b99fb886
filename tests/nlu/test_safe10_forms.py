"""safe10: three safety misreads mended as classes, phrasings of our own.

1. A relative's specimen, material or result in the possessive ("her brother's tissue showed G1202R", "his son's
   sample", "her sister's plasma", "his father's blood test", "her uncle's report showed ...") is theirs, as a
   relative's scan or biopsy already was: nothing of the patient's is read. Controls: the patient's own ("the
   patient's tissue", "her tissue"), a relative named in another clause, a relative's report that is their account.
2. A form's bare "no" with a bracket that restates it ("Headaches: no (asymptomatic)", "Symptomatic brain mets: no
   (asymptomatic, incidental)") reads no symptoms, never symptoms: the no does not deny the bracket's "asymptomatic".
3. A checklist's item code before a row ("E2 Symptomatic CNS metastases: N") reads as the row without it: the
   symptomatic metastases denied deny no brain metastases; a row joining a qualifier of the next item ("Symptomatic
   or untreated CNS metastases: N") denies the symptoms too, never reads them present.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than


# 1. a relative's specimen or result
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Her brother's tissue showed ALK G1202R.", {"alk_mutations": None, "biopsy": None}),
        ("His son's sample showed EML4-ALK.", {"alk_positive": None}),
        ("Her sister's plasma NGS detected L1196M.", {"alk_mutations": None, "biopsy": None}),
        ("His father's blood test showed an ALK fusion.", {"alk_positive": None}),
        ("Her uncle's report showed G1202R and MET amplification.",
         {"alk_mutations": None, "bypass_alterations": None}),
        ("Her mother's specimen: ALK rearranged, G1202R.", {"alk_mutations": None, "alk_positive": None}),
        ("his daughter's tumour tissue revealed I1171N", {"alk_mutations": None}),
        ("Her cousin's samples were positive for EML4-ALK.", {"alk_positive": None}),
        ("His brother's cfDNA sample found L1196M.", {"alk_mutations": None}),
        ("Her sister's resistance mutation was G1202R.", {"alk_mutations": None}),
    ],
)
def test_a_relatives_specimen_is_theirs(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("The patient's tissue showed G1202R.", {"alk_mutations": ["G1202R"]}),
        ("Her tissue showed G1202R.", {"alk_mutations": ["G1202R"]}),
        ("His sample showed L1196M on NGS.", {"alk_mutations": ["L1196M"]}),
        ("Her brother drove her in; the tissue showed G1202R.", {"alk_mutations": ["G1202R"]}),
        ("Her brother's sample showed G1202R; her own tissue showed L1196M.", {"alk_mutations": ["L1196M"]}),
        ("Her husband brought the report: the rebiopsy tissue showed G1202R.", {"alk_mutations": ["G1202R"]}),
    ],
)
def test_the_patients_own_specimen_is_read(text, fields):
    assert_reads(text, fields)


# 2. a bracket restating a form's no
@pytest.mark.parametrize(
    "text",
    [
        "Symptomatic brain mets: no (asymptomatic, incidental)",
        "Headaches: no (asymptomatic)",
        "Symptomatic: no (asymptomatic)",
        "Symptoms: no (asymptomatic)",
        "Neuro sx: nil (asymptomatic)",
        "Seizures: N (neurologically intact)",
        "Symptomatic CNS disease - no (asymptomatic on review)",
        "Headache: no (not symptomatic)",
        "Neuro symptoms: none (asymptomatic)",
        "Symptoms: N (asymptomatic)",
    ],
)
def test_a_bracket_restating_the_no_reads_no_symptoms(text):
    assert_reads_other_than(text, {"symptomatic": True})
    assert_reads(text, {"symptomatic": False})


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Brain mets: no (none seen)", {"brain_metastases": False}),
        ("Brain mets: no (MRI clear)", {"brain_metastases": False}),
        ("Headaches: yes (not asymptomatic)", {"symptomatic": True}),
        ("Headaches: yes (daily, worse in the mornings)", {"symptomatic": True}),
        ("Symptoms: no (headache, vomiting)", {"symptomatic": False}),
        ("Asymptomatic: no (headaches)", {"symptomatic": True}),
    ],
)
def test_near_misses_of_a_restated_no_keep_their_readings(text, fields):
    assert_reads(text, fields)


# 3. a checklist's item code, and a qualifier joining a row's items
@pytest.mark.parametrize(
    "text",
    [
        "E2 Symptomatic CNS metastases: N",
        "I5 Symptomatic CNS metastases: N",
        "EX3 Symptomatic brain metastases: no",
        "E2. Symptomatic brain mets: No",
        "Exclusion criteria:\nE1 Prior lorlatinib: N\nE2 Symptomatic CNS metastases: N\nE3 Strong CYP3A inducer use: N",
        "Symptomatic or untreated CNS metastases: No",
        "E4) Symptomatic or untreated CNS metastases: N",
        "Symptomatic/untreated brain mets: N",
        "symptomatic or untreated brain mets ....... N",
        # a dash as the row's separator, a hyphen's or an en or em dash
        "Symptomatic CNS disease - no",
        "Symptomatic brain mets — N",
        "Symptomatic brain mets – no",
    ],
)
def test_denied_symptomatic_metastases_deny_no_metastases(text):
    assert_reads(text, {"brain_metastases": None, "symptomatic": False})


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Symptomatic CNS metastases: N", {"brain_metastases": None, "symptomatic": False}),
        ("E2 Brain metastases: N", {"brain_metastases": False}),
        ("I4 Untreated brain mets: N", {"brain_metastases": None}),
        ("E2. New brain mets: none", {"brain_metastases": None}),
        ("E2 Symptomatic CNS metastases: Y", {"symptomatic": True}),
        ("Symptomatic or untreated CNS metastases", {"brain_metastases": True}),
    ],
)
def test_near_misses_of_a_coded_row_keep_their_readings(text, fields):
    assert_reads(text, fields)
