"""What clinicians paste from the record: "Key: value" lines of templates and tables, dated treatment timelines,
checklists and plans, the country in any position, PD-L1 written without its % sign. Each form in several phrasings
of our own (clinic letters, MDT proformas, discharge summaries, chat shorthand), with the near-misses that must not
be read; not taken from the independent sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly, assert_reads_excluding, assert_reads_other_than

read = extractor.extract_case

# ---- key-value lines: the key names the field, the value says it ------------------------------------------------

SEPARATORS = ["{k}: {v}", "{k} - {v}", "{k} | {v}", "| {k} | {v} |", "- {k}: {v}", "{k}:{v}"]


@pytest.mark.parametrize("key,value,fields", [
    ("ECOG", "2", {"ecog": 2}),
    ("WHO PS", "1", {"ecog": 1}),
    ("Performance status", "WHO 3", {"ecog": 3}),
    ("PS", "ECOG 0", {"ecog": 0}),
    ("PD-L1 (SP263)", "15%", {"pdl1_tps": 15}),
    ("PDL1 TPS", "80", {"pdl1_tps": 80}),
    ("SCLC transformation", "no", {"transformation": "none"}),
    ("Transformation", "SCLC", {"transformation": "small_cell"}),
    ("Histological transformation", "squamous cell carcinoma", {"transformation": "squamous"}),
    ("Transformation", "not seen", {"transformation": "none"}),
    ("ALK IHC (Ventana D5F3)", "POSITIVE", {"alk_positive": True}),
    ("ALK FISH", "neg", {"alk_positive": False}),
    ("ALK status", "positive (FISH, 2019)", {"alk_positive": True}),
    ("Oncogenic driver", "EML4-ALK", {"alk_positive": True}),
    ("Driver mutation", "ALK fusion", {"alk_positive": True}),
    ("Neurological symptoms", "nil", {"symptomatic": False}),
    ("Sx", "yes", {"symptomatic": True}),
    ("Serum hCG", "negative", {"pregnancy_status": "childbearing_potential"}),
    ("Urine pregnancy test", "POSITIVE", {"pregnancy_status": "pregnant"}),
    ("Rebiopsy", "not feasible", {"biopsy": "none"}),
    ("Liquid biopsy", "none", {}),
    ("CYP3A inhibitors", "none", {"strong_cyp3a_inhibitor": False}),
    ("Drug interactions", "nil", {"strong_cyp3a_inducer": False, "strong_cyp3a_inhibitor": False}),
    ("Prior chemo", "none", {"prior_chemotherapy": False}),
    ("Prior immunotherapy", "yes", {"prior_immunotherapy": True}),
    ("Therapy other than ALK TKIs", "nil", {"prior_chemotherapy": False, "prior_immunotherapy": False}),
    ("Leptomeningeal disease", "no", {"leptomeningeal": False}),
    ("Brain mets", "yes", {"brain_metastases": True}),
    ("MRI brain", "NED", {"brain_metastases": False}),
    ("Brain", "no metastatic disease", {"brain_metastases": False}),
    ("Country", "Australia", {"region": "AU"}),
    ("Treating centre", "Hospital X, Madrid", {"region": "ES"}),
    ("Healthcare system", "NHS Wales", {"region": "GB"}),
    ("Current therapy", "docetaxel C4", {"prior_chemotherapy": True, "current_therapy": "chemotherapy"}),
    ("Current regimen", "carboplatin/paclitaxel/atezolizumab/bevacizumab",
     {"prior_chemotherapy": True, "prior_immunotherapy": True, "current_therapy": "chemo_immunotherapy"}),
    ("Current treatment", "none", {"current_therapy": "none"}),
])
def test_a_key_names_the_field_and_its_value_states_it(key, value, fields):
    for form in SEPARATORS:
        text = form.format(k=key, v=value)
        assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text", [
    "Re-biopsy: pending",
    "Rebiopsy - booked for next week",
    "Biopsy: liver core planned, not yet done",
    "Plasma NGS: requested",
    "Transformation: to be confirmed",
    "ALK FISH: awaited",
    "Pregnancy test: pending",
    "PS: unknown",
])
def test_a_value_still_to_come_states_nothing(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text,fields", [
    # the key's own words are not a finding: "systemic" here is no progression
    ("Systemic therapy other than TKI: none", {"prior_chemotherapy": False, "prior_immunotherapy": False}),
    ("Non-TKI systemic therapy: nil", {"prior_chemotherapy": False, "prior_immunotherapy": False}),
    # a denial or an affirmation is the whole value: a value that denies something else leaves the key to its phrases
    ("Tissue NGS (node): no ALK resistance mutation", {"alk_mutations": [], "biopsy": "tissue"}),
    ("Tissue (liver core): ALK L1196M", {"alk_mutations": ["L1196M"], "biopsy": "tissue"}),
    ("Plasma (Guardant360): ALK G1202R", {"alk_mutations": ["G1202R"], "biopsy": "plasma"}),
    ("Current: NED", {"progression": "none"}),
    ("Current: stable disease on lorlatinib", {"prior_tkis": ["lorlatinib"], "progression": "none"}),
    ("Symptoms: headache and nausea", {"symptomatic": True}),
    ("MRI brain: no new lesions", {}),
    ("Brain: 4 new subcentimetre mets", {"brain_metastases": True, "cns_lesions": "limited"}),
    ("Brain MRI: unremarkable, no lesions", {"brain_metastases": False}),
    # a key that names no field is read as any other text
    ("Comment: nil", {}),
    ("Smoking: never", {}),
    ("Family history: none", {}),
    ("Allergies: none known", {}),
    ("Social: ex-smoker, from Brazil", {}),
])
def test_a_key_is_read_only_for_its_own_field(text, fields):
    assert_reads_exactly(text, fields)


def test_an_alk_test_under_a_re_biopsy_heading_is_left_to_the_fusion_phrases():
    text = "Rebiopsy 02/2025, liver core:\nALK IHC: negative\nALK FISH: negative"
    assert_reads(text, {"alk_positive": None})
    assert_reads("Diagnostic EBUS 2019\nALK IHC: positive", {"alk_positive": True})


def test_a_whole_template_is_read_line_by_line():
    text = ("Referral proforma\nDiagnosis: ALK+ lung adenocarcinoma\nPerformance status: WHO 1\n"
            "Symptoms: none\nTransformation: none\nRe-biopsy: planned\nCountry: Germany\n")
    assert read(text) == {"alk_positive": True, "histology": "adenocarcinoma", "ecog": 1, "symptomatic": False,
                          "transformation": "none", "region": "DE"}


# ---- dated timelines: the order of the dates, not of the text ------------------------------------------------------

@pytest.mark.parametrize("text,tkis", [
    ("Lines (newest first): brigatinib 2021-; alectinib 2017-2021", ["alectinib", "brigatinib"]),
    ("TKI history: lorlatinib 2024-now, ceritinib 2019-2024, crizotinib 2016-2019",
     ["crizotinib", "ceritinib", "lorlatinib"]),
    ("06/2023 - brigatinib\n01/2020 - alectinib", ["alectinib", "brigatinib"]),
    ("- 2022-2024 ensartinib (PD)\n- 2019-2022 crizotinib (PD)", ["crizotinib", "ensartinib"]),
    ("Lorlatinib since 03/2025; alectinib 05/2021-02/2025", ["alectinib", "lorlatinib"]),
    ("brigatinib from 2022. Before: crizotinib 2018-2022", ["crizotinib", "brigatinib"]),
    ("3L lorlatinib; 2nd line was brigatinib; first-line was crizotinib", ["crizotinib", "brigatinib", "lorlatinib"]),
    # no dates, or one TKI undated: as written, and the words between them
    ("alectinib then brigatinib", ["alectinib", "brigatinib"]),
    ("brigatinib 2021-2023 after alectinib", ["alectinib", "brigatinib"]),
])
def test_a_dated_timeline_is_in_the_order_of_its_dates(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


def test_a_dose_or_a_duration_is_no_date():
    assert_reads("lorlatinib 100 mg, alectinib 600 mg", {"prior_tkis": ["alectinib", "lorlatinib"][::-1]})
    assert_reads("brigatinib 2 years, then lorlatinib 18 months", {"prior_tkis": ["brigatinib", "lorlatinib"]})


# ---- a drug in a checklist or a plan heading is not history -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Lorlatinib initiation checklist",
    "Brigatinib baseline work-up",
    "Lorlatinib: consider at next progression",
    "Lorlatinib pre-treatment checks",
])
def test_a_drug_heading_a_checklist_or_a_plan_is_no_prior_tki(text):
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text", [
    "Plan: request Guardant360 if the next scan shows PD",
    "will request plasma NGS",
    "Next step: request FoundationOne Liquid",
])
def test_a_test_requested_is_not_a_test_done(text):
    assert_reads(text, {"biopsy": None})


def test_a_checklist_still_reads_the_history_under_it():
    text = "Lorlatinib initiation checklist\nPrior ALK TKIs: brigatinib (2020-2024, PD)\nStrong CYP3A inducers: none"
    assert_reads_exactly(text, {"prior_tkis": ["brigatinib"], "strong_cyp3a_inducer": False})


# ---- where the patient is treated, in any position ----------------------------------------------------------------

@pytest.mark.parametrize("text,region", [
    ("Location: Canada (Ontario)", "CA"),
    ("Insurance: France (Securite sociale)", "FR"),
    ("Patient lives in Spain", "ES"),
    ("She resides in Italy", "IT"),
    ("NHS England", "GB"),
    ("57F ALK+ adeno, brig PD, ECOG 1, NHS Scotland.", "GB"),
    ("ALK+ NSCLC, alectinib, PD. Japan.", "JP"),
    ("AUSTRALIA", "AU"),
    ("i'm in the UK", "GB"),
    ("im in germany", "DE"),
    ("alk pos, lorla pd, ecog 2, us", "US"),
    ("alk pos, brig 1L, PS 0, US.", "US"),
    ("crizo -> alec, pd liver, korea", "KR"),
])
def test_the_country_in_any_position(text, region):
    assert_reads(text, {"region": region})


@pytest.mark.parametrize("text", [
    "US-guided core of the liver lesion, ECOG 1",
    "liver lesion on ultrasound (US)",
    "the family asked us, as a team, to keep going",
    "her daughter lives in Canada",
    "previously treated in China with crizotinib",
    "originally diagnosed in Japan in 2018",
    "Social: from Brazil, moved here 2015",
])
def test_ultrasound_a_pronoun_a_relative_or_the_past_is_no_region(text):
    assert_reads(text, {"region": None})


# ---- PD-L1 written without its % sign -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,tps", [
    ("pdl1 45", 45), ("PD-L1 0", 0), ("PD L1 high 85", 85), ("alk+, pdl1 60, ecog 1", 60),
    ("PD-L1 SP263 TC 5%", 5), ("PD-L1 (22C3) TPS 70", 70), ("pd-l1: 10", 10),
])
def test_pdl1_without_its_percent_sign(text, tps):
    assert_reads(text, {"pdl1_tps": tps})


@pytest.mark.parametrize("text", [
    "PD-L1 22C3 negative", "PD-L1 2 years ago unknown", "PD-L1 negative, 2 brain mets", "pdl1 pending",
    "PD-L1 1-49%", "PD-L1 3 cycles",
])
def test_a_count_a_clone_or_a_range_is_no_pdl1_score(text):
    assert_reads(text, {"pdl1_tps": None})


@pytest.mark.parametrize("text", ["No current anticancer therapy (stopped brigatinib 03/2025)", "currently no treatment",
                                  "No ongoing systemic therapy", "at present no therapy"])
def test_no_therapy_now_is_current_therapy_none(text):
    assert_reads(text, {"current_therapy": "none"})


@pytest.mark.parametrize("text", ["no current symptoms", "no active disease", "What if there were no current therapy?"])
def test_no_current_therapy_needs_the_therapy(text):
    assert_reads(text, {"current_therapy": None})


# ---- a medication list and a problem list say the comorbidity ----------------------------------------------------

@pytest.mark.parametrize("text,comorbidity", [
    ("Medications:\nMetformin 500 mg BD\nRamipril 5 mg OD", "diabetes"),
    ("Regular meds: gliclazide 80mg mane, amlodipine", "diabetes"),
    ("insulin glargine 18 units nocte", "diabetes"),
    ("PMH: HTN, DM, OA", "diabetes"),
    ("Problem list: type 2 DM, hypothyroidism", "diabetes"),
    ("Apixaban 5 mg BD (AF)", "cardiovascular_disease"),
    ("Warfarin (for paroxysmal AF), INR 2-3", "cardiovascular_disease"),
    ("Bisoprolol 2.5 mg OD (AF)", "cardiovascular_disease"),
])
def test_a_drug_with_its_dose_or_its_reason_names_the_comorbidity(text, comorbidity):
    assert comorbidity in read(text).get("comorbidities", []), text


@pytest.mark.parametrize("text", [
    "no DM",
    "should she start metformin 500 mg?",
    "metformin",  # without its dose: a word, not a line of the list
    "Apixaban 5 mg BD (DVT)",
    "AF?",
])
def test_near_misses_of_a_medication_list(text):
    assert not {"diabetes", "cardiovascular_disease"} & set(read(text).get("comorbidities", [])), text


@pytest.mark.parametrize("text", [
    "Hx pneumonitis (G2) on durvalumab",
    "had grade 3 pneumonitis on pembrolizumab in 2019",
    "PMH: G2 pneumonitis (immunotherapy)",
    "developed pneumonitis after consolidation durvalumab",
    "c/b grade 2 pneumonitis, steroids",
    "pneumonitis (grade 2) on brigatinib, resolved",
])
def test_a_pneumonitis_the_patient_had_is_interstitial_lung_disease(text):
    assert "interstitial_lung_disease" in read(text).get("comorbidities", []), text


@pytest.mark.parametrize("text", [
    "no pneumonitis",
    "monitor for pneumonitis",
    "risk of grade 3 pneumonitis with brigatinib",
    "did she have pneumonitis on durvalumab?",
    "no history of pneumonitis",
])
def test_a_pneumonitis_denied_watched_for_or_asked_is_not_read(text):
    assert_reads_excluding(text, "comorbidities", ["interstitial_lung_disease"])


# ---- pregnancy, as forms and chat write it --------------------------------------------------------------------------

@pytest.mark.parametrize("text,status", [
    ("woman of child bearing potential", "childbearing_potential"),
    ("38F, child bearing age, on the pill", "childbearing_potential"),
    ("34F, hopes to have kids one day", "childbearing_potential"),
    ("preg test +", "pregnant"),
    ("Pregnancy test: pos", "pregnant"),
    ("UPT +ve this morning", "pregnant"),
    ("not of child bearing potential", "not_applicable"),
])
def test_pregnancy_in_shorthand(text, status):
    assert_reads(text, {"pregnancy_status": status})


@pytest.mark.parametrize("text", ["preg test pending", "is a pregnancy test + a contraindication?", "preg test?"])
def test_a_pregnancy_test_not_yet_positive_is_not_pregnancy(text):
    assert_reads_other_than(text, {"pregnancy_status": "pregnant"})


# ---- symptoms named by what the patient has -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "New L leg weakness",
    "right-sided arm weakness since Monday",
    "new headache and vomiting",
    "weakness in the right hand",
    "RUQ pain and nausea",
    "new flank pain",
])
def test_a_neurological_deficit_or_a_regional_pain_is_a_symptom(text):
    assert_reads(text, {"symptomatic": True})


@pytest.mark.parametrize("text", [
    "Radiological PD only, no clinical PD",
    "no clinical progression, radiological progression only",
    "progression is radiological only",
])
def test_progression_seen_on_scans_only_is_asymptomatic(text):
    assert_reads(text, {"symptomatic": False})


# word-finding difficulty is also one of lorlatinib's own effects (speech, cognition): not read as the disease's symptom
@pytest.mark.parametrize("text", ["any arm weakness?", "word-finding difficulty since starting lorlatinib",
                                  "no limb weakness, no RUQ pain",
                                  "is the PD radiological only?", "denies flank pain"])
def test_a_symptom_asked_or_denied_is_not_a_symptom(text):
    assert_reads_other_than(text, {"symptomatic": True})
