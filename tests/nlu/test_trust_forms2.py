"""Trust: the case changes only when the clinician states a finding about this patient. My own words for seven
classes of misreading, each with near-miss controls that must still be read:

1. a general or guideline statement about a class of patients ("X may be used after Y failure in those with Z",
   "patients who fail Y can go on to X", "X should be reserved for patients intolerant of Y") names drugs, it gives
   this patient none;
2. a question reported as someone's ("her husband asked about the new tablet (brigatinib)", "the MDT wonders whether
   ...") asks, and what it asks about is not stated;
3. a sequence of TKIs with arrows, ">" or "then" reads every step, shorthand ("ceri") and brand names included ("cert",
   which could be another drug, stays unread and reported); a word-like shorthand alone ("ceri") is no TKI;
4. a stop reason told after a therapy of another kind is that therapy's, not the TKI's before it;
5. a complaint said gone ("settled since the dexamethasone", "headache-free") is no current complaint, and a toxicity
   set against progression ("CNS toxicity versus intracranial progression") is a differential;
6. a question about a finding answered yes in the same message states the finding; the question alone, an unsure
   answer or a yes to a therapy question changes nothing;
7. a bare finding after a question that only asks for a way forward, with a full stop or "?" ("How should we
   proceed. ECOG 1.") tells the case; after a question of a choice it stays the question's premise."""

from __future__ import annotations

import pytest

from actions.case_state import asked_spans
from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly

# 1. general statements: no prior TKI, no mutation of this patient
GENERAL = [
    "brigatinib can be offered after crizotinib failure in patients with good PS",
    "lorlatinib may be used following alectinib progression in those with a solvent-front mutation",
    "Ceritinib should be reserved for patients intolerant of alectinib",
    "Patients who fail alectinib can go on to lorlatinib",
    "those progressing on brigatinib are usually switched to lorlatinib",
    "brigatinib is indicated for patients who progressed on crizotinib",
    "ensartinib could also be considered after crizotinib in selected patients",
]
GENERAL_CONTROLS = [
    ("She should be switched to lorlatinib after alectinib failure", {"prior_tkis": ["alectinib"]}),
    ("Our patient, who failed alectinib, can receive lorlatinib", {"prior_tkis": ["alectinib"]}),
    ("she progressed on brigatinib after crizotinib", {"prior_tkis": ["crizotinib", "brigatinib"]}),
    ("after alectinib failure he was started on lorlatinib", {"prior_tkis": ["alectinib", "lorlatinib"]}),
]

# 2. reported questions: they ask, nothing is read
REPORTED = [
    "her husband asked about the new tablet (brigatinib)",
    "The MDT wonders whether lorlatinib would cover G1202R",
    "the patient would like to know if alectinib can be restarted",
    "GP enquired whether ceritinib interacts with her statin",
    "her son is keen to know whether the brain pill (lorlatinib) causes memory problems",
]
REPORTED_CONTROLS = [
    ("Her daughter asked about hospice; she has been on lorlatinib since 2022", {"prior_tkis": ["lorlatinib"]}),
    ("She asked about side effects and was started on lorlatinib", {"prior_tkis": ["lorlatinib"]}),
    ("Wondering what to do: she progressed on brigatinib with G1202R", {"prior_tkis": ["brigatinib"]}),
]

# 3. sequences
# "cert" could be another drug (Certican is everolimus; certolizumab): it stays reported as not known, never guessed
# (tests/nlu/test_safety3_forms.py); "ceri" is read in a drug context
SEQUENCES = [
    ("criz > ceri > lorla", ["crizotinib", "ceritinib", "lorlatinib"]),
    ("criz → ceri → brig", ["crizotinib", "ceritinib", "brigatinib"]),
    ("Xalkori then ceri then Lorbrena", ["crizotinib", "ceritinib", "lorlatinib"]),
    ("crizo -> Zykadia -> lorla", ["crizotinib", "ceritinib", "lorlatinib"]),
    ("PD on ceri, now lorla", ["ceritinib", "lorlatinib"]),
    ("criz > cert > lorla", ["crizotinib", "lorlatinib"]),
]
NOT_A_TKI = ["sick cert given for two weeks", "med cert done", "cert", "Ceri said hello", "ceri"]

# 4. a stop reason after another therapy is that therapy's
OTHERS_STOP = [
    "alectinib 2019 / docetaxel, stopped for neutropenia",
    "crizotinib, then pembrolizumab, discontinued due to colitis",
    "brigatinib 2021; carboplatin and pemetrexed 2022, ceased because of thrombocytopenia",
]
TKI_STOP = [
    "alectinib stopped for myalgia, then carboplatin pemetrexed",
    "alectinib 2020, stopped for hepatitis",
]

# 5. complaints gone, a differential of toxicity
GONE = [
    "seizures have ceased on levetiracetam",
    "headache-free since SRS",
    "the headaches went away after the steroids were stopped",
]
# (lead, 2026-12-06, second session, raised by prec10) these two were in GONE, expected symptomatic False: a complaint
# gone only since the steroids were started is steroid-dependent, symptomatic disease, as "headaches controlled with
# dexamethasone" reads; reading it asymptomatic was the unsafe side
STEROID_CONTROLLED = [
    "her headaches have settled since the dexamethasone",
    "the headaches went away after the steroids",
]
STILL_THERE = [
    "headaches are better but persist",
    "headaches stopped and then came back",
    "new headaches since stopping dexamethasone",
]
DIFFERENTIAL = [
    "Query CNS toxicity from lorlatinib versus intracranial progression",
    "neurotoxicity or true progression in the brain?",
]

# 6. a question answered yes
ANSWERED = [
    ("Any leptomeningeal disease? Yes, on the spine MRI", {"leptomeningeal": True}),
    ("Any MET amplification? yes", {"bypass_alterations": ["MET_amplification"]}),
    ("Is she on brigatinib? yep", {"prior_tkis": ["brigatinib"]}),
    ("Is she symptomatic? yes", {"symptomatic": True}),
    ("Did the rebiopsy show a resistance mutation? Answer: yes, L1196M", {"alk_mutations": ["L1196M"]}),
]
UNANSWERED = [
    "Any leptomeningeal disease?",
    "Any leptomeningeal disease? Not yet known",
    "Should we switch to lorlatinib? Yes.",
    "Any MET amplification? Yes or no?",
    "Is she symptomatic? Unclear.",
    # (lead) a "yes" opening a reply that asks, plans, requests or doubts is no answer
    "Any brain mets? Yes, we need to check that first.",
    "Any brain mets? Yes - that is what I am asking.",
    "Is she symptomatic? Yes, I would like to know that too.",
    "Any new liver lesions? Yes, probably.",
    "Did the NGS show a resistance mutation? Yes, pending confirmation.",
]

# 7. a bare finding after an open request for a way forward
OPEN_ASK = [
    ("How should we proceed. ECOG 1.", {"ecog": 1}),
    ("What do you recommend? Brain only.", {"progression": "cns_only"}),
    ("how to manage her? ECOG 2.", {"ecog": 2}),
    ("What would you do. ECOG 3.", {"ecog": 3}),
]
CHOICE_ASK = ["Which TKI would you pick. L1196M.", "what would you give. G1202R plus L1196M."]


NOTHING = {"prior_tkis": None, "alk_mutations": None, "intolerant_tkis": None}
NO_CNS = {"symptomatic": None, "brain_metastases": None, "progression": None}
READS = (
    [(t, NOTHING) for t in GENERAL]  # a general statement gives this patient nothing
    + GENERAL_CONTROLS  # this patient's history is still read
    + REPORTED_CONTROLS
    + [(t, {"prior_tkis": tkis}) for t, tkis in SEQUENCES]  # every step of a sequence
    + [(t, {"prior_tkis": None}) for t in NOT_A_TKI]  # a word-like shorthand alone is no TKI
    + [(t, {"intolerant_tkis": None}) for t in OTHERS_STOP]  # a stop after another therapy is not the TKI's
    + [(t, {"intolerant_tkis": ["alectinib"]}) for t in TKI_STOP]
    + [(t, {"symptomatic": False}) for t in GONE]  # a complaint gone is no current symptom
    + [(t, {"symptomatic": True}) for t in STILL_THERE]  # eased or back: current
    + [(t, {"symptomatic": True}) for t in STEROID_CONTROLLED]  # gone on steroids: steroid-dependent
    + [(t, NO_CNS) for t in DIFFERENTIAL]  # toxicity against progression: a differential
    + ANSWERED  # a question answered yes states the finding
    + OPEN_ASK  # a bare finding after an open request tells the case
)


@pytest.mark.parametrize(("text", "fields"), READS)
def test_the_reading(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", REPORTED + UNANSWERED + CHOICE_ASK)
def test_a_question_asks_and_states_nothing(text):
    """A reported question, a question left unanswered (or answered yes to a therapy), a premise of a choice."""
    assert_reads_exactly(text, {})
    assert extractor.message_asks(text), text
    assert asked_spans(text), text  # the dialogue takes it as asked


def test_a_history_told_after_wondering_does_not_ask():
    assert not extractor.message_asks("Wondering what to do: she progressed on brigatinib with G1202R")


def test_a_question_answered_yes_asks_nothing_more():
    assert not extractor.message_asks("Any leptomeningeal disease? Yes, on the spine MRI")
