"""Questions typed in a hurry, in frames the question property did not hold (issue 15; tests/question_frames.py):
each frame with every drug, mutation, finding, therapy, bypass alteration and CYP3A inducer the property uses, read
by the extractor, must state nothing. Measured when written: 1568 of the 5492 texts were read (34 of 119 frames).
The classes that were read, each with the statements beside it that still are: a step asked to be acceptable ("ok
to continue alec with ECOG 3"), another's experience ("anyone used lorla for G1202R"), a negative question ("isn't
brig better for L1196M"), "is" and a therapy opening the sentence, a choice between two steps ("stay on alec or
switch to lorla"), a sentence that goes on with the question before it ("Lorla for G1202R? or brig", "...? and what
about brain mets"), a word announcing a question ("Quick q - ..."), and drugs asked about together ("lorla +
rifampicin - any interactions?")."""

from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads_exactly
from tests.question_frames import HURRIED_FRAMES, every_name


@pytest.mark.parametrize("frame", HURRIED_FRAMES)
def test_a_hurried_question_with_every_name_states_nothing(frame):
    read = {text: found for text in every_name(frame) if (found := extractor.extract_case(text))}
    assert not read, read


# Each class of question that was read, in words of its own (the frames above are its every-name form)
QUESTIONS = {
    "a step asked to be acceptable": [
        "ok to continue alec with new brain mets", "fine to keep lorla going, ECOG 3 now", "ok 2 start brig post alec",
        "r we ok to continue alectinib with PS 2", "reasonable to try lorlatinib for G1202R + L1196M",
        "is it ok to restart brigatinib after the pneumonitis settled", "alright to switch to lorla for MET amp"],
    "another's experience, a negative question, 'is' and a therapy": [
        "anyone used lorla for a G1202R", "has anybody tried brig with MET amp", "have you ever given crizotinib for ROS1",
        "am I right that lorlatinib covers G1202R", "isn't brigatinib better for L1196M",
        "shouldn't we use lorla for G1202R", "wouldn't lorlatinib be better with brain mets",
        "is alectinib hepatotoxic in a pt with ECOG 3", "can lorlatinib be given with brain mets",
        "any experience with brig after alec", "any point trying crizo after lorla"],
    "a choice between two steps": [
        "stay on alec or switch to lorla for the G1202R", "continue brig with ECOG 3 or change",
        "keep lorla and add SRS for the brain mets, or switch"],
    "a sentence going on with the question before it": [
        "lorla for the G1202R? or brig", "Lorlatinib? Or rather brigatinib",
        "is brig ok after alec? and what about brain mets", "lorla ok? so what about ECOG 3"],
    "a question announced": [
        "Quick q - lorla after alec for G1202R", "just checking: brig after alec with brain mets ok",
        "Question for you - crizotinib for L1198F after lorlatinib", "sanity check - chemo for ECOG 3"],
    "drugs asked about together": [
        "lorla + rifampicin - any interactions?", "carbamazepine with brig, problem?",
        "lorlatinib and phenytoin, ok together?", "any issue giving lorla with rifampin"],
}

# Beside each class, statements in the same words, read as before
STATEMENTS = {
    "a step stated acceptable (a full stop, whose word it is), a hedge, who is fit": [
        ("OK to continue alectinib.", {"prior_tkis": ["alectinib"]}),
        ("Safe to continue alectinib per hepatology, ALT 2x ULN", {"prior_tkis": ["alectinib"]}),
        ("Fair to say she is ECOG 2, on alectinib", {"prior_tkis": ["alectinib"], "ecog": 2}),
        ("Reasonable to say she is ECOG 2, on alectinib", {"prior_tkis": ["alectinib"], "ecog": 2}),
        ("Fit to continue alectinib, ECOG 1", {"prior_tkis": ["alectinib"], "ecog": 1}),
        ("Fine on alectinib, ECOG 1, G1202R on tissue",
         {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"], "ecog": 1, "biopsy": "tissue"})],
    "a negative statement, 'is' without a therapy, a case after a question on experience": [
        ("Couldn't tolerate alectinib, now on brigatinib",
         {"prior_tkis": ["alectinib", "brigatinib"], "intolerant_tkis": ["alectinib"]}),
        ("Isn't on alectinib anymore, switched to lorlatinib in May", {"prior_tkis": ["alectinib", "lorlatinib"]}),
        ("Is on alectinib, G1202R on plasma",
         {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"], "biopsy": "plasma"}),
        ("Is alectinib-refractory, G1202R", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        ("anyone used lorla for G1202R? ours is on alec, now G1202R on tissue",
         {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"], "biopsy": "tissue"})],
    "steps taken, with an 'or'": [
        ("Kept alectinib and added SRS for brain mets", {"prior_tkis": ["alectinib"], "brain_metastases": True}),
        # (lead, 2026-12-06 third session) expected both TKIs received before; the writer is not sure which was given,
        # so neither is written in (tests/nlu/test_safe12_forms.py: a doubt between two drugs), the rest still read
        ("Continued alectinib or brigatinib, not sure which; G1202R on tissue",
         {"alk_mutations": ["G1202R"], "biopsy": "tissue"}),
        ("Stopped alectinib or rather held it for hepatitis; ECOG 1",
         {"prior_tkis": ["alectinib"], "intolerant_tkis": ["alectinib"], "ecog": 1})],
    "a sentence stating after a question": [
        ("Lorla ok? And she has brain mets.", {"brain_metastases": True}),
        ("Lorla ok? Or brig. She is on alectinib with G1202R.", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        ("Is lorlatinib an option? Otherwise she stays on alectinib.", {"prior_tkis": ["alectinib"]}),
        ("Also on alectinib, ECOG 1", {"prior_tkis": ["alectinib"], "ecog": 1}),
        ("So on alectinib, now G1202R", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        ("or on alectinib, ECOG 1", {"prior_tkis": ["alectinib"], "ecog": 1})],
    "a case stated after an announcement, or words of asking told of": [
        ("Quick update - G1202R on tissue, ECOG 1, on alectinib",
         {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"], "biopsy": "tissue", "ecog": 1}),
        ("Q: alec 3y, G1202R - lorla", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
        ("Quick q: pt on alectinib, G1202R on tissue, what next",
         {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"], "biopsy": "tissue"}),
        ("Curious finding: G1202R on tissue after alectinib",
         {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"], "biopsy": "tissue"}),
        ("Question from the ward: she is on lorlatinib, ECOG 2", {"prior_tkis": ["lorlatinib"], "ecog": 2}),
        ("Asked about lorlatinib: she has been on it since May", {}),
        ("Wondering whether to continue; on alectinib, new liver mets", {"prior_tkis": ["alectinib"]})],
    "drugs the patient takes, before a question": [
        ("pt on lorla + rifampicin - any interactions?", {"prior_tkis": ["lorlatinib"], "strong_cyp3a_inducer": True}),
        ("on rifampicin - lorlatinib ok?", {"strong_cyp3a_inducer": True}),
        ("Any interaction? She is on lorlatinib and rifampicin.",
         {"prior_tkis": ["lorlatinib"], "strong_cyp3a_inducer": True})],
}


@pytest.mark.parametrize("text", [t for texts in QUESTIONS.values() for t in texts])
def test_a_hurried_question_of_each_class_states_nothing_and_asks(text):
    assert_reads_exactly(text, {})
    assert extractor.message_asks(text), text


@pytest.mark.parametrize("text,fields", [row for rows in STATEMENTS.values() for row in rows])
def test_a_statement_in_the_same_words_is_read(text, fields):
    assert_reads_exactly(text, fields)
