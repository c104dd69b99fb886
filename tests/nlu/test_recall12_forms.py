"""Recall classes of round 12, each with its near misses: a failed tissue test then a result on plasma after a comma
or a dash (the plasma's result, read as after a semicolon); a denied list of genes that names ALK (the ALK class
denied; bypass genes in it by the list's own convention); a variant table's MET row across its cell borders (bars,
tabs), classed VUS or tier III or below the limit of detection states nothing; ALK positivity confirmed by a second
method (already read; kept); sites joined by "+", "&", "/" or "and" then said new (systemic). None is a sentence of
the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. a failed tissue test, then the plasma's result after a comma or a dash -----------------------------------


@pytest.mark.parametrize(
    "text, mutations",
    [
        ("Core insufficient for NGS, no ALK mutations detected in plasma", []),
        ("tissue insufficient, plasma NGS negative for ALK mutations", []),
        ("biopsy QNS, ctDNA: no ALK resistance mutations", []),
        ("Insufficient tissue, cfDNA shows no ALK mutation", []),
        ("tissue insufficient - ctDNA negative for ALK mutations", []),
        ("Biopsy QNS, Guardant360: no ALK mutations detected", []),
        ("tissue QNS, plasma NGS: G1202R", ["G1202R"]),
        ("core was insufficient for molecular testing, liquid biopsy showed ALK G1202R", ["G1202R"]),
        ("Tissue insufficient for NGS, Guardant360 detected ALK G1202R", ["G1202R"]),
        ("tissue failed QC, plasma: ALK L1196M detected", ["L1196M"]),
    ],
)
def test_a_plasma_result_after_a_failed_tissue_test_and_a_comma_is_read(text, mutations):
    assert_reads(text, {"alk_mutations": mutations, "biopsy": "plasma"})


@pytest.mark.parametrize(
    "text",
    [
        "NGS failed, no ALK mutations reported",  # the failed test's own "nothing": no result
        "tissue QNS, no mutations in tissue",  # the same specimen
        "Plasma NGS failed, no ALK mutations on plasma",
        "insufficient tumour content, plasma NGS pending, no ALK mutations",  # the plasma still to come
        "tissue QNS, plasma NGS sent, looking for G1202R",  # what a test looks for is not found
        "tissue QNS, if plasma shows G1202R we will switch",
    ],
)
def test_a_failed_test_or_one_to_come_after_a_comma_gives_no_result(text):
    assert_reads(text, {"alk_mutations": None})


@pytest.mark.parametrize(
    "text", ["plasma NGS sent, looking for G1202R", "screening for MET amplification", "to check for L1196M on ctDNA"]
)
def test_what_a_test_looks_for_is_not_found(text):
    assert_reads(text, {"alk_mutations": None, "bypass_alterations": None})


# ---- 2. a denied list of genes that names ALK ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "negative for ALK, TP53 and KRAS mutations",
        "No pathogenic variants in ALK, TP53, KRAS",
        "no EGFR, ALK or KRAS variants",
        "negative for ALK and TP53 mutations",
        "ALK, TP53, STK11 mutations: not detected",
        "no reportable mutations in ALK",
    ],
)
def test_alk_in_a_denied_list_of_genes_denies_the_alk_class_and_no_bypass_list(text):
    # TP53, STK11 are no bypass drivers, and one bypass gene denied says nothing of the others
    assert_reads(text, {"alk_mutations": [], "bypass_alterations": None})


@pytest.mark.parametrize(
    "text",
    [
        "no mutations in ALK, EGFR or KRAS",
        "negative for ALK, EGFR and KRAS mutations",
        "no ALK, EGFR, KRAS or BRAF mutations",
        "Negative for ALK, MET, EGFR and KRAS mutations",
    ],
)
def test_alk_and_two_bypass_genes_denied_deny_both_classes(text):
    assert_reads(text, {"alk_mutations": [], "bypass_alterations": []})


@pytest.mark.parametrize(
    "text",
    [
        "negative for ALK, EGFR and KRAS",  # no mutation word: may deny the fusion
        "ALK, TP53 and KRAS mutations detected",
        "negative for EGFR; ALK, TP53 mutations present",
        "no TP53 or KRAS mutations",
    ],
)
def test_a_gene_list_not_denying_alk_mutations_reads_no_alk_none(text):
    assert_reads_other_than(text, {"alk_mutations": []})


@pytest.mark.parametrize(
    "text",
    [
        "EGFR/KRAS/BRAF: no mutations detected",
        "EGFR, KRAS: no mutations",
        "EGFR/KRAS/BRAF/MET - negative",
        "KRAS, BRAF: no variants detected",
    ],
)
def test_a_heading_of_bypass_genes_answered_no_mutations_denies_bypass_never_alk(text):
    # the bare "no mutations" answers the genes named, not ALK
    assert_reads(text, {"bypass_alterations": [], "alk_mutations": None})


def test_a_heading_naming_alk_answered_no_mutations_denies_the_alk_class():
    assert_reads("ALK/EGFR/KRAS: no mutations detected", {"alk_mutations": []})


def test_a_class_denied_then_mutations_found_is_not_a_bypass_denial():
    assert_reads_other_than("no ALK mutation, EGFR and KRAS mutations detected", {"bypass_alterations": []})


# ---- 3. a variant table's MET row across its cell borders ------------------------------------------------------


@pytest.mark.parametrize(
    "text, bypass",
    [
        ("MET | amplification | CN 14", "MET_amplification"),
        ("MET | amp | 12 copies", "MET_amplification"),
        ("MET\tamplification\tCN 14", "MET_amplification"),
        ("MET | Amplification | copy number 9", "MET_amplification"),
        ("MET | amplification | CN 14 | Tier I", "MET_amplification"),
        ("MET | CNV | 14 copies", "MET_amplification"),
        ("MET | copy number | 8", "MET_amplification"),
        ("MET\tCN\t8", "MET_amplification"),
        ("MET | CNV | 5 copies", "MET_gain"),  # copy number 4-5: a gain, never an amplification
        ("MET | copy number gain | CN 5", "MET_gain"),
    ],
)
def test_a_met_row_across_cell_borders_is_read(text, bypass):
    assert_reads(text, {"bypass_alterations": [bypass]})


@pytest.mark.parametrize(
    "text",
    [
        "MET | amplification | CN 14 | VUS",
        "MET | amp | 7 copies | tier III",
        "MET | amplification | CN 14 | below LOD",
        "MET\tamp\tCN 8\tVUS",
        "MET | amplification | Tier III",
        "MET | amplification | not detected",
        "MET | amp | negative",
        "MET | CN 3",
        "MET | copy number | 3",
    ],
)
def test_a_met_row_uncertain_denied_or_below_the_thresholds_states_no_met_alteration(text):
    found = assert_reads_other_than(text, {"bypass_alterations": ["MET_amplification"]})
    assert "MET_gain" not in found.get("bypass_alterations", []), (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "ALK | p.G1202R | 18% VAF",
        "ALK\tp.G1202R\t18%",
        "ALK\tG1202R\tVAF 18%",
    ],
)
def test_an_alk_row_is_read(text):
    assert_reads(text, {"alk_mutations": ["G1202R"]})


@pytest.mark.parametrize(
    "text",
    [
        "ALK | p.G1202R | 0.1% | below LOD",
        "ALK | p.G1202R | 0.2% VAF | below limit of detection",
        "ALK p.G1202R 0.1% below LOD",
        "ALK | p.R1275Q | 3% | Tier III - VUS",
    ],
)
def test_an_alk_row_below_the_limit_of_detection_or_vus_is_not_read(text):
    assert_reads(text, {"alk_mutations": None})


# ---- 4. ALK positivity confirmed by a second method ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ALK IHC (D5F3) positive, FISH confirmatory",
        "ALK rearrangement confirmed by NGS",
        "Addendum: ALK IHC positive, confirmed by break-apart FISH",
        "ALK positivity confirmed by RNA NGS",
        "ALK+ by IHC, FISH confirmed",
        "Addendum - FISH confirms ALK rearrangement",
    ],
)
def test_alk_positivity_confirmed_by_a_second_method_is_read(text):
    assert_reads(text, {"alk_positive": True})


@pytest.mark.parametrize(
    "text",
    [
        "ALK FISH pending",
        "to be confirmed by FISH",
        "ALK IHC equivocal",
        "IHC positivity not confirmed by FISH",
        # no gene named: ROS1 and HER2 IHC are confirmed by FISH too
        "Addendum: IHC positivity confirmed by FISH",
    ],
)
def test_alk_positivity_not_stated_is_not_read(text):
    assert_reads(text, {"alk_positive": None})


# ---- 5. sites joined by "+", "&", "/" or "and", then said new ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "liver + bone new",
        "new liver & adrenal lesions",
        "bone+liver PD",
        "liver/bone new",
        "adrenal and liver new",
        "lung + adrenal new mets",
        "bone & adrenal new lesions",
        "New: liver + bone",
        "PD: liver & bone",
    ],
)
def test_sites_joined_then_said_new_are_systemic(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize(
    "text",
    [
        "liver + bone stable",
        "liver + bone unchanged",
        "liver & bone stable, brain new",
        "no liver + bone new lesions",
        "liver + bone new?",
        "liver, bone new",  # a bare comma may list the liver as known
        "liver + bone known, new brain lesion",
    ],
)
def test_sites_not_said_new_or_the_newness_doubted_are_not_systemic(text):
    assert_reads_other_than(text, {"progression": "systemic"})
