"""Findings the text does not state, by class of wording (precision): a clearance stated at or above the schema's
45 mL/min beside a kidney disease is no renal impairment; a finding said "not known" or "unknown" is not stated;
a seizure told as long-standing epilepsy's or as an antiepileptic drug's indication is not the progression's symptom;
chemotherapy only asked about, or judged unsuitable, is no chemotherapy received. Each class with near-misses that
must still be read."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_excluding, assert_reads_including, assert_reads_other_than

RENAL = "renal_impairment"


# 1. the schema's renal impairment is a clearance below 45 mL/min: a kidney disease told with a clearance or eGFR at or
# above 45 is not it
@pytest.mark.parametrize(
    "text",
    [
        "CKD with creatinine clearance 50 mL/min.",
        "Chronic kidney disease, CrCl 62 mL/min.",
        "CKD stage 3 (eGFR 52).",
        "PMH: CKD - eGFR 48 mL/min/1.73m2 at last check.",
        "Mild renal impairment, creatinine clearance 55 ml/min.",
        "Renal insufficiency with a GFR of 58.",
        "Known CKD; CrCl is 45 mL/min.",
        "chronic kidney disease (Cr Cl 70)",
        "Comorbidities: hypertension, CKD (eGFR 66), gout.",
    ],
)
def test_a_clearance_at_or_above_45_is_no_renal_impairment(text):
    assert_reads_excluding(text, "comorbidities", [RENAL])


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: below 45, or a stage past 3a, or a kidney disease with no number (the project's reading)
        "CKD with creatinine clearance 38 mL/min.",
        "CKD stage 4 (CrCl 28 mL/min).",
        "Renal impairment, eGFR 32.",
        "Chronic kidney disease, CrCl 44 ml/min.",
        "CKD 3b.",
        "Known CKD.",
        "Renal insufficiency (clearance 42 ml/min).",
        "CrCl 30 mL/min; CKD follow-up with nephrology, previous CrCl 60 in 2021.",
    ],
)
def test_a_clearance_below_45_or_a_kidney_disease_unmeasured_is_still_renal_impairment(text):
    assert_reads_including(text, "comorbidities", [RENAL])


# 2. a finding said not known, unknown or queried is not stated
@pytest.mark.parametrize(
    "text, field, value",
    [
        ("Comorbidities: arterial hypertension. Dyslipidemia not known.", "comorbidities", "hyperlipidemia"),
        ("Diabetes: unknown.", "comorbidities", "diabetes"),
        ("Hypercholesterolaemia status unknown.", "comorbidities", "hyperlipidemia"),
        ("History of depression is not known.", "comorbidities", "psychiatric_history"),
        ("Past history: heart failure, ILD unknown, smoker.", "comorbidities", "interstitial_lung_disease"),
        ("It is not known whether he has diabetes.", "comorbidities", "diabetes"),
        ("Unknown if she has cirrhosis.", "comorbidities", "hepatic_impairment"),
    ],
)
def test_a_comorbidity_not_known_is_not_read(text, field, value):
    assert_reads_excluding(text, field, [value])


@pytest.mark.parametrize(
    "text, field",
    [
        ("Brain metastases: unknown.", "brain_metastases"),
        ("Leptomeningeal disease not known.", "leptomeningeal"),
        ("Brain mets unknown - MRI never done.", "brain_metastases"),
        ("Not known whether there are brain metastases.", "brain_metastases"),
    ],
)
def test_another_finding_not_known_is_not_read(text, field):
    assert_reads(text, {field: None})


@pytest.mark.parametrize(
    "text, field, value",
    [
        # negative controls: known, stated, or its detail unknown (the finding itself stated)
        ("Known dyslipidaemia on atorvastatin.", "comorbidities", "hyperlipidemia"),
        ("Diabetes: yes, on metformin.", "comorbidities", "diabetes"),
        ("Depression known since 2015.", "comorbidities", "psychiatric_history"),
        ("Type 2 diabetes, duration unknown.", "comorbidities", "diabetes"),
    ],
)
def test_a_comorbidity_stated_known_is_still_read(text, field, value):
    assert_reads_including(text, field, [value])


def test_brain_metastases_with_an_unknown_count_are_still_read():
    assert_reads("Brain metastases, number unknown until the MRI is reviewed.", {"brain_metastases": True})


# 3. a seizure that is long-standing epilepsy's, or an antiepileptic drug's indication on a medication list, is not the
# progression's symptom (symptomatic: "whether the progression is symptomatic", bot/render.py): nothing read, asked
@pytest.mark.parametrize(
    "text",
    [
        "Phenytoin -- seizures refractory, neurology will not change it.",
        "She takes carbamazepine for epilepsy; neurology says it cannot be changed because of poorly controlled seizures.",
        "Meds: alectinib 600 mg bid, omeprazole, phenytoin 300 mg nocte (seizures since 2019).",
        "Seizures well controlled on levetiracetam for years.",
        "Known epilepsy since childhood, last seizure 2018.",
        "Lamotrigine 100 mg BD for juvenile myoclonic epilepsy - seizure-free apart from one breakthrough seizure in 2022.",
        "Keppra 500 mg bd (seizures).",
        "Valproate for post-traumatic epilepsy with occasional seizures.",
    ],
)
def test_an_epileptic_patients_seizures_are_not_the_progressions_symptom(text):
    assert_reads_other_than(text, {"symptomatic": True})


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: a seizure of the brain disease, new, or presenting, with or without an antiepileptic
        "New seizure from the left frontal metastasis; started levetiracetam.",
        "Presented with a first seizure; levetiracetam commenced.",
        "Seizures due to brain metastases, on levetiracetam and dexamethasone.",
        "Admitted with seizures x2 today.",
        "She has had two seizures this week and headaches.",
        "Epilepsy excluded; the seizures are from the new cerebellar lesion.",
    ],
)
def test_a_seizure_of_the_disease_or_new_is_still_symptomatic(text):
    assert_reads(text, {"symptomatic": True})


# 4. chemotherapy only asked about, or judged unsuitable, is no chemotherapy received
@pytest.mark.parametrize(
    "text",
    [
        "The family had asked about chemotherapy.",
        "She had enquired about chemotherapy at the last visit.",
        "He had questions about carboplatin and pemetrexed.",
        "Fit for a targeted oral agent, not for combination chemo-immunotherapy.",
        "Not a candidate for chemo-immunotherapy given frailty.",
        "Unfit for platinum-based chemotherapy.",
        "Her son had chemotherapy for lymphoma.",
        "Had discussed chemotherapy as a later option.",
    ],
)
def test_chemotherapy_asked_about_or_unsuitable_is_none_received(text):
    assert_reads_other_than(text, {"prior_chemotherapy": True})


@pytest.mark.parametrize(
    "text",
    [
        # negative controls: chemotherapy received
        "She had carboplatin and pemetrexed in 2019 before the ALK result.",
        "He had four cycles of chemotherapy in 2018.",
        "Prior chemo-immunotherapy (carboplatin, pemetrexed, pembrolizumab) in 2020.",
        "Previously treated with platinum-based chemotherapy.",
        "Received cisplatin-vinorelbine adjuvant chemotherapy in 2017.",
    ],
)
def test_chemotherapy_received_is_still_read(text):
    assert_reads(text, {"prior_chemotherapy": True})


# 5. a relative's ALK-positive tumour is not the patient's
@pytest.mark.parametrize(
    "text",
    [
        "In the family his brother had an ALK fusion in a lymphoma (ALCL). For our patient the ALK status is still in work.",
        "Her sister had ALK-positive lymphoma. Patient's ALK testing is pending.",
    ],
)
def test_a_relatives_alk_fusion_is_not_the_patients(text):
    assert_reads(text, {"alk_positive": None})
