"""safe15: six precision misreads mended as classes, phrasings of our own.

1. A therapy and a finding joined by "and" before a dash and a question ("lorlatinib and G1202R - good?", "G1202R and
   lorla - ok?") ask about the pair, as "lorlatinib for G1202R - good?" does: neither is read. Controls: the finding
   told as the course ("alectinib and G1202R found - what next?", "PD on alectinib and G1202R - lorlatinib?").
2. A general statement comparing two drugs ("alectinib has superior PFS to crizotinib") names both, neither received;
   the patient's "it" after it is the drug the statement is about, not the one it is compared with.
3. A drug told another person's by its verb ("Lorlatinib tablets in the house belong to her husband") is theirs.
4. A relative "is managed with" a care is their own care ("Her father is managed with best supportive care"); a
   relative who manages the patient's care reports hers.
5. A count of brain lesions in a sentence led by a past year, before a sentence telling the present ("In 2019, 12
   brain lesions treated with WBRT. Now liver PD"), is the extent then; a count of new lesions or of today's scan
   stays read.
6. A query mark glued to a yes/no value after a finding ("Brain mets ?yes", "LMD ?no") doubts the answer, as "ECOG ?1"
   does; a question answered ("Brain mets? yes") and a plain answer stay read.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


# 1. a therapy and a finding paired in a question
@pytest.mark.parametrize(
    "text,fields",
    [
        ("lorlatinib and G1202R - good?", {"prior_tkis": None, "alk_mutations": None}),
        ("lorlatinib and G1202R - thoughts?", {"prior_tkis": None, "alk_mutations": None}),
        ("lorla and G1202R - ok?", {"prior_tkis": None, "alk_mutations": None}),
        ("G1202R and lorlatinib - good?", {"prior_tkis": None, "alk_mutations": None}),
        ("brigatinib and brain mets - reasonable?", {"prior_tkis": None, "brain_metastases": None}),
        ("lorlatinib + G1202R - good?", {"prior_tkis": None, "alk_mutations": None}),
        ("lorlatinib and G1202R -- any data?", {"prior_tkis": None, "alk_mutations": None}),
        ("Lorlatinib and L1196M - sensible?", {"prior_tkis": None, "alk_mutations": None}),
        # controls: the finding told as the patient's course
        ("alectinib and G1202R found - what next?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        ("PD on alectinib and G1202R - lorlatinib?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        ("On lorlatinib and G1202R found - what next?", {"prior_tkis": ["lorlatinib"], "alk_mutations": ["G1202R"]}),
        ("She is on lorlatinib and has G1202R - good?", {"prior_tkis": ["lorlatinib"], "alk_mutations": ["G1202R"]}),
        (
            "Progressed on alectinib and G1202R found. Lorlatinib - good?",
            {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]},
        ),
    ],
)
def test_a_therapy_and_finding_paired_in_a_question(text, fields):
    assert_reads(text, fields)


# 2. a comparator in a general statement
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Alectinib has superior PFS to crizotinib, and she has been taking it", {"prior_tkis": ["alectinib"]}),
        ("Alectinib has superior PFS to crizotinib.", {"prior_tkis": None}),
        ("Lorlatinib has longer PFS than crizotinib, and he has been taking it since 2022", {"prior_tkis": ["lorlatinib"]}),
        ("Brigatinib gives better PFS versus crizotinib.", {"prior_tkis": None}),
        ("Alectinib improved PFS, and she has been taking it", {"prior_tkis": ["alectinib"]}),
        (
            "Lorlatinib has superior PFS to crizotinib per CROWN and she has been on it since March",
            {"prior_tkis": ["lorlatinib"]},
        ),
        # controls: the comparator taken, a list with no comparison, a modal
        ("Alectinib has superior PFS to crizotinib, and she has been taking crizotinib", {"prior_tkis": ["crizotinib"]}),
        ("Alectinib has superior PFS to crizotinib but she is on crizotinib", {"prior_tkis": ["crizotinib"]}),
        ("Alectinib has superior PFS to crizotinib, and she might take it", {"prior_tkis": None}),
    ],
)
def test_a_comparator_in_a_general_statement(text, fields):
    assert_reads(text, fields)


# 3. another person's medicine
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Lorlatinib tablets in the house belong to her husband", {"prior_tkis": None}),
        ("The lorlatinib in the house is her husband's", {"prior_tkis": None}),
        ("Alectinib capsules at home belong to his brother", {"prior_tkis": None}),
        ("The alectinib belongs to her sister.", {"prior_tkis": None}),
        ("Brigatinib pack found at home, belongs to her mother", {"prior_tkis": None}),
        ("The crizotinib capsules are his wife's.", {"prior_tkis": None}),
        # controls: the patient's own drug beside the other's, in another clause or sentence
        ("She takes lorlatinib tablets; the alectinib in the house belongs to her husband", {"prior_tkis": ["lorlatinib"]}),
        ("She is on alectinib. The lorlatinib in the box belongs to her father.", {"prior_tkis": ["alectinib"]}),
        ("She is on alectinib, the lorlatinib belongs to her father", {"prior_tkis": ["alectinib"]}),
        ("Lorlatinib tablets in the house", {"prior_tkis": ["lorlatinib"]}),
    ],
)
def test_another_persons_medicine(text, fields):
    assert_reads(text, fields)


# 4. a relative managed with a care
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Her father is managed with best supportive care", {"current_therapy": None, "goals_of_care": None}),
        ("Her mother is being managed with comfort care only", {"current_therapy": None, "goals_of_care": None}),
        ("Her brother is managed with BSC after lung cancer", {"current_therapy": None, "goals_of_care": None}),
        ("Husband is managed with BSC. She is on lorlatinib.", {"goals_of_care": None, "prior_tkis": ["lorlatinib"]}),
        ("Her father was managed with BSC", {"current_therapy": None, "goals_of_care": None}),
        # controls: a relative who manages the patient's care; the patient managed
        (
            "Her husband manages her medications; she is on best supportive care",
            {"current_therapy": "none", "goals_of_care": "comfort"},
        ),
        ("Her husband managed her tablets; she is on lorlatinib", {"prior_tkis": ["lorlatinib"]}),
        ("She is managed with best supportive care", {"current_therapy": "none", "goals_of_care": "comfort"}),
        ("Her husband administered her alectinib", {"prior_tkis": ["alectinib"]}),
    ],
)
def test_a_relative_managed_with_a_care(text, fields):
    assert_reads(text, fields)


# 5. a count of a past year, then the present
@pytest.mark.parametrize(
    "text,fields",
    [
        ("In 2019, 12 brain lesions treated with WBRT. Now liver PD", {"cns_lesions": None, "brain_metastases": True}),
        ("2019: 12 brain lesions treated with WBRT. Now liver PD", {"cns_lesions": None}),
        ("In 2019 there were 12 brain lesions, treated with WBRT. Currently liver PD.", {"cns_lesions": None}),
        (
            "MRI 2019: >10 brain metastases, WBRT. Currently on lorlatinib with liver progression.",
            {"cns_lesions": None, "prior_tkis": ["lorlatinib"]},
        ),
        ("In March 2020, 2 brain lesions treated with SRS. Now liver PD", {"cns_lesions": None}),
        # controls: today's scan, new lesions, the present count after the past one, no present sentence
        ("12 new brain lesions on today's MRI", {"cns_lesions": "extensive"}),
        ("MRI 2025: 12 new lesions", {"brain_metastases": True}),
        ("In 2019, 12 brain lesions treated with WBRT. Now 3 new brain lesions on MRI.", {"cns_lesions": "limited"}),
        ("In 2019 she had liver mets. MRI today shows 12 brain lesions.", {"cns_lesions": "extensive"}),
    ],
)
def test_a_count_of_a_past_year(text, fields):
    assert_reads(text, fields)


# 6. a query mark glued to a yes/no answer
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Brain mets ?yes", {"brain_metastases": None}),
        ("Brain mets ?y", {"brain_metastases": None}),
        ("Brain mets ?no", {"brain_metastases": None}),
        ("LMD ?yes", {"leptomeningeal": None}),
        ("Symptomatic ?yes", {"symptomatic": None}),
        ("Prior chemo ?yes", {"prior_chemotherapy": None}),
        ("Brain mets ?present", {"brain_metastases": None}),
        ("Brain mets ?Yes - MRI pending", {"brain_metastases": None}),
        ("Brain mets: ?yes", {"brain_metastases": None}),
        # controls: a question answered, a plain answer, a query of something else
        ("Brain mets? yes", {"brain_metastases": True}),
        ("Brain mets yes", {"brain_metastases": True}),
        ("Brain mets: yes", {"brain_metastases": True}),
        ("Brain mets ?SRS vs WBRT", {"brain_metastases": True}),
    ],
)
def test_a_query_mark_glued_to_an_answer(text, fields):
    assert_reads(text, fields)


# 7. (lead, found by safe15) a bare "which?" after the therapies named before it picks among them: none received
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Lorlatinib and brigatinib - which?", {"prior_tkis": None}),
        ("lorla, brig - which??", {"prior_tkis": None}),
        ("lorlatinib & brigatinib: which ?", {"prior_tkis": None}),
        ("ABCP and carbo/pem - which?", {"current_therapy": None, "prior_chemotherapy": None}),
        ("after alectinib: lorlatinib and brigatinib - which?", {"prior_tkis": ["alectinib"]}),
        # controls: a history told before the question, a relative "which"
        ("alectinib then lorlatinib - which?", {"prior_tkis": ["alectinib", "lorlatinib"]}),
        ("Had alectinib and brigatinib. Which?", {"prior_tkis": ["alectinib", "brigatinib"]}),
        ("She has had alectinib and brigatinib, which?", {"prior_tkis": ["alectinib", "brigatinib"]}),
        ("alectinib, which was stopped for rash", {"prior_tkis": ["alectinib"], "intolerant_tkis": ["alectinib"]}),
    ],
)
def test_a_bare_which_picks_among_the_therapies_before_it(text, fields):
    assert_reads(text, fields)


# 8. (lead) a complaint in a sentence led by a past year, before one telling now, is the complaint then (as the count
# in 5 is): unread, asked
@pytest.mark.parametrize(
    "text,fields",
    [
        ("In 2019, symptomatic brain mets treated with SRS. Now liver PD.", {"symptomatic": None}),
        ("In 2019, headaches from brain mets, treated with WBRT. Now liver and bone PD on lorlatinib.",
         {"symptomatic": None, "progression": "systemic"}),
        ("2020: seizures from a brain met, SRS. Now new adrenal lesion.", {"symptomatic": None}),
        # controls: a complaint told now, a year that runs on to now, no sentence telling now
        ("In 2019, brain mets treated with SRS. Now headaches and 3 new brain lesions.", {"symptomatic": True}),
        ("In 2025 she had headaches. Now on lorlatinib, headaches persist.", {"symptomatic": True}),
        ("Since 2019 symptomatic brain mets. Now liver PD.", {"symptomatic": True}),
        ("In 2019, symptomatic brain mets treated with SRS.", {"symptomatic": True}),
        ("In 2019 she started alectinib. Symptomatic brain progression now.", {"symptomatic": True}),
    ],
)
def test_a_complaint_of_a_past_year_before_now_is_then(text, fields):
    assert_reads(text, fields)
