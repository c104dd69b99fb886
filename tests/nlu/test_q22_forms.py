"""Questions that changed the case (set 22's tuned questions: restaging notes, oncologic-history summaries, tele-oncology
requests, sign-out lines), mended as classes. A question never changes the case: each of these reads nothing, and a
finding it supposes is the scenario's (extractor.scenario_fields, what the what-if answer compares), not the case's.

1. A failure to come, in a time clause told in the present or the future tense ("After lorlatinib fails, what are
   the options?", "When alectinib stops working, lorla or brig?", "Once she progresses on brigatinib, which chemo?"):
   a condition, as "if lorlatinib fails" is (clinical_phrases.yml `conditional`).
2. A drug named as the topic of the question after it, a colon, a dash or a comma between, alone or with what it is
   asked with, a condition, another drug or food ("Lorlatinib and a history of depression - how risky?", "Lorlatinib
   in Child-Pugh B - any dosing data?", "Lorlatinib: safe in pregnancy?", "Lorlatinib with atorvastatin -
   interaction?"), or that condition first ("Child-Pugh B and lorlatinib - any data?"), when the question asks about
   the drug itself: its risk, dose, interactions, evidence (`asks_about_topic`, Questions._topic_asked).
3. Doses compared: a drug's dose against another, or two ways of giving it ("Ceritinib 450 with food vs 750 fasting -
   any difference in efficacy?", "Brigatinib 90 vs 180 - which?"): a question about the drug, not its receipt.
4. A premise leading a question to its comma or dash, indefinite, naming no patient ("With CrCl 35, is pemetrexed
   out?", "Given G1202R, would you give lorlatinib?", "Considering Child-Pugh B, what dose?"): supposed, as "for a
   G1202R, what would you give?" is (`supposition_lead`); and a bare finding a colon or a dash leads to a question
   about a therapy ("CrCl 35 - is pemetrexed out?", "G1202R - is lorlatinib the only option?"), as "ECOG 2 - still
   give carbo pem?" is (Questions._premise_of_a_therapy_asked). The convention kept: a premise that names this patient or has a
   determiner ("Given her CrCl of 35, ...?", "With the brain mets, ...?") is her finding, as "For her leptomeningeal
   disease, ...?" is (tests/nlu/test_generic_question_forms.py); but "Given ..., is pemetrexed out?" no longer reads
   a chemotherapy given past the question's comma (the `prior_chemotherapy` cue "given ... pemetrexed").

Controls: the past ("After lorlatinib failed, she started chemo."), a noun ("After progression on lorlatinib, ...?"),
a history before a question about this patient's next step ("After crizotinib and alectinib, which one next?"), a
statement with no question ("Lorlatinib - stopped for depression.", "With CrCl 35 she is on pemetrexed."), a premise
telling this patient's course ("PD on alec - lorla?", "Alectinib 600 bid since 2021 - any data on stopping?", "She is
on lorlatinib and has a history of depression - how risky?"), a question about the next step ("Alectinib and G1202R -
what next?"), and a case pasted before a question, whose findings stay read. Phrasings of our own, as clinicians write
them at the point of care; none but the four of set 22 quoted in the brief is a sentence of the independent sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads

# ---- 1. a failure to come -----------------------------------------------------------------------------------------

_TO_COME = [
    "After lorlatinib fails, what are the options besides chemo?",
    "After brigatinib fails, is lorlatinib still active?",
    "When alectinib stops working, lorla or brig?",
    "When alectinib stops working, would you rebiopsy first?",
    "Once she progresses on brigatinib, which chemo would you pick?",
    "Once lorlatinib fails, is there anything beyond platinum doublet?",
    "After lorlatinib eventually fails, what then?",
    "When brigatinib no longer works, do we have trials for her?",
    "If and when lorlatinib fails, what next?",
    "By the time lorlatinib stops working, will there be 4th-gen TKIs?",
    "Once crizotinib will fail, what is usually given?",
    "After alectinib fails, lorlatinib or brigatinib?",
    "whenever lorla stops working what would u give",
    "when alectinib becomes resistant, should we repeat NGS?",
    "Once resistance to lorlatinib develops, what next?",
    "When progression occurs on lorlatinib, which chemo?",
]

# ---- 2. a drug named as the question's topic ----------------------------------------------------------------------

_TOPIC = [
    "Lorlatinib and a history of depression - how risky?",
    "Lorlatinib in Child-Pugh B - any dosing data?",
    "Lorlatinib: safe in pregnancy?",
    "Lorlatinib: is it safe in pregnancy?",
    "Lorlatinib with atorvastatin - interaction?",
    "Lorlatinib and statins - any interaction?",
    "Alectinib in severe hepatic impairment - dose?",
    "Lorlatinib with carbamazepine - contraindicated?",
    "Ceritinib and QTc prolongation - how risky?",
    "Crizotinib in renal failure - dose adjustment?",
    "Brigatinib and diabetes - any issues?",
    "Alectinib and warfarin - safe together?",
    "Lorlatinib in depression - ok to start?",
    "Brigatinib in ILD history: any data?",
    "Lorlatinib in Child-Pugh B: what dose?",
    "Child-Pugh B and lorlatinib - any data?",
    "Depression and lorlatinib - how risky?",
    "Pregnancy and alectinib - safe?",
    "Brigatinib with amlodipine - dose change?",
    "Alectinib with food - does it matter?",
    "Lorlatinib after alectinib - how good is the data?",
    "Lorlatinib after alectinib: expected PFS?",
    "Alectinib in brain mets - intracranial response rate?",
    "Lorlatinib in a 40-year-old woman - contraception needed?",
    "Pemetrexed with CrCl 35 - safe?",
    "Carboplatin AUC 5 with CrCl 35 - ok?",
    "Lorlatinib in Child-Pugh B - can it be used?",
    "Lorlatinib with statins - can she take it?",
    "Brigatinib and hypertension - any precautions?",
    "Lorlatinib in Child-Pugh B - need to adjust?",
    "Alectinib in CKD 4 - what about dosing?",
]

# ---- 3. doses compared --------------------------------------------------------------------------------------------

_DOSES = [
    "Ceritinib 450 with food vs 750 fasting - any difference in efficacy?",
    "Ceritinib 450 with food vs 750 fasting, any difference?",
    "Ceritinib 450 fed vs 750 fasted: does food matter?",
    "Alectinib 600 bid vs 300 bid - any difference?",
    "Brigatinib 90 vs 180 - which?",
    "Lorlatinib 100 mg vs 75 mg - any difference in efficacy?",
    "Crizotinib 250 bid or 200 bid - how much difference?",
    "Brigatinib 180 with food - ok?",
    "Lorlatinib 100 or 75 mg?",
    "Alectinib 450 bid vs 600 bid: is there a difference in CNS efficacy?",
    "Ceritinib 450 with food - as effective as 750?",
]

# ---- 4. an indefinite premise leading a question ------------------------------------------------------------------

_PREMISE = [
    ("With CrCl 35, is pemetrexed out?", {"comorbidities": ["renal_impairment"]}),
    ("With a CrCl of 35, can we still give pemetrexed?", {"comorbidities": ["renal_impairment"]}),
    ("Given CrCl 35 ml/min, would you dose-reduce carboplatin?", {"comorbidities": ["renal_impairment"]}),
    ("Given G1202R, would you give lorlatinib?", {"alk_mutations": ["G1202R"]}),
    ("With ECOG 3, would you still give lorlatinib?", {"ecog": 3}),
    ("Considering Child-Pugh B, what dose of lorlatinib?", {"comorbidities": ["hepatic_impairment"]}),
    ("Now with ECOG 3, should we stop?", {"ecog": 3}),
    ("With brain mets, is lorlatinib preferred?", {"brain_metastases": True}),
    ("With eGFR 28, is pemetrexed contraindicated?", {"comorbidities": ["renal_impairment"]}),
    ("Given MET amplification, does capmatinib plus lorlatinib make sense?",
     {"bypass_alterations": ["MET_amplification"]}),
    ("With leptomeningeal disease, would you use intrathecal therapy?", {"leptomeningeal": True}),
    ("In the setting of a G1202R, which TKI is best?", {"alk_mutations": ["G1202R"]}),
    ("With CrCl 35 - is pemetrexed out?", {"comorbidities": ["renal_impairment"]}),
    ("In someone with CrCl 35, is pemetrexed out?", {"comorbidities": ["renal_impairment"]}),
    ("Given brain mets, SRS first or lorlatinib?", {"brain_metastases": True}),
    ("With CrCl 35, pemetrexed?", {"comorbidities": ["renal_impairment"]}),
    # a bare finding a colon or a dash leads to a question about a therapy, as "ECOG 2 - still give carbo pem?"
    ("CrCl 35 - pemetrexed out?", {"comorbidities": ["renal_impairment"]}),
    ("CrCl 35: pemetrexed still ok?", {"comorbidities": ["renal_impairment"]}),
    ("CrCl 35 - is pemetrexed out?", {"comorbidities": ["renal_impairment"]}),
    ("G1202R - is lorlatinib the only option?", {"alk_mutations": ["G1202R"]}),
    ("Depression history - is lorlatinib contraindicated?", {"comorbidities": ["psychiatric_history"]}),
    ("History of depression: avoid lorlatinib?", {"comorbidities": ["psychiatric_history"]}),
    ("Child-Pugh B - what dose of lorlatinib?", {"comorbidities": ["hepatic_impairment"]}),
]


@pytest.mark.parametrize("text", _TO_COME + _TOPIC + _DOSES + [t for t, _ in _PREMISE])
def test_a_question_changes_nothing(text: str) -> None:
    assert extractor.extract_case(text) == {}, (text, extractor.extract_case(text))


@pytest.mark.parametrize("text", ["After lorlatinib fails, what are the options besides chemo?",
                                  "Lorlatinib in Child-Pugh B - any dosing data?",
                                  "Ceritinib 450 with food vs 750 fasting - any difference in efficacy?",
                                  "With CrCl 35, is pemetrexed out?"])
def test_it_is_a_question(text: str) -> None:
    assert extractor.message_asks(text) and extractor.message_is_question(text), text


@pytest.mark.parametrize(("text", "fields"), _PREMISE, ids=[t for t, _ in _PREMISE])
def test_the_premise_is_the_scenario(text: str, fields: dict) -> None:
    scenario = extractor.scenario_fields(text)
    assert all(scenario.get(k) == v for k, v in fields.items()), (text, scenario)


# ---- 5. controls: findings told, the past, this patient's premise, a case before its question ---------------------

_STATED = [
    # the past, a noun, a history before this patient's next step
    ("After lorlatinib failed, she started chemo.", {"prior_tkis": ["lorlatinib"], "prior_chemotherapy": True}),
    ("After lorlatinib failed, what are the options?", {"prior_tkis": ["lorlatinib"]}),
    ("When alectinib stopped working, she switched to lorlatinib.", {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ("Once she progressed on brigatinib, carboplatin-pemetrexed was started.",
     {"prior_tkis": ["brigatinib"], "prior_chemotherapy": True}),
    ("After progression on lorlatinib, what are the options?", {"prior_tkis": ["lorlatinib"]}),
    ("After crizotinib and alectinib, which one next?", {"prior_tkis": ["crizotinib", "alectinib"]}),
    ("She is on alectinib; when it fails, we plan lorlatinib.", {"prior_tkis": ["alectinib"]}),
    ("She progressed on alectinib. When lorlatinib fails, what then?", {"prior_tkis": ["alectinib"]}),
    # a drug and a condition told, no question
    ("Lorlatinib - stopped for depression.",
     {"prior_tkis": ["lorlatinib"], "intolerant_tkis": ["lorlatinib"], "comorbidities": ["psychiatric_history"]}),
    ("Lorlatinib and a history of depression.", {"prior_tkis": ["lorlatinib"], "comorbidities": ["psychiatric_history"]}),
    ("Lorlatinib in Child-Pugh B since March.", {"prior_tkis": ["lorlatinib"], "comorbidities": ["hepatic_impairment"]}),
    ("Lorlatinib 100 mg with food.", {"prior_tkis": ["lorlatinib"]}),
    ("Lorlatinib, history of depression - started sertraline.",
     {"prior_tkis": ["lorlatinib"], "comorbidities": ["psychiatric_history"]}),
    ("Ceritinib 450 with food since March, tolerating well.", {"prior_tkis": ["ceritinib"]}),
    ("Ceritinib 750 fasting, switched to 450 with food for diarrhoea.",
     {"prior_tkis": ["ceritinib"], "intolerant_tkis": ["ceritinib"]}),
    ("Lorlatinib 100 mg -> 75 mg for oedema.", {"prior_tkis": ["lorlatinib"]}),
    # the course told before a question, or a question about this patient's next step
    ("Alectinib 3y, PD - what next?", {"prior_tkis": ["alectinib"]}),
    ("Alectinib and G1202R - what next?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
    ("Alectinib: what next?", {"prior_tkis": ["alectinib"]}),
    ("PD on alec - lorla?", {"prior_tkis": ["alectinib"]}),
    ("alectinib 3y, PD, G1202R - lorlatinib?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
    ("She is on lorlatinib and has a history of depression - how risky?",
     {"prior_tkis": ["lorlatinib"], "comorbidities": ["psychiatric_history"]}),
    ("On lorlatinib with depression - how risky to continue?",
     {"prior_tkis": ["lorlatinib"], "comorbidities": ["psychiatric_history"]}),
    ("Lorlatinib and depression: dose reduced to 75 mg - ok?",
     {"prior_tkis": ["lorlatinib"], "comorbidities": ["psychiatric_history"]}),
    ("Alectinib 600 bid since 2021 - any data on stopping?", {"prior_tkis": ["alectinib"]}),
    # a vignette's present after a history, a past event, a statement closed by a question
    ("A 60-year-old woman on lorlatinib after progression on alectinib develops new bone and nodal disease. Next step?",
     {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ("When she developed brain mets, lorlatinib was started.", {"brain_metastases": True, "prior_tkis": ["lorlatinib"]}),
    ("With CrCl 35, she was given pemetrexed 75%.", {"comorbidities": ["renal_impairment"], "prior_chemotherapy": True}),
    ("With brain mets and ECOG 1 she started lorlatinib - correct?",
     {"brain_metastases": True, "ecog": 1, "prior_tkis": ["lorlatinib"]}),
    ("Lorlatinib - dose reduced to 75 mg for oedema.", {"prior_tkis": ["lorlatinib"]}),
    # a premise told: a statement, this patient's, after a word
    ("With CrCl 35 she is on pemetrexed.", {"comorbidities": ["renal_impairment"], "prior_chemotherapy": True}),
    ("With CrCl 35, she gets pemetrexed at a reduced dose.", {"comorbidities": ["renal_impairment"]}),
    ("Given her CrCl of 35, is pemetrexed out?", {"comorbidities": ["renal_impairment"], "prior_chemotherapy": None}),
    ("With the brain mets, is SRS reasonable?", {"brain_metastases": True}),
    ("Progressed on alectinib with G1202R, what next?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
    ("CrCl 35. Is pemetrexed out?", {"comorbidities": ["renal_impairment"]}),
    ("Given the G1202R, lorlatinib was started.", {"alk_mutations": ["G1202R"], "prior_tkis": ["lorlatinib"]}),
    ("ECOG 2, CrCl 35, on alectinib. With that, is pemetrexed out?",
     {"ecog": 2, "comorbidities": ["renal_impairment"], "prior_tkis": ["alectinib"]}),
    # a premise told: after a comma, of more than one clause, of this patient, with her course, or before a question
    # that names no therapy
    ("G1202R - what next?", {"alk_mutations": ["G1202R"]}),
    ("G1202R, is lorlatinib the only option?", {"alk_mutations": ["G1202R"]}),
    ("She has CrCl 35 - is pemetrexed out?", {"comorbidities": ["renal_impairment"]}),
    ("Liver PD on alectinib - is lorlatinib ok?", {"prior_tkis": ["alectinib"]}),
    ("ECOG 1, G1202R - is lorlatinib ok?", {"ecog": 1, "alk_mutations": ["G1202R"]}),
    ("CrCl 35 since May - is pemetrexed out?", {"comorbidities": ["renal_impairment"]}),
    # a case pasted before the question: the case is read, the question's drug is not
    ("Alectinib 3y, then PD in liver; G1202R on rebiopsy; ECOG 1. Lorlatinib in Child-Pugh B - any dosing data?",
     {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"], "ecog": 1, "comorbidities": None}),
    ("72F, alectinib since 2021, now PD with new brain mets, ECOG 1. After lorlatinib fails, what then?",
     {"prior_tkis": ["alectinib"], "brain_metastases": True, "ecog": 1}),
    ("Lorlatinib 100 mg since 03/2024, now PD. Ceritinib 450 with food vs 750 fasting - any difference?",
     {"prior_tkis": ["lorlatinib"]}),
]


@pytest.mark.parametrize(("text", "fields"), _STATED, ids=[t for t, _ in _STATED])
def test_a_finding_told_is_read(text: str, fields: dict) -> None:
    assert_reads(text, fields)
