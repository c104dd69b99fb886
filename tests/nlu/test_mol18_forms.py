"""(mol18) Molecular and biopsy findings as clinicians type them into the chat and as machine-translated clinic letters
from other languages leave them: a biopsy named in another language's words, a biopsy only hoped for, the ALK fusion
told still positive on a re-test, ALK's "(+)" and "positivo", small-cell and squamous carcinoma and adenocarcinoma in
other languages' words. Each form in phrasings of our own, with the near-misses that must keep their reading."""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- a biopsy named in the words of another language ---------------------------------------------------------------


@pytest.mark.parametrize("text, biopsy", [
    ("Biopsia liquida inviata il 3/12: ALK G1202R.", "plasma"),
    ("Biópsia líquida 11/2025: ALK I1171N (VAF 2%).", "plasma"),
    ("biopsie liquide du 02/12: mutation ALK L1196M.", "plasma"),
    ("Biopsja płynna 10.2025: ALK G1269A.", "plasma"),
    ("Flüssigbiopsie 11/2025: ALK G1202R nachgewiesen.", "plasma"),
    ("Rebiopsia epatica 14/11/2025: adenocarcinoma, G1202R.", "tissue"),
    ("Rebiopsie ganglionnaire le 05/11: adénocarcinome.", "tissue"),
    ("Biopsia hepática (BAG) 17/11/2025: adenocarcinoma.", "tissue"),
    ("Leberbiopsie vom 21.11.2025: Adenokarzinom, ALK G1202R.", "tissue"),
    ("Biópsia pleural realizada em 20/11.", "tissue"),
    ("Agobiopsia linfonodo sovraclaveare: adenocarcinoma.", "tissue"),
    ("Biopsia liquida e biopsia tissutale linfonodale, entrambe eseguite a novembre.", "tissue_and_plasma"),
    ("Nessuna rebiopsia per ora, biopsia liquida inviata il 25/11.", "plasma"),
    ("Keine Rebiopsie bisher.", "none"),
    ("Biopsia de tejido no realizada.", "none"),
    ("Pas de rebiopsie pour le moment.", "none"),
    # a needle biopsy as translations name it, the blood named in a test's bracket, a hyphened re-biopsy
    ("Puncture pathology (liver, 2025-11-18): metastatic adenocarcinoma.", "tissue"),
    ("CT-guided puncture of the adrenal lesion: adenocarcinoma.", "tissue"),
    ("Gene detection (blood, NGS, 2025-11-08): ALK L1196M.", "plasma"),
    ("re-bx (2025.11.20, liver) result: adenocarcinoma", "tissue"),
])
def test_a_biopsy_in_the_words_of_another_language_is_read(text, biopsy):
    assert_reads(text, {"biopsy": biopsy})


@pytest.mark.parametrize("text", [
    # planned, requested or awaited in another language's words: no biopsy done
    "Biopsia epatica programmata per la prossima settimana.",
    "Biopsia pulmonar solicitada.",
    "Rebiopsie prévue le 12/12.",
    "Leberbiopsie geplant.",
    # a hedged or conditional plan ("eventually" as a translation leaves "eventualmente")
    "Eventually a rebiopsy, if the patient agrees.",
    "Rebiopsy if the patient agrees.",
    "Liver core, if feasible.",
    "Possibly a liver biopsy next month.",
    "Not decided yet re rebiopsy, IR is reviewing the adrenal.",
    # not a biopsy
    "Lumbar puncture: CSF cytology negative.",
    "Labs (blood, 2025-11-08): Hb 12.",
])
def test_a_biopsy_planned_or_hoped_for_or_no_biopsy_is_not_read(text):
    assert_reads(text, {"biopsy": None})


@pytest.mark.parametrize("text", [
    "She eventually had a rebiopsy of the liver.",
    "Rebiopsy done as the patient agreed.",
    "Rebiopsy of the liver done; she agreed.",
])
def test_a_biopsy_done_is_still_read(text):
    assert_reads(text, {"biopsy": "tissue"})


# ---- ALK told still positive on a re-test: the fusion at this progression ------------------------------------------


@pytest.mark.parametrize("text", [
    "PD-L1 on the new biopsy is 90%. But ALK is positive still (IHC 3+).",
    "MET amplification on tissue NGS after lorlatinib; ALK fusion still positive.",
    "ALK FISH on the new specimen: still rearranged.",
    "PD-L1 80% on the rebiopsy. It is ALK+ still, no mutation found.",
    "The liver rebiopsy was uninformative apart from the fusion still being there.",
    "Rebiopsy update: adenocarcinoma. ALK still positive. NGS: MET amplification (CN 8).",
    "New lung core: ALK IHC remains positive.",
    "Node rebiopsy: the tumour is still ALK-rearranged.",
])
def test_alk_still_positive_is_the_fusion_at_progression(text):
    assert_reads(text, {"alk_fusion_at_progression": True})


@pytest.mark.parametrize("text", [
    "Is ALK still positive on the rebiopsy?",
    "If ALK is still positive, we continue.",
    "She is still ALK-positive NSCLC on alectinib.",
    "ALK IHC (+) at diagnosis 2019.",
    "Dx 2019: ALK FISH positivo.",
])
def test_a_question_a_condition_the_disease_or_the_diagnosis_is_no_fusion_at_progression(text):
    assert_reads(text, {"alk_fusion_at_progression": None})


@pytest.mark.parametrize("text", [
    "re-bx (2025.12.01, lung) result: adenocarcinoma, ALK IHC (+)",
    "Rebiopsia linfonodale 10/11/2025: adenocarcinoma, ALK FISH positivo; NGS: ALK G1202R.",
    "Rebiopsie hépatique: adénocarcinome, ALK IHC positif.",
])
def test_alk_plus_in_brackets_or_in_another_language_on_a_rebiopsy_is_the_fusion_at_progression(text):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"})


@pytest.mark.parametrize("text", ["ALK IHC (+)", "ALK FISH positivo", "ALK IHC positif"])
def test_alk_plus_in_brackets_or_in_another_language_alone_is_alk_positive(text):
    assert_reads(text, {"alk_positive": True, "alk_fusion_at_progression": None})


# ---- small-cell and squamous carcinoma, adenocarcinoma, in other languages' words ----------------------------------


@pytest.mark.parametrize("text, value", [
    ("Rebiopsia epatica: carcinoma a piccole cellule.", "small_cell"),
    ("Biopsia hepática: carcinoma microcítico, sinaptofisina +.", "small_cell"),
    ("Rebiopsie: carcinome à petites cellules.", "small_cell"),
    ("rak drobnokomórkowy in the material from the liver", "small_cell"),
    ("Rebiopsia surrene 11/2025: carcinoma a piccole cellule combinato con NSCLC.", "small_cell_mixed"),
    ("Puncture pathology (adrenal): small cell carcinoma, combined with adenocarcinoma component.", "small_cell_mixed"),
    ("Rebiopsie: carcinome épidermoïde.", "squamous"),
    ("Histology of the rebiopsy: carcinoma epidermoid (p40+). Transformation epidermoid retained in RCP.", "squamous"),
    ("transformation épidermoïde excluded at the rebiopsy of the lymph node", "none"),
    ("Transformation small cell excluded on the rebiopsy.", "none"),
    ("Rebiopsia: transformación a microcítico confirmada.", "small_cell"),
])
def test_transformation_in_other_languages_words(text, value):
    assert_reads(text, {"transformation": value})


@pytest.mark.parametrize("text", [
    "Diagnosi: carcinoma polmonare non a piccole cellule, adenocarcinoma.",
    "carcinoma no microcítico, ALK+",
    "carcinome bronchique non à petites cellules",
    "nicht-kleinzelliges Lungenkarzinom",
    "epidermoid cyst of the scalp",
    # a suspicion in a translation's words
    "Sospecha de transformación a microcítico, pendiente de IHQ.",
    "Sospetto di trasformazione a piccole cellule.",
])
def test_non_small_cell_words_a_cyst_or_a_suspicion_are_no_transformation(text):
    assert_reads(text, {"transformation": None})


@pytest.mark.parametrize("text, value", [
    ("adénocarcinome bronchique ALK+", "adenocarcinoma"),
    ("Lungenadenokarzinom, ALK+", "adenocarcinoma"),
    ("ALK-positief adenocarcinoom (2021)", "adenocarcinoma"),
    ("rak płuca (gruczolakorak), ALK+", "adenocarcinoma"),
    ("carcinome épidermoïde du poumon, ALK+", "squamous"),
])
def test_histology_in_other_languages_words(text, value):
    assert_reads(text, {"histology": value})


def test_the_adenocarcinoma_part_of_a_mixed_specimen_is_no_histology():
    assert_reads("ALK IHQ positive in the component adeno.", {"histology": None})


# ---- ALK positive in a biopsy's result that tells a resistance finding: this progression's fusion ------------------


@pytest.mark.parametrize("text", [
    "Biopsy of the new lung nodule shows adenocarcinoma, ALK+, no ALK KD mutation, no transformation.",
    "The adrenal lesion was biopsied: adenocarcinoma, ALK+, MET amplified (GCN 10).",
    "Result back. Liver core: adenocarcinoma, ALK rearranged (FISH), ALK L1196M detected.",
    "Path on the resected brain met: adenocarcinoma, ALK positive by IHC, NGS shows ALK G1202R.",
    "Node biopsy 11/2025: adenocarcinoma, ALK IHC positive, NGS: MET amplification (copy number 9).",
])
def test_alk_positive_beside_a_resistance_finding_on_a_biopsy_is_the_fusion_at_progression(text):
    assert_reads(text, {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"})


@pytest.mark.parametrize("text", [
    "Initial biopsy: adenocarcinoma, ALK positive, MET amplified.",
    "The original core: adenocarcinoma, ALK+, no ALK KD mutation.",
    "Diagnostic biopsy 2019: adenocarcinoma, ALK positive, no ALK resistance mutation.",
    "Her father had a lung biopsy showing adenocarcinoma, ALK+, MET amplified.",
    "Biopsy at diagnosis: adenocarcinoma, ALK+. Plasma 2025: G1202R.",
    "Lung biopsy: ALK+ NSCLC, G1202R on plasma.",
    "Liquid biopsy: ALK+, G1202R.",
    "What if the biopsy shows ALK+ with G1202R?",
])
def test_alk_positive_of_the_diagnosis_a_relative_the_disease_plasma_or_a_question_is_no_fusion_at_progression(text):
    assert_reads(text, {"alk_fusion_at_progression": None})


# ---- a biopsy with no tumour for testing, or no result from the tissue: none ----------------------------------------


@pytest.mark.parametrize("text", [
    "Addendum from path: the rebiopsy has insufficient tumour for NGS.",
    "The liver core had inadequate material for sequencing.",
    "Path says so no molecular data from tissue.",
    "No NGS results from the rebiopsy at all.",
])
def test_a_biopsy_with_no_tumour_for_testing_or_no_tissue_result_is_none(text):
    assert_reads(text, {"biopsy": "none"})


@pytest.mark.parametrize("text", [
    "The liver core had enough material for sequencing: G1202R.",
    "Rebiopsy: adenocarcinoma, tumour content sufficient for NGS.",
    "No molecular data from tissue yet, result due Friday.",
])
def test_a_biopsy_with_tumour_enough_or_its_result_awaited_is_not_none(text):
    assert_reads_other_than(text, {"biopsy": "none"})


# ---- a change told after another gene's word of a change is that gene's ---------------------------------------------


@pytest.mark.parametrize("text", [
    "TP53 mutated (R273H) if that matters.",
    "KEAP1 mutation: G333C.",
    "STK11 variant (Q37*) and TP53 mutant (R248Q).",
])
def test_a_change_after_another_genes_word_of_a_change_is_no_alk_mutation(text):
    assert_reads(text, {"alk_mutations": None})


@pytest.mark.parametrize("text, mutation", [
    ("ALK mutation: G1202R", "G1202R"),
    ("ALK mutated (L1196M)", "L1196M"),
    ("TP53 mutated, ALK G1202R.", "G1202R"),
    ("KEAP1 mutation: G333C. ALK I1171N.", "I1171N"),
])
def test_alks_own_change_beside_another_gene_is_still_read(text, mutation):
    assert_reads(text, {"alk_mutations": [mutation]})


# ---- a result asked after, answered no in the next sentence: not found -----------------------------------------------


@pytest.mark.parametrize("text, fields", [
    ("Was G1202R found? No - the liver biopsy showed L1196M only.", {"alk_mutations": ["L1196M"]}),
    ("Was G1202R found? No.", {"alk_mutations": None}),
    ("Was MET amplification detected? No.", {"bypass_alterations": None}),
    ("Were G1202R and L1196M detected? No.", {"alk_mutations": None}),
])
def test_a_result_asked_after_and_answered_no_is_not_found(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text, fields", [
    ("Was G1202R found? Yes.", {"alk_mutations": ["G1202R"]}),
    ("Was MET amplification detected? Not sure.", {"bypass_alterations": None}),
    ("Was G1202R found?", {"alk_mutations": None}),
])
def test_a_result_asked_after_answered_yes_unsure_or_not_at_all_keeps_its_reading(text, fields):
    assert_reads(text, fields)
