"""Questions typed in a hurry (issue 15): question words misspelt or clipped, no question mark, an interaction
asked as "X ok w Y", a question glued to the end of a finding ("MET fusion what drug"), a finding doubted ("- is it
real?"). None of them states a finding. The near-misses beside them are statements that must stay statements, and a
case stated before a question keeps what it states (the project's rule, tests/actions/test_trust.py)."""

from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu import work
from tests.nlu.reads import assert_reads_exactly

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
    assert_reads_exactly(text, {})
    assert extractor.message_is_question(text), text


# ---- questions opened by an auxiliary, without a question mark -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "is crizotinib still used", "is brigatinib available in the UK", "are ceritinib and crizotinib still used",
    "is lorla funded 2L", "is SRS an option for 3 mets", "does lorla work after brig", "does brigatinib cross the BBB",
    "can brig be given after lorla", "should alectinib be continued beyond PD",
])
def test_a_question_opened_by_an_auxiliary_states_nothing(text):
    assert_reads_exactly(text, {})


# ---- an interaction asked in shorthand --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "lorla ok w statin", "brig ok with amlodipine", "alectinib safe w warfarin", "lorlatinib fine w/ rifampicin",
    "alec ok + PPI", "crizotinib safe with carbamazepine",
])
def test_an_interaction_asked_in_shorthand_states_nothing(text):
    assert_reads_exactly(text, {})


# ---- a question glued to the end of a finding, without a question mark ----------------------------------------------

@pytest.mark.parametrize("text", [
    "MET fusion what drug", "RET fusion which tki", "G1202R and L1196M what next", "KRAS G12C what treatment",
    "SCLC transformation what regimen", "G1202R after lorla now what",
])
def test_a_question_glued_to_a_finding_states_nothing(text):
    assert_reads_exactly(text, {})
    assert extractor.message_is_question(text), text


# ---- a finding doubted -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "EGFR mut on ctDNA - is it real?", "G1202R at 0.2% on plasma, real?", "MET amp on liquid bx - is this real",
    "KRAS G12C on ctDNA - artefact?", "ALK fusion not detected on plasma - is that reliable?",
])
def test_a_finding_doubted_is_not_stated(text):
    assert_reads_exactly(text, {})


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
    assert_reads_exactly(text, fields)


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
    assert_reads_exactly(text, fields)
    assert not extractor.message_is_question(text), text


# ---- a comparison: which of two or more therapies --------------------------------------------------------------------
# The options named before "which one", "which is better", "which would you pick", "your pick" are the question's:
# none of them was received, nor is the premise inside the question ("after alectinib").

@pytest.mark.parametrize("text", [
    "Teacher, lorlatinib and ensartinib, which one better after alectinib?",
    "lorlatinib or brigatinib, which is better after alectinib?", "brig or lorla after alec - which one",
    "lorlatinib vs brigatinib after alectinib - which one?", "lorlatinib versus ensartinib, which would u choose",
    "ensartinib / lorlatinib - which is preferred post alectinib?", "crizo, brig or lorla - which is best?",
    "lorla and brig, which one better", "lorla and brig which one better",
    "lorlatinib and brigatinib: which to pick after alectinib",
    "between lorlatinib and brigatinib which would you pick after alectinib", "between lorla and brig, which one?",
    "choosing between lorlatinib and brigatinib - which one?", "between brig and lorla after alec which do we give",
    "lorlatinib and brigatinib, your pick?", "SRS and lorlatinib, which first?",
    "chemo and lorlatinib - which one first?",
    "Dr, lorlatinib or ensartinib, which to choose after alec?",
    "torn between lorlatinib and brigatinib after alectinib", "I'm deciding between lorla and brig post alec",
])
def test_a_comparison_of_therapies_states_nothing(text):
    assert_reads_exactly(text, {})
    assert extractor.message_is_question(text), text


@pytest.mark.parametrize("text,fields", [
    # the case stated in clauses of its own before the comparison keeps what it states
    ("alectinib 3y, G1202R, lorlatinib or brigatinib - which one?", {"prior_tkis": ["alectinib"],
                                                                     "alk_mutations": ["G1202R"]}),
    ("on alectinib, PD, lorla and brig, which one better", {"prior_tkis": ["alectinib"]}),
    ("on alectinib 2y, PD in liver and bone - lorlatinib or brigatinib, which one?", {"prior_tkis": ["alectinib"],
                                                                                    "progression": "systemic"}),
    ("alectinib 3y, PD. lorla or brig, which one better?", {"prior_tkis": ["alectinib"]}),
    ("alectinib -> lorla or brig, which one?", {"prior_tkis": ["alectinib"]}),
    ("on alectinib 3y. Choosing between lorlatinib and brigatinib", {"prior_tkis": ["alectinib"]}),
    # therapies told as received, then a question about them: they stay received
    ("after crizotinib and alectinib, which one next?", {"prior_tkis": ["crizotinib", "alectinib"]}),
    ("crizotinib and alectinib, both failed, which one next?", {"prior_tkis": ["crizotinib", "alectinib"]}),
    ("had crizotinib and alectinib, which one is better tolerated?", {"prior_tkis": ["crizotinib", "alectinib"]}),
])
def test_a_case_stated_before_a_comparison_keeps_what_it_states(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,fields", [
    # a relative "which" tells, it does not ask
    ("crizotinib then alectinib, which was stopped for hepatotoxicity", {"prior_tkis": ["crizotinib", "alectinib"],
                                                                         "intolerant_tkis": ["alectinib"]}),
    ("alectinib, which she tolerated well, then lorlatinib", {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ("alectinib and lorlatinib, which caused the rash", {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ("alectinib, which is the best first-line TKI, was started in 2021", {"prior_tkis": ["alectinib"]}),
])
def test_a_relative_which_after_therapies_stays_a_statement(text, fields):
    assert_reads_exactly(text, fields)
    assert not extractor.message_asks(text), text


# ---- a proposal put to a colleague ----------------------------------------------------------------------------------
# "after alectinib: lorlatinib?", "alectinib -> lorlatinib, thoughts?", "lorlatinib next, agree?": the therapy the
# message leads to and asks about is proposed, not received; what it leads from was received. Without the asking
# clause the same words are a history ("alectinib -> lorlatinib, now PD"): both received.

@pytest.mark.parametrize("text", [
    "alectinib: lorlatinib, thoughts?", "alectinib -> lorlatinib, thoughts?", "alec → lorla, agree?",
    "alectinib then lorlatinib, ok?", "alectinib: lorlatinib?", "after alectinib: lorlatinib, reasonable?",
    "after alectinib: lorlatinib?", "alectinib 3y -> lorlatinib, thoughts?", "PD on alectinib -> lorlatinib, any data",
    "post alec -> lorla, agree", "alectinib - lorlatinib, reasonable?", "alectinib -> lorlatinib thoughts",
    "alectinib: lorlatinib or brigatinib?",
])
def test_a_proposal_after_a_tki_leaves_the_proposed_tki_unread(text):
    assert_reads_exactly(text, {"prior_tkis": ["alectinib"]})
    assert extractor.message_asks(text), text


@pytest.mark.parametrize("text", [
    "lorlatinib next, agree?", "plan lorlatinib, ok?", "lorlatinib now, ok?", "lorlatinib next, agree",
    "G1202R: lorlatinib, thoughts?",
])
def test_a_proposal_alone_states_nothing(text):
    assert_reads_exactly(text, {})
    assert extractor.message_is_question(text), text


@pytest.mark.parametrize("text,fields", [
    ("alectinib -> lorlatinib, now PD", {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ("alectinib: lorlatinib, now PD", {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ("alectinib -> lorlatinib -> PD", {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ("alectinib then lorlatinib, PD in liver and bone", {"prior_tkis": ["alectinib", "lorlatinib"],
                                                         "progression": "systemic"}),
    ("alectinib 3y -> lorlatinib 2y, thoughts?", {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ("crizotinib -> alectinib -> lorlatinib, now PD, thoughts?", {"prior_tkis": ["crizotinib", "alectinib",
                                                                                "lorlatinib"]}),
    ("crizotinib, alectinib, brigatinib, thoughts?", {"prior_tkis": ["crizotinib", "alectinib", "brigatinib"]}),
    ("1L: alectinib, 2L: lorlatinib", {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ("alectinib -> lorlatinib, what next?", {"prior_tkis": ["alectinib", "lorlatinib"]}),
])
def test_a_history_of_tkis_stays_a_history(text, fields):
    assert_reads_exactly(text, fields)


# ---- a discourse filler in a clause of its own -----------------------------------------------------------------------
# "whether or not", "either way", "anyway", "regardless", "in any case" ... opening (or closing) a message say nothing
# of what follows: a finding after it is stated, a question after it asks, a condition after it supposes.

@pytest.mark.parametrize("text,fields", [
    ("whether or not, G1202R on tissue", {"alk_mutations": ["G1202R"], "biopsy": "tissue"}),
    ("whether or not - G1202R on tissue", {"alk_mutations": ["G1202R"], "biopsy": "tissue"}),
    ("Whether or not: MET amp on ctDNA, ECOG 1", {"bypass_alterations": ["MET_amplification"], "biopsy": "plasma",
                                                 "ecog": 1}),
    ("either way, G1202R on tissue", {"alk_mutations": ["G1202R"], "biopsy": "tissue"}),
    ("anyway, ECOG 1", {"ecog": 1}),
    ("Anyway - on alectinib 2y, brain mets", {"prior_tkis": ["alectinib"], "brain_metastases": True}),
    ("regardless, MET amp on ctDNA", {"bypass_alterations": ["MET_amplification"], "biopsy": "plasma"}),
    ("in any case, ECOG 1 and brain mets", {"ecog": 1, "brain_metastases": True}),
    ("in either case, no brain mets", {"brain_metastases": False}),
    ("at any rate, on alectinib 2y", {"prior_tkis": ["alectinib"]}),
    ("that said, G1202R on plasma", {"alk_mutations": ["G1202R"], "biopsy": "plasma"}),
    ("G1202R on tissue, either way.", {"alk_mutations": ["G1202R"], "biopsy": "tissue"}),
])
def test_a_finding_after_a_filler_is_stated(text, fields):
    assert_reads_exactly(text, fields)
    assert not extractor.message_is_question(text), text


@pytest.mark.parametrize("text", [
    "anyway, what abt brig for G1202R", "either way, should we give lorlatinib", "regardless, lorla or brig for G1202R",
    "whether or not, what if there were a G1202R?", "in any case, if G1202R is found, lorlatinib",
    "that said - any data for brigatinib after lorlatinib",
])
def test_a_question_or_a_condition_after_a_filler_states_nothing(text):
    assert_reads_exactly(text, {})
    assert extractor.message_is_question(text), text


@pytest.mark.parametrize("text", [
    "whether or not G1202R is present, would you give lorlatinib?", "whether G1202R is real, lorlatinib?",
    "regardless of whether there's a G1202R, lorlatinib?", "in any case of G1202R, lorlatinib works",
])
def test_whether_and_in_any_case_opening_a_condition_still_suppose(text):
    assert_reads_exactly(text, {})


# ---- one text for the findings and the questions ---------------------------------------------------------------------
# The findings are read in the typist's rewriting of the message (a slip in a drug name mended, a dictated mutation
# written as the reader's notation); whether the message asks is read in that same text, not in the one as typed, so
# that a question whose form rests on a drug name stays one when the name is mistyped.

@pytest.mark.parametrize("text", [
    "is ceriitnib still used", "is lorlatinbi funded 2L", "lorlatniib ok w statin", "brigatniib safe with amlodipine",
    "alectinbi or lorlatinbi", "is brigatinb available in the UK",
])
def test_a_question_with_a_mistyped_drug_is_a_question(text):
    assert_reads_exactly(text, {})
    assert extractor.message_is_question(text), text
    assert extractor.message_asks(text), text


@pytest.mark.parametrize("text,fields", [
    ("alectinib 3y, lorlatniib or brigatniib", {"prior_tkis": ["alectinib"]}),
    ("on alectinib, G twelve oh two R - lorlatinbi or brigatinb", {"prior_tkis": ["alectinib"],
                                                                   "alk_mutations": ["G1202R"]}),
])
def test_a_case_before_a_choice_of_mistyped_drugs_asks_and_keeps_its_findings(text, fields):
    assert_reads_exactly(text, fields)
    assert extractor.message_asks(text), text
    assert not extractor.message_is_question(text), text


@pytest.mark.parametrize("text,asked", [
    ("G twelve oh two R, would lorlatinib work?", [" would lorlatinib work?"]),
    ("alectinib 3y, G 1202 R - lorlatinib or brigatinib?", ["lorlatinib or brigatinib?"]),
    ("E C O G two, alektinib 2y - what next?", ["what next?"]),
])
def test_the_parts_that_ask_are_given_at_their_places_in_the_text_as_typed(text, asked):
    reading = extractor.load().read(text)
    assert [text[a:b] for a, b in reading.regions] == asked
    assert all(text[e.start : e.end] == e.text for e in reading.entities)


@pytest.mark.parametrize("unit, tail", [("wht ", ""), ("what abt ", "lorla"), ("is lorla ", "used"),
                                        ("x ", "what drug"), ("G1202R - ", "is it real?"), ("lorla ok w ", ""),
                                        ("EGFR on ctDNA - is it ", "real?"), ("whether or not, ", ""),
                                        ("lorla, ", "which one?"), ("which one better ", ""),
                                        ("alectinib -> ", "lorlatinib, thoughts?"), ("x -> ", "lorla, agree?")])
def test_hurried_question_reading_stays_linear_on_hostile_text(unit, tail):
    """The added cues keep the reading linear: a long run of the words they look for costs twice the work when it is
    twice as long (counted in calls, tests/nlu/work.py; the bench times the same texts)."""
    assert work.growth(extractor.extract_case, lambda n: unit * n + tail, 300) < 2.2, unit
