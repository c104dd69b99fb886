"""Questions typed in a hurry (issue 15): question words misspelt or clipped, no question mark, an interaction
asked as "X ok w Y", a question glued to the end of a finding ("MET fusion what drug"), a finding doubted ("- is it
real?"). None of them states a finding. The near-misses beside them are statements that must stay statements, and a
case stated before a question keeps what it states (the project's rule, tests/actions/test_trust.py)."""

from __future__ import annotations

import pytest

from bot.nlu import extractor

from tests.nlu import work

read = extractor.extract_case

# ---- question words misspelt or clipped, no question mark ------------------------------------------------------------

HURRIED = [
    "wht is the pfs of brigatinib after alectinib", "wat abt lorlatinib for G1202R", "whats the role of crizotinib now",
    "what's best after alec", "wot dose of lorla in liver impairment", "what abt SRS for the brain mets",
    "how abt ensartinib after brig", "hw abt chemo after lorlatinib", "cn u compare brigatinib and lorlatinib",
    "can u explain L1196M", "shud we switch to lorla for G1202R", "shud i stop alectinib", "wud u give brig post alec",
    "cud we use crizotinib for L1198F", "pls advise re MET amp after lorla", "what dose brig after alec",
    "what drug for MET amplification", "what tki after lorlatinib fails", "what options after alectinib and lorlatinib",
    "what data for ensartinib in the brain", "y not brigatinib for G1202R",
]


@pytest.mark.parametrize("text", HURRIED)
def test_a_question_typed_in_a_hurry_states_nothing(text):
    assert read(text) == {}, text
    assert extractor.message_is_question(text), text


# ---- questions opened by an auxiliary, without a question mark -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "is crizotinib still used", "is brigatinib available in the UK", "are ceritinib and crizotinib still used",
    "is lorla funded 2L", "is SRS an option for 3 mets", "does lorla work after brig", "does brigatinib cross the BBB",
    "can brig be given after lorla", "should alectinib be continued beyond PD",
])
def test_a_question_opened_by_an_auxiliary_states_nothing(text):
    assert read(text) == {}, text


# ---- an interaction asked in shorthand --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "lorla ok w statin", "brig ok with amlodipine", "alectinib safe w warfarin", "lorlatinib fine w/ rifampicin",
    "alec ok + PPI", "crizotinib safe with carbamazepine",
])
def test_an_interaction_asked_in_shorthand_states_nothing(text):
    assert read(text) == {}, text


# ---- a question glued to the end of a finding, without a question mark ----------------------------------------------

@pytest.mark.parametrize("text", [
    "MET fusion what drug", "RET fusion which tki", "G1202R and L1196M what next", "KRAS G12C what treatment",
    "SCLC transformation what regimen", "G1202R after lorla now what",
])
def test_a_question_glued_to_a_finding_states_nothing(text):
    assert read(text) == {}, text
    assert extractor.message_is_question(text), text


# ---- a finding doubted -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "EGFR mut on ctDNA - is it real?", "G1202R at 0.2% on plasma, real?", "MET amp on liquid bx - is this real",
    "KRAS G12C on ctDNA - artefact?", "ALK fusion not detected on plasma - is that reliable?",
])
def test_a_finding_doubted_is_not_stated(text):
    assert read(text) == {}, text


# ---- the project's rule: a case stated before a question keeps what it states ----------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("alectinib 3y, PD, G1202R what next", {"prior_tkis": ["alectinib"]}),  # as with "?": the last clause asks
    ("alectinib 3y, PD, G1202R - lorlatinib?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
    ("alectinib 2y, tissue NGS G1202R - wht next", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"],
                                                    "biopsy": "tissue"}),
    ("on lorlatinib, plasma G1202R at 0.2% - real?", {"prior_tkis": ["lorlatinib"]}),  # only the doubted clause
    ("ECOG 1, brig 1L, cn u advise", {"ecog": 1, "prior_tkis": ["brigatinib"]}),
])
def test_a_case_stated_before_a_hurried_question_keeps_what_it_states(text, fields):
    assert read(text) == fields, text


# ---- statements that look like questions: they stay statements -------------------------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("what we found: G1202R", {"alk_mutations": ["G1202R"]}),
    ("What was found on rebiopsy: G1202R", {"alk_mutations": ["G1202R"], "biopsy": "tissue"}),
    ("pt asked what the options are; on alectinib, ECOG 1", {"prior_tkis": ["alectinib"], "ecog": 1}),
    ("is on alectinib, ECOG 1", {"prior_tkis": ["alectinib"], "ecog": 1}),
    ("is taking brigatinib since 2021", {"prior_tkis": ["brigatinib"]}),
    ("whatever we do, she is on lorlatinib", {"prior_tkis": ["lorlatinib"]}),
    ("Whatsoever: ECOG 2", {"ecog": 2}),
    ("watch and wait on alectinib, ECOG 0", {"prior_tkis": ["alectinib"], "ecog": 0}),
    ("crizotinib, alectinib, lorlatinib - real PD in liver and bone", {"prior_tkis": ["crizotinib", "alectinib",
                                                                                       "lorlatinib"],
                                                                        "progression": "systemic"}),
    ("alectinib ok, no PD, ECOG 0", {"prior_tkis": ["alectinib"], "ecog": 0}),
    ("can't tolerate brigatinib, ECOG 1", {"prior_tkis": ["brigatinib"], "ecog": 1}),
    ("wud like to note: ECOG 1, on alectinib", {"ecog": 1, "prior_tkis": ["alectinib"]}),
])
def test_statements_near_the_hurried_questions_stay_statements(text, fields):
    assert read(text) == fields, text
    assert not extractor.message_is_question(text), text


@pytest.mark.parametrize("unit, tail", [("wht ", ""), ("what abt ", "lorla"), ("is lorla ", "used"),
                                        ("x ", "what drug"), ("G1202R - ", "is it real?"), ("lorla ok w ", ""),
                                        ("EGFR on ctDNA - is it ", "real?")])
def test_hurried_question_reading_stays_linear_on_hostile_text(unit, tail):
    """The added cues keep the reading linear: a long run of the words they look for costs twice the work when it is
    twice as long (counted in calls, tests/nlu/work.py; the bench times the same texts)."""
    assert work.growth(read, lambda n: unit * n + tail, 300) < 2.2, unit
