"""Molecular tumour board variant tables and report rows (set 11's route): a row is read for its own gene, past its
coding (c.) change and its cell borders; a row classed of uncertain significance (VUS, AMP/ASCO/CAP tier III/IV) or
called below the assay's limit of detection states nothing; a paper's, a model's or a cohort's finding is not this
patient's; a plasma panel negative for everything is a negative plasma result, not an ALK-positive one."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_excluding, assert_reads_including, assert_reads_other_than


@pytest.mark.parametrize(
    "text, bypass",
    [
        ("BRAF c.1799T>A p.V600E 15%", "BRAF_V600E"),
        ("BRAF | c.1799T>A | p.V600E | VAF 22% | Tier I", "BRAF_V600E"),
        ("BRAF NM_004333.4:c.1799T>A p.V600E, VAF 9%", "BRAF_V600E"),
        ("KRAS c.34G>T p.G12C 31%", "KRAS_G12C"),
        ("EGFR | c.2573T>G | p.L858R | 18%", "EGFR_mutation"),
    ],
)
def test_another_genes_row_past_its_coding_change_is_not_alk(text: str, bypass: str) -> None:
    found = assert_reads_including(text, "bypass_alterations", [bypass])
    assert "alk_mutations" not in found and found.get("alk_positive") is not True, (text, found)



@pytest.mark.parametrize(
    "text",
    [
        "ALK c.3604G>A p.G1202R, VAF 8%",
        "ALK | c.3604G>A | p.G1202R | 14% | Tier I",
        "ALK p.G1202R | 12% | Tier IA",
    ],
)
def test_alk_row_with_its_coding_change_is_read(text: str) -> None:
    assert_reads(text, {"alk_mutations": ["G1202R"]})


@pytest.mark.parametrize(
    "text",
    [
        "ALK p.R1275Q | 3% | Tier III - variant of uncertain significance",
        "ALK p.L1196M | 2.1% | 310 reads | AMP tier III",
        "ALK p.G1202R, VAF 4%, tier 3",
        "ALK p.I1171N (5% VAF) VUS",
        "ALK p.G1202R at 0.2%, below the validated limit of detection; reported for information",
        "ALK p.L1196M 0.1%, below the assay LOD",
    ],
)
def test_uncertain_or_below_detection_rows_state_nothing(text: str) -> None:
    assert_reads_other_than(text, {"alk_mutations": ["G1202R"]})
    assert_reads_excluding(text, "alk_mutations", ["G1202R", "R1275Q", "L1196M", "I1171N"])
    assert_reads_other_than(text, {"alk_positive": True})


@pytest.mark.parametrize(
    "text",
    [
        "G1202R in the paper we discussed - was in mice",
        "the article you sent: G1202R plus L1196M compound, seen in xenografts",
        "L1196M was shown in cell lines to confer crizotinib resistance",
        "Plasma cfDNA sequencing at progression identified one to three ALK resistance mutations in about half of the samples tested.",
        "MET amplification was found in 15% of the biopsies",
    ],
)
def test_a_papers_a_models_or_a_cohorts_finding_is_not_this_patients(text: str) -> None:
    assert_reads_excluding(text, "alk_mutations", ["G1202R", "L1196M"])
    assert_reads_excluding(text, "bypass_alterations", ["MET_amplification"])
    assert_reads_other_than(text, {"alk_positive": True, "biopsy": "plasma"})


@pytest.mark.parametrize(
    "text",
    [
        "ctDNA neg for everything incl ALK fusion",
        "Guardant360 negative for all genes, including ALK",
        "plasma NGS was negative for everything, even the ALK fusion",
    ],
)
def test_plasma_negative_for_everything_is_not_alk_positive(text: str) -> None:
    assert_reads(text, {"alk_mutations": [], "bypass_alterations": []})
    assert_reads_other_than(text, {"alk_positive": True})


@pytest.mark.parametrize(
    "text, value",
    [
        ("ALK_STATUS: 1 (positive) | METHOD: IHC", True),
        ("ALK status: 1 (positive)", True),
        ("ALK_STATUS=0 (negative)", False),
        ("ALK FISH: 0 (negative)", False),
    ],
)
def test_registry_coded_alk_status_with_its_label(text: str, value: bool) -> None:
    assert_reads(text, {"alk_positive": value})


@pytest.mark.parametrize("text", ["ALK_STATUS: 1", "ALK status: 9 (unknown)", "ALK_STATUS: 2 (not tested)"])
def test_a_bare_or_unknown_code_states_nothing(text: str) -> None:
    assert_reads(text, {"alk_positive": None})


@pytest.mark.parametrize(
    "text, fusion, specimen",
    [
        ("ALK fusion at progression: not detected (plasma)", False, "plasma"),
        ("ALK fusion at PD: detected (tissue RNA NGS)", True, "tissue"),
        ("ALK (D5F3) IHC on progression biopsy: Negative. Control appropriate.", False, "tissue"),
        ("ALK FISH on re-biopsy: positive", True, "tissue"),
        ("ALK RNA NGS on the new biopsy: detected", True, "tissue"),
    ],
)
def test_an_alk_test_keyed_to_this_progression_is_the_fusion_at_progression(
    text: str, fusion: bool, specimen: str
) -> None:
    assert_reads(text, {"alk_fusion_at_progression": fusion, "alk_fusion_specimen": specimen, "alk_positive": None})


@pytest.mark.parametrize(
    "text", ["ALK IHC on rebiopsy: pending", "ALK fusion at progression: ?", "ALK FISH on re-biopsy: equivocal"]
)
def test_an_alk_test_at_progression_pending_or_doubted_states_nothing(text: str) -> None:
    assert_reads(text, {"alk_fusion_at_progression": None, "alk_positive": None})


@pytest.mark.parametrize("text, value", [("PD-L1 TPS (%): 25", 25), ("PD-L1 (%) = 60", 60), ("PD-L1 22C3 TPS (%): 0", 0)])
def test_pdl1_key_with_its_unit_bracketed(text: str, value: int) -> None:
    assert_reads(text, {"pdl1_tps": value})


@pytest.mark.parametrize(
    "text, value",
    [
        ("Histologic transformation on re-biopsy: none", "none"),
        ("Transformation at progression: small cell", "small_cell"),
        ("Histological transformation on the repeat biopsy: squamous", "squamous"),
    ],
)
def test_transformation_keyed_to_the_progression_specimen(text: str, value: str) -> None:
    assert_reads(text, {"transformation": value})


@pytest.mark.parametrize(
    "text, value",
    [
        ("Resistance biopsy performed: No (patient declined)", "none"),
        ("Resistance biopsy performed: Yes", "tissue"),
        ("Progression biopsy done: not done", "none"),
        ("Resistance biopsy: planned", None),
        ("Resistance biopsy performed: ?", None),
    ],
)
def test_a_forms_resistance_biopsy_question(text: str, value: str | None) -> None:
    assert_reads(text, {"biopsy": value})
