"""Five misreadings of safety4: an ALK mutation beside the whole class denied with no time told ("NGS: ALK G1202R; no
ALK mutation detected") read as found, where it is stated both ways and must be asked about; an earlier specimen's
type read as this progression's biopsy ("G1202R on the 2023 plasma; today's tissue: no ALK mutation" read plasma); a
histology stated at diagnosis read as a transformation ("adenocarcinoma with LCNEC component at diagnosis" read
small-cell transformation), and LCNEC mapped to small-cell transformation, which the knowledge base does not say
(bot/knowledge/bypass.yml transformations); a repeat biopsy's histology read as the histology where a new biopsy's
reads as the transformation; and a pneumonitis given as a TKI's stop reason in shorthand not read as the ILD
comorbidity. Phrasings of our own, as clinicians write them; none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_other_than, assert_stated_both_ways

# ---- 1. a mutation and the class denied, no time told: stated both ways ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "NGS: ALK G1202R; no ALK mutation detected",
        "ALK G1202R detected. No ALK resistance mutation identified.",
        "G1202R. No ALK mutations.",
        "rebx NGS - ALK G1202R, no ALK kinase domain mutation detected",
        "Report: EML4-ALK v3; ALK L1196M. Comment: no ALK mutations detected.",
        "alk mut neg; G1202R",
        "I1171N. ALK resistance mutations: none detected",
        "Foundation: G1202R; negative for ALK resistance mutations",
        # a current word that may head both: not which is later
        "Rebiopsy NGS: G1202R; no ALK mutation detected",
        "Current specimen: G1202R. No ALK mutations.",
    ],
)
def test_a_mutation_beside_the_class_denied_is_a_conflict(text):
    assert_stated_both_ways(text, "alk_mutations")


@pytest.mark.parametrize(
    ("text", "mutations"),
    [
        # the rest of the class denied, not the finding
        ("G1202R detected; no other ALK mutations", ["G1202R"]),
        ("ALK G1202R, no additional ALK resistance mutations", ["G1202R"]),
        ("no ALK mutation besides G1202R", ["G1202R"]),
        ("L1196M; no further ALK mutations found", ["L1196M"]),
        ("G1202R. No ALK mutations other than G1202R.", ["G1202R"]),
        # each under its own specimen
        ("Tissue: G1202R. Plasma: no ALK mutation detected", ["G1202R"]),
        # times told: the current one counts (Context._timed_results)
        ("no ALK mutation at diagnosis; now G1202R", ["G1202R"]),
        ("G1202R previously reported; current specimen: ALK mutation not detected", []),
        ("G1202R on today's biopsy; the 2023 plasma showed no ALK mutation", ["G1202R"]),
        ("Guardant 2022: G1202R. Rebiopsy now: no ALK mutations", []),
        # one statement only
        ("no ALK mutations", []),
        ("NGS: ALK G1202R", ["G1202R"]),
    ],
)
def test_a_mutation_and_a_denial_told_apart_are_read(text, mutations):
    assert_reads(text, {"alk_mutations": mutations})


# ---- 2. an earlier specimen's type is not this progression's biopsy ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "biopsy"),
    [
        ("G1202R on the 2023 plasma; today's tissue: no ALK mutation", "tissue"),
        ("prior plasma NGS showed L1196M; current tissue biopsy: no ALK mutation", "tissue"),
        ("Guardant 2022: G1202R. Rebiopsy now: no ALK mutations", "tissue"),
        ("G1202R on today's biopsy; the 2023 plasma showed no ALK mutation", "tissue"),
        ("old plasma: G1202R; current tissue: no ALK mutations detected", "tissue"),
    ],
)
def test_the_biopsy_is_this_progressions_specimen(text, biopsy):
    assert_reads(text, {"biopsy": biopsy})


@pytest.mark.parametrize(
    ("text", "biopsy"),
    [
        ("plasma NGS today: G1202R", "plasma"),
        ("Tissue: G1202R. Plasma: no ALK mutation detected", "tissue_and_plasma"),
        ("Guardant360 at progression: G1202R", "plasma"),
    ],
)
def test_a_current_specimen_stays_the_biopsy(text, biopsy):
    assert_reads(text, {"biopsy": biopsy})


# ---- 3. a histology at diagnosis is no transformation; LCNEC is not mapped by guess ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "adenocarcinoma with LCNEC component at diagnosis, alectinib 2 years then PD",
        "adenocarcinoma with small cell component at diagnosis, alectinib 2 years then PD",
        "Dx 2021: combined SCLC/adenocarcinoma, ALK+. Alectinib, now PD",
        "initial biopsy showed adenocarcinoma with neuroendocrine features; on alectinib, progressed",
        "baseline histology: mixed adeno/small cell; brigatinib x 18 mo, PD",
        "original diagnosis was combined small cell and adenocarcinoma",
        "orig bx: adeno + SCLC component. alectinib -> PD 2024",
        "diagnostic EBUS: squamous cell carcinoma, ALK FISH+",
    ],
)
def test_a_histology_at_diagnosis_is_no_transformation(text):
    assert_reads(text, {"transformation": None})


@pytest.mark.parametrize(
    ("text", "transformation"),
    [
        ("Originally adenocarcinoma, now SCLC on rebiopsy", "small_cell"),
        ("Initial dx adenocarcinoma. Rebiopsy: SCLC", "small_cell"),
        ("adeno at dx, rebx shows small cell transformation", "small_cell"),
        ("dx adenocarcinoma 2020, transformed to SCLC on rebiopsy", "small_cell"),
        ("rebiopsy: adenocarcinoma with small cell component", "small_cell_mixed"),
        ("repeat bx: SCLC", "small_cell"),
    ],
)
def test_a_transformation_on_this_progressions_biopsy_is_read(text, transformation):
    assert_reads(text, {"transformation": transformation})


@pytest.mark.parametrize(
    "text",
    [
        "rebiopsy: LCNEC",
        "re-bx showed large cell neuroendocrine carcinoma",
        "Histologic transformation on re-biopsy: LCNEC",
        "repeat biopsy of liver met - large-cell neuroendocrine carcinoma",
    ],
)
def test_lcnec_is_not_read_as_small_cell_transformation(text):
    # the knowledge base names no LCNEC transformation and the schema has no value for it: left unread, to be asked
    assert_reads_other_than(text, {"transformation": "small_cell"})
    assert_reads_other_than(text, {"transformation": "small_cell_mixed"})


# ---- 4. a progression biopsy's histology is the transformation, the diagnosis's is the histology --------------------


@pytest.mark.parametrize(
    "text",
    [
        "repeat bx: squamous cell carcinoma",
        "new bx: squamous cell carcinoma",
        "Repeat biopsy - SCC",
        "repeat core: squamous cell ca",
        "progression bx: squamous carcinoma",
        "squamous cell carcinoma on the repeat bx",
        "bx at progression: SCC",
        "rebx: squamous cell carcinoma",
    ],
)
def test_a_progression_biopsys_squamous_histology_is_the_transformation(text):
    assert_reads(text, {"transformation": "squamous", "histology": None})


@pytest.mark.parametrize(
    "text",
    [
        "diagnostic bx: squamous cell carcinoma",
        "initial biopsy: squamous cell carcinoma",
        "dx bx: SCC",
        "bx at diagnosis: squamous cell carcinoma",
    ],
)
def test_a_diagnosis_biopsys_squamous_histology_is_the_histology(text):
    assert_reads(text, {"histology": "squamous", "transformation": None})


@pytest.mark.parametrize(
    "text",
    [
        "repeat bx: adenocarcinoma, no squamous features",
        "repeat bx: adenocarcinoma",
    ],
)
def test_a_progression_biopsys_unchanged_histology_is_no_transformation(text):
    assert_reads(text, {"transformation": "none"})


# ---- 5. a pneumonitis that stopped or held a TKI is a history of ILD -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tki"),
    [
        ("brig stopped 2/2 pneumonitis", "brigatinib"),
        ("alectinib held for ILD grade 2", "alectinib"),
        ("d/c brigatinib - pneumonitis", "brigatinib"),
        ("pneumonitis on brigatinib -> switched", "brigatinib"),
        ("brigatinib discontinued d/t grade 2 pneumonitis", "brigatinib"),
        ("Brigatinib: early-onset pneumonitis, stopped after 1 week", "brigatinib"),
        ("brigatinib (pneumonitis) -> lorlatinib", "brigatinib"),
        ("alectinib interrupted for interstitial lung disease", "alectinib"),
        ("switched from brigatinib because of pneumonitis", "brigatinib"),
        ("brig dc'd: pneumonitis G2", "brigatinib"),
    ],
)
def test_a_pneumonitis_that_stopped_a_tki_is_ild(text, tki):
    found = assert_reads(text, {"comorbidities": ["interstitial_lung_disease"]})
    assert tki in found.get("intolerant_tkis", []), (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "no pneumonitis on brigatinib",
        "pneumonitis risk discussed before starting brigatinib",
        "monitor for pneumonitis on brigatinib",
        "brigatinib stopped for rash; no pneumonitis",
        "brigatinib started; counselled about early pneumonitis",
        "alectinib stopped for progression, CT: no pneumonitis",
        "brigatinib held for suspected pneumonitis",
        "brig held for ?pneumonitis",
        "alectinib held, r/o pneumonitis",
        "Brigatinib stopped for fear of pneumonitis.",
        "brigatinib stopped given the risk of pneumonitis",
        "brig stopped - worried about pneumonitis",
    ],
)
def test_a_pneumonitis_not_stated_as_had_is_no_ild(text):
    assert_reads_other_than(text, {"comorbidities": ["interstitial_lung_disease"]})
