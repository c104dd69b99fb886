"""safe19: questions and non-findings that changed the case, phrasings of our own (none from a held-out file).

1. A question told in a statement's order with no question mark: a choice left open at its end ("lorlatinib for G1202R
   good or not", "... yes or no"), the reader asked what they would do or think ("for brain mets which TKI you
   prefer", "G1202R you would give lorlatinib", "you think G1202R lorlatinib", "u think ECOG 3 can get lorla"), the
   writer's wish to know ("I want to know if ...", "interested to know about ...", "our question is about ..."), a
   drug told with its use and a word judging it ("lorla in G1202R works", "crizo for MET amp fine", "lorlatinib 100 mg
   daily correct"), a choice opened by "better" ("better lorlatinib or brigatinib for G1202R"), a drug's efficacy or
   the guidelines asked about ("efficacy of brigatinib in L1196M", "guidelines for G1202R after alectinib"), a
   counted question or a doubt before a colon or a dash ("second question - brain mets and alectinib", "Doubt:
   lorlatinib in G1202R"), "is it good" glued to its end.
2. A trial's statement with no figure opening its sentence ("In ALTA-1L brigatinib had better intracranial response
   than crizotinib", "in PROFILE 1014 crizotinib beat chemo"); a general rule ("in general G1202R needs lorlatinib",
   "G1202R usually responds to lorlatinib"), a subject taken up by "it" or "they" ("alectinib it is good for brain
   mets"); a mutation's fact run on into a question ("G1202R is resistant to alectinib so would lorlatinib work").
3. Feedback on the assistant's answer ("thanks, that was helpful about lorlatinib", "great answer about G1202R", "ok
   understood lorlatinib for G1202R"), and a patient the writer once had ("I had a patient with MET amp who responded
   to capmatinib").
Controls: the case stated with a question at its end, a trial the patient was on, a plan's reason told with a
mutation, a drug tolerated fine, "generally well", a correction after feedback, the patient's habits.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_exactly

QUESTIONS = [
    # 1. a question in a statement's order
    "lorlatinib for G1202R good or not",
    "brigatinib after alectinib ok or not",
    "capmatinib plus lorlatinib for MET amp yes or no",
    "G1202R lorlatinib good or not",
    "please tell lorlatinib works in G1202R or not",
    "in G1202R lorlatinib recommended yes or no",
    "for leptomeningeal disease what drug you prefer",
    "in L1196M which TKI u recommend",
    "for patient with brain mets which TKI you prefer",
    "in patient with G1202R mutation what you give",
    "L1198F you would give crizotinib",
    "G1202R you would give lorlatinib",
    "for MET amp you would combine capmatinib",
    "lorlatinib for brain mets you suggest",
    "alectinib for brain mets you recommend",
    "you think G1202R lorlatinib",
    "you think brigatinib covers CNS",
    "u think MET amp needs capmatinib",
    "u think ECOG 3 can get lorla",
    "do u think brain mets need SRS",
    "you reckon lorlatinib works in I1171N",
    "I want to know if G1202R responds to brigatinib",
    "keen to know about MET amplification treatment",
    "interested to know about G1202R treatment",
    "our question is about MET amp after alectinib",
    "the question was about lorlatinib in L1196M",
    "lorla in g1202r works",
    "brig in brain mets ok",
    "alec in lmd good",
    "crizo for met amp fine",
    "brigatinib in L1196M effective",
    "lorlatinib in G1202R efficacy",
    "lorlatinib 100 mg daily correct",
    "lorlatinib 100 mg once daily right",
    "better lorlatinib or brigatinib for G1202R",
    "better alectinib or lorlatinib for brain mets",
    "efficacy of brigatinib in L1196M",
    "activity of brigatinib against G1202R",
    "guidelines for G1202R after alectinib",
    "guidelines on MET amplification after alectinib",
    "second question - brain mets and alectinib",
    "third question - leptomeningeal disease and lorlatinib",
    "one more: ECOG 3 and TKI",
    "Doubt: lorlatinib in G1202R",
    "follow up question G1202R after brigatinib",
    "quick question G1202R after lorlatinib",
    "the lorlatinib for G1202R is it good",
    "confirm brigatinib dose 180 mg",
    # 2. a trial's statement, a general rule, a mutation's fact run on into a question
    "In ALTA-1L brigatinib had better intracranial response than crizotinib",
    "in PROFILE 1014 crizotinib beat chemo",
    "In ALEX alectinib beat crizotinib",
    "per CROWN lorlatinib is best for brain mets",
    "in general G1202R needs lorlatinib",
    "generally ALK positive patients with brain mets get alectinib",
    "typically SCLC transformation is treated with carboplatin etoposide",
    "usually MET amplification is treated with crizotinib or capmatinib",
    "in most cases SCLC transformation needs platinum etoposide",
    "G1202R usually responds to lorlatinib",
    "MET amplification typically emerges after lorlatinib",
    "brain mets usually respond to alectinib",
    "alectinib it is good for brain mets",
    "brigatinib it works on L1196M",
    "G1202R it responds to lorlatinib",
    "brain mets they respond to alectinib",
    "G1202R is resistant to alectinib so would lorlatinib work",
    "L1196M is sensitive to brigatinib so should we use it",
    "I1171N is resistant to alectinib, which TKI then",
    "G1202R confers resistance to brigatinib so what would you use",
    # 3. feedback, a patient the writer once had
    "thanks, that was helpful about lorlatinib",
    "thanks, very helpful about MET amp",
    "thank you for the explanation on brain mets",
    "great answer about G1202R",
    "great explanation about lorlatinib dosing",
    "this was useful re G1202R",
    "your answer on brain mets was wrong",
    "your reply about brain mets was helpful",
    "ok understood lorlatinib for G1202R",
    "ok got it about SCLC transformation",
    "noted about MET amp",
    "noted re MET amp and capmatinib",
    "I had a patient with MET amp who responded to capmatinib",
    "we had a case of SCLC transformation after alectinib last year",
]


@pytest.mark.parametrize("text", QUESTIONS)
def test_question_reads_nothing(text):
    assert_reads_exactly(text, {})


CONTROLS = [
    ("ECOG 1, G1202R on rebiopsy - lorlatinib?", {"ecog": 1, "alk_mutations": ["G1202R"]}),
    ("G1202R on rebiopsy after alectinib, would lorlatinib work", {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
    ("she has G1202R on tissue so would lorlatinib work", {"alk_mutations": ["G1202R"]}),
    ("our patient has G1202R after alectinib, which TKI", {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
    ("Our patient has MET amp after lorlatinib, which regimen you prefer",
     {"bypass_alterations": ["MET_amplification"], "prior_tkis": ["lorlatinib"]}),
    ("the patient is ECOG 2 and has brain mets, is lorlatinib ok", {"ecog": 2, "brain_metastases": True}),
    ("Rebiopsy after alectinib: G1202R. Lorlatinib for G1202R good or not",
     {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
    ("Thanks. She has G1202R on rebiopsy after alectinib", {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
    ("thanks, she has brain mets on alectinib", {"brain_metastases": True, "prior_tkis": ["alectinib"]}),
    ("In CROWN she received lorlatinib, now progressed with G1202R",
     {"prior_tkis": ["lorlatinib"], "alk_mutations": ["G1202R"]}),
    ("In the CROWN trial, she received lorlatinib and had G1202R later",
     {"prior_tkis": ["lorlatinib"], "alk_mutations": ["G1202R"]}),
    ("Plan: switch to lorlatinib; G1202R is resistant to alectinib", {"alk_mutations": ["G1202R"]}),
    ("Switch to lorlatinib; G1202R confers resistance to 2nd generation TKIs including brigatinib",
     {"alk_mutations": ["G1202R"]}),
    ("ECOG 1 on alectinib, brain mets stable, tolerating it fine", {"ecog": 1, "prior_tkis": ["alectinib"]}),
    ("Alectinib tolerated fine, LFTs ok", {"prior_tkis": ["alectinib"]}),
    ("lorlatinib 100 mg daily since 2022", {"prior_tkis": ["lorlatinib"]}),
    ("Histologically it is adenocarcinoma, ALK positive", {"histology": "adenocarcinoma", "alk_positive": True}),
    ("Generally well, ECOG 1, on alectinib", {"ecog": 1, "prior_tkis": ["alectinib"]}),
    ("she usually has ECOG 1", {"ecog": 1}),
    ("the patient usually takes alectinib with food", {"prior_tkis": ["alectinib"]}),
    ("Understood. ECOG is 2 now", {"ecog": 2}),
    ("your answer was wrong, ECOG is 2", {"ecog": 2}),
    ("I disagree because ECOG is 2 now", {"ecog": 2}),
    ("noted: G1202R on rebiopsy", {"alk_mutations": ["G1202R"]}),
    ("We had a patient referred last week with G1202R after alectinib", {"alk_mutations": ["G1202R"]}),
]


@pytest.mark.parametrize("text,fields", CONTROLS)
def test_control_reads_its_findings(text, fields):
    assert_reads(text, fields)
