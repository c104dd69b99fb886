"""What-if messages that were read as findings stated: a supposition lead ("say the mutation was L1196M", "for a
G1202R what would you give", "in the case of a compound mutation what would change", "and with ECOG 3") and a question
glued to the finding it supposes ("G1202R what would you give", "G1202R - what then?"). A question never changes the
case: each finding is read as supposed (extractor.scenario_fields, what ActionWhatIf compares), not stated. Stated
findings followed by a question in another clause stay findings (README 'What changes the case': "alectinib 3y, PD,
G1202R - lorlatinib?"), as do a lead that only looks like one ("for 2 years", "in the case notes:", "the patient
says"). Phrasings of our own, as clinicians write them; none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly

# ---- 1. a supposition lead: the finding is supposed, not stated ---------------------------------------------------

_SUPPOSED = [
    # say / let's say
    ("say the mutation was L1196M", {"alk_mutations": ["L1196M"]}),
    ("say the patient had G1202R", {"alk_mutations": ["G1202R"]}),
    ("say her ECOG was 3", {"ecog": 3}),
    ("Say ECOG 3, what then", {"ecog": 3}),
    ("let's say G1202R", {"alk_mutations": ["G1202R"]}),
    ("lets say ECOG 3", {"ecog": 3}),
    # assume / assuming / imagine
    ("assume a G1202R, what would you give", {"alk_mutations": ["G1202R"]}),
    ("assuming L1196M, which TKI", {"alk_mutations": ["L1196M"]}),
    ("assume ECOG 3", {"ecog": 3}),
    ("imagine a G1202R", {"alk_mutations": ["G1202R"]}),
    # for a/an X, what ...
    ("for a G1202R what would you give", {"alk_mutations": ["G1202R"]}),
    ("for a G1202R, what would you give?", {"alk_mutations": ["G1202R"]}),
    ("For an L1196M what would be best", {"alk_mutations": ["L1196M"]}),
    ("for a G1202R what's the best TKI?", {"alk_mutations": ["G1202R"]}),
    ("for an I1171N: what would you use", {"alk_mutations": ["I1171N"]}),
    ("for a G1202R - which tki?", {"alk_mutations": ["G1202R"]}),
    # in the case of X, what ...
    ("in the case of a compound mutation what would change", {"compound": True}),
    ("in the case of G1202R, what would you give?", {"alk_mutations": ["G1202R"]}),
    ("In case of G1202R what would you give", {"alk_mutations": ["G1202R"]}),
    ("in the case of ECOG 3 - what then?", {"ecog": 3}),
    # and with X / and if X / how about with X / X instead
    ("and with ECOG 3", {"ecog": 3}),
    ("And with ECOG 3", {"ecog": 3}),
    ("and with ECOG 3?", {"ecog": 3}),
    ("and with a G1202R?", {"alk_mutations": ["G1202R"]}),
    ("and if ECOG 3?", {"ecog": 3}),
    ("with ECOG 3 instead?", {"ecog": 3}),
    ("ECOG 3 instead?", {"ecog": 3}),
    ("G1202R instead?", {"alk_mutations": ["G1202R"]}),
    ("how about with ECOG 3", {"ecog": 3}),
    ("how about with a G1202R?", {"alk_mutations": ["G1202R"]}),
    ("what about with ECOG 2?", {"ecog": 2}),
    ("and for plasma only", {"biopsy": "plasma"}),
    ("and for tissue NGS?", {"biopsy": "tissue"}),
    ("in a scenario with MET amplification", {"bypass_alterations": ["MET_amplification"]}),
    # a question glued to the finding, or asking what follows from it
    ("G1202R - what then?", {"alk_mutations": ["G1202R"]}),
    ("G1202R, then what?", {"alk_mutations": ["G1202R"]}),
    ("G1202R, then what would you do?", {"alk_mutations": ["G1202R"]}),
    ("ECOG 3 - what then?", {"ecog": 3}),
    ("so with a G1202R what would you give", {"alk_mutations": ["G1202R"]}),
]


@pytest.mark.parametrize(("text", "fields"), _SUPPOSED)
def test_a_supposition_changes_nothing_stated(text, fields):
    assert_reads(text, dict.fromkeys(fields))


@pytest.mark.parametrize(("text", "fields"), _SUPPOSED)
def test_a_supposition_is_read_as_the_scenario(text, fields):
    scenario = extractor.scenario_fields(text)
    assert all(scenario.get(k) == v for k, v in fields.items()), (text, scenario)


@pytest.mark.parametrize(
    "text",
    [
        "for a G1202R what would you give",
        "For an L1196M what would be best",
        "in the case of a compound mutation what would change",
        "G1202R what would you give",
        "G1202R - what then?",
    ],
)
def test_a_question_glued_to_its_supposition_asks(text):
    assert extractor.message_asks(text), text


# ---- 2. only the clause the supposition leads, or the one the question follows from -------------------------------


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # what follows from the clause right before: the clauses before that are stated
        ("alectinib 3y, PD, G1202R - what then?", {"prior_tkis": ["alectinib"], "alk_mutations": None}),
        ("alectinib 3y, PD, G1202R what would you give", {"prior_tkis": ["alectinib"], "alk_mutations": None}),
        # a lead to its clause's end: what the other clauses state stays stated
        ("For a colleague: alectinib 3y, G1202R - what next?", {"prior_tkis": ["alectinib"],
                                                                 "alk_mutations": ["G1202R"]}),
    ],
)
def test_the_supposition_covers_its_own_clause(text, fields):
    assert_reads(text, fields)


# ---- 3. negative controls: stated findings, with or without a question in another clause --------------------------


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("alectinib 3y, PD, G1202R - lorlatinib?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        ("alectinib 3y, PD, G1202R - what next?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        ("alectinib 3y, PD, G1202R. What now?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        ("For a 2nd opinion: alectinib 3y, PD, G1202R", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        ("For a second opinion, alectinib 3y, G1202R, what next?", {"prior_tkis": ["alectinib"],
                                                                     "alk_mutations": ["G1202R"]}),
        ("Lorlatinib was given for a G1202R, what dose now?", {"alk_mutations": ["G1202R"]}),
        ("Lorlatinib was started for a G1202R. What now?", {"alk_mutations": ["G1202R"]}),
        ("for 2 years on alectinib", {"prior_tkis": ["alectinib"]}),
        ("in the case notes: G1202R", {"alk_mutations": ["G1202R"]}),
        ("in the case notes: G1202R. What next?", {"alk_mutations": ["G1202R"]}),
        ("and ECOG 1.", {"ecog": 1}),
        ("and ECOG is 1", {"ecog": 1}),
        ("Alectinib 3y and with ECOG 1 she is fit", {"prior_tkis": ["alectinib"], "ecog": 1}),
        ("And for 2 years she was on alectinib", {"prior_tkis": ["alectinib"]}),
        ("and for a while alectinib worked", {"prior_tkis": ["alectinib"]}),
        ("the patient says she has headaches", {"symptomatic": True}),
        ("Pt says ECOG 1", {"ecog": 1}),
        ("We say G1202R is present", {"alk_mutations": ["G1202R"]}),
        ("ECOG 3. What then?", {"ecog": 3}),
    ],
)
def test_stated_findings_stay_stated(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", ["say hi", "say hello to the team"])
def test_a_greeting_reads_nothing(text):
    assert_reads_exactly(text, {})
