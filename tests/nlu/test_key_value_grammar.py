"""The grammar of key-value lines (bot/nlu/key_value.py) beyond a key at a line start and a value alone: a key after a
sentence, a semicolon, a table bar, a comma or a dash; a value followed by words that only say where, when or how it
was found; a question, a hedge, a test not done, "n/a" and a denial read per field. Each form in phrasings of our own
(clinic letters, MDT proformas, ward handovers), with the near-misses that must not be read; not taken from the
independent sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads_exactly

read = extractor.extract_case

# ---- where a key starts ---------------------------------------------------------------------------------------------

BEFORE = [
    "{kv}",
    "Reviewed in clinic today. {kv}",
    "Never smoker; {kv}",
    "Smoking: never | {kv}",
    "Seen with daughter, {kv}",
    "Handover - {kv}",
    "{kv}. Plan: restage in 8 weeks",
]


@pytest.mark.parametrize("kv,fields", [
    ("Transformation: none", {"transformation": "none"}),
    ("Transformation: small cell", {"transformation": "small_cell"}),
    ("Histologic transformation: squamous cell carcinoma", {"transformation": "squamous"}),
    ("Brain: clear", {"brain_metastases": False}),
    ("Brain: negative for metastases", {"brain_metastases": False}),
    ("Leptomeningeal: no", {"leptomeningeal": False}),
    ("Pregnancy test: positive", {"pregnancy_status": "pregnant"}),
    ("UPT: negative", {"pregnancy_status": "childbearing_potential"}),
    ("Prior IO: no", {"prior_immunotherapy": False}),
    ("Systemic therapy other than TKI: none", {"prior_chemotherapy": False, "prior_immunotherapy": False}),
    ("Symptoms: none", {"symptomatic": False}),
    ("Country: Japan", {"region": "JP"}),
])
def test_a_key_is_read_after_a_sentence_a_separator_a_comma_or_a_dash(kv, fields):
    for form in BEFORE:
        text = form.format(kv=kv)
        assert_reads_exactly(text, fields)


def test_one_line_of_several_keys():
    assert_reads_exactly("Smoking: never; Transformation: none; ECOG: 1", {"transformation": "none", "ecog": 1})
    assert read("ECOG: 2, brain: 2 small mets, lepto: no") == {
        "ecog": 2, "brain_metastases": True, "cns_lesions": "limited", "leptomeningeal": False}
    assert read("Dx 2021 | Brain: clear | WHO PS: 1 | PD-L1: 5%") == {
        "brain_metastases": False, "ecog": 1, "pdl1_tps": 5}


def test_a_value_ends_at_its_sentence_and_at_the_next_key():
    # the next sentence's plan is not the brain's ("planned" anywhere in a value defers it)
    assert_reads_exactly("Brain: clear. Re-biopsy: planned", {"brain_metastases": False})
    assert_reads_exactly("Brain: no mets, rebiopsy: booked", {"brain_metastases": False})
    assert_reads_exactly("Location: U.S. (Texas)", {"region": "US"})


@pytest.mark.parametrize("text,fields", [
    ("The rebiopsy showed transformation: small cell", {"biopsy": "tissue", "transformation": "small_cell"}),
    ("Liver core revealed transformation: squamous", {"biopsy": "tissue", "transformation": "squamous"}),
    ("EBUS confirmed transformation: none", {"biopsy": "tissue", "transformation": "none"}),
])
def test_a_key_after_what_a_report_showed(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,fields", [
    ("Biopsy: adenocarcinoma, ALK G1202R", {"biopsy": "tissue", "histology": "adenocarcinoma",
                                            "alk_mutations": ["G1202R"]}),
    ("Latest bx: L1196M", {"biopsy": "tissue", "alk_mutations": ["L1196M"]}),
    ("PD on alectinib; new biopsy: G1202R", {"prior_tkis": ["alectinib"], "biopsy": "tissue",
                                             "alk_mutations": ["G1202R"]}),
    ("Biopsy: not feasible", {"biopsy": "none"}),
    ("Biopsy: booked for Tuesday", {}),
    ("Biopsy: ?", {}),
])
def test_a_biopsy_heading_names_a_tissue_biopsy_unless_it_denies_or_defers_it(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("key", ["Brain", "Brain MRI", "Brain CT", "CT brain", "MRI head", "MRI of the brain"])
def test_brain_imaging_keys(key):
    assert read(f"{key}: no lesions") == {"brain_metastases": False}
    assert read(f"{key}: negative for metastases") == {"brain_metastases": False}
    assert read(f"{key}: mets?") == {}


@pytest.mark.parametrize("text,fields", [
    # a key inside a sentence is no key of a template: the other phrases read the sentence
    ("Concern for transformation: yes", {}),
    ("Risk of transformation: high", {}),
    ("Discussed transformation: small cell possible, biopsy pending", {}),
    ("Ask about transformation: small cell?", {}),
    # a dash inside a word starts nothing
    ("Anti-T-cell therapy - none", {}),
    # keys joined by a plus name both tests
    ("Guardant + tissue: ALK I1171N", {"alk_mutations": ["I1171N"], "biopsy": "tissue_and_plasma"}),
])
def test_near_misses_of_a_key(text, fields):
    assert_reads_exactly(text, fields)


# ---- words after the value ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("Brain: no mets seen on MRI", {"brain_metastases": False}),
    ("Brain mets: none detected on MRI 04/2025", {"brain_metastases": False}),
    ("Symptoms: none reported by patient", {"symptomatic": False}),
    ("Symptoms: nil of note", {"symptomatic": False}),
    ("Sx: none today", {"symptomatic": False}),
    ("Pregnancy test: negative on 2/3", {"pregnancy_status": "childbearing_potential"}),
    ("hCG: negative this morning", {"pregnancy_status": "childbearing_potential"}),
    ("Pregnancy test: positive on admission", {"pregnancy_status": "pregnant"}),
    ("ALK: positive by IHC and FISH", {"alk_positive": True}),
    ("Transformation: none seen on the liver core", {"transformation": "none", "biopsy": "tissue"}),
    ("Transformation: not detected on rebiopsy", {"transformation": "none", "biopsy": "tissue"}),
    ("Lepto: none on MRI", {"leptomeningeal": False}),
    ("Interactions: none relevant", {"strong_cyp3a_inducer": False, "strong_cyp3a_inhibitor": False}),
    ("Current treatment: none since March", {"current_therapy": "none"}),
    ("Prior IO: not given", {"prior_immunotherapy": False}),
])
def test_a_value_followed_by_where_when_or_how_it_was_found(text, fields):
    assert_reads_exactly(text, fields)
    assert read("Seen today. " + text) == fields


@pytest.mark.parametrize("text,fields", [
    # at the diagnosis or in the past: maybe not now
    ("Symptoms: none at baseline", {}),
    ("Pregnancy test: negative at baseline", {}),
    # in plasma: says nothing of the tissue
    ("ALK: negative on plasma", {"biopsy": "plasma"}),
    # what a denial names is denied, not the key ("no ALK mutation" is no mutation; the tissue was tested)
    ("Tissue NGS: no ALK mutation", {"alk_mutations": [], "biopsy": "tissue"}),
    ("Plasma: negative for ALK mutations", {"alk_mutations": [], "biopsy": "plasma"}),
    # "for" names what it is positive for
    ("Pregnancy test: positive for something else", {}),
])
def test_words_after_the_value_that_change_what_it_says(text, fields):
    assert_reads_exactly(text, fields)


# ---- a question, a hedge, a value to come ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Brain: mets?",
    "Brain mets: yes?",
    "ECOG: 1?",
    "PD-L1: 50%?",
    "Transformation: SCLC?",
    "Transformation: ?SCLC",
    "Pregnancy test: positive?",
    "Key question - transformation: none?",
    "Brain: clear? last MRI 6 months ago",
    "Never smoker; brain mets: yes?; seen with wife",
])
def test_a_question_changes_nothing(text):
    assert_reads_exactly(text, {})


def test_a_question_after_the_value_leaves_the_value_stated():
    assert_reads_exactly("Brain: no mets, lorlatinib?", {"brain_metastases": False})
    assert_reads_exactly("Brain: no mets. Any role for SRS?", {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "Transformation: possible SCLC",
    "Transformation: possibly small cell",
    "Transformation: suspected small cell",
    "Transformation: likely squamous",
    "Transformation: unlikely",
    "Brain: equivocal 3 mm focus",
    "Leptomeningeal: cannot be excluded",
    "Leptomeningeal: not excluded",
    "Symptoms: possible headache",
    "Re-biopsy: possible if it progresses",
])
def test_a_hedged_value_is_not_stated(text):
    assert_reads_exactly(text, {})


def test_a_later_clause_that_interprets_the_result_does_not_doubt_it():
    assert read("Plasma NGS: no ALK mutation detected - probably low shedding") == {
        "alk_mutations": [], "biopsy": "plasma"}
    assert_reads_exactly("Transformation: none, likely resistance via a bypass track", {"transformation": "none"})


def test_not_possible_is_no_hedge():
    assert_reads_exactly("Re-biopsy: not possible (location)", {"biopsy": "none"})
    assert_reads_exactly("Biopsy: not possible", {"biopsy": "none"})


# ---- a denial read per field ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,fields", [
    # not done: no biopsy, no therapy received
    ("Re-biopsy: not done", {"biopsy": "none"}),
    ("Biopsy: declined", {"biopsy": "none"}),
    ("Prior chemo: declined", {"prior_chemotherapy": False}),
    # not done: a test's result, an imaging finding or a histology unknown
    ("Pregnancy test: not done", {}),
    ("Pregnancy test: declined", {}),
    ("ALK FISH: failed", {}),
    ("ALK: not done", {}),
    ("Brain MRI: not done", {}),
    ("Leptomeningeal: not done", {}),
    ("Transformation: not done", {}),
])
def test_a_test_not_done_is_absent_only_where_not_doing_it_is_the_finding(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text", ["Pregnancy test: none", "Pregnancy test: no", "ALK: no", "ALK testing: none"])
def test_only_a_result_word_denies_a_test_result(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text", ["Transformation: n/a", "Brain: n/a", "Pregnancy: n/a", "ECOG: n/a", "Symptoms: n/a",
                                  "Prior chemo: n/a", "CYP3A inducers: n/a", "Biopsy: n/a"])
def test_not_applicable_or_not_assessed_is_read_as_neither(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text,fields", [
    ("Transformation: no small cell features", {"transformation": "none"}),
    ("Transformation: no evidence of small cell", {"transformation": "none"}),
    ("Transformation: small cell excluded", {"transformation": "none"}),
    ("Transformation: squamous excluded, small cell confirmed", {"transformation": "small_cell"}),
    ("Location: not USA", {}),
])
def test_a_value_denied_in_its_own_words(text, fields):
    assert_reads_exactly(text, fields)


def test_a_dash_after_what_a_report_showed_is_no_key():
    # "shows small cell transformation — ..." names the transformation; the dash does not make it a heading
    text = "What if the rebiopsy shows small cell transformation — carbo/etoposide or keep the TKI?"
    assert_reads_exactly(text, {})
    assert extractor.scenario_fields(text).get("transformation") == "small_cell"


def test_a_question_supposes_the_value_it_names():
    assert [(e.entity, e.value, e.role) for e in extractor.load().entities("Transformation: ?squamous")] == [
        ("transformation", "squamous", "hypothetical")]
