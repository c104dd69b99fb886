"""Comorbidities told in forms the phrase table did not read: a pneumonitis named as the toxicity a TKI was stopped for
after the word "toxicity" (in a parenthesis, after a dash or a colon), psychiatric diagnoses other than depression and
a suicide attempt, and depression named only as a scale, a screen or its symptoms (no psychiatric history). Each form
in several phrasings of our own, with near-misses that must not change the case (a denial, a doubt, a relative's
condition, a question)."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

ILD = "interstitial_lung_disease"
PSY = "psychiatric_history"


def _comorbidities(text):
    return assert_reads(text, {}).get("comorbidities") or []


# ---- a lung toxicity named right after "toxicity" as a TKI's stop's reason: a history of pneumonitis; psychiatric
# diagnoses beside depression and a suicide attempt: a psychiatric history -----------------------------------------


@pytest.mark.parametrize("text, value", [
    ("Brigatinib 2023-2024, stopped for toxicity (grade 2 pneumonitis).", ILD),
    ("1L brigatinib - discontinued because of pulmonary toxicity (early-onset pneumonitis, needed steroids)", ILD),
    ("TKI 2: brigatinib 2022-03 to 2022-04 (stopped: toxicity - pneumonitis)", ILD),
    ("Alectinib, then brigatinib, which was stopped after 10 days for toxicity: ILD on CT.", ILD),
    ("Past history: panic disorder, treated with CBT in 2015.", PSY),
    ("She made one suicide attempt in 2019 and is followed by psychiatry.", PSY),
    ("Known post-traumatic stress disorder, stable on sertraline.", PSY),
    ("PTSD after a road traffic accident.", PSY),
    ("Attempted suicide in 2021; mood now stable.", PSY),
])
def test_the_named_condition_is_read(text, value):
    assert value in _comorbidities(text)


@pytest.mark.parametrize("text, value", [
    ("Brigatinib stopped for toxicity (not pneumonitis; grade 3 rash).", ILD),
    ("Brigatinib stopped for toxicity (suspected pneumonitis, later ruled out as infection).", ILD),
    ("Brigatinib stopped for toxicity (hepatitis); no pneumonitis on CT.", ILD),
    ("Brigatinib stopped for toxicity (?pneumonitis), CT clear.", ILD),
    ("Her brother's brigatinib was stopped for toxicity (pneumonitis).", ILD),
    ("If brigatinib has to be stopped for toxicity (pneumonitis), what comes next?", ILD),
    ("No history of panic disorder or suicide attempts.", PSY),
    ("Denies any prior suicide attempt.", PSY),
    ("His father had panic disorder.", PSY),
    ("Should we screen for suicide attempts before lorlatinib?", PSY),
    ("Geriatric Depression Scale 3/15.", PSY),
    ("Depression screen (PHQ-2) negative.", PSY),
])
def test_a_denied_doubted_asked_screened_or_relatives_condition_is_not_read(text, value):
    assert value not in _comorbidities(text)


# ---- depression named as a scale, a screen or its symptoms beside a denied psychiatric history ----------------------


def test_depressive_symptoms_beside_no_psychiatric_history_keep_the_other_comorbidities():
    text = (
        "Geriatric screen: MMSE 26; mild depression symptoms (GDS 7), no prior psychiatric history.\n"
        "Comorbidities: heart failure, hypercholesterolaemia."
    )
    assert sorted(_comorbidities(text)) == ["cardiovascular_disease", "hyperlipidemia"]


@pytest.mark.parametrize("text", [
    "Longstanding depression on citalopram.",
    "PMH: depression since 2018.",
])
def test_depression_itself_is_still_a_psychiatric_history(text):
    assert PSY in _comorbidities(text)


# ---- a lipid-lowering drug given for a lipid is a lipid disorder; a graded lipid rise a TKI was stopped for is the
# TKI's adverse event, also as a table cell's stop ------------------------------------------------------------------


@pytest.mark.parametrize("text, read", [
    ("2023: rosuvastatin started for her triglycerides", True),
    ("* Crestor 10 mg (cholesterol)", True),
    ("Meds: ezetimibe 10 mg daily (for raised LDL), amlodipine 5 mg", True),
    ("PMH: grade 2 hypercholesterolaemia on atorvastatin.", True),
    ("Lorlatinib stopped: progression. Known hypertriglyceridaemia on fenofibrate.", True),
    ("Her husband takes Lipitor 20 mg (cholesterol).", False),
    ("Is it worth starting a statin for her triglycerides?", False),
    ("Nystatin (cholesterol)", False),
    ("Line 3 | lorlatinib | 2024-2025 | stopped: grade 3 hypercholesterolaemia", False),
    ("Lorlatinib 2024-2025, held: G3 hypertriglyceridaemia; restarted at 75 mg.", False),
])
def test_a_lipid_lowering_drug_for_a_lipid_is_hyperlipidaemia_a_graded_stop_is_not(text, read):
    assert ("hyperlipidemia" in _comorbidities(text)) is read
