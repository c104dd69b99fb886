"""Grammatical forms the extractor reads, each as a generalisation: several phrasings built from parts (sites, verbs,
nouns, shorthand), and the denials, questions and near-misses that must not fire. Written from the wording of
radiology impressions (RECIST: "new lesions", "interval increase in size"), NGS report names, clinic letters and ward
notes; not from the independent sets."""
from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor

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
    assert read(text).get("progression") == "systemic", text


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
    assert "progression" not in read(text), text


@pytest.mark.parametrize("text,pattern", [
    ("New liver lesion and an enlarging node; everything else stable.", "oligoprogression"),
    ("New brain mets; liver and bone lesions stable.", None),  # the brain is not an extracranial site
    ("New brain mets, extracranial disease controlled.", "cns_only"),
])
def test_site_progression_defers_to_what_is_stated_about_the_rest(text, pattern):
    assert read(text).get("progression") == pattern


# ---- ward shorthand --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,tkis", [
    ("alec 1L, PD liver/bone", ["alectinib"]),
    ("on brig x 14 mo", ["brigatinib"]),
    ("crizo -> alec -> lorl", ["crizotinib", "alectinib", "lorlatinib"]),
    ("PD on briga after criz", ["crizotinib", "brigatinib"]),
    ("ensar 1L", ["ensartinib"]),
])
def test_tki_shorthand(text, tkis):
    assert read(text).get("prior_tkis") == tkis


@pytest.mark.parametrize("text", ["never had brig", "brig-naive", "should we switch to lorl?", "consider alec"])
def test_tki_shorthand_denied_or_asked_is_not_a_prior_tki(text):
    assert "prior_tkis" not in read(text)


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
    assert read(text) == fields


def test_surgery_shorthand_is_not_symptoms():
    assert "symptomatic" not in read("s/p sx 2015")


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
    assert read(text) == {"ecog": ecog}


@pytest.mark.parametrize("text", ["what if ECOG were 2?", "is ECOG 2 a contraindication", "ECOG 2 cm lesion"])
def test_ecog_supposed_or_asked_is_not_read(text):
    assert "ecog" not in read(text)


# ---- goals of care in lay words -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "He wants to be kept comfortable.", "Family asked us to keep him comfortable.",
    "Her priority is quality of life.", "Focus is on quality of life now.",
    "Does not want any more treatment.", "She doesn't want further therapy.", "No longer wants cancer treatment.",
    "Declines further anticancer therapy.", "Not for further active treatment.", "Palliative care only.",
    "Transitioning to end of life care.",
])
def test_comfort_in_lay_words(text):
    assert read(text) == {"goals_of_care": "comfort"}


@pytest.mark.parametrize("text", [
    "Family want everything done.", "Wants to keep fighting.", "Keen to try another line.",
    "Goal is life prolongation.", "Fit for active treatment.", "Wishes to continue with treatment.",
])
def test_disease_directed_in_lay_words(text):
    assert read(text) == {"goals_of_care": "disease_directed"}


@pytest.mark.parametrize("text", [
    "She wants to maintain quality of life while on treatment.",  # a wish about tolerability, not a goal of care
    "Is he fit for active treatment?", "She is not keen to try another line.", "Should we focus on comfort?",
    "Would he want everything done?",
])
def test_goals_asked_denied_or_qualified_are_not_read(text):
    assert "goals_of_care" not in read(text)


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
    assert read(text).get("biopsy") == "tissue", text


@pytest.mark.parametrize("text", PLASMA)
def test_plasma_assays(text):
    assert read(text).get("biopsy") == "plasma", text


def test_an_implied_tissue_beside_a_plasma_assay_is_both():
    assert read("Guardant360 negative; cores from the liver lesion showed G1202R.")["biopsy"] == "tissue_and_plasma"


@pytest.mark.parametrize("text", ["Was the liver lesion biopsied?", "Should we biopsy the adrenal?",
                                  "Liver was not biopsied.", "Plan to biopsy the adrenal.", "Liver biopsy not possible."])
def test_a_biopsy_asked_planned_or_denied_is_not_tissue(text):
    assert read(text).get("biopsy") in (None, "none"), text


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
    assert read(text) == {}, text


@pytest.mark.parametrize("text,fields", [
    ("Alectinib dose-reduced to 450 mg BID for myalgia.", {"prior_tkis": ["alectinib"]}),
    ("Alectinib side effects: myalgia.", {"prior_tkis": ["alectinib"]}),
    ("Worth noting: ECOG 2.", {"ecog": 2}),
    ("Does well on alectinib, now PD in liver and bone.", {"prior_tkis": ["alectinib"], "progression": "systemic"}),
    ("Best response PR on alectinib.", {"prior_tkis": ["alectinib"]}),
    ("Evidence of SCLC transformation on rebiopsy.", {"transformation": "small_cell", "biopsy": "tissue"}),
])
def test_statements_that_share_words_with_requests_are_still_read(text, fields):
    assert read(text) == fields
