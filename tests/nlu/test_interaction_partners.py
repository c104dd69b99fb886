"""A drug named as the partner of an interaction to avoid is the one given, the other drug the one avoided: "avoid
carbamazepine with lorlatinib", "do not combine X with lorlatinib", "X should not be co-administered with
lorlatinib", "stop X before lorlatinib" choose lorlatinib and reject nothing the therapy table knows. A denial whose
object is a treatment itself ("avoid rechallenge with alectinib", "I wouldn't start her on brigatinib") still
rejects the therapy after it."""

from __future__ import annotations

import pytest

from bot.nlu import extractor
from bot.nlu.therapies import CHOSEN, REJECTED
from bot.practice import grading

PARTNERED = [
    ("Avoid carbamazepine with lorlatinib", "lorlatinib"),
    ("do not combine carbamazepine with lorlatinib", "lorlatinib"),
    ("carbamazepine should not be co-administered with lorlatinib", "lorlatinib"),
    ("stop carbamazepine before lorlatinib", "lorlatinib"),
    ("switch the carbamazepine to levetiracetam, then lorlatinib", "lorlatinib"),
    ("lorlatinib, but avoid strong CYP3A inducers", "lorlatinib"),
    ("avoid St John's wort while on Lorbrena", "lorlatinib"),
    ("no rifampicin alongside brigatinib", "brigatinib"),
    ("never co-prescribe phenytoin with lorlatinib", "lorlatinib"),
    ("rifampicin must not be given together with lorlatinib", "lorlatinib"),
    ("carbamazepine is contraindicated with lorlatinib", "lorlatinib"),
    ("Stop the phenytoin prior to starting lorlatinib", "lorlatinib"),
    ("don't use strong CYP3A inducers during lorlatinib treatment", "lorlatinib"),
    ("avoid lorlatinib with strong CYP3A inducers", "lorlatinib"),
    ("lorlatinib should not be combined with rifampicin", "lorlatinib"),
    ("I'd avoid grapefruit juice with brigatinib", "brigatinib"),
    ("Carbamazepine: avoid with lorlatinib", "lorlatinib"),
]


@pytest.mark.parametrize("text, therapy", PARTNERED, ids=[p[0] for p in PARTNERED])
def test_the_partner_of_an_interaction_to_avoid_is_given(text, therapy):
    choice = extractor.therapy_choice(text)
    assert choice.therapy == therapy, [(m.value, m.role) for m in choice.mentions]
    assert choice.rejected() == [], [(m.value, m.role) for m in choice.mentions]


STILL_REJECTED = [
    ("avoid rechallenge with alectinib", "alectinib"),
    ("I wouldn't start her on brigatinib", "brigatinib"),
    ("don't treat him with ceritinib", "ceritinib"),
    ("avoid retreatment with crizotinib", "crizotinib"),
    ("no role for brigatinib with G1202R", "brigatinib"),
    ("I would not rechallenge her with alectinib", "alectinib"),
    ("not with brigatinib", "brigatinib"),
]


@pytest.mark.parametrize("text, therapy", STILL_REJECTED, ids=[p[0] for p in STILL_REJECTED])
def test_a_denial_of_the_treatment_itself_still_rejects(text, therapy):
    roles = {m.value: m.role for m in extractor.therapy_choice(text).mentions}
    assert roles.get(therapy) == REJECTED, roles


def test_the_avoided_therapy_of_two_named_is_the_first():
    roles = {m.value: m.role for m in extractor.therapy_choice("avoid chemo with lorlatinib").mentions}
    assert roles == {"chemotherapy": REJECTED, "lorlatinib": CHOSEN}


@pytest.mark.parametrize("answer", ["Avoid carbamazepine with lorlatinib", "lorlatinib; do not combine it with "
                                    "carbamazepine", "carbamazepine should not be co-administered with lorlatinib"])
def test_the_grader_credits_the_partner_as_the_choice(answer):
    graded = grading.grade("MOD03", answer)  # alectinib-refractory, on a strong CYP3A inducer: lorlatinib
    assert (graded.therapy_grade, graded.chosen_therapy, graded.rejected_therapies) == (
        "preferred", "lorlatinib", []), graded


@pytest.mark.parametrize("text", [
    "Plan: switch the carbamazepine to levetiracetam, then lorlatinib.",
    "Switch carbamazepine to levetiracetam, then start lorlatinib",
    "Switch the carbamazepine to levetiracetam, then lorlatinib.",
    "Change phenytoin to levetiracetam and then lorlatinib 100 mg daily.",
    "Stop the rifampicin; then lorlatinib.",
    "Avoid carbamazepine with lorlatinib.",
    "Carbamazepine should not be co-administered with lorlatinib.",
])
def test_the_case_reader_does_not_read_a_planned_partner_as_received(text):
    case = extractor.extract_case(f"Progressed on alectinib, G1202R. {text}")
    assert case.get("prior_tkis") == ["alectinib"], case
