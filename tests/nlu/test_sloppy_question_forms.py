"""Questions typed sloppily that still changed the case (issue 15, set 6's route: typos, text-speak): a bare finding
that leads with a dash or a colon to a therapy proposed with "?" ("ECOG 3 - chemo?", "oligo pd - SBRT + continue?",
"indolent PD - continue TKI?"), and question words in text-speak ("wat r", "whch", "ne data", "ya or na"). The finding
is the question's premise, as after a colon before a proposal ("MET amp: capmatinib + lorla, thoughts?",
tests/nlu/test_forms.py). The controls beside them are the same findings typed as sloppily without a question, or a
case stated before the question (a history, a TKI named, or a comma's list), which keep what they state."""

from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads_exactly

# ---- a bare finding, then a dash or a colon, then a therapy proposed with "?" ---------------------------------------

PREMISE_THEN_PROPOSAL = [
    "ECOG 3 - chemo?", "G1202R: lorla?", "MET amp - capmatinib + lorla?", "L1196M - switch to brig?",
    "G1202R + L1196M: chemo?", "ECOG 4 — best supportive care?", "G1202R - lorlatinib, ok?",
    # a premise naming a test, not a therapy
    "plasma only - chemo?", "no rebiopsy: chemo, ok?", "ctDNA neg - rebiopsy or lorla?",
    # the TKI the patient is on kept, named or not
    "brain mets only - SRS and keep alec?", "cns only pd - SRS + continue alec?", "oligo pd - SBRT + continue?",
    "1 new brain met - SRS and carry on?", "indolent PD - continue TKI?", "slow progression - stay on the same tki?",
    # still fit for a therapy
    "ECOG 2 - still ok for chemo?",
]


@pytest.mark.parametrize("text", PREMISE_THEN_PROPOSAL)
def test_a_finding_leading_to_a_proposal_asked_about_states_nothing(text):
    assert_reads_exactly(text, {})
    assert extractor.message_is_question(text), text


@pytest.mark.parametrize("text,fields", [
    # typed as sloppily, without a question
    ("pt on alec, now g1202r", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
    ("ECOG 2 - still give carbo pem", {"ecog": 2}),
    ("ECOG 2 - on carbo pem", {"ecog": 2}),
    ("indolent pd, kept same tki", {"progression": "indolent"}),
    ("oligoprogression - SBRT done, continued alec", {"prior_tkis": ["alectinib"], "progression": "oligoprogression"}),
    ("oligo pd - SBRT + continued alec", {"prior_tkis": ["alectinib"], "progression": "oligoprogression"}),
    ("L1196M - switched to brig", {"alk_mutations": ["L1196M"], "prior_tkis": ["brigatinib"]}),
    # a case stated before the question: more than one clause, or a TKI named in the premise
    ("pt on alec, now g1202r - what next?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
    ("alec 3y then pd, g1202r on tissue, ecog 1 - lorla?",
     {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"], "biopsy": "tissue", "ecog": 1}),
    ("PD on alec - lorla?", {"prior_tkis": ["alectinib"]}),
    ("plasma only, no rebiopsy - chemo?", {"biopsy": "plasma"}),
])
def test_a_finding_typed_sloppily_without_a_question_or_before_one_is_read(text, fields):
    assert_reads_exactly(text, fields)


# ---- question words in text-speak, no question mark -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "wat r the options 4 G1202R", "what r the data for brig in the cns", "whch tki 4 G1202R",
    "wich is better after alec", "ne data on lorla in lmd", "lorla for G1202R ya or na", "brig after alec, y or n",
])
def test_a_question_word_in_text_speak_states_nothing(text):
    assert_reads_exactly(text, {})
    assert extractor.message_is_question(text), text


@pytest.mark.parametrize("text,fields", [
    ("what rebiopsy showed: G1202R", {"alk_mutations": ["G1202R"], "biopsy": "tissue"}),
    ("ne lesions stable, G1202R on plasma", {"alk_mutations": ["G1202R"], "biopsy": "plasma"}),
    ("G1202R on tissue, yes", {"alk_mutations": ["G1202R"], "biopsy": "tissue"}),
])
def test_the_same_letters_in_a_statement_are_no_question(text, fields):
    assert_reads_exactly(text, fields)
    assert not extractor.message_asks(text), text
