"""Spoken and hand-over forms: SBAR hand-overs, telephone referrals, tumour-board presentations, MDT minutes, e-mails
and non-native English. Each form in phrasings of our own, with the near-misses that must read otherwise; not taken
from the independent sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_excluding, assert_reads_one_of, assert_reads_other_than

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
    assert_reads(text, {"prior_tkis": None, "biopsy": None})


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
    assert_reads("B: ALK NSCLC, crizotinib then alectinib, progressing. R: lorlatinib.",
                 {"prior_tkis": ["crizotinib", "alectinib"]})


@pytest.mark.parametrize("text,tkis", [
    ("Outcome: SBRT to the adrenal, continue alectinib.", ["alectinib"]),  # a TKI taken stays taken
    ("Outcome: carry on with brigatinib.", ["brigatinib"]),
    ("Plan discussed. She had alectinib for three years.", ["alectinib"]),  # the section ended at the full stop
    ("Treated with brigatinib, outcome was good.", ["brigatinib"]),  # "outcome" that is not a heading
])
def test_near_misses_of_a_plan_section(text: str, tkis: list[str]) -> None:
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text", [
    "We're thinking about brigatinib.",
    "Her carbamazepine is being switched so that lorlatinib can start.",
    "We are leaning towards lorlatinib.",
])
def test_a_tki_being_thought_about_is_an_option(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


def test_a_tki_that_has_started_stays() -> None:
    assert_reads("Lorlatinib started in March.", {"prior_tkis": ["lorlatinib"]})


@pytest.mark.parametrize("text", [
    "I've seen several patients on brigatinib develop pneumonitis.",
    "In my experience lorlatinib causes high cholesterol.",
    "We have treated many patients on alectinib with liver toxicity.",
])
def test_a_remark_about_other_patients_is_not_this_patient(text: str) -> None:
    assert_reads(text, {"prior_tkis": None, "comorbidities": None})


def test_this_patients_own_toxicity_is_read() -> None:
    assert_reads("He has very high cholesterol on lorlatinib.",
                 {"prior_tkis": ["lorlatinib"], "comorbidities": ["hyperlipidemia"]})


# ---- a negation said after the finding, in the same sentence -----------------------------------------------------


@pytest.mark.parametrize("text,field", [
    ("We checked for brain mets and there were none.", "brain_metastases"),
    ("Looked for brain metastases, none seen on the CT head.", "brain_metastases"),
    ("We looked hard for leptomeningeal disease but found nothing.", "leptomeningeal"),
    ("They scanned for cerebral metastases and there are none on the MRI.", "brain_metastases"),
])
def test_a_negation_after_the_finding(text: str, field: str) -> None:
    assert_reads(text, {field: False})


@pytest.mark.parametrize("text", [
    "Two brain metastases and there are none elsewhere.",
    "Three brain mets, and none seen in the liver.",
])
def test_none_somewhere_else_does_not_deny_the_finding(text: str) -> None:
    assert_reads(text, {"brain_metastases": True})


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
    assert_reads(text, {"region": region})


@pytest.mark.parametrize("text", [
    "I'm ringing from Spain about a patient.",
    "He is originally from Italy.",
    "She was born in Poland, diagnosed in Norway.",
])
def test_where_the_patient_comes_from_is_not_the_region(text: str) -> None:
    assert_reads(text, {"region": None})


@pytest.mark.parametrize("text", [
    "We discussed brigatinib with her.",
    "Discussed rebiopsy at the MDT.",
])
def test_discussed_without_a_colon_is_not_a_heading(text: str) -> None:
    assert_reads(text, {"prior_tkis": None, "biopsy": None})


def test_a_toxicity_not_stopping_the_drug_is_no_intolerance() -> None:
    assert_reads("Lorlatinib continued despite hallucinations.", {"intolerant_tkis": None})


@pytest.mark.parametrize("text", ["The patient's daughter is in Canada.", "She is with her family in France for the summer."])
def test_where_a_relative_is_is_not_the_region(text: str) -> None:
    assert_reads(text, {"region": None})


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
    assert_reads("Liver metastases, more than twenty, on the CT.", {"cns_lesions": None})


def test_the_specimen_of_a_finding_in_an_outcome_line_was_taken() -> None:
    assert_reads("MDT outcome: squamous transformation confirmed on the pleural biopsy, for chemotherapy.",
                 {"biopsy": "tissue", "transformation": "squamous"})


# ---- "ALK" alone before the disease or the patient, as hand-overs write it -----------------------------------------


@pytest.mark.parametrize("text", [
    "B: ALK NSCLC on brigatinib.",
    "Background – ALK lung cancer, second line alectinib.",
    "ALK adeno, PD on lorlatinib.",
    "62M, ALK lung adenocarcinoma, ECOG 1.",
    "She has ALK disease diagnosed in 2019.",
])
def test_alk_before_the_disease_is_alk_positive(text: str) -> None:
    assert_reads(text, {"alk_positive": True})


@pytest.mark.parametrize("text", [
    "EGFR/ALK NSCLC is usually never-smokers' disease?",  # a question
    "Is this an ALK patient?",
    "I have an ALK patient for you.",  # a request for help names no result
    "Non-ALK NSCLC, PD-L1 high.",
    "EGFR or ALK NSCLC would not be treated with immunotherapy first.",
    "ALK testing was sent.",
    "ALK IHC pending.",
])
def test_alk_beside_another_gene_a_test_or_a_question_is_not_alk_positive(text: str) -> None:
    assert_reads(text, {"alk_positive": None})


def test_alk_disease_denied_is_not_positive() -> None:
    assert_reads_other_than("Not ALK NSCLC: KRAS G12C.", {"alk_positive": True})


@pytest.mark.parametrize("text", ["Lorlatinib is being considered.", "Brigatinib is being discussed at the MDT."])
def test_a_tki_being_considered_is_not_received(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


# ---- comorbidities as minutes, letters and non-native writers list them -------------------------------------------


@pytest.mark.parametrize("text,comorbidity", [
    ("PMH: coronary heart disease, two stents.", "cardiovascular_disease"),
    ("Antecedents: ischemic cardiopathy.", "cardiovascular_disease"),
    ("Known cardiopathy ischaemic since 2015.", "cardiovascular_disease"),
    ("Dyslipemia on diet.", "hyperlipidemia"),
    ("Lipids well controlled on rosuvastatin.", "hyperlipidemia"),
    ("History of interstitial pneumonia.", "interstitial_lung_disease"),
    ("Brigatinib discontinued because of grade 2 pneumonitis.", "interstitial_lung_disease"),
    ("Ceritinib was stopped after pneumonitis.", "interstitial_lung_disease"),
    ("She developed pneumonitis on brigatinib.", "interstitial_lung_disease"),
])
def test_comorbidity_forms(text: str, comorbidity: str) -> None:
    assert comorbidity in read(text)["comorbidities"]


@pytest.mark.parametrize("text", [
    "Brigatinib stopped for fear of pneumonitis.",  # a risk, not an event
    "Pneumonitis is a known risk with brigatinib.",
    "Started atorvastatin.",  # a statin alone names no indication
    "Lipids to be checked on lorlatinib.",
])
def test_comorbidity_near_misses(text: str) -> None:
    assert_reads_excluding(text, "comorbidities", ["interstitial_lung_disease"])
    assert_reads_excluding(text, "comorbidities", ["hyperlipidemia"])


def test_pneumonitis_stopping_a_tki_is_intolerance() -> None:
    assert_reads("Brigatinib was discontinued due to interstitial pneumonia.", {"intolerant_tkis": ["brigatinib"]})


# ---- systemic progression named through its sites in spoken and non-native order ----------------------------------


@pytest.mark.parametrize("text", [
    "He progressed on alectinib after two years, mainly in the liver and bones.",
    "Progressing on brigatinib, predominantly in the nodes and the adrenals.",
    "Under lorlatinib there is progress of the liver and the bones.",
    "Now progress, liver multiple metastasis and lung multiple metastasis.",
    "PD: liver, adrenal and bone.",
    "Progressing in several organs on alectinib.",
    "She has progressed at various sites.",
])
def test_systemic_progression_through_its_sites(text: str) -> None:
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize("text", [
    "Progression, liver and bones stable.",  # the sites said stable
    "No progress in the liver or bones.",
    "PD in the liver.",  # one site states no pattern
])
def test_sites_near_misses_are_not_systemic(text: str) -> None:
    assert_reads_other_than(text, {"progression": "systemic"})


@pytest.mark.parametrize("text", [
    "Brain progression, 2 lesions; systemic lesions were controlled.",
    "New brain mets, body completely stable.",
    "Two new brain lesions; the extracranial metastases have been stable.",
])
def test_the_body_said_controlled_beside_brain_progression_is_cns_only(text: str) -> None:
    assert_reads(text, {"progression": "cns_only"})


# ---- the brain lesions counted and sized after the noun ------------------------------------------------------------


@pytest.mark.parametrize("text,extent", [
    ("MRI: new brain lesions x2 (4 and 6 mm).", "limited"),
    ("Only brain progress, lesion 1, size small.", "limited"),
    ("Two new brain metastases, small, SRS planned.", "limited"),
    ("Head MRI: cerebral metastasis multiple, more than 20.", "extensive"),
])
def test_brain_lesion_counts_said_after_the_noun(text: str, extent: str) -> None:
    assert_reads(text, {"cns_lesions": extent})


@pytest.mark.parametrize("text", [
    "Liver lesion 2, size small.",
    "Brain metastases, small vessel disease on MRI.",
])
def test_brain_count_near_misses(text: str) -> None:
    assert_reads(text, {"cns_lesions": None})


# ---- the patient's own report of being well -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "He has no symptom.",
    "She feels completely fine.",
    "He's feeling well in himself.",
    "Has no complaints, PS 0.",
])
def test_no_symptoms_in_spoken_words(text: str) -> None:
    assert_reads(text, {"symptomatic": False})


@pytest.mark.parametrize("text", [
    "She felt well until last week, now headaches.",
    "No symptom control issues.",
    "Does she feel well?",
])
def test_no_symptoms_near_misses(text: str) -> None:
    assert_reads_other_than(text, {"symptomatic": False})


# ---- a panel that found nothing else ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Plasma NGS: no ALK mutation and no other alterations.",
    "Rebiopsy shows G1202R, no other genomic alterations.",
    "Guardant negative for ALK mutations, also no further alteration found.",
])
def test_no_other_alterations_is_no_bypass(text: str) -> None:
    assert_reads(text, {"bypass_alterations": []})


@pytest.mark.parametrize("text", [
    "CT: liver metastases, no other abnormalities.",
    "MET amplification and other alterations.",
])
def test_other_findings_near_misses(text: str) -> None:
    assert_reads_one_of(text, "bypass_alterations", (None, ["MET_amplification"]))


# ---- region, pregnancy, goals, current chemotherapy, inducers in spoken forms ----------------------------------------


@pytest.mark.parametrize("text,region", [
    ("Female 60, ALK+, PS 1; live in Korea.", "KR"),
    ("Discussed: patient in Belgium, referred for opinion.", "BE"),
])
def test_region_spoken_forms(text: str, region: str) -> None:
    assert_reads(text, {"region": region})


@pytest.mark.parametrize("text", ["His son, lives in Canada.", "A patient in France had the same mutation."])
def test_region_of_someone_else(text: str) -> None:
    assert_reads(text, {"region": None})


@pytest.mark.parametrize("text,status", [
    ("She is 38, in the fertile age.", "childbearing_potential"),
    ("Woman of reproductive age.", "childbearing_potential"),
    ("She is post-menopause.", "not_applicable"),
    ("In menopause since 2018.", "not_applicable"),
    ("She is ménopausée.", "not_applicable"),
])
def test_pregnancy_spoken_forms(text: str, status: str) -> None:
    assert_reads(text, {"pregnancy_status": status})


@pytest.mark.parametrize("text", [
    "She is not yet in menopause.",
    "Approaching menopause.",
    "Before menopause she had regular scans.",
])
def test_not_yet_menopausal_is_not_post(text: str) -> None:
    assert_reads_other_than(text, {"pregnancy_status": "not_applicable"})


@pytest.mark.parametrize("text,goal", [
    ("He explicitly wishes a tumour-specific therapy.", "disease_directed"),
    ("She requests further cancer-directed treatment.", "disease_directed"),
    ("She and her family prefer only palliative cares.", "comfort"),
    ("Palliative cares only.", "comfort"),
    ("He wants to go home without more oncological treatment.", "comfort"),
])
def test_goals_spoken_forms(text: str, goal: str) -> None:
    assert_reads(text, {"goals_of_care": goal})


def test_a_wish_without_tumour_therapy_is_not_disease_directed() -> None:
    assert_reads_other_than("He does not wish any tumour-specific therapy.", {"goals_of_care": "disease_directed"})


@pytest.mark.parametrize("text,current", [
    ("On carbo/pem at the moment.", "chemotherapy"),
    ("She's on carbo-pem-pembro at present.", "chemo_immunotherapy"),
    ("Neutropenic sepsis on docetaxel.", "chemotherapy"),
    ("Febrile on carboplatin/pemetrexed, admitted.", "chemotherapy"),
])
def test_chemotherapy_given_now(text: str, current: str) -> None:
    assert_reads(text, {"current_therapy": current, "prior_chemotherapy": True})


def test_chemotherapy_given_before_is_not_current() -> None:
    case = read("Was febrile on carboplatin in 2021, then alectinib.")
    assert case.get("current_therapy") != "chemotherapy"


@pytest.mark.parametrize("text,stoppable", [
    ("Takes St John's wort; we asked her to stop and she is happy to.", True),
    ("Hypericum for low mood, he can stop it without problems.", True),
    ("On St John's herb, which she will definitely not stop.", False),
])
def test_inducer_stoppable_spoken(text: str, stoppable: bool) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": stoppable})


def test_nothing_interacting_with_cyp3a_is_no_inhibitor() -> None:
    assert_reads("Meds: amlodipine, ramipril. Nothing that interacts with CYP3A.", {"strong_cyp3a_inhibitor": False})
    assert_reads("Does anything she takes interact with CYP3A?", {"strong_cyp3a_inhibitor": None})


@pytest.mark.parametrize("text,field", [
    ("I don't think he has LMD.", "leptomeningeal"),
    ("We do not think she has brain metastases.", "brain_metastases"),
])
def test_a_hedged_denial_is_a_denial(text: str, field: str) -> None:
    assert_reads(text, {field: False})


def test_a_hedged_finding_is_not_denied() -> None:
    assert_reads_other_than("I think he has LMD.", {"leptomeningeal": False})


# ---- specimens and histology said in spoken words --------------------------------------------------------------------


@pytest.mark.parametrize("text,tps", [
    ("The PD-L1 on the diagnostic EBUS was 60%.", 60),
    ("PD-L1 from the original core biopsy: 5%.", 5),
])
def test_pdl1_with_its_specimen(text: str, tps: int) -> None:
    assert_reads(text, {"pdl1_tps": tps})


@pytest.mark.parametrize("text,value", [
    ("The rebiopsy came back as small cell.", "small_cell"),
    ("Rebiopsy: small cell carcinoma admixed with adenocarcinoma.", "small_cell_mixed"),
    ("Rebiopsy: adenocarcinoma mixed with small cell carcinoma.", "small_cell_mixed"),
    ("The rebx shows adenocarcinoma with squamous features.", "squamous"),
])
def test_transformation_spoken(text: str, value: str) -> None:
    assert_reads(text, {"transformation": value})


def test_non_small_cell_is_no_transformation() -> None:
    assert_reads("The biopsy came back as non-small cell.", {"transformation": None})


def test_alk_negative_on_the_repeat_test_is_the_fusion_lost() -> None:
    assert_reads("Rebiopsy of the node: ALK now negative on the repeat FISH.",
                 {"alk_fusion_at_progression": False, "alk_positive": None})


@pytest.mark.parametrize("text", ["Sent both tissue and a Guardant.", "We sent tissue and a liquid biopsy."])
def test_tissue_and_a_named_plasma_test(text: str) -> None:
    assert_reads(text, {"biopsy": "tissue_and_plasma"})


def test_different_clones_are_not_compound() -> None:
    assert_reads("ALK L1196M and G1202R, in different clones.", {"compound": False})


@pytest.mark.parametrize("text", [
    "Alectinib and lorlatinib, which one is better after crizotinib?",
    "Brigatinib or lorlatinib, which would you choose?",
    "Lorlatinib, ensartinib: which do you prefer?",
])
def test_options_before_which_one_are_not_received(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


def test_which_starting_a_relative_clause_keeps_the_tki() -> None:
    assert_reads("He had alectinib, which was stopped for rash.", {"prior_tkis": ["alectinib"]})


@pytest.mark.parametrize("text", ["Tissue from the adrenal showed ALK L1196M.", "Tissue of the new liver lesion sent."])
def test_tissue_named_by_its_site(text: str) -> None:
    assert_reads(text, {"biopsy": "tissue"})


@pytest.mark.parametrize("text", ["Soft tissue of the chest wall is involved.", "Diagnostic tissue from the lung."])
def test_tissue_near_misses(text: str) -> None:
    assert_reads_other_than(text, {"biopsy": "tissue"})


@pytest.mark.parametrize("text", ["The ALK was negative at diagnosis by IHC.", "ALK came back negative by FISH."])
def test_alk_said_negative_by_its_test(text: str) -> None:
    assert_reads(text, {"alk_positive": False})


def test_alk_negative_on_a_progression_specimen_is_not_the_diagnosis() -> None:
    assert_reads("ALK was negative by FISH on the rebiopsy.", {"alk_positive": None})


def test_the_tissue_showing_the_fusion_after_progression() -> None:
    case = read("Progressing on lorlatinib; tissue and plasma sent; tissue shows the fusion and G1202R.")
    assert case["alk_fusion_at_progression"] is True
    assert case["alk_fusion_specimen"] == "tissue"
    assert_reads("At diagnosis the tissue shows the fusion.", {"alk_fusion_at_progression": None})


@pytest.mark.parametrize("text", ["Now presents cefalea.", "Céphalées depuis une semaine."])
def test_headache_in_other_tongues(text: str) -> None:
    assert_reads(text, {"symptomatic": True})


@pytest.mark.parametrize("text,value", [
    ("Chemotherapy he has not had.", False),
    ("Chemo she has never received, only TKIs.", False),
])
def test_chemotherapy_denied_object_first(text: str, value: bool) -> None:
    assert_reads(text, {"prior_chemotherapy": value})


@pytest.mark.parametrize("text,comorbidity", [
    ("Background of heart disease.", "cardiovascular_disease"),
    ("Had a coronary bypass in 2015.", "cardiovascular_disease"),
    ("Elevated cholesterol on diet.", "hyperlipidemia"),
    ("Hypertriglyceridaemia.", "hyperlipidemia"),
])
def test_more_comorbidity_words(text: str, comorbidity: str) -> None:
    assert comorbidity in read(text)["comorbidities"]


@pytest.mark.parametrize("text", [
    "Family history of heart disease.",
    "No heart disease.",
    "Lorlatinib can cause high cholesterol.",  # what the drug does in general
    "Lorlatinib commonly causes hyperlipidaemia.",
    "Brigatinib is known to cause pneumonitis.",
])
def test_comorbidity_of_someone_else_or_of_a_drug_in_general(text: str) -> None:
    assert_reads(text, {"comorbidities": None, "prior_tkis": None})


def test_what_the_drug_did_to_this_patient_stays() -> None:
    assert_reads("Lorlatinib caused hyperlipidaemia, now on a statin.",
                 {"comorbidities": ["hyperlipidemia"], "prior_tkis": ["lorlatinib"]})


# ---- a denial inside "had ... chemo" is a denial (it was read as chemotherapy received) ------------------------------


@pytest.mark.parametrize("text,fields", [
    ("She has had no chemo and no immunotherapy.", {"prior_chemotherapy": False, "prior_immunotherapy": False}),
    ("Had no chemotherapy.", {"prior_chemotherapy": False}),
    ("He has received no chemotherapy or immunotherapy.", {"prior_chemotherapy": False, "prior_immunotherapy": False}),
    ("Received no prior chemo.", {"prior_chemotherapy": False}),
    ("Treated with no platinum.", {"prior_chemotherapy": False}),
])
def test_no_inside_a_had_phrase_denies_it(text: str, fields: dict) -> None:
    case = read(text)
    for field, value in fields.items():
        assert case.get(field) is value, field


@pytest.mark.parametrize("text,fields", [
    ("He's been through carbo-pem in the past.", {"prior_chemotherapy": True}),
    ("Had four cycles of carboplatin before the ALK result.", {"prior_chemotherapy": True}),
    ("Received pembrolizumab for one cycle.", {"prior_immunotherapy": True}),
])
def test_chemotherapy_received_in_spoken_words(text: str, fields: dict) -> None:
    case = read(text)
    for field, value in fields.items():
        assert case.get(field) is value, field


@pytest.mark.parametrize("text,ecog", [
    ("Her performance status is about 1.", 1),
    ("ECOG around 2.", 2),
    ("PS approximately 0.", 0),
])
def test_an_estimated_performance_status(text: str, ecog: int) -> None:
    assert_reads(text, {"ecog": ecog})


def test_an_approximate_number_that_is_not_a_score() -> None:
    assert_reads("PS: about 3 months ago she was ECOG-unknown.", {"ecog": None})


@pytest.mark.parametrize("text", ["He's neurologically fine.", "Neurologically unremarkable."])
def test_neurologically_fine_is_no_symptoms(text: str) -> None:
    assert_reads(text, {"symptomatic": False})


def test_extracranially_responding_beside_brain_progression() -> None:
    assert_reads("New brain mets; extracranially she's responding.", {"progression": "cns_only"})


def test_disease_elsewhere_is_not_the_body_outside_the_brain() -> None:
    assert_reads("One liver lesion growing; disease elsewhere is stable.", {"progression": "oligoprogression"})


# ---- the organ said after the lesions, as non-native and spoken English orders it ------------------------------------


@pytest.mark.parametrize("text,fields", [
    ("Metastases in the brain, stable.", {"brain_metastases": True}),
    ("Metastasis of the brain, 2 lesions.", {"brain_metastases": True}),
    ("In the brain there are 2 metastasis, little, no symptoms.", {"brain_metastases": True, "cns_lesions": "limited"}),
    ("The lesions in the brain are many, more than 15.", {"brain_metastases": True, "cns_lesions": "extensive"}),
    ("Progression only in the central nervous system.", {"progression": "cns_only"}),
])
def test_the_brain_said_after_its_lesions(text: str, fields: dict) -> None:
    case = read(text)
    for field, value in fields.items():
        assert case.get(field) == value, field


@pytest.mark.parametrize("text", ["Ischaemic lesions in the brain.", "Small vessel disease, white matter lesions in the brain."])
def test_lesions_of_the_brain_that_are_no_metastases(text: str) -> None:
    assert_reads(text, {"brain_metastases": None})


def test_metastases_in_the_brain_denied() -> None:
    assert_reads("No metastases in the brain.", {"brain_metastases": False})


@pytest.mark.parametrize("text,fields", [
    ("She's 31 and wants to keep her fertility.", {"pregnancy_status": "childbearing_potential"}),
    ("The patient refuses further treatment.", {"goals_of_care": "comfort"}),
    ("The patient desires to continue the treatment.", {"goals_of_care": "disease_directed"}),
    ("Lorlatinib gave him mood swings, so it was stopped.", {"intolerant_tkis": ["lorlatinib"]}),
])
def test_more_spoken_forms(text: str, fields: dict) -> None:
    case = read(text)
    for field, value in fields.items():
        assert case.get(field) == value, field


def test_refusing_one_therapy_is_no_comfort_goal() -> None:
    assert_reads_other_than("He refused more chemotherapy but wants lorlatinib.", {"goals_of_care": "comfort"})


def test_a_graded_lipid_rise_is_an_adverse_event_not_a_comorbidity() -> None:
    assert_reads("Lorlatinib held for grade 3 hypertriglyceridaemia, restarted at 75 mg.", {"comorbidities": None})
    assert_reads("PMH: hypercholesterolaemia.", {"comorbidities": ["hyperlipidemia"]})


def test_not_received_any_chemotherapy() -> None:
    assert_reads("She has not received any chemotherapy or immunotherapy.",
                 {"prior_chemotherapy": False, "prior_immunotherapy": False})


def test_a_graded_lipid_disorder_being_treated_is_a_comorbidity() -> None:
    assert_reads("Tox: G2 hypercholesterolaemia on rosuvastatin.", {"comorbidities": ["hyperlipidemia"]})
