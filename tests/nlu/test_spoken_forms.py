"""Spoken and hand-over forms: SBAR hand-overs, telephone referrals, tumour-board presentations, MDT minutes, e-mails
and non-native English. Each form in phrasings of our own, with the near-misses that must read otherwise; not taken
from the independent sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor

read = extractor.extract_case


# ---- a plan section (SBAR "R:", "Recommendation:", MDT "Outcome:", "Plan:") names what is to come ----------------


@pytest.mark.parametrize("text", [
    "MDT outcome: brigatinib.",
    "Discussed at tumour board. Outcome: SRS + brigatinib.",
    "R: start lorlatinib once the azole is stopped.",
    "R – lorlatinib, after neurology review.",
    "Recommendation: lorlatinib, rebiopsy first.",
    "Plan: chemo then lorlatinib.",
    "Decision: lorlatinib; trial screening.",
    "Board decision – brigatinib with SRS to the two lesions.",
    "Next steps: liquid biopsy and lorlatinib.",
])
def test_a_tki_in_a_plan_section_is_not_received(text: str) -> None:
    case = read(text)
    assert "prior_tkis" not in case
    assert "biopsy" not in case


# A therapy withheld in a plan says nothing of what was given ("Outcome: no further IO" once read as "never had
# immunotherapy", and beside the pembrolizumab given before, as a conflict that dropped both).
@pytest.mark.parametrize("text,fields", [
    ("Outcome: no further IO.", {}),
    ("Plan: no chemotherapy.", {}),
    ("R: do not restart crizotinib.", {}),
    ("MDT decision - avoid immunotherapy (pneumonitis risk).", {}),
    ("Pembrolizumab given elsewhere before the ALK result. Outcome: no further IO.", {"prior_immunotherapy": True}),
    ("Carboplatin/pemetrexed x4 in 2021. Plan: no more chemotherapy, lorlatinib.", {"prior_chemotherapy": True}),
    # a denial outside the plan section still stands
    ("Never had immunotherapy. Plan: carboplatin and pemetrexed.", {"prior_immunotherapy": False}),
    ("No prior chemotherapy. Outcome: lorlatinib.", {"prior_chemotherapy": False}),
])
def test_a_therapy_withheld_in_a_plan_section_is_not_history(text: str, fields: dict) -> None:
    case = read(text)
    assert {k: case[k] for k in ("prior_chemotherapy", "prior_immunotherapy", "prior_tkis") if k in case} == fields


def test_the_history_before_a_plan_section_stays() -> None:
    case = read("B: ALK NSCLC, crizotinib then alectinib, progressing. R: lorlatinib.")
    assert case["prior_tkis"] == ["crizotinib", "alectinib"]


@pytest.mark.parametrize("text,tkis", [
    ("Outcome: SBRT to the adrenal, continue alectinib.", ["alectinib"]),  # a TKI taken stays taken
    ("Outcome: carry on with brigatinib.", ["brigatinib"]),
    ("Plan discussed. She had alectinib for three years.", ["alectinib"]),  # the section ended at the full stop
    ("Treated with brigatinib, outcome was good.", ["brigatinib"]),  # "outcome" that is not a heading
])
def test_near_misses_of_a_plan_section(text: str, tkis: list[str]) -> None:
    assert read(text)["prior_tkis"] == tkis


@pytest.mark.parametrize("text", [
    "We're thinking about brigatinib.",
    "Her carbamazepine is being switched so that lorlatinib can start.",
    "We are leaning towards lorlatinib.",
])
def test_a_tki_being_thought_about_is_an_option(text: str) -> None:
    assert "prior_tkis" not in read(text)


def test_a_tki_that_has_started_stays() -> None:
    assert read("Lorlatinib started in March.")["prior_tkis"] == ["lorlatinib"]


@pytest.mark.parametrize("text", [
    "I've seen several patients on brigatinib develop pneumonitis.",
    "In my experience lorlatinib causes high cholesterol.",
    "We have treated many patients on alectinib with liver toxicity.",
])
def test_a_remark_about_other_patients_is_not_this_patient(text: str) -> None:
    case = read(text)
    assert "prior_tkis" not in case
    assert "comorbidities" not in case


def test_this_patients_own_toxicity_is_read() -> None:
    case = read("He has very high cholesterol on lorlatinib.")
    assert case["prior_tkis"] == ["lorlatinib"]
    assert case["comorbidities"] == ["hyperlipidemia"]


# ---- a negation said after the finding, in the same sentence -----------------------------------------------------


@pytest.mark.parametrize("text,field", [
    ("We checked for brain mets and there were none.", "brain_metastases"),
    ("Looked for brain metastases, none seen on the CT head.", "brain_metastases"),
    ("We looked hard for leptomeningeal disease but found nothing.", "leptomeningeal"),
    ("They scanned for cerebral metastases and there are none on the MRI.", "brain_metastases"),
])
def test_a_negation_after_the_finding(text: str, field: str) -> None:
    assert read(text)[field] is False


@pytest.mark.parametrize("text", [
    "Two brain metastases and there are none elsewhere.",
    "Three brain mets, and none seen in the liver.",
])
def test_none_somewhere_else_does_not_deny_the_finding(text: str) -> None:
    assert read(text)["brain_metastases"] is True


# ---- recall: spoken, minuted and non-native forms ----------------------------------------------------------------


@pytest.mark.parametrize("text,fields", [
    ("OMS 1, no cerebral metastases.", {"ecog": 1, "brain_metastases": False}),
    ("A: progression in the liver, WHO 3.", {"ecog": 3}),
    ("PD-L1 expression in the tumour cells is 70%.", {"pdl1_tps": 70}),
    ("PD-L1 on the neoplastic cells was fifteen percent.", {"pdl1_tps": 15}),
    ("Her creatinine clearance is around 35 ml/min.", {"comorbidities": ["renal_impairment"]}),
    ("Known renal insufficiency, stable creatinine.", {"comorbidities": ["renal_impairment"]}),
    ("Adenocarcinoma with EML4-ALK fusion, confirmed by NGS.", {"histology": "adenocarcinoma", "alk_positive": True}),
    ("Large tumour, NSCLC not otherwise specified.", {"histology": "other_nsclc"}),
    ("Brigatinib stop because rash.", {"prior_tkis": ["brigatinib"], "intolerant_tkis": ["brigatinib"]}),
    ("He had to stop lorlatinib for cognitive problems.", {"prior_tkis": ["lorlatinib"], "intolerant_tkis": ["lorlatinib"]}),
    ("She says she wants to try another tablet.", {"goals_of_care": "disease_directed"}),
    ("He wishes to continue his treatments.", {"goals_of_care": "disease_directed"}),
    ("R: continue end of life care on the ward.", {"goals_of_care": "comfort"}),
    ("Discussed: MET amplification on tissue at PD on alectinib.",
     {"bypass_alterations": ["MET_amplification"], "biopsy": "tissue", "prior_tkis": ["alectinib"]}),
])
def test_recall_forms(text: str, fields: dict) -> None:
    case = read(text)
    for field, value in fields.items():
        assert case.get(field) == value, field


@pytest.mark.parametrize("text,region", [
    ("He's in Portugal, treated at a private clinic.", "PT"),
    ("The patient is in treatment in Poland.", "PL"),
    ("Case: ALK+, PD on alectinib, PS 1, in Denmark.", "DK"),
    ("We treat him here in Madrid.", "ES"),
    ("She is under follow-up in Norway.", "NO"),
])
def test_where_the_patient_is_treated(text: str, region: str) -> None:
    assert read(text)["region"] == region


@pytest.mark.parametrize("text", [
    "I'm ringing from Spain about a patient.",
    "He is originally from Italy.",
    "She was born in Poland, diagnosed in Norway.",
])
def test_where_the_patient_comes_from_is_not_the_region(text: str) -> None:
    assert "region" not in read(text)


@pytest.mark.parametrize("text", [
    "We discussed brigatinib with her.",
    "Discussed rebiopsy at the MDT.",
])
def test_discussed_without_a_colon_is_not_a_heading(text: str) -> None:
    case = read(text)
    assert "prior_tkis" not in case
    assert "biopsy" not in case


def test_a_toxicity_not_stopping_the_drug_is_no_intolerance() -> None:
    assert "intolerant_tkis" not in read("Lorlatinib continued despite hallucinations.")


@pytest.mark.parametrize("text", ["The patient's daughter is in Canada.", "She is with her family in France for the summer."])
def test_where_a_relative_is_is_not_the_region(text: str) -> None:
    assert "region" not in read(text)


@pytest.mark.parametrize("text,fields", [
    ("On alectinib there appeared a new brain metastasis, only one, 6 mm, extracranially all else is stable.",
     {"progression": "cns_only", "cns_lesions": "limited", "brain_metastases": True}),
    ("The MRI of the head shows metastases, more than fifteen.", {"cns_lesions": "extensive", "brain_metastases": True}),
    ("Body everything stable, new brain lesions.", {"progression": "cns_only"}),
])
def test_non_native_cns_forms(text: str, fields: dict) -> None:
    case = read(text)
    for field, value in fields.items():
        assert case.get(field) == value, field


def test_many_metastases_outside_the_brain_are_not_cns_lesions() -> None:
    assert "cns_lesions" not in read("Liver metastases, more than twenty, on the CT.")


def test_the_specimen_of_a_finding_in_an_outcome_line_was_taken() -> None:
    case = read("MDT outcome: squamous transformation confirmed on the pleural biopsy, for chemotherapy.")
    assert case["biopsy"] == "tissue"
    assert case["transformation"] == "squamous"
