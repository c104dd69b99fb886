"""Grammatical forms the extractor reads, each as a generalisation: several phrasings built from parts (sites, verbs,
nouns, shorthand), and the denials, questions and near-misses that must not fire. Written from the wording of
radiology impressions (RECIST: "new lesions", "interval increase in size"), NGS report names, clinic letters and ward
notes; not from the independent sets."""
from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly, assert_reads_excluding, assert_reads_one_of

read = extractor.extract_case

# ---- progression stated through what it did to named sites -----------------------------------------------------

SITE_WORDS = {"liver": ["liver", "hepatic"], "bone": ["bone", "osseous", "lytic bone", "spinal"],
              "nodes": ["nodal", "mediastinal", "supraclavicular node"], "adrenal": ["adrenal"],
              "lung": ["pulmonary", "lung"], "peritoneum": ["peritoneal"]}
NEW_LESION = ["new {s} lesions", "new {s} mets", "enlarging {s} metastases", "growing {s} deposits",
              "multiple new {s} nodules"]
GREW = ["{s} mets doubled in size", "{s} lesions have grown", "the {s} lesion increased in size", "{s} disease is enlarging",
        "{s} metastases are bigger"]
IN_SITE = ["new lesions in the {s}", "new deposits within the {s}", "interval increase in size of the {s} metastases",
           "progression in the {s}"]
FORMS = NEW_LESION + GREW + IN_SITE
PAIRS = [("liver", "bone"), ("adrenal", "nodes"), ("lung", "liver"), ("bone", "peritoneum")]


def _site_sentences(count: int):
    """Two sites progressing, each in another form; the sites' words cycle so every word appears."""
    out = []
    for k, ((a, b), (f, g)) in enumerate(itertools.product(PAIRS, itertools.combinations(FORMS, 2))):
        wa, wb = SITE_WORDS[a][k % len(SITE_WORDS[a])], SITE_WORDS[b][k % len(SITE_WORDS[b])]
        if ("{s}" in f and "the {s}" in f and wa.endswith("al")) or ("the {s}" in g and wb.endswith("al")):
            continue  # "in the hepatic" is not English
        out.append(f"{f.format(s=wa)}, {g.format(s=wb)}".capitalize() + ".")
    return out[::max(1, len(out) // count)][:count]


@pytest.mark.parametrize("text", _site_sentences(40))
def test_progression_at_two_sites_stated_through_its_consequences_is_systemic(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize("text", [
    "Liver mets doubled in size.",  # one site: no pattern, as 'PD on alectinib' states none
    "New lytic bone lesions.",
    "New lesions in the spine.",
    "Liver enzymes increased, bone pain increased.",  # not lesions
    "No new liver lesions, no new bone lesions.",
    "Liver mets stable, bone lesions unchanged.",
    "Is there progression in the liver and new bone lesions?",
    "Possible new liver lesions and new bone mets.",
    "What if there were new liver lesions and enlarging nodes?",
])
def test_one_site_a_denial_a_question_or_a_hedge_states_no_pattern(text):
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize("text,pattern", [
    ("New liver lesion and an enlarging node; everything else stable.", "oligoprogression"),
    ("New brain mets; liver and bone lesions stable.", None),  # the brain is not an extracranial site
    ("New brain mets, extracranial disease controlled.", "cns_only"),
])
def test_site_progression_defers_to_what_is_stated_about_the_rest(text, pattern):
    assert_reads(text, {"progression": pattern})


# ---- ward shorthand --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,tkis", [
    ("alec 1L, PD liver/bone", ["alectinib"]),
    ("on brig x 14 mo", ["brigatinib"]),
    ("crizo -> alec -> lorl", ["crizotinib", "alectinib", "lorlatinib"]),
    ("PD on briga after criz", ["crizotinib", "brigatinib"]),
    ("ensar 1L", ["ensartinib"]),
])
def test_tki_shorthand(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text", ["never had brig", "brig-naive", "should we switch to lorl?", "consider alec"])
def test_tki_shorthand_denied_or_asked_is_not_a_prior_tki(text):
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text,fields", [
    ("extracranial dz controlled, new brain mets", {"progression": "cns_only", "brain_metastases": True}),
    ("stable dz", {"progression": "none"}),
    ("no rebx", {"biopsy": "none"}),
    ("no bx", {"biopsy": "none"}),
    ("rebx not done", {"biopsy": "none"}),
    ("rebx: adenocarcinoma", {"biopsy": "tissue", "transformation": "none"}),
    ("asx brain mets", {"brain_metastases": True, "symptomatic": False}),
    ("PD liver/bone, sx", {"progression": "systemic", "symptomatic": True}),
    ("no sx", {"symptomatic": False}),
    ("w/o neuro sx", {"symptomatic": False}),
])
def test_word_shorthand_reads_wherever_the_word_does(text, fields):
    assert_reads_exactly(text, fields)


def test_surgery_shorthand_is_not_symptoms():
    assert_reads("s/p sx 2015", {"symptomatic": None})


# ---- ECOG ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,ecog", [
    ("Eastern Cooperative Oncology Group Performance Score (ECOG PS) was 2.", 2),
    ("performance status (PS) of 1", 1),
    ("Performance status (WHO) 3", 3),
    ("ECOG (PS) 0", 0),
    ("WHO performance status one", 1),
    ("her ECOG is now two", 2),
    ("ECOG2", 2),
    ("PS1", 1),
])
def test_ecog_in_words_glued_or_with_its_abbreviation_in_brackets(text, ecog):
    assert_reads_exactly(text, {"ecog": ecog})


@pytest.mark.parametrize("text", ["what if ECOG were 2?", "is ECOG 2 a contraindication", "ECOG 2 cm lesion"])
def test_ecog_supposed_or_asked_is_not_read(text):
    assert_reads(text, {"ecog": None})


# ---- goals of care in lay words -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "He wants to be kept comfortable.", "Family asked us to keep him comfortable.",
    "Her priority is quality of life.", "Focus is on quality of life now.",
    "Does not want any more treatment.", "She doesn't want further therapy.", "No longer wants cancer treatment.",
    "Declines further anticancer therapy.", "Not for further active treatment.", "Palliative care only.",
    "Transitioning to end of life care.", "Patient has decided against further anticancer treatment.",
    "Would like to stop all treatment and go home.",
])
def test_comfort_in_lay_words(text):
    assert_reads_exactly(text, {"goals_of_care": "comfort"})


@pytest.mark.parametrize("text", [
    "She and her family want everything done.", "Wants to keep fighting.", "Keen to try another line.",
    "Goal is life prolongation.", "Fit for active treatment.", "Wishes to continue with treatment.",
    "She is keen on a clinical trial.", "He would like to explore trials.", "Wants aggressive treatment.",
    "Happy to proceed with next line treatment.",
])
def test_disease_directed_in_lay_words(text):
    assert_reads_exactly(text, {"goals_of_care": "disease_directed"})


@pytest.mark.parametrize("text", [
    "She wants to maintain quality of life while on treatment.",  # a wish about tolerability, not a goal of care
    "Is he fit for active treatment?", "She is not keen to try another line.", "Should we focus on comfort?",
    "Would he want everything done?",
])
def test_goals_asked_denied_or_qualified_are_not_read(text):
    assert_reads(text, {"goals_of_care": None})


# ---- biopsies stated only through what was done ----------------------------------------------------------------

TISSUE = ["The resected adrenal was sequenced.", "Biopsied the adrenal.", "The liver lesion was biopsied.",
          "Cores from the liver lesion sent for NGS.", "NGS on the liver lesion: G1202R.", "EBUS-TBNA of station 7.",
          "Bronchoscopy with biopsies of the RLL mass.", "Tapped the pleural effusion, cell block sent.",
          "Pleural fluid sent for NGS.", "Sequencing of the excised brain metastasis.", "EUS-FNA of a node.",
          "FoundationOne CDx on the adrenal core.", "Guardant360 TissueNext: no ALK mutation."]
PLASMA = ["Guardant360: ALK G1202R.", "FoundationOne Liquid CDx: no ALK mutations.", "NGS on plasma: G1202R.",
          "Tempus xF sent."]


@pytest.mark.parametrize("text", TISSUE)
def test_implied_tissue(text):
    assert_reads(text, {"biopsy": "tissue"})


@pytest.mark.parametrize("text", PLASMA)
def test_plasma_assays(text):
    assert_reads(text, {"biopsy": "plasma"})


def test_an_implied_tissue_beside_a_plasma_assay_is_both():
    assert_reads("Guardant360 negative; cores from the liver lesion showed G1202R.", {"biopsy": "tissue_and_plasma"})


@pytest.mark.parametrize("text", ["Was the liver lesion biopsied?", "Should we biopsy the adrenal?",
                                  "Liver was not biopsied.", "Plan to biopsy the adrenal.", "Liver biopsy not possible."])
def test_a_biopsy_asked_planned_or_denied_is_not_tissue(text):
    assert_reads_one_of(text, "biopsy", (None, "none"))


# ---- requests without a question mark ----------------------------------------------------------------------------

REQUESTS = ["Thoughts on lorlatinib after brigatinib", "Wondering about lorlatinib for the brain mets",
            "Info on SCLC transformation please", "Define oligoprogression", "Does G1202R respond to lorlatinib",
            "brigatinib vs lorlatinib", "Interested in the evidence for brigatinib in the CNS",
            "Lorlatinib in pregnancy", "Is ECOG 2 a contraindication", "Need guidance on MET amplified disease",
            "Is brigatinib better than alectinib in the brain", "Worth doing a liquid biopsy",
            "Please explain what oligoprogression means", "Recommended next line for leptomeningeal disease",
            "Best option after alectinib", "Best TKI for brain mets", "Compare lorlatinib and chemo for G1202R",
            "Evidence for lorlatinib after brigatinib", "Lorlatinib dose with statins", "Lorlatinib side effects"]


@pytest.mark.parametrize("text", REQUESTS)
def test_a_request_without_a_question_mark_changes_nothing(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text,fields", [
    ("Alectinib dose-reduced to 450 mg BID for myalgia.", {"prior_tkis": ["alectinib"]}),
    ("Alectinib side effects: myalgia.", {"prior_tkis": ["alectinib"]}),
    ("Worth noting: ECOG 2.", {"ecog": 2}),
    ("Does well on alectinib, now PD in liver and bone.", {"prior_tkis": ["alectinib"], "progression": "systemic"}),
    ("Best response PR on alectinib.", {"prior_tkis": ["alectinib"]}),
    ("Evidence of SCLC transformation on rebiopsy.", {"transformation": "small_cell", "biopsy": "tissue"}),
])
def test_statements_that_share_words_with_requests_are_still_read(text, fields):
    assert_reads_exactly(text, fields)


# ---- the fusion at progression and the specimen it was read on ---------------------------------------------------

@pytest.mark.parametrize("text,present,specimen", [
    ("ALK FISH still positive on the new biopsy.", True, "tissue"),
    ("ALK IHC (D5F3) again positive.", True, "tissue"),
    ("EML4-ALK fusion detected by RNA NGS on the liver core.", True, "tissue"),
    ("No ALK fusion detected on repeat FISH.", False, "tissue"),
    ("ALK rearrangement not detected by break-apart FISH on the rebiopsy.", False, "tissue"),
    ("ALK fusion detected in plasma.", True, "plasma"),
    ("ALK fusion not detected in ctDNA.", False, "plasma"),
    ("Guardant360: ALK fusion not detected.", False, "plasma"),
    ("Rebiopsy of the adrenal: ALK fusion retained.", True, "tissue"),
])
def test_the_fusion_at_progression_carries_its_specimen(text, present, specimen):
    found = read(text)
    assert (found.get("alk_fusion_at_progression"), found.get("alk_fusion_specimen")) == (present, specimen), found


@pytest.mark.parametrize("text,fields", [
    ("ALK positive by IHC at diagnosis.", {"alk_positive": True}),
    ("ALK negative by FISH.", {"alk_positive": False}),
    ("ALK IHC (D5F3) negative.", {"alk_positive": False}),
    ("Was the ALK fusion retained on the rebiopsy?", {}),
])
def test_a_diagnosis_or_a_question_is_not_a_fusion_at_progression(text, fields):
    assert_reads_exactly(text, fields)


# ---- a strong CYP3A inducer that can or cannot be stopped ------------------------------------------------------------

@pytest.mark.parametrize("text,stoppable", [
    ("Carbamazepine for epilepsy; neurology happy to switch to levetiracetam.", True),
    ("On phenytoin, which can be switched before starting.", True),
    ("Rifampicin for TB, ID say it must run the full six months.", False),
    ("Carbamazepine - no alternative per neurology.", False),
    ("On enzalutamide; urology say it cannot be stopped.", False),
])
def test_whether_an_inducer_can_be_stopped(text, stoppable):
    found = read(text)
    assert (found.get("strong_cyp3a_inducer"), found.get("cyp3a_inducer_stoppable")) == (True, stoppable), found


@pytest.mark.parametrize("text", ["Alectinib, must continue.", "Happy to switch to brigatinib.",
                                  "Can carbamazepine be switched?"])
def test_stopping_said_of_anything_but_an_inducer_is_not_read(text):
    assert_reads(text, {"cyp3a_inducer_stoppable": None})


# ---- ECOG by the scale's own definitions of its grades ------------------------------------------------------------

@pytest.mark.parametrize("text,ecog", [
    ("Fully active, still working.", 0),
    ("Restricted in physically strenuous activity but able to do light work.", 1),
    ("Ambulatory and self-caring but unable to work.", 2),
    ("In bed or chair more than half of the day.", 3),
    ("Completely bedridden.", 4),
])
def test_ecog_by_the_definition_of_its_grade(text, ecog):
    assert_reads(text, {"ecog": ecog})


def test_not_fully_active_is_not_ecog_0():
    assert_reads("Not fully active since the fall.", {"ecog": None})


# ---- the treatment sequence ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,tkis", [
    ("Currently on Lorviqua; had Alunbrig first-line.", ["brigatinib", "lorlatinib"]),
    ("Before the current alectinib she had two years of crizotinib.", ["crizotinib", "alectinib"]),
    ("Now on brigatinib; crizotinib before.", ["crizotinib", "brigatinib"]),
])
def test_the_current_tki_is_the_last(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text", ["Never on brigatinib or ceritinib.", "Not treated with alectinib or brigatinib.",
                                  "No prior crizotinib nor ceritinib."])
def test_tkis_denied_in_one_list(text):
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text,tkis", [("Gave up on crizotinib because of nausea; on alectinib since.", ["crizotinib"]),
                                       ("Took herself off brigatinib because of the rash.", ["brigatinib"])])
def test_a_tki_given_up_for_toxicity_is_intolerance(text, tkis):
    assert_reads(text, {"intolerant_tkis": tkis})


def test_stopped_not_for_toxicity_states_no_intolerance():
    assert_reads("Alectinib was stopped for progression, not for toxicity.", {"intolerant_tkis": []})


# ---- other forms read from the second set's tuning half, generalised ------------------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("PD-L1 negative (TPS <1%).", {"pdl1_tps": 0}),
    ("PD-L1 TPS <1%", {"pdl1_tps": 0}),
    ("CrCl 38 ml/min.", {"comorbidities": ["renal_impairment"]}),
    ("eGFR 30.", {"comorbidities": ["renal_impairment"]}),
    ("CrCl 72.", {}),
    ("On haemodialysis.", {"comorbidities": ["renal_impairment"]}),
    ("AF on apixaban.", {"comorbidities": ["cardiovascular_disease"]}),
    ("ALK G1202R (AF 12%).", {"alk_mutations": ["G1202R"]}),
    ("Ketoconazole cream for a rash.", {}),
    ("Switched from carbamazepine to lamotrigine.", {"strong_cyp3a_inducer": False}),
    ("Pemetrexed maintenance 2020-2021.", {"prior_chemotherapy": True}),
    ("Adjuvant cisplatin-vinorelbine in 2017.", {"prior_chemotherapy": True}),
    ("No chemo, no IO to date.", {"prior_chemotherapy": False, "prior_immunotherapy": False}),
    ("Denies headache, nausea or focal weakness.", {"symptomatic": False}),
    ("Mirena coil in situ.", {"pregnancy_status": "childbearing_potential"}),
    ("Serum beta-hCG negative.", {"pregnancy_status": "childbearing_potential"}),
    ("S/p TAH-BSO.", {"pregnancy_status": "not_applicable"}),
    ("Rising CEA with new nodes in the neck, mediastinum and abdomen.", {"progression": "systemic"}),
    ("Enlarging mediastinal nodes.", {}),
    ("MRI: 3 new lesions, all <1 cm; CT CAP shows ongoing response.",
     {"progression": "cns_only", "brain_metastases": True, "cns_lesions": "limited"}),
    ("MRI brain shows more than 20 mets.", {"brain_metastases": True, "cns_lesions": "extensive"}),
    ("Oligo brain progression.", {"progression": "cns_only", "brain_metastases": True}),
    ("Mixed response: one lung lesion larger, all the others smaller.", {"progression": "oligoprogression"}),
    ("Focal progression of a hilar node; SD elsewhere.", {"progression": "oligoprogression"}),
    ("Complete metabolic response on PET.", {"progression": "none"}),
    ("Smouldering progression in the lung.", {"progression": "indolent"}),
    ("RECIST PD by 2 mm, asymptomatic.", {"progression": "indolent", "symptomatic": False}),
    ("EBUS: squamous carcinoma - previously adeno.", {"transformation": "squamous", "histology": "adenocarcinoma",
                                                     "biopsy": "tissue"}),
    ("We did not re-biopsy him.", {"biopsy": "none"}),
])
def test_forms_from_the_second_set_generalised(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,fields", [
    ("MRI brain: 2 new enhancing lesions (6 and 8 mm); body CT stable.",
     {"progression": "cns_only", "brain_metastases": True, "cns_lesions": "limited"}),
    ("Brain: 4 new subcentimetre mets. Chest/abdo: stable.",
     {"progression": "cns_only", "brain_metastases": True, "cns_lesions": "limited"}),
    ("New 5 mm right parietal lesion, otherwise stable.",  # one lesion with its size: limited (issue 15)
     {"progression": "cns_only", "brain_metastases": True, "cns_lesions": "limited"}),
    ("Multiple new brain mets (>10).", {"brain_metastases": True, "cns_lesions": "extensive"}),
    ("New lesions in the left cerebellar hemisphere; extracranial disease in CR.",
     {"progression": "cns_only", "brain_metastases": True}),
])
def test_brain_progression_in_report_words(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text", ["No new lesions in the brain.", "MRI brain shows no new lesions.",
                                  "Temporal bone lesion on CT."])
def test_brain_words_denied_or_elsewhere_are_not_brain_progression(text):
    assert read(text).get("progression") is None and read(text).get("brain_metastases") is not True, read(text)


@pytest.mark.parametrize("text,specimen", [
    ("F1CDx: ALK p.G1202R (c.3604G>A), EML4-ALK fusion, TP53 R248Q.", "tissue"),
    ("Liver core NGS: EML4-ALK v3, ALK L1196M.", "tissue"),
    ("Guardant360: EML4-ALK fusion, ALK G1202R 2%.", "plasma"),
])
def test_a_fusion_listed_in_a_progression_report_is_the_fusion_at_progression(text, specimen):
    found = read(text)
    assert (found.get("alk_fusion_at_progression"), found.get("alk_fusion_specimen")) == (True, specimen), found
    assert "alk_positive" not in found


def test_a_fusion_named_with_the_diagnosis_is_alk_positivity():
    assert_reads("Rebiopsy planned; EML4-ALK v3 at diagnosis in 2019.",
                 {"alk_positive": True, "alk_fusion_at_progression": None})


@pytest.mark.parametrize("text", ["Keen to proceed with lorlatinib.", "Wants to try brigatinib.",
                                  "Happy to start lorlatinib next week.", "Consented for lorlatinib."])
def test_a_tki_the_patient_wants_next_is_a_candidate_not_a_prior_tki(text):
    found = read(text)
    assert "prior_tkis" not in found, found
    assert [e.role for e in extractor.load().entities(text) if e.entity == "tki"] == ["candidate"]


@pytest.mark.parametrize("text,symptomatic", [
    ("Mild headache, no focal deficits.", True),
    ("No headaches but new seizures.", True),
    ("Bone pain; denies neurological symptoms.", True),
    ("No headaches, no seizures.", False),
    ("Seizure free, no neuro symptoms.", False),
    ("Denies headache, nausea or focal weakness.", False),
])
def test_a_symptom_stated_beside_others_denied_is_symptomatic(text, symptomatic):
    assert_reads(text, {"symptomatic": symptomatic})


def test_asymptomatic_with_a_symptom_is_still_a_conflict():
    assert "symptomatic" in extractor.conflicts(extractor.load().entities("asymptomatic, with headaches"))


# ---- the eight worked examples in ward shorthand state their whole case (bench/shorthand_turns.py: one turn each) ----

def _examples():
    from pathlib import Path

    import yaml

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "examples.yaml"
    return {e["id"]: e["case"] for e in yaml.safe_load(fixtures.read_text())["examples"]}


@pytest.mark.parametrize("example_id", ["V01", "V05", "V07", "V11", "V15", "V17", "V20", "V24"])
def test_each_worked_example_in_shorthand_is_read_whole(example_id):
    from tests.integration.shorthand import SHORTHAND

    found, case = read(SHORTHAND[example_id]), _examples()[example_id]
    assert {k: found.get(k) for k in case} == case
    assert set(found) - set(case) <= {"alk_fusion_specimen"}  # the examples predate the field ("tissue NGS: ... fusion")


# ---- what the patient no longer takes, someone else's history, a plan -------------------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("Itraconazole was stopped last month.", {"strong_cyp3a_inhibitor": False}),
    ("Previously on carbamazepine, stopped in 2019.", {"strong_cyp3a_inducer": False}),
    ("Clarithromycin course completed.", {"strong_cyp3a_inhibitor": False}),
    ("On rifampicin for TB.", {"strong_cyp3a_inducer": True}),
    ("On carbamazepine, to be stopped before starting lorlatinib.",
     {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
])
def test_an_interacting_drug_no_longer_taken_is_stated_absent(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text", ["Family history of diabetes and stroke.", "FHx: IHD.",
                                  "Mother had breast cancer; father had an MI.", "Sister with bipolar disorder."])
def test_someone_elses_history_is_not_the_patients(text):
    assert_reads(text, {"comorbidities": None})


@pytest.mark.parametrize("text", ["Script for lorlatinib given.", "MDT: for lorlatinib.", "Tumour board recommended lorlatinib.",
                                  "Plan: start lorlatinib next week."])
def test_a_tki_decided_on_is_not_yet_received(text):
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text,current", [
    ("SD on ABCP, cycle 4.", "chemo_immunotherapy"),
    ("Carbo/pem/pembro, cycle 2.", "chemo_immunotherapy"),
    ("Currently on carbo/pem, cycle 3.", "chemotherapy"),
    ("On docetaxel since March.", "chemotherapy"),
])
def test_chemotherapy_given_now_is_the_current_therapy(text, current):
    found = read(text)
    assert (found.get("current_therapy"), found.get("prior_chemotherapy")) == (current, True), found


@pytest.mark.parametrize("text", ["Was on carbo/pem in 2019.", "Previously on pembrolizumab.",
                                  "Should we start carbo/pem?", "Adjuvant cisplatin-vinorelbine in 2017."])
def test_chemotherapy_in_the_past_or_asked_about_is_not_current(text):
    assert_reads(text, {"current_therapy": None})


def test_findings_start_and_end_on_words():
    """The spaCy pipeline cuts tokens at the findings' offsets: a span ending on a space ("the brain only ") has no
    token boundary there."""
    from tests.nlu import independent

    texts = [r["text"] for path in (independent.TUNE, independent.TUNE2) for r in independent.items(path)]
    texts += ["Intolerant of alectinib (rash).", "ILD on alectinib, permanently discontinued", "PD in the brain only (one met)"]
    loose = [(t, e.text) for t in texts for e in extractor.load().entities(t) if not e.text or e.text != e.text.strip()]
    assert loose == []


@pytest.mark.parametrize("text,fields", [
    ("Spends most of the day in bed.", {"ecog": 3}),
    ("Mostly chair-bound.", {"ecog": 3}),
    ("Bedbound.", {"ecog": 4}),
    ("Uses barrier contraception.", {"pregnancy_status": "childbearing_potential"}),
    ("Perimenopausal.", {"pregnancy_status": "childbearing_potential"}),
    ("Developed pneumonitis on brigatinib; changed to alectinib.",  # a drug's pneumonitis is a history of it
     {"prior_tkis": ["brigatinib", "alectinib"], "intolerant_tkis": ["brigatinib"],
      "comorbidities": ["interstitial_lung_disease"]}),
    ("Three enlarging bone lesions, other disease controlled.", {"progression": "oligoprogression"}),
    ("Response ongoing.", {"progression": "none"}),
    ("No change on CT.", {"progression": "none"}),
])
def test_more_report_and_letter_forms(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text", ["Lorlatinib dose reduced to 75 mg for oedema.", "Brigatinib held for a week for CK rise.",
                                  "Pneumonitis on brigatinib; steroids given, brigatinib continued."])
def test_a_dose_change_or_a_pause_is_not_intolerance(text):
    assert_reads(text, {"intolerant_tkis": None})


@pytest.mark.parametrize("text,fields", [
    ("Progression in the mediastinal nodes and a new pleural effusion.", {"progression": "systemic"}),
    ("Liver bx: adeno, ALK G1202R.", {"biopsy": "tissue", "transformation": "none", "alk_mutations": ["G1202R"]}),
    ("PD brain + liver.", {"brain_metastases": True}),
    ("New pleural effusion.", {}),
])
def test_letter_and_shorthand_summaries(text, fields):
    assert_reads_exactly(text, fields)


# ---- a TKI stated as taken stays taken whatever uncertainty follows it ------------------------------------------

@pytest.mark.parametrize("text,tkis", [
    ("on alectinib pending NGS results", ["alectinib"]),
    ("Remains on brigatinib pending the liver biopsy.", ["brigatinib"]),
    ("continues alectinib pending rebiopsy", ["alectinib"]),
    ("Kept on Alecensa awaiting the MDT", ["alectinib"]),
    ("crizotinib, then on ceritinib pending Guardant results", ["crizotinib", "ceritinib"]),
    ("on alectinib, if G1202R is found, switch to lorlatinib", ["alectinib"]),
])
def test_a_tki_stated_as_taken_is_not_made_a_plan_by_what_follows(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text", [
    "plan lorlatinib pending NGS",  # a plan word before it
    "Lorlatinib pending funding approval.",  # not stated as taken
    "put her on lorlatinib pending NGS",
    "will start lorlatinib awaiting the biopsy",
])
def test_a_tki_pending_without_being_taken_is_not_received(text):
    assert_reads_excluding(text, "prior_tkis", ["lorlatinib"])


# ---- a TKI in a condition after a comma, a dash or in brackets is planned -----------------------------------------

@pytest.mark.parametrize("text", [
    "progressed on alectinib; plan: brigatinib, lorlatinib, if G1202R is found",
    "Progressed on alectinib. Next step lorlatinib, if G1202R is found",
    "alectinib, then lorlatinib, if G1202R is found",
    "Alectinib → lorlatinib, if a G1202R is found on the rebiopsy",
    "alectinib 2019-2023 - lorlatinib, should G1202R be confirmed",
    "alectinib (if G1202R is found, lorlatinib)",
    "alectinib 2019-2023 - if G1202R is found, lorlatinib",
    "Alectinib since 2020. Plan: if G1202R is found, lorlatinib.",
])
def test_a_tki_in_a_conditional_clause_is_not_a_prior_tki(text):
    case = read(text)
    assert case.get("prior_tkis") == ["alectinib"], (text, case)
    assert "G1202R" not in case.get("alk_mutations", []), text


@pytest.mark.parametrize("text,tkis", [
    ("on brigatinib, if I recall", ["brigatinib"]),  # qualifies what was said: no condition
    ("crizotinib, alectinib, lorlatinib, if I remember correctly", ["crizotinib", "alectinib", "lorlatinib"]),
    ("brigatinib, if tolerated", ["brigatinib"]),
    ("alectinib, then lorlatinib, once G1202R was found", ["alectinib", "lorlatinib"]),
])
def test_a_clause_after_a_tki_that_is_no_condition_leaves_it_received(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


# ---- short forms that are also a name ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,tkis", [
    ("on Alec since 2022", ["alectinib"]),
    ("Alec 600 bid since 2021", ["alectinib"]),
    ("Alec 1L, PD in liver and bone", ["alectinib"]),
    ("Alec x 3 yrs, then PD", ["alectinib"]),
    ("crizotinib -> Alec -> lorlatinib", ["crizotinib", "alectinib", "lorlatinib"]),
    ("Alec/Brig", ["alectinib", "brigatinib"]),
    ("PD on Brig", ["brigatinib"]),
    ("Alec continued.", ["alectinib"]),
    ("alec, systemic PD", ["alectinib"]),  # lower case: ward shorthand wherever it stands
    ("ALEC 1L then LORL", ["alectinib", "lorlatinib"]),
])
def test_a_short_form_that_is_also_a_name_is_read_in_a_drug_context(text, tkis):
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text", [
    "Alec, 54, ALK+ NSCLC on crizotinib",
    "Hi Alec, quick question",
    "Discussed with Alec (radiology): new liver lesions",
    "Spoke to Alec today",
    "Thanks Alec",
    "Email from Alec: ECOG 1",
    "The Brig was late",
])
def test_a_capitalised_short_form_without_a_drug_context_is_a_name(text):
    assert not {"alectinib", "brigatinib"} & set(read(text).get("prior_tkis", [])), text


# ---- MET copy number: amplification only when called so or above every cited threshold--------------------------------------------------------

@pytest.mark.parametrize("text", [
    "MET copy number 2", "MET CN 2.1", "MET copy number 5", "MET/CEP7 ratio 1.1", "MET/CEP7 ratio 2.6 by FISH",
    "MET/CEP7", "MET FISH sent", "MET gene copy number of 3.5", "MET: 12 copies",
])
def test_a_bare_met_copy_number_or_ratio_is_not_amplification(text):
    assert_reads_excluding(text, "bypass_alterations", ["MET_amplification"])


@pytest.mark.parametrize("text,bypass", [
    ("MET copy number 2.0 (not amplified)", None),  # MET amplification absent: nothing said of other alterations
    ("MET CN 2, no amplification", None),
    ("MET/CEP7 ratio 1.1, not amplified", None),
    ("MET FISH negative", None),
    ("MET copy number 4.1: low-level gain, below the amplification cut-off.", ["MET_gain"]),
    ("MET copy number 10, amplified", ["MET_amplification"]),
    ("MET CN 7 - amplified", ["MET_amplification"]),
    ("MET copy number 6 (amplification)", ["MET_amplification"]),
    ("MET/CEP7 ratio 6.2 (amplified)", ["MET_amplification"]),
    ("MET FISH: amplified, MET/CEP7 4.4", ["MET_amplification"]),
    ("MET amplified (copy number 10)", ["MET_amplification"]),
    ("High-level MET amplification (MET:CEP7 > 5).", ["MET_amplification"]),
])
def test_a_met_copy_number_reads_as_what_the_report_calls_it(text, bypass):
    assert_reads(text, {"bypass_alterations": bypass})


# ---- a question about a scenario that names findings states none of them ---------------------------------------

@pytest.mark.parametrize("text", [
    "what about a patient with G1202R after lorlatinib?",
    "What about a patient with G1202R after lorlatinib",
    "how would you treat a patient with MET amplification after brigatinib?",
    "G1202R after lorlatinib?",
    "what do you do for a G1202R after lorlatinib?",
])
def test_a_question_about_a_scenario_states_nothing(text):
    assert_reads_exactly(text, {})
    assert extractor.message_is_question(text), text


# ---- where the patient is treated ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,region", [
    ("Treated in Italy.", "IT"), ("Managed in the UK.", "GB"), ("She is treated at a university hospital in Germany.", "DE"),
    ("Treated at the Charite in Berlin.", "DE"), ("we're in Spain", "ES"), ("US-based, Medicare", "US"),
    ("49M, ALK+ NSCLC, Australia. Brig -> PD", "AU"), ("iruplinalkib 1L (China), PD in lung and bone", "CN"),
    ("Our centre is in Lyon.", "FR"), ("EU patient, treated in the EU", "EU"),
])
def test_where_the_patient_is_treated_is_the_region(text, region):
    assert_reads(text, {"region": region})


@pytest.mark.parametrize("text", ["Diagnosed in Spain in 2019.", "He is from Brazil.", "pt's sister lives in Canada",
                                  "treated in 2019 with alectinib", "What if she were treated in the EU?",
                                  "liver lesion on ultrasound (US)"])
def test_where_the_patient_comes_from_or_a_question_is_no_region(text):
    assert_reads(text, {"region": None})


# ---- an ALK fusion test read on a specimen of this progression ------------------------------------------------------

@pytest.mark.parametrize("text,present", [
    ("ALK FISH on the progression biopsy remains positive.", True),
    ("ALK IHC (D5F3) strongly positive on the rebiopsy", True),
    ("FISH on the progressing node: ALK rearranged", True),
    ("pleural fluid cell block: ALK fusion+, G1202R", True),
    ("rebx liver: ALK FISH negative", False),
    ("Repeat core: ALK IHC neg", False),
])
def test_an_alk_test_on_the_progression_specimen_is_the_fusion_at_progression(text, present):
    case = read(text)
    assert (case.get("alk_fusion_at_progression"), case.get("alk_fusion_specimen")) == (present, "tissue"), text
    assert "alk_positive" not in case, text


@pytest.mark.parametrize("text", ["ALK IHC positive at diagnosis; rebx: G1202R", "ALK FISH positive on the diagnostic core"])
def test_an_alk_test_at_diagnosis_is_not_the_fusion_at_progression(text):
    assert_reads(text, {"alk_fusion_at_progression": None})


@pytest.mark.parametrize("text", ["original biopsy: EML4-ALK v2", "dx bx: squamous cell carcinoma",
                                  "A KIF5B-ALK fusion was identified on the diagnostic lymph node biopsy.",
                                  "EML4-ALK by RNA NGS on the original resection", "core biopsy at diagnosis: adenocarcinoma"])
def test_the_diagnosis_specimen_is_not_a_rebiopsy(text):
    assert_reads(text, {"biopsy": None})


def test_a_rebiopsy_beside_the_diagnosis_specimen_is_still_read():
    assert_reads("repeat liver biopsy: G1202R; original biopsy EML4-ALK v3", {"biopsy": "tissue"})


# ---- histology, symptoms and response words ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("Diagnostic pathology: non-small cell carcinoma, not otherwise specified", {"histology": "other_nsclc"}),
    ("Pleomorphic (sarcomatoid) carcinoma of the lung", {"histology": "other_nsclc"}),
    ("non-small cell lung cancer", {}),  # not a small-cell transformation
    ("worsening SOB from the effusion", {"symptomatic": True}),
    ("Weight loss of 6 kg and drenching night sweats.", {"symptomatic": True}),
    ("drowsy", {"symptomatic": True}),
    ("feels well, no complaints", {"symptomatic": False}),
    ("Denies headache, visual change or focal weakness.", {"symptomatic": False}),
    ("Response assessment: PR.", {"progression": "none"}),
    ("Radiological SD per RECIST 1.1.", {"progression": "none"}),
    ("Clinically and radiologically stable.", {"progression": "none"}),
])
def test_more_report_words(text, fields):
    assert_reads_exactly(text, fields)


# ---- what is given now ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,current", [
    ("Off all anticancer treatment since March (treatment break).", "none"),
    ("Not on any anticancer treatment at present.", "none"),
    ("alectinib stopped for PD; now on nothing", "none"),
    ("TKI stopped 2 wks ago, nothing currently", "none"),
    ("She is currently receiving carboplatin and pemetrexed.", "chemotherapy"),
    ("currently cycle 2 carbo/etoposide", "chemotherapy"),
    ("Currently on ABCP after alectinib and lorlatinib.", "chemo_immunotherapy"),
    ("alec->lorla->now ABCP, c2", "chemo_immunotherapy"),
])
def test_what_is_given_now(text, current):
    assert_reads(text, {"current_therapy": current})


@pytest.mark.parametrize("text", ["Was on carbo/pem in 2019.", "off alectinib since June", "treatment break planned?"])
def test_a_past_treatment_or_a_question_is_not_what_is_given_now(text):
    assert_reads(text, {"current_therapy": None})


# ---- shorthand questions without a question word -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "lorl ok w/ statin", "brigatinib safe with warfarin", "hepatic dosing for brig", "renal dosing of alectinib",
    "ABCP vs carbo/pem after alec", "SRS or lorla for 3 small brain mets", "lorlatinib vs brigatinib for G1202R",
    "Guardant or F1 Liquid - which is better for ALK fusions?", "is E1210K lorla-sensitive",
    "is a plasma 'ALK fusion not detected' real", "pls summarise the options for compound mutations",
    "Give me the NCCN position on oligoprogression.",
])
def test_a_shorthand_question_states_nothing(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text,fields", [
    ("alectinib then brigatinib, PD on brig", {"prior_tkis": ["alectinib", "brigatinib"]}),
    ("tissue and plasma NGS: G1202R", {"biopsy": "tissue_and_plasma", "alk_mutations": ["G1202R"]}),
    ("Dose of alectinib reduced to 450 mg for myalgia.", {"prior_tkis": ["alectinib"]}),
])
def test_statements_near_the_shorthand_questions(text, fields):
    assert_reads_exactly(text, fields)


# ---- more forms: sites with their lesions, radiosurgery, comorbidity words, toxicity shorthand, ECOG arrows ------------

@pytest.mark.parametrize("text,fields", [
    ("Progression on alectinib at 14 months in the lung, pleura and bone.", {"prior_tkis": ["alectinib"], "progression": "systemic"}),
    ("Interval development of peritoneal carcinomatosis and new osseous metastases", {"progression": "systemic"}),
    ("Two brain metastases were treated with gamma knife in 2022.", {"brain_metastases": True, "cns_lesions": "limited"}),
    ("SRS to a solitary cerebellar metastasis", {"brain_metastases": True, "cns_lesions": "limited"}),
    ("MRI brain neg", {"brain_metastases": False}),
    ("HFrEF, EF 30%", {"comorbidities": ["cardiovascular_disease"]}),
    ("creat clearance ~40", {"comorbidities": ["renal_impairment"]}),
    ("creatinine clearance (Cockcroft-Gault) of 58 ml/min", {}),
    ("on atorvastatin for raised lipids", {"comorbidities": ["hyperlipidemia"]}),
    ("couldnt tolerate ceritinib, GI tox", {"prior_tkis": ["ceritinib"], "intolerant_tkis": ["ceritinib"]}),
    ("ecog 1->3 over 2 wks", {"ecog": 3}),
    ("perf status now 2 (was 0 at dx)", {"ecog": 2}),
    ("transitioning to BSC", {"goals_of_care": "comfort"}),
    ("He would like to pursue all available treatment options.", {"goals_of_care": "disease_directed"}),
])
def test_more_forms_from_reports_and_notes(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text", ["New liver lesion; bone lesions stable.", "PD with a new liver lesion, stable bone mets",
                                  "SBRT to a single lung nodule", "ECOG 1; ECOG 2"])
def test_near_misses_of_the_forms_above(text):
    case = read(text)
    assert case.get("progression") != "systemic" and "cns_lesions" not in case and "ecog" not in case, (text, case)


# ---- report denials, histology at the re-biopsy, brain lesion counts, the only progressing site ---------------------

@pytest.mark.parametrize("text,fields", [
    ("Rebx (adrenal) NGS: ALK fusion present, ALK KD wild-type, KRAS G12C 18%",
     {"biopsy": "tissue", "alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue", "alk_mutations": [],
      "bypass_alterations": ["KRAS_G12C"]}),
    ("no other actionable alterations", {"bypass_alterations": []}),
    ("Plasma NGS: no ALK mutations, no other drivers.", {"biopsy": "plasma", "alk_mutations": [], "bypass_alterations": []}),
    ("no reportable alterations other than the EML4-ALK fusion", {"bypass_alterations": []}),
    ("liver bx: small cell ca, synapto+", {"biopsy": "tissue", "transformation": "small_cell"}),
    ("rebx: adeno + SCLC components", {"biopsy": "tissue", "transformation": "small_cell_mixed"}),
    ("brain: multiple (12+) new mets, too many for SRS", {"brain_metastases": True, "cns_lesions": "extensive"}),
    ("new single 7 mm L cerebellar met", {"brain_metastases": True, "cns_lesions": "limited", "progression": None}),
    ("PD in a single rib lesion while the rest of her disease remains quiescent", {"progression": "oligoprogression"}),
    ("Envonalkib since 2023: a new T11 metastasis, the only new lesion.",
     {"prior_tkis": ["envonalkib"], "progression": "oligoprogression"}),
])
def test_report_and_letter_forms_of_the_third_and_fourth_sets(text, fields):
    assert_reads(text, fields)


def test_a_denial_of_other_alterations_keeps_the_fusion_it_names():
    assert_reads("Rebx NGS: EML4-ALK fusion; no reportable alterations besides the ALK fusion.",
                 {"alk_fusion_at_progression": True, "bypass_alterations": []})


@pytest.mark.parametrize("text", ["no other mutations in ALK", "other drivers were not tested", "non-small cell carcinoma"])
def test_near_misses_of_the_denials(text):
    assert "bypass_alterations" not in read(text) and "transformation" not in read(text), text


# ---- a TKI named for the future, toxicity switches, denied intolerance, the order of TKIs ------------------------------

@pytest.mark.parametrize("text", ["Lipids and glucose to be checked before any lorlatinib is started.",
                                  "She would be eligible for ALKOVE-1 should lorlatinib fail.",
                                  "Lorlatinib access follows PBS criteria.", "plan a switch to lorlatinib",
                                  "Lorlatinib can be started once the lipids are controlled."])
def test_a_tki_named_for_the_future_is_not_received(text):
    assert_reads_excluding(text, "prior_tkis", ["lorlatinib"])


@pytest.mark.parametrize("text,fields", [
    ("crizo -> alec (switched for CNS progression, not toxicity)",
     {"prior_tkis": ["crizotinib", "alectinib"], "intolerant_tkis": []}),
    ("Xalkori 2017-19 (hepatotox) -> Alunbrig 2019-now",
     {"prior_tkis": ["crizotinib", "brigatinib"], "intolerant_tkis": ["crizotinib"]}),
    ("Myalgia on alectinib led to a switch to lorlatinib.",
     {"prior_tkis": ["alectinib", "lorlatinib"], "intolerant_tkis": ["alectinib"]}),
    ("alectinib 2019-2023 -> lorlatinib", {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ("Alectinib was commenced in 11/2019; ceritinib had been given first.", {"prior_tkis": ["ceritinib", "alectinib"]}),
    ("crizotinib (2018-2019), then ceritinib, and since June 2020 alectinib.",
     {"prior_tkis": ["crizotinib", "ceritinib", "alectinib"]}),
    ("lorlatinib since alectinib failed", {"prior_tkis": ["alectinib", "lorlatinib"]}),
])
def test_toxicity_switches_denied_intolerance_and_order(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,fields", [
    ("dx bx: sq cell ca (p40+, TTF-1 neg)", {"histology": "squamous"}),
    ("rebx: SCC, p40+", {"biopsy": "tissue", "transformation": "squamous"}),
    ("history of cutaneous SCC", {}),
    ("ALK status at diagnosis was positive on FISH only", {"alk_positive": True}),
    ("KIF5B-ALK at dx", {"alk_positive": True}),
    ("Original dx NSCLC-NOS (ALK IHC+)", {"histology": "other_nsclc", "alk_positive": True}),
    ("G2P1, currently 22/40", {"pregnancy_status": "pregnant"}),
    ("visual acuity 20/40", {}),
    ("No enzyme-inducing anticonvulsants; levetiracetam only.", {"strong_cyp3a_inducer": False}),
])
def test_diagnosis_results_squamous_shorthand_gestation_and_inducer_class(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,fields", [
    ("solitary brain met 8 mm", {"brain_metastases": True, "cns_lesions": "limited"}),
    ("two cerebellar mets (4 and 6 mm)", {"brain_metastases": True, "cns_lesions": "limited"}),
    ("single brain metastasis measuring 2.5 cm", {"brain_metastases": True, "cns_lesions": "limited"}),  # one lesion
    ("SP263 PD-L1 staining in 30% of tumour cells.", {"pdl1_tps": 30}),
    ("PD-L1 22C3: 5% of tumor cells", {"pdl1_tps": 5}),
])
def test_brain_lesion_sizes_after_the_count_and_pdl1_as_a_share_of_tumour_cells(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,fields", [
    ("?SCLC transformation, bx booked", {}),  # "?" before a finding queries it
    ("?met in L4", {}),
    ("ALK fusion negative by FISH at diagnosis", {}),  # the diagnosis, not the fusion at progression
    ("ALK fusion not detected by FISH on the rebiopsy",
     {"alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue", "biopsy": "tissue"}),
])
def test_a_queried_finding_and_a_fusion_result_at_diagnosis(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,fields", [
    ("Progression confined to the brain, with extracranial disease remaining in complete metabolic response.",
     {"progression": "cns_only", "brain_metastases": True}),
    ("alectinib with a durable response until 2024, then widespread liver and bone progression",
     {"prior_tkis": ["alectinib"], "progression": "systemic"}),
    ("durable response on alectinib", {"prior_tkis": ["alectinib"], "progression": "none"}),
])
def test_a_past_response_does_not_contradict_the_progression_now(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,fields", [
    ("Pleural fluid cytology: metastatic adenocarcinoma", {"biopsy": "tissue", "transformation": "none"}),
    ("FNA of the supraclavicular node: adenocarcinoma", {"biopsy": "tissue", "transformation": "none"}),
    ("EBUS-TBNA station 7: metastatic adenocarcinoma", {"biopsy": "tissue", "transformation": "none"}),
    # the diagnosis's specimen: its histology, no transformation, no re-biopsy
    ("Diagnostic core biopsy of the lung mass: adenocarcinoma", {"histology": "adenocarcinoma"}),
    ("Initial EBUS FNA 2021: adenocarcinoma, TTF-1+", {"histology": "adenocarcinoma"}),
])
def test_the_histology_of_a_sample_at_progression_is_no_transformation(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,fields", [
    ("carbamazepine for epilepsy; neuro ok to switch to levetiracetam",
     {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
    ("on rifampicin, ID team will not switch it", {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
    ("Repeat core: no neuroendocrine component", {"biopsy": "tissue", "transformation": "none"}),
    ("discussed hospice as an option, pt undecided", {}),
    ("wants hospice, discussed with family", {"goals_of_care": "comfort"}),
])
def test_inducer_switch_words_neuroendocrine_component_and_a_discussed_option(text, fields):
    assert_reads_exactly(text, fields)


# ---- a plan put as a question: a proposal, then a clause that asks about it ---------------------------------------
# Telegraphic questions whose question is only the last clause ("..., any data", "... - reasonable?", "... - add
# TKI?") or a choice ("..., lorla or brig"): the proposal before the asking clause is part of the question, its
# findings the premise. A case stated before a question keeps what it states (the question's own therapies aside).

PROPOSALS = ["lorlatinib for G1202R after alectinib", "brig for L1196M post alec", "try crizotinib for L1198F after lorla",
             "Carboplatin/pemetrexed for SCLC transformation", "KRAS G12C -> sotorasib + lorla",
             "MET amplification → capmatinib plus lorlatinib", "lorla or brig for G1202R", "ensartinib after lorlatinib",
             "SRS for 2 small brain mets", "lorlatinib 100 mg for leptomeningeal disease", "G1202R/L1196M -> chemo",
             "chemo + lorla for squamous transformation", "brigatinib in ECOG 3",
             # a premise opening the sentence with a colon, then the therapies proposed
             "MET amp: capmatinib + lorla", "Leptomeningeal disease: lorlatinib 100 mg"]
ASKING = [", any data", " - any trials?", ", thoughts", " - thoughts?", ", reasonable?", " - ok?", ", worth trying?",
          " - would it work", ", any evidence for this", " - agree?", ", pls advise", " - continue the TKI?",
          ", add SRS?", " - yes or no?"]


@pytest.mark.parametrize("text", [p + a for k, p in enumerate(PROPOSALS) for a in ASKING[k % 5 :: 5]])
def test_a_proposal_asked_about_in_its_last_clause_states_nothing(text):
    assert_reads_exactly(text, {})
    assert extractor.message_is_question(text), text


@pytest.mark.parametrize("text", ["lorla for G1202R any data", "KRAS G12C: sotorasib + lorlatinib any evidence",
                                  "brigatinib after alectinib thoughts pls", "SRS for 3 small brain mets any trials"])
def test_a_request_glued_to_a_proposal_states_nothing(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text,fields", [
    ("alectinib 3y, PD, G1202R - lorlatinib, thoughts?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
    ("ECOG 1, tissue NGS G1202R: lorla 100 mg next, reasonable?", {"ecog": 1, "biopsy": "tissue",
                                                                    "alk_mutations": ["G1202R"]}),
    # the end of a list of TKIs received is no proposal
    ("crizotinib, alectinib, brigatinib, thoughts?", {"prior_tkis": ["crizotinib", "alectinib", "brigatinib"]}),
])
def test_a_therapy_proposed_after_the_case_is_asked_about_and_the_case_kept(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,fields", [
    ("alectinib 3y, PD, G1202R - lorlatinib?", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
    ("alec x 2 yrs then PD in liver and bone, tissue NGS G1202R - thoughts?",
     {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"], "progression": "systemic", "biopsy": "tissue"}),
    ("crizotinib -> alectinib, now systemic PD - any data for lorlatinib?",
     {"prior_tkis": ["crizotinib", "alectinib"], "progression": "systemic"}),
    ("on lorlatinib for G1202R since 2022, new brain mets - any data?",
     {"prior_tkis": ["lorlatinib"], "alk_mutations": ["G1202R"], "brain_metastases": True}),
    ("ECOG 1, MET amp on the rebiopsy - thoughts", {"ecog": 1, "bypass_alterations": ["MET_amplification"],
                                                     "biopsy": "tissue"}),
    ("alectinib x 2y, G1202R, lorla or brig", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"]}),
    ("Brigatinib 1L, systemic PD, rebx G1202R - reasonable?",
     {"prior_tkis": ["brigatinib"], "alk_mutations": ["G1202R"], "progression": "systemic", "biopsy": "tissue"}),
    ("progressed on brigatinib after alectinib, any data", {"prior_tkis": ["alectinib", "brigatinib"]}),
    # a sequence asked about: the TKI it leads to may be proposed rather than received, so it is left unread (the
    # dialogue asks); the one it leads from was received. Stated as such ("..., now PD"), it is a history.
    ("crizotinib -> alectinib, thoughts?", {"prior_tkis": ["crizotinib"]}),
    ("crizotinib -> alectinib, now PD, thoughts?", {"prior_tkis": ["crizotinib", "alectinib"]}),
])
def test_a_case_stated_before_a_trailing_question_keeps_what_it_states(text, fields):
    assert_reads_exactly(text, fields)
    assert not extractor.message_is_question(text) or not fields, text
