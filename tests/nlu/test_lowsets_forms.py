"""Wording classes from the lowest-scoring tuned halves (sets 9, 10, 11, 13: administrative, acute-care, dictation and
longitudinal writing) that other writers use too: a tissue confirmation advised, not done; a form's childbearing field
answered no or N/A; the fusion named without its gene after a plasma test. Each form in phrasings of our own, with the
near-misses that must read otherwise; not taken from the independent sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- a confirmation or a test advised is not one done --------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Plasma: ALK L1196M at 0.4%; confirm on tissue.",
    "Guardant360 shows ALK G1202R. Confirm with a tissue biopsy.",
    "ctDNA positive for ALK I1171N; please confirm on a liver core.",
    "ctDNA shows ALK G1202R; we recommend confirming on a tissue biopsy.",
    "Liquid biopsy: ALK G1202R; suggest repeating the core biopsy.",
    "Plasma NGS: ALK G1202R. Consider tissue rebiopsy.",
])
def test_a_tissue_confirmation_advised_is_no_tissue_biopsy(text: str) -> None:
    assert_reads(text, {"biopsy": "plasma"})


@pytest.mark.parametrize("text", [
    # negative controls: a confirmation done, a biopsy that confirms
    "Plasma: ALK L1196M at 0.4%; confirmed on tissue.",
    "Guardant360 shows ALK G1202R, confirmed on the liver rebiopsy.",
    "The plasma G1202R was confirmed on a liver core biopsy.",
])
def test_a_tissue_confirmation_done_is_both_specimens(text: str) -> None:
    assert_reads(text, {"biopsy": "tissue_and_plasma"})


@pytest.mark.parametrize("text, fields", [
    # negative controls: "confirm" said of a result, not advised
    ("Rebiopsy confirming ALK G1202R.", {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
    ("The FISH results confirm ALK rearrangement.", {"alk_positive": True}),
    ("Tissue confirmation of ALK G1202R on the liver core.", {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
])
def test_confirm_said_of_a_result_keeps_it(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- a form's childbearing field answered no or N/A -----------------------------------------------------------------


@pytest.mark.parametrize("text, status", [
    ("Childbearing potential: no", "not_applicable"),
    ("WOCBP: no", "not_applicable"),
    ("Childbearing potential - not applicable (male)", "not_applicable"),
    # N/A may say not applicable or not assessed: nothing (as "Pregnancy: N/A"), never childbearing potential
    ("Childbearing potential: N/A", None),
    ("WOCBP: n/a", None),
    ("Pregnancy: N/A", None),
    # negative controls: the field answered yes, the words in a sentence, a question
    ("Childbearing potential: yes", "childbearing_potential"),
    ("Woman of childbearing potential, on the pill.", "childbearing_potential"),
    ("Is she of childbearing potential?", None),
])
def test_a_childbearing_field_answered_no_is_not_childbearing(text: str, status: str | None) -> None:
    assert_reads(text, {"pregnancy_status": status})


# ---- the fusion named without its gene after a plasma test ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Plasma NGS showed the fusion and no ALK mutation.",
    "Liquid biopsy: fusion detected; no ALK kinase domain mutations.",
    "cfDNA retained the fusion, no resistance mutation.",
    "Guardant360 at PD revealed the known fusion only.",
])
def test_the_fusion_unnamed_after_a_plasma_test_is_found_there(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma", "biopsy": "plasma"})


@pytest.mark.parametrize("text, fields", [
    # negative controls: the fusion not found or lost, another gene's fusion, a time of diagnosis, a question
    ("Guardant360: fusion not detected, no ALK mutations.", {"alk_fusion_at_progression": False}),
    ("ctDNA showed no fusion.", {"alk_fusion_at_progression": None}),
    ("Plasma NGS showed a RET fusion.", {"alk_fusion_at_progression": None, "bypass_alterations": ["RET_fusion"]}),
    ("Plasma NGS detected the fusion at diagnosis.", {"alk_fusion_at_progression": None}),
    ("Should we send plasma to look for the fusion?", {"alk_fusion_at_progression": None, "biopsy": None}),
    ("If the plasma shows the fusion, will you start lorlatinib?", {"alk_fusion_at_progression": None}),
])
def test_the_fusion_unnamed_not_found_or_not_now_is_not_read_present(text: str, fields: dict) -> None:
    assert_reads(text, fields)


# ---- a count of brain lesions after a progression said to be only in the brain, or written with a plus -------------


@pytest.mark.parametrize("text, count", [
    ("Progression limited to the brain: two lesions.", "limited"),
    ("PD only in the brain, 3 new lesions, CT body stable.", "limited"),
    ("Her disease is progressing only in the brain with one new lesion.", "limited"),
    ("Progression is just in the brain, 4 lesions.", "limited"),
    ("Progression restricted to the brain: 9 new lesions.", "extensive"),
    ("MRI head: 12+ lesions.", "extensive"),
    ("Relapse with 20+ brain metastases.", "extensive"),
])
def test_a_count_after_a_brain_only_progression_is_read(text: str, count: str) -> None:
    assert_reads(text, {"cns_lesions": count, "brain_metastases": True})


@pytest.mark.parametrize("text", [
    # negative controls: the lesions counted elsewhere, five (unread), a question, a relative
    "Progression in the brain, 2 new lesions in the liver.",
    "Progression only in the brain: 5 lesions.",
    "Is the progression only in the brain with 2 lesions?",
    "Her sister has 10+ brain metastases.",
])
def test_a_count_not_the_brains_or_not_stated_is_not_read(text: str) -> None:
    assert_reads(text, {"cns_lesions": None})


# ---- the body said fine or the same in chat words beside brain progression -------------------------------------------


@pytest.mark.parametrize("text", [
    "2 new brain mets, body fine.",
    "New cerebellar met, rest of the body ok.",
    "The brain spots are bigger but the rest is the same.",
    "Progression just in the brain.",
    "She progressed only within the central nervous system.",
    "New brain lesions while the extracranial disease continued to respond.",
])
def test_brain_progression_with_the_body_said_fine_is_cns_only(text: str) -> None:
    assert_reads(text, {"progression": "cns_only"})


@pytest.mark.parametrize("text, pattern", [
    # negative controls: no brain progression, a question, a relative, the body's own lesion
    ("No new brain lesions; body fine.", None),
    ("Is the body fine?", None),
    ("His brother has new brain mets, body fine.", None),
    ("Body weight fine.", None),
    ("New liver lesion, the rest is the same.", "oligoprogression"),
])
def test_the_body_fine_without_brain_progression_is_not_cns_only(text: str, pattern: str | None) -> None:
    assert_reads(text, {"progression": pattern})


# ---- a TKI stopped for a toxicity in the next clause, past the times of the TKI and of the stop ----------------------


@pytest.mark.parametrize("text, tki", [
    ("Crizotinib 2018-2019; stopped for grade 3 transaminitis.", "crizotinib"),
    ("Started ceritinib in 2019; discontinued in 2020 because of diarrhoea.", "ceritinib"),
    ("Brigatinib from 03/2021; stopped in May 2022 for pneumonitis.", "brigatinib"),
    ("Alectinib; held in 2023 for grade 3 CK elevation.", "alectinib"),
])
def test_a_stop_for_toxicity_past_the_times_is_an_intolerance(text: str, tki: str) -> None:
    assert_reads(text, {"intolerant_tkis": [tki]})


@pytest.mark.parametrize("text", [
    # negative controls: a stop for progression, a feared toxicity, a toxicity denied, a hold then resumed
    "Crizotinib 2018-2019; stopped for progression.",
    "Alectinib 2019-2021; stopped in 2021 for fear of hepatotoxicity.",
    "Alectinib 2019-2021; no hepatotoxicity.",
    "Lorlatinib since 03/2023; held in 2024 for oedema, then resumed at 75 mg.",
])
def test_a_stop_not_for_a_toxicity_had_is_no_intolerance(text: str) -> None:
    assert_reads(text, {"intolerant_tkis": None})


# ---- a performance status given now after an earlier one, said of the patient or dated by a month -------------------


@pytest.mark.parametrize("text, ecog", [
    ("ECOG was 0 last month, it's 2 now.", 2),
    ("PS 1, she's 3 now.", 3),
    ("WHO PS 0 in April, now 2.", 2),
    ("ECOG 1 in 02/2025, now 3.", 3),
    # negative controls: a number after "she's" that is no score, a score alone with its month, a later one first
    ("ECOG 1, she's 2 months into lorlatinib.", 1),
    ("ECOG 1 in June.", 1),
    ("ECOG 2 now (was 0 in March).", 2),
])
def test_the_score_now_after_an_earlier_one_is_read(text: str, ecog: int) -> None:
    assert_reads(text, {"ecog": ecog})


# ---- a form's "no" or "N" with the specimen or test in a bracket after it is a denial --------------------------------


@pytest.mark.parametrize("text, field", [
    ("MET amplification: N (tissue)", "bypass_alterations"),
    ("MET amp: no (plasma NGS)", "bypass_alterations"),
    ("Brain metastases: N (MRI 09/2025)", "brain_metastases"),
])
def test_a_form_no_with_its_specimen_bracketed_states_no_finding(text: str, field: str) -> None:
    found = assert_reads(text, {})
    assert found.get(field) in (None, [], False), (text, found)


@pytest.mark.parametrize("text, fields", [
    ("ALK resistance mutation: N (tissue NGS)", {"alk_mutations": []}),
    # negative controls: a form's yes with its specimen, a bracket that names a finding, a report's "suggests"
    ("MET amplification: Y (tissue)", {"bypass_alterations": ["MET_amplification"]}),
    ("ALK resistance mutation: Y (G1202R)", {"alk_mutations": ["G1202R"]}),
    ("CT suggests new liver metastases; MRI suggests brain mets.", {"brain_metastases": True}),
])
def test_a_form_value_with_a_bracket_is_read_as_told(text: str, fields: dict) -> None:
    assert_reads(text, fields)
