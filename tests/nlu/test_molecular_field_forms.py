"""Molecular and histology fields as reports word them (precision first: a resistance finding read that the report
does not give changes the recommendation):

- a protein change written right after another gene's symbol (capitals with a digit: DNMT3A, NOTCH2, KMT2D) is that
  gene's, never an ALK mutation; ALK's own change after its fusion partner ("EML4-ALK (G1202R)") stays ALK's, and so
  does one after a panel's name ("TSO500: G1202R");
- ALK's kinase domain denied in words of its own ("no ALK kinase mutation", "ALK kinase domain clean") is no ALK
  mutation found;
- a part of a transformation a report only says a finding may represent is not read;
- the adenocarcinoma part of a mixed tumour ("the adeno part", "the adenocarcinoma areas") is no histology;
- a MET ratio or copy number followed by an arrow and the report's call is read by the call; one its clause calls
  equivocal or borderline, past a second measure, is not read;
- the ALK mutations of an earlier progression give way to those the current progression's specimen shows.

Written for this change; none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. another gene's change is not ALK's ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Clonal haematopoiesis suspected: TET2 Q1274* and DNMT3A R882C at 2%.",
    "Incidental: NOTCH1 P2514L, not actionable.",
    "VUS list - KMT2C R909K; ARID2 S297F.",
    "NGS on the node: SMARCA4 R1192C, EML4-ALK retained.",
])
def test_a_change_after_another_gene_s_symbol_is_not_alk_s(text: str) -> None:
    assert_reads(text, {"alk_mutations": None})


@pytest.mark.parametrize(("text", "mutations"), [
    # near misses: ALK's own changes stay read
    ("EML4-ALK (L1196M) on the liver core.", ["L1196M"]),
    ("TSO500: I1171N detected.", ["I1171N"]),
    ("Rebiopsy NGS: ALK G1269A, TP53 R273H, CDKN2A loss.", ["G1269A"]),
    ("KIF5B-ALK G1202R on plasma.", ["G1202R"]),
])
def test_alk_s_own_change_beside_other_genes_is_read(text: str, mutations: list[str]) -> None:
    assert_reads(text, {"alk_mutations": mutations})


# ---- 2. ALK's kinase domain denied -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Liver core NGS: fusion retained, no ALK kinase mutation found.",
    "Plasma: EML4-ALK present; no kinase mutations in ALK.",
    "Tissue panel: the ALK kinase domain is clean.",
    "ALK KD: clean. MET not amplified.",
])
def test_the_kinase_domain_denied_in_its_own_words_is_none_found(text: str) -> None:
    assert_reads(text, {"alk_mutations": []})


@pytest.mark.parametrize("text", [
    "Was the ALK kinase domain clean on the plasma?",
    "Lorlatinib, a third-generation ALK kinase inhibitor, was started.",
    "ALK kinase domain mutation L1196M on the rebiopsy.",
])
def test_the_kinase_domain_s_words_elsewhere_deny_nothing(text: str) -> None:
    assert_reads(text, {"alk_mutations": None} if "L1196M" not in text else {"alk_mutations": ["L1196M"]})


# ---- 3. a transformation the report only says a finding may represent -----------------------------------------


@pytest.mark.parametrize("text", [
    "Rebiopsy comment: the keratinising area may represent partial squamous transformation.",
    "The small crushed cells could represent focal small-cell transformation; stains to follow.",
    "These features might reflect an incipient squamous transformation.",
])
def test_a_part_of_a_transformation_that_may_be_is_not_read(text: str) -> None:
    assert_reads(text, {"transformation": None})


@pytest.mark.parametrize(("text", "value"), [
    # near misses: stated outright
    ("Rebiopsy shows partial squamous transformation.", "squamous"),
    ("Liver core at progression: small-cell transformation confirmed.", "small_cell"),
])
def test_a_transformation_stated_outright_is_read(text: str, value: str) -> None:
    assert_reads(text, {"transformation": value})


# ---- 4. the adenocarcinoma part of a mixed tumour -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Rebiopsy: combined small-cell and adenocarcinoma; ALK IHC positive only in the adeno part.",
    "Mixed SCLC and adenocarcinoma on the node; TTF-1 positive in the adenocarcinoma areas.",
])
def test_the_adenocarcinoma_part_of_a_mixed_tumour_is_no_histology(text: str) -> None:
    assert_reads(text, {"histology": None, "transformation": "small_cell_mixed"})


@pytest.mark.parametrize("text", [
    "ALK-positive adeno, partial response to alectinib.",
    "Lung adenocarcinoma, stage IV, ALK rearranged.",
])
def test_an_adenocarcinoma_told_plainly_is_still_the_histology(text: str) -> None:
    assert_reads(text, {"histology": "adenocarcinoma"})


# ---- 5. MET measures: an arrow to the call, and a call of doubt past a second measure ---------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("MET FISH on the rebiopsy: MET/CEP7 7.4 -> amplified", "MET_amplification"),
    ("MET copy number 11 → AMPLIFIED", "MET_amplification"),
    ("MET CN 4.6 -> low-level gain", "MET_gain"),
])
def test_a_met_call_after_an_arrow_is_read(text: str, value: str) -> None:
    assert_reads(text, {"bypass_alterations": [value]})


@pytest.mark.parametrize("text", [
    "MET FISH: ratio MET/CEP7 2.2, average MET 6.1 copies - borderline by the lab's criteria.",
    "MET/CEP7 3.1, mean MET 5.5 per cell, equivocal; repeat on another block.",
    "MET/CEP7 1.2 -> not amplified",
])
def test_a_met_measure_called_doubtful_or_not_amplified_is_no_finding(text: str) -> None:
    assert_reads(text, {"bypass_alterations": None})


def test_a_doubt_in_another_sentence_leaves_the_met_measure_read() -> None:
    assert_reads("MET/CEP7 2.8. The brain MRI is equivocal.", {"bypass_alterations": ["MET_gain"]})


# ---- 6. the earlier progression's mutations give way to the current specimen's ---------------------------------


@pytest.mark.parametrize(("text", "mutations"), [
    ("At the first progression (2021) plasma showed L1196M. At the second progression (2025) the adrenal core showed "
     "G1202R.", ["G1202R"]),
    ("First relapse 2022: G1269A on Guardant. Current progression: liver biopsy NGS with I1171T.", ["I1171T"]),
])
def test_an_earlier_progression_s_mutation_gives_way(text: str, mutations: list[str]) -> None:
    assert_reads(text, {"alk_mutations": mutations})


@pytest.mark.parametrize(("text", "mutations"), [
    # near misses: no later progression's specimen told, or the same mutation found again
    ("At the first progression (2021) plasma showed L1196M; crizotinib was changed to alectinib.", ["L1196M"]),
    ("First relapse 2022: G1202R on Guardant. Current progression: liver biopsy NGS again G1202R.", ["G1202R"]),
])
def test_an_earlier_mutation_with_no_later_result_stays(text: str, mutations: list[str]) -> None:
    assert_reads(text, {"alk_mutations": mutations})


# ---- 7. a finding the writer says they wrote in an earlier message, then corrects ------------------------------


@pytest.mark.parametrize(("text", "mutations"), [
    ("Apologies: in my previous e-mail I wrote L1196M, but the report says G1269A.", ["G1269A"]),
    ("In my last note I wrote C1156Y; the correct variant is I1171S.", ["I1171S"]),
])
def test_an_earlier_message_s_finding_corrected_gives_way(text: str, mutations: list[str]) -> None:
    assert_reads(text, {"alk_mutations": mutations})


@pytest.mark.parametrize("text", [
    # near misses: the earlier message agreed with, or another message's words
    "As I wrote in my previous letter, L1196M was found on the liver core.",
    "The previous letter from the referring team lists L1196M on the liver core.",
])
def test_an_earlier_message_agreed_with_is_read(text: str) -> None:
    assert_reads(text, {"alk_mutations": ["L1196M"]})


# ---- 8. the phase of two ALK mutations told as a key -------------------------------------------------------------


@pytest.mark.parametrize(("text", "compound"), [
    ("Rebiopsy NGS: ALK G1202R (14%) and ALK L1196M (13%); phasing: cis", True),
    ("Plasma: I1171N + D1203N. Allelic configuration = cis.", True),
    ("Tissue: G1202R, F1174L; phase: trans", False),
])
def test_the_phase_told_as_a_key_is_read(text: str, compound: bool) -> None:
    assert_reads(text, {"compound": compound})


@pytest.mark.parametrize("text", [
    # near misses: the phase not known, or not resolved
    "Tissue: G1202R and L1196M; phase: unknown",
    "Plasma: G1202R and L1196M; phasing: cis/trans not resolved at this depth",
    "Tissue: G1202R and L1196M; phasing: not assessable",
])
def test_a_phase_not_known_is_not_read(text: str) -> None:
    assert_reads(text, {"compound": None})


# ---- 9. PD-L1 scored at the diagnosis and again later -------------------------------------------------------------


@pytest.mark.parametrize(("text", "tps"), [
    ("Initial biopsy 2020: TPS 70% (PD-L1 22C3). Rebiopsy 2025: PD-L1 TPS 15%.", 15),
    ("PD-L1 60% at diagnosis; PD-L1 2% on the adrenal core at progression.", 2),
])
def test_the_later_pd_l1_score_is_read(text: str, tps: int) -> None:
    assert_reads(text, {"pdl1_tps": tps})


@pytest.mark.parametrize(("text", "tps"), [
    # near misses: one score only, wherever told; two scores of no time stay asked (a conflict)
    ("PD-L1 TPS 35% at diagnosis; no repeat staining.", 35),
    ("PD-L1 TPS 30% on one core and PD-L1 TPS 70% on the other.", None),
])
def test_one_pd_l1_score_or_two_of_no_time(text: str, tps: int | None) -> None:
    assert_reads(text, {"pdl1_tps": tps})
