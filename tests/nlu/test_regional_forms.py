"""Regional and institutional conventions: NHS letters and MDT outcomes, Australian/NZ and Canadian notes, Indian and
South-East Asian hospital notes, European authors' English (decimal commas, German and Dutch medical words), US
smart-phrases, pathway-tool and insurer exports. Each form in phrasings of our own, with the near-misses that must
read otherwise; not taken from the independent sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- a TKI asked for, applied for, chosen by a pathway tool or unaffordable: not received -------------------------


@pytest.mark.parametrize("text", [
    "Insurance: prior auth submitted for Lorbrena 100 mg #30.",
    "Prior authorisation sent for lorlatinib 100 mg daily.",
    "PA pending for Alunbrig 180 mg.",
    "Funding request submitted for lorlatinib via the CDF.",
    "PBS authority application (Australia): lorlatinib, WHO PS 1.",
    "Blueteq form: lorlatinib 100 mg od.",
    "IPA request - brigatinib 90 mg for 7 days then 180 mg.",
    "Request for prior authorization: Lorbrena (lorlatinib) 100 mg daily.",
    "Application for funding: brigatinib.",
    "Selected regimen: lorlatinib 100 mg PO daily",
    "Proposed regimen: brigatinib 180 mg daily | On pathway: YES",
    "Patient cannot afford lorlatinib; applied to the patient assistance programme.",
    "Family unable to afford brigatinib at present.",
])
def test_a_tki_applied_for_or_chosen_is_not_received(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text, tkis", [
    ("Request for prior authorization: Lorbrena (lorlatinib) 100 mg daily. Member progressed on Alecensa (alectinib).",
     ["alectinib"]),
    ("PBS authority application (Australia): lorlatinib, patient progressed on alectinib, WHO PS 1.", ["alectinib"]),
    ("Blueteq form: lorlatinib for ALK-positive NSCLC progressed after alectinib.", ["alectinib"]),
    ("Prior agents: alectinib | Selected regimen: lorlatinib 100 mg PO daily", ["alectinib"]),
])
def test_the_tki_received_beside_the_one_applied_for(text: str, tkis: list[str]) -> None:
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text, tkis", [
    # near-misses: the TKI taken, not asked for
    ("Prior authorisation was approved and lorlatinib started in May.", ["lorlatinib"]),
    ("She could not afford crizotinib at first, so she received alectinib via the access scheme since 2021.",
     ["alectinib"]),
    ("Progressed on alectinib 600 mg bd.", ["alectinib"]),
])
def test_a_tki_taken_beside_an_access_word_is_received(text: str, tkis: list[str]) -> None:
    assert_reads(text, {"prior_tkis": tkis})


# ---- a plan's items numbered or bulleted --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Plan: 1. Lorlatinib 100 mg od via Blueteq. 2. Fasting lipids at baseline. 3. Review in four weeks.",
    "Plan:\n1. Lorlatinib 100 mg od\n2. Lipids and TFTs",
    "Plan: a) lorlatinib 100 mg OD b) lipid profile",
    "Plan:\n- lorlatinib once funded\n- lipids",
    "Outcome: 1) Lorlatinib via CDF.",
    "Plan: 1. Fasting lipids. 2. Lorlatinib 100 mg od.",
    "MDT outcome: 1. Brain MRI. 2. Brigatinib if funded.",
])
def test_a_tki_in_a_numbered_plan_is_planned(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text, tkis", [
    ("Plan: 1. Continue alectinib 600 mg bd. 2. MRI brain in 3 months.", ["alectinib"]),
    ("Plan: 1. Lipids. 2. Review.\nHx: alectinib 2019-2024.", ["alectinib"]),
])
def test_a_tki_taken_in_or_after_a_numbered_plan(text: str, tkis: list[str]) -> None:
    assert_reads(text, {"prior_tkis": tkis})


# ---- a dosage form before a drug's name (Indian and South-East Asian prescriptions) --------------------------------


@pytest.mark.parametrize("text", [
    "Advice: to start Tab. Alectinib (generic) 150 mg 4 caps BD after food once the ALK report is available.",
    "Plan to start Tab. Lorlatinib 100 mg OD after lipid profile.",
    "Consider Cap. Lorlatinib 100 mg OD.",
    "Advised to start Tab. Brigatinib 90 mg OD x 7 days.",
])
def test_a_tki_to_start_after_a_dosage_form_is_not_received(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text, tki", [
    ("Tab. Alectinib 600 mg BD since 2021.", "alectinib"),
    ("On Cap. Crizotinib 250 mg BD from 2019 to 2020.", "crizotinib"),
    ("Progressed on Tab. Ceritinib 450 mg OD.", "ceritinib"),
])
def test_a_tki_taken_after_a_dosage_form_is_received(text: str, tki: str) -> None:
    assert_reads(text, {"prior_tkis": [tki]})


# ---- another person named "of the patient" ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The sister of the patient, treated in Zürich, received lorlatinib for the same disease.",
    "The sister of the patient received lorlatinib.",
    "The mother of the patient was treated with crizotinib.",
    "The brother of our patient is on alectinib.",
    "The husband of the patient takes carbamazepine.",
])
def test_a_relative_of_the_patient_is_not_the_patient(text: str) -> None:
    found = assert_reads(text, {"prior_tkis": None})
    assert found.get("strong_cyp3a_inducer") is None, (text, found)


@pytest.mark.parametrize("text, fields", [
    ("The patient, mother of two, received lorlatinib.", {"prior_tkis": ["lorlatinib"]}),
    ("Father of three, on alectinib since 2020.", {"prior_tkis": ["alectinib"]}),
])
def test_the_patient_named_as_a_parent_is_the_patient(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- a CYP3A key named with the list it was checked on, and a medication review's denial --------------------------


@pytest.mark.parametrize("text, fields", [
    ("CYP3A inducer on med rec: None", {"strong_cyp3a_inducer": False}),
    ("Strong CYP3A inducers on medication list: nil", {"strong_cyp3a_inducer": False}),
    ("CYP3A inhibitor on med rec: none", {"strong_cyp3a_inhibitor": False}),
    ("CYP3A4 inhibitors per medication reconciliation: none", {"strong_cyp3a_inhibitor": False}),
    ("none of the 29 meds listed are strong CYP3A inducers/inhibitors per pharmacy review",
     {"strong_cyp3a_inducer": False, "strong_cyp3a_inhibitor": False}),
    ("None of her medications is a strong CYP3A inducer.", {"strong_cyp3a_inducer": False}),
    ("None of the current medications are known strong CYP3A4 inhibitors.", {"strong_cyp3a_inhibitor": False}),
])
def test_no_cyp3a_drug_on_the_list(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, fields", [
    ("CYP3A inducer on med rec: carbamazepine", {"strong_cyp3a_inducer": True}),
    ("Strong CYP3A inhibitors on med rec: itraconazole", {"strong_cyp3a_inhibitor": True}),
    ("None of the other drugs matter, but she takes rifampicin.", {"strong_cyp3a_inducer": True}),
])
def test_a_cyp3a_drug_on_the_list(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- the specimen: a liquid biopsy at progression, a rebiopsy not possible ----------------------------------------


@pytest.mark.parametrize("text, biopsy", [
    ("The liquid biopsy at progression shows no mutation of resistance in ALK.", "plasma"),
    ("Liquid bx (Guardant) sent at PD - ALK L1196M detected.", "plasma"),
    ("Liquid biopsy at PD: ALK G1202R.", "plasma"),
    ("liquid bx showed EML4-ALK only", "plasma"),
    ("Biopsy at progression showed adenocarcinoma.", "tissue"),
    ("Rebx of the liver showed G1202R.", "tissue"),
])
def test_a_liquid_biopsy_at_progression_is_plasma(text: str, biopsy: str) -> None:
    assert_reads(text, {"biopsy": biopsy})


@pytest.mark.parametrize("text", [
    "pt not a candidate for rebiopsy per IR (lesion not accessible); declined liquid biopsy.",
    "Not suitable for re-biopsy (lesion too close to the aorta).",
    "Unfit for repeat biopsy.",
    "He is not a candidate for a biopsy given his PS.",
    "Not amenable to rebiopsy.",
])
def test_a_rebiopsy_not_possible_is_no_biopsy(text: str) -> None:
    assert_reads(text, {"biopsy": "none"})


# ---- European authors' English: decimal commas, German medical words -----------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("MET-FISH: MET/CEP7-ratio 4,6; mean MET copy number 9,2 per cell — amplification.", "MET_amplification"),
    ("MET/CEP7-ratio 5,1", "MET_amplification"),
    ("MET/CEP7-Ratio: 4,2", "MET_amplification"),
    ("mean MET copy number 9,2 per cell — amplification.", "MET_amplification"),
    ("MET copy number 7,5 per cell, amplified", "MET_amplification"),
    ("MET/CEP7-ratio 2,4", "MET_gain"),
])
def test_a_met_ratio_or_copy_number_with_a_decimal_comma(text: str, value: str) -> None:
    assert_reads(text, {"bypass_alterations": [value]})


@pytest.mark.parametrize("text", [
    "MET/CEP7-ratio 1,1",
    "MET/CEP7-ratio 4,6, not amplified",
    "mean MET copy number 2,1 per cell",
])
def test_a_met_number_below_the_cut_offs_or_called_negative(text: str) -> None:
    found = assert_reads(text, {})
    assert "MET_amplification" not in found.get("bypass_alterations", []), (text, found)


@pytest.mark.parametrize("text, tps", [
    ("PD-L1 (TPS) 5 %, TC 5 %.", 5),
    ("PD-L1 (TPS) 60%", 60),
    ("PD-L1 (TC) 30 %", 30),
    ("PD-L1 (TPS): 80 %", 80),
    ("PD-L1 (22C3) 5 %", 5),
])
def test_pdl1_with_its_score_in_brackets(text: str, tps: int) -> None:
    assert_reads(text, {"pdl1_tps": tps})


@pytest.mark.parametrize("text, value", [
    ("Cerebral MRI: two new metastases, no meningeosis carcinomatosa.", False),
    ("Meningeosis carcinomatosa confirmed by CSF cytology.", True),
    ("MRI: meningeosis neoplastica.", True),
    ("No evidence of meningiosis carcinomatosa.", False),
])
def test_meningeosis(text: str, value: bool) -> None:
    assert_reads(text, {"leptomeningeal": value})


@pytest.mark.parametrize("text, comorbidity", [
    ("Accompanying diseases: arterial hypertension, hypercholesterinemia.", "hyperlipidemia"),
    ("Hypercholesterinaemia on simvastatin.", "hyperlipidemia"),
    ("Anamnesis of a depressive episode 2015, psychotherapeutically treated.", "psychiatric_history"),
    ("Recurrent depressive disorder.", "psychiatric_history"),
    ("Comorbidities: previous TIA 2019.", "cardiovascular_disease"),
    ("h/o TIA, on clopidogrel", "cardiovascular_disease"),
    ("Transient ischaemic attack in 2018.", "cardiovascular_disease"),
    ("Creatinine-clearance 41 ml/min.", "renal_impairment"),
])
def test_european_and_nhs_comorbidity_words(text: str, comorbidity: str) -> None:
    found = assert_reads(text, {})
    assert comorbidity in found.get("comorbidities", []), (text, found)


@pytest.mark.parametrize("text", [
    "Tia, her daughter, attended clinic.",
    "Creatinine-clearance 95 ml/min.",
    "Mood: no depressive episodes reported.",
])
def test_no_comorbidity_from_a_name_a_normal_value_or_a_denial(text: str) -> None:
    found = assert_reads(text, {})
    assert not {"cardiovascular_disease", "renal_impairment", "psychiatric_history"} & set(
        found.get("comorbidities", [])), (text, found)


# ---- no treatment now, as European authors put it -------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The patient is under no anti-tumoral therapy since 3 months.",
    "At present without tumour-specific therapy.",
    "Currently without antineoplastic treatment.",
    "Under no antitumoral treatment at the moment.",
    "Then Alecensa until 09.2025 (PD pulmonal and hepatic); at present without tumour-specific therapy.",
])
def test_no_anticancer_therapy_now(text: str) -> None:
    assert_reads(text, {"current_therapy": "none"})


@pytest.mark.parametrize("text", [
    "Without tumour-specific therapy she would progress quickly.",
    "Under alectinib since 2021, no other therapy.",
])
def test_a_therapy_now_or_a_counterfactual_is_no_none(text: str) -> None:
    assert_reads(text, {"current_therapy": None})


# ---- a letter or a note that the brain is clear ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Your recent brain scan showed no spread to the brain.",
    "No metastatic spread to the brain.",
    "Brain MRI - no e/o metastasis. CSF study not done.",
    "MRI brain: no e/o metastasis",
    "No evidence of disease in the brain.",
])
def test_no_brain_metastases_in_other_words(text: str) -> None:
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "We will scan to check for spread to the brain.",
    "Spread to the brain is the main worry.",
])
def test_a_brain_scan_to_come_states_nothing(text: str) -> None:
    assert_reads(text, {"brain_metastases": None})


# ---- pathway exports: a key with its qualifier ---------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("Patient-reported symptoms: None", False),
    ("Patient-reported symptoms: nil", False),
    ("Presenting symptoms: none", False),
    ("Patient-reported symptoms: yes", True),
    ("Current symptoms: yes (headache)", True),
])
def test_a_symptoms_key_with_its_qualifier(text: str, value: bool) -> None:
    assert_reads(text, {"symptomatic": value})


@pytest.mark.parametrize("text", [
    "Impression: CNS progression only — 2 lesions, rest of the disease in partial response; plan SRS.",
    "Brain progression only: one lesion, 6 mm.",
    "Intracranial relapse only - three lesions.",
])
def test_a_count_after_cns_progression_only(text: str) -> None:
    assert_reads(text, {"cns_lesions": "limited"})


@pytest.mark.parametrize("text, value", [
    ("Pathway export — Progression type: CNS only | CNS lesions: 2 | Leptomeningeal: No", "limited"),
    ("Number of brain metastases: 3", "limited"),
    ("Brain lesions (n): 1", "limited"),
    ("CNS lesions: 8", "extensive"),
    ("Now: PD — brain only (6 new mets, largest 14 mm), headaches", "extensive"),
    ("Intracranial progression only - 9 new lesions.", "extensive"),
])
def test_a_count_of_brain_lesions_in_a_form_or_after_brain_only(text: str, value: str) -> None:
    assert_reads(text, {"cns_lesions": value})


@pytest.mark.parametrize("text", [
    "CNS lesions: 5",
    "Brain lesions: 3 mm",
    "Brain-only progression: 12 lesions",
    "MRI brain: 12 new lesions, 4 mm and smaller",
])
def test_a_count_not_read_as_limited(text: str) -> None:
    found = assert_reads(text, {})
    assert found.get("cns_lesions") != "limited", (text, found)


# ---- a counterfactual told as an inverted condition ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "I have explained that, had the rebiopsy shown a MET amplification, we could have looked for a combination trial.",
    "Had the biopsy revealed G1202R, lorlatinib would have been chosen.",
    "Had plasma NGS detected a MET amplification, we would have added capmatinib.",
    "We discussed that, had the biopsy found small cell transformation, chemotherapy would follow.",
])
def test_an_inverted_condition_states_nothing(text: str) -> None:
    found = assert_reads(text, {"alk_mutations": None, "bypass_alterations": None, "transformation": None})
    assert found.get("biopsy") is None, (text, found)


@pytest.mark.parametrize("text, fields", [
    ("She had the rebiopsy in May: MET amplification.", {"bypass_alterations": ["MET_amplification"]}),
    ("He had the liver biopsy done, which showed G1202R.", {"alk_mutations": ["G1202R"]}),
])
def test_a_biopsy_had_is_done(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- a TKI stopped for a toxicity as case reports and US notes name it ---------------------------------------------


@pytest.mark.parametrize("text, tki", [
    ("Crizotinib was switched to alectinib because of grade 3 elevation of AST and ALT, before any progression.",
     "crizotinib"),
    ("Crizotinib → stopped after 2 months (grade 4 neutropenia) → alectinib 2020-2025", "crizotinib"),
    ("ceritinib 2018 (d/c'd after 6 wks for intractable N/V/D), then alectinib 2018-2025", "ceritinib"),
    ("Ceritinib was discontinued because of nausea and vomiting; alectinib was started.", "ceritinib"),
    ("Crizotinib was stopped due to febrile neutropenia.", "crizotinib"),
    ("Brigatinib discontinued for elevation of CK.", "brigatinib"),
])
def test_a_tki_stopped_for_a_toxicity_named_otherwise(text: str, tki: str) -> None:
    assert_reads(text, {"intolerant_tkis": [tki]})


@pytest.mark.parametrize("text", [
    "Crizotinib stopped for progression, not for neutropenia.",
    "Grade 4 neutropenia on docetaxel; alectinib continued.",
    "No elevation of AST or ALT on alectinib.",
])
def test_a_toxicity_denied_or_of_another_drug_is_no_intolerance(text: str) -> None:
    found = assert_reads(text, {})
    assert not found.get("intolerant_tkis"), (text, found)


# ---- a report's closing line denies every other alteration ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "EML4-ALK fusion detected; ALK p.(Gly1202Arg), VAF 9,4 %; no further relevant alterations.",
    "Guardant360 (plasma) at PD: ALK fusion not detected; no ALK kinase domain mutations; no targetable alterations.",
    "No other clinically relevant aberrations.",
    "No actionable alterations detected.",
])
def test_no_further_relevant_alterations_is_no_bypass(text: str) -> None:
    assert_reads(text, {"bypass_alterations": []})


@pytest.mark.parametrize("text", [
    "No targetable alterations testing yet.",
    "MET amplification; no further relevant alterations.",
])
def test_a_closing_line_beside_a_finding_or_a_test_to_come(text: str) -> None:
    found = assert_reads(text, {})
    assert found.get("bypass_alterations") != [], (text, found)
