"""prec20: look-alikes of a finding read as the finding (precision), mended as classes, phrasings of our own.

1. A finding not excluded YET or STILL, without a word of degree ("small cell transformation not yet excluded",
   "LMD has still not been ruled out", "yet to be excluded"): it read the finding present; still in doubt, unread.
   Controls: the finding excluded ("small cell transformation excluded on rebiopsy" reads none), ruled out on MRI.
2. How common a finding is told as "a few percent" or "a small proportion of patients" ("SCLC transformation occurs
   in a few percent of ALK patients"): teaching, not this patient's. Control: the patient's own finding beside the
   rate ("she has small cell transformation, which occurs in a few percent of cases").
3. A complaint named with what to do should it come ("report seizures or headache immediately if they occur",
   "headache: call us if it develops"), or named as a warning sign ("headache is a red flag"): advice, not a complaint
   now. Controls: a complaint told, one with its own
   circumstance ("headache when she coughs", "worse if she bends").
4. A finding still to be looked for ("MET amplification to be checked on rebiopsy", "EGFR mutation still to be
   tested"): a plan, not found. Controls: the finding found beside a plan of something else ("MET amplification
   detected, to be discussed at MDT", "MET amplification; patient to be seen next week").
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Rebiopsy pending; small cell transformation not yet excluded", {"transformation": None}),
        ("SCLC transformation has not yet been ruled out", {"transformation": None}),
        ("small-cell transformation still not excluded", {"transformation": None}),
        ("small cell transformation yet to be excluded", {"transformation": None}),
        ("LMD has still not been ruled out", {"leptomeningeal": None}),
        ("leptomeningeal disease not yet ruled out, LP planned", {"leptomeningeal": None}),
        ("brain metastases have not yet been excluded", {"brain_metastases": None}),
        ("squamous transformation not yet excluded", {"transformation": None}),
        # controls
        ("small cell transformation excluded on rebiopsy", {"transformation": "none"}),
        ("leptomeningeal disease ruled out on MRI", {"leptomeningeal": False}),
        ("brain mets excluded", {"brain_metastases": False}),
        ("no evidence of small cell transformation", {"transformation": "none"}),
    ],
)
def test_a_finding_not_yet_excluded_is_in_doubt(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("case discussed: SCLC transformation occurs in a few percent of ALK patients", {"transformation": None}),
        ("small cell transformation is seen in a small proportion of patients after alectinib", {"transformation": None}),
        ("Small-cell transformation arises in a handful of percent of cases", {"transformation": None}),
        ("MET amplification is found in a small fraction of biopsies after lorlatinib", {"bypass_alterations": None}),
        ("SCLC transformation is reported in a small subset of patients", {"transformation": None}),
        # controls
        ("she has small cell transformation, which occurs in a few percent of cases", {"transformation": "small_cell"}),
        ("rebiopsy: small cell carcinoma", {"transformation": "small_cell"}),
    ],
)
def test_a_rate_in_few_percent_is_teaching(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("report seizures or headache immediately if they occur", {"symptomatic": None}),
        ("headache: call us if it develops", {"symptomatic": None}),
        ("advised to come in for seizures should they happen", {"symptomatic": None}),
        ("report any headache at once should it occur", {"symptomatic": None}),
        ("headache is a red flag", {"symptomatic": None}),
        ("New seizures are warning signs", {"symptomatic": None}),
        ("report new headache promptly if it starts", {"symptomatic": None}),
        # controls
        ("has headaches", {"symptomatic": True}),
        ("headache when she coughs", {"symptomatic": True}),
        ("new headache, worse if she bends", {"symptomatic": True}),
        ("headache since last week", {"symptomatic": True}),
        ("denies headache", {"symptomatic": False}),
    ],
)
def test_a_complaint_with_advice_should_it_come_is_no_complaint(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("MET amplification to be checked on rebiopsy", {"bypass_alterations": None}),
        ("EGFR mutation still to be tested", {"bypass_alterations": None}),
        ("MET amp is to be assessed by FISH", {"bypass_alterations": None}),
        ("KRAS mutation yet to be looked for", {"bypass_alterations": None}),
        ("brain metastases to be excluded by MRI", {"brain_metastases": None}),
        # controls
        ("MET amplification detected, to be discussed at MDT", {"bypass_alterations": ["MET_amplification"]}),
        ("MET amplification; patient to be seen next week", {"bypass_alterations": ["MET_amplification"]}),
        ("MET amplification (GCN 12)", {"bypass_alterations": ["MET_amplification"]}),
    ],
)
def test_a_finding_still_to_be_looked_for_is_a_plan(text, fields):
    assert_reads(text, fields)
