"""Property: no message phrased as a question changes the case (issue 15).

Questions are generated from the knowledge base's drug, brand, mutation and bypass names and many question frames
(with and without a question mark), parsed by the trained model's real NLU pipeline (intent classifier and clinical
extractor), and handed to the action code the dialogue rules would run for that intent, with a case in progress
(the form asking) and after an answer (the form re-opened by the message). Not one may write a case field. The
same property over REST, on a few questions, is in tests/integration/test_conversations.py.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.dialogue_turn import IN_PROGRESS, MOMENTS, case_written, nlu_parser
from tests.question_frames import BYPASS, DRUGS, FINDINGS, HURRIED_FRAMES, INDUCERS, MUTATIONS, THERAPIES

FRAMES = [
    "can I use {drug} instead?", "could we switch to {drug}?", "what if it was {drug}?", "what if it was {drug}",
    "what if there were a {mutation}?", "what would you give after {drug} if there were a {mutation}?",
    "is {drug} safe with statins?", "would {drug} work against {mutation}?", "does {mutation} respond to {drug}?",
    "what about {finding} instead?", "what if {finding}?", "what if {finding}", "is {drug} active against {mutation}?",
    "should we consider {drug}?", "did you consider {drug}?", "how about {drug}?", "how about {drug}",
    "any data for {drug} in {mutation}?", "would {finding} change the answer?", "what if the patient had {finding}?",
    "is {drug} an option with {finding}?", "can {drug} be used after {drug2}?", "what about {therapy} instead?",
    "what about {therapy}", "would {therapy} be better than {drug}?", "is {bypass} a reason to avoid {drug}?",
    "what if the rebiopsy showed {bypass}?", "would you still give {drug} with {bypass}?",
    "what dose of {drug} after {drug2}?", "why not {drug}?", "why not {drug} for {mutation}?",
    "Q: {drug} after {drug2} with {mutation}?", "{drug} or {drug2}?", "{drug} for {mutation}?",
    "what's the evidence for {drug} in {mutation}?", "suppose {finding}, would you change?",
    "if there were {bypass}, would {drug} still work?", "what if she had received {drug} first?",
    # telegraphic: a plan or option proposed, then a last clause that asks about it (with or without "?")
    "{drug} for {mutation} after {drug2} - any data", "{drug} for {mutation} after {drug2}, thoughts?",
    "{bypass} -> {drug} + {drug2}, any trial", "{therapy} for {finding} - add {drug}?",
    "{drug} or {drug2} for {mutation}, any evidence", "{drug} after {drug2} - reasonable?",
    "try {drug} for {mutation}, pls advise", "{finding} -> {therapy}, thoughts", "{drug} for {mutation}, would it work",
    "{mutation} -> {drug}, ok?", "{therapy} + {drug} for {finding}, worth trying?", "{drug} for {bypass} - agree?",
    # typed in a hurry: question words clipped or misspelt, no question mark, an interaction in shorthand, a question
    # glued to a finding, a finding doubted
    "wht is the pfs of {drug} after {drug2}", "wat abt {drug} for {mutation}", "whats the data for {drug} after {drug2}",
    "what abt {therapy} after {drug}", "what dose {drug} after {drug2} stopped", "cn u summarise options after {drug}",
    "shud we switch to {drug} for {mutation}", "wud u give {drug} post {drug2}", "is {drug} still used",
    "does {drug} work after {drug2}", "{drug} ok w statin", "{drug} safe with {drug2}", "{bypass} what drug",
    "{mutation} which tki", "{bypass} on ctDNA - is it real?", "{mutation} on plasma, real?", "how abt {therapy}",
    # a comparison: the options named before "which one" are the question's; a proposal put to a colleague; a
    # discourse filler before a question
    "{drug} and {drug2}, which one better after {drug}?", "{drug} or {drug2} - which is better after {drug2}",
    "between {drug} and {drug2} which would you pick", "{drug} vs {drug2} for {mutation} - which one?",
    "{drug} and {therapy}, your pick?", "{drug} next, agree?", "plan {drug}, ok?", "{mutation}: {drug}, thoughts?",
    "anyway, what about {drug} for {mutation}", "either way, should we give {drug}?",
    "whether or not, {drug} or {drug2}?",
    # a supposition lead, or a question glued to the finding it supposes (tests/nlu/test_supposition_forms.py)
    "for a {mutation} what would you give", "for a {mutation}, what would you give?", "say the mutation was {mutation}",
    "let's say {finding}", "assuming {bypass}, which TKI", "and with {finding}", "and with {finding}?",
    "in the case of {finding} what would change", "in the case of {bypass}, what would you give?",
    "{mutation} - what then?", "{finding}, then what?", "{mutation} what would you give", "how about with {finding}",
    "{finding} instead?",
    # a bare finding leading with a dash or a colon to a therapy asked about, typed sloppily
    # (tests/nlu/test_sloppy_question_forms.py)
    "{finding} - {therapy}?", "{mutation}: {drug}?", "{bypass} - {drug} + {drug2}?", "{finding} - {therapy} + continue?",
    "{finding} - keep same tki?", "{finding} - still give {therapy}?", "{mutation} - switch to {drug}?",
    # typed in a hurry, in frames of every kind (tests/question_frames.py; each with every name, through the
    # extractor: tests/nlu/test_hurried_question_frames.py)
    *HURRIED_FRAMES,
]
questions = st.builds(
    lambda frame, drug, drug2, mutation, finding, therapy, bypass, inducer: frame.format(
        drug=drug, drug2=drug2, mutation=mutation, finding=finding, therapy=therapy, bypass=bypass, inducer=inducer),
    st.sampled_from(FRAMES), st.sampled_from(DRUGS), st.sampled_from(DRUGS), st.sampled_from(MUTATIONS),
    st.sampled_from(FINDINGS), st.sampled_from(THERAPIES), st.sampled_from(BYPASS), st.sampled_from(INDUCERS))


@pytest.fixture(scope="module")
def parse():
    """The trained model's NLU pipeline, as the Rasa server runs it."""
    with nlu_parser() as parse:
        yield parse


@pytest.mark.parametrize("slots, activating", list(MOMENTS.values()), ids=list(MOMENTS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=questions)
def test_no_question_changes_the_case(parse, slots, activating, question):
    parsed = parse(question)
    assert case_written(parsed, slots, activating) == {}, (question, parsed["intent"], parsed.get("entities"))


@pytest.mark.parametrize("text", ["alectinib, lorlatinib, if G1202R is found",
                                  "alec 2019-2023 - lorla, should G1202R be confirmed on rebx",
                                  "Alectinib since 2020, then lorlatinib if a G1202R turns up"])
def test_a_history_with_a_plan_on_a_condition_is_information_not_a_what_if(parse, text):
    """The treatment received is written; the plan and its condition are not, and the message is not a what-if."""
    parsed = parse(text)
    assert parsed["intent"]["name"] == "inform", parsed["intent"]
    slots = {k: v for k, v in IN_PROGRESS.items() if k != "prior_tkis"}
    assert case_written(parsed, slots, False) == {"prior_tkis": ["alectinib"]}, parsed.get("entities")
