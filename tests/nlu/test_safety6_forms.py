"""Four misreadings of safety6: a bypass alteration beside the whole class denied with no time told ("NGS: MET amp;
no bypass alterations") read as found, where it is stated both ways and must be asked about (as safety4 did for ALK
mutations); large-cell neuroendocrine carcinoma on the rebiopsy dropped silently, where the knowledge base has no
transformation for it (bot/knowledge/bypass.yml transformations: small-cell, mixed small-cell, squamous) and it must be
named back; a toxicity only feared, suspected or ruled out ("stopped for fear of pneumonitis", "held for ?pneumonitis")
read as an intolerance of the TKI; and a bare "current:" column of another row's subject ("Brain mets (baseline): yes;
current: no") read as no current therapy. Phrasings of our own, as clinicians write them; none is a sentence of the
independent phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_other_than, assert_stated_both_ways

# ---- 1. a bypass alteration and the class denied, no time told: stated both ways --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "NGS: MET amplification; no bypass alterations",
        "MET amplification detected; no bypass alterations identified",
        "rebx NGS: MET amp. No bypass alterations.",
        "KRAS G12C; no bypass alterations detected",
        "Rebiopsy NGS: MET amp; no bypass alterations",
        "MET amp. Bypass: none.",
        "Foundation: BRAF V600E; no bypass alterations detected",
        "no bypass alterations. MET amplification (CN 12).",
        "MET amplified; no off-target resistance mechanism identified",
    ],
)
def test_a_bypass_alteration_beside_the_class_denied_is_a_conflict(text):
    assert_stated_both_ways(text, "bypass_alterations")


@pytest.mark.parametrize(
    ("text", "alterations"),
    [
        # the rest of the class denied, not the finding
        ("MET amp, no other bypass alterations", ["MET_amplification"]),
        ("no other bypass alterations; MET amp", ["MET_amplification"]),
        ("MET amp; no other drivers", ["MET_amplification"]),
        ("rebx NGS: MET amp. No other drivers.", ["MET_amplification"]),
        ("no further drivers besides MET amp", ["MET_amplification"]),
        ("MET amp; no additional bypass alterations identified", ["MET_amplification"]),
        ("no bypass alteration other than MET amp", ["MET_amplification"]),
        # named genes denied: those genes, not the class
        ("EGFR, KRAS, BRAF negative; MET amp", ["MET_amplification"]),
        ("MET amp; negative for EGFR, KRAS, BRAF, RET, ROS1", ["MET_amplification"]),
        # each under its own specimen, or times told
        ("Tissue: MET amp. Plasma: no bypass alterations", ["MET_amplification"]),
        ("no bypass alterations at diagnosis; now MET amp", ["MET_amplification"]),
        ("MET amp on today's biopsy; the 2023 plasma showed no bypass alterations", ["MET_amplification"]),
        ("MET amp at diagnosis; rebiopsy now: no bypass alterations", []),
        # one statement only
        ("no bypass alterations", []),
        ("NGS: MET amplification", ["MET_amplification"]),
        # another class denied beside it
        ("G1202R; no bypass alterations", []),
        # a co-mutation with no implication of its own (bypass.yml group no_implication) is no bypass driver denied
        ("TP53 R273H; no bypass drivers identified", ["TP53_mutation"]),
    ],
)
def test_a_bypass_alteration_and_a_denial_told_apart_are_read(text, alterations):
    assert_reads(text, {"bypass_alterations": alterations})


@pytest.mark.parametrize("text", ["EGFR/KRAS/BRAF/MET negative; MET amp", "MET amp; MET not amplified"])
def test_the_gene_found_and_denied_by_name_stays_a_conflict(text):
    assert "bypass_alterations" in extractor.conflicts(extractor.load().entities(text)), text


# ---- 2. LCNEC on the rebiopsy: read, named back, never placed ------------------------------------------------------


def _unplaced(text):
    return [(e.value, e.role) for e in extractor.load().entities(text) if e.entity == "unplaced_finding"]


@pytest.mark.parametrize(
    "text",
    [
        "rebiopsy: LCNEC",
        "re-bx showed large cell neuroendocrine carcinoma",
        "Histologic transformation on re-biopsy: LCNEC",
        "repeat biopsy of liver met - large-cell neuroendocrine carcinoma",
        "rebx: LCNEC, no small cell component",
        "progression bx c/w large cell neuroendocrine ca",
        "Liver core at PD: LCNEC (synaptophysin+, chromogranin+)",
        "rebiopsy: adenocarcinoma with large cell neuroendocrine features",
        "transformed to LCNEC on the rebiopsy",
    ],
)
def test_lcnec_on_the_rebiopsy_is_reported_and_no_transformation_is_read(text):
    assert _unplaced(text) == [("large_cell_neuroendocrine_carcinoma", None)], (text, _unplaced(text))
    found = assert_reads(text, {"transformation": None})
    assert "large_cell_neuroendocrine_carcinoma" not in found.values(), found


@pytest.mark.parametrize(
    "text",
    [
        "no LCNEC on the rebiopsy",
        "?LCNEC on rebiopsy",
        "rebiopsy to rule out LCNEC",
        "adenocarcinoma with LCNEC component at diagnosis, alectinib 2 years then PD",
        "rebiopsy: SCLC",
        "rebiopsy: adenocarcinoma",
        "large cell carcinoma at diagnosis",
    ],
)
def test_lcnec_denied_supposed_or_at_diagnosis_is_not_reported(text):
    assert all(role is not None for _, role in _unplaced(text)), (text, _unplaced(text))


def test_small_cell_beside_lcnec_denied_stays_small_cell():
    assert_reads("rebiopsy: SCLC, no LCNEC component", {"transformation": "small_cell"})


# ---- 3. a toxicity feared, suspected or ruled out is no intolerance ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Brigatinib stopped for fear of pneumonitis",
        "brigatinib held for suspected pneumonitis",
        "brig held for ?pneumonitis",
        "alectinib held, r/o pneumonitis",
        "brigatinib stopped given the risk of pneumonitis",
        "brig stopped - worried about pneumonitis",
        "brigatinib stopped for possible ILD",
        "brigatinib stopped for pneumonitis, later ruled out",
        "brigatinib: ?pneumonitis - held, rechallenged fine",
        "?pneumonitis - brigatinib held, rechallenged fine",
        "brigatinib held for ?pneumonitis, restarted after CT clear",
        "brigatinib held for pneumonitis, rechallenged at 90 mg without recurrence",
        "alectinib held for query hepatotoxicity",
    ],
)
def test_a_feared_or_resumed_toxicity_is_no_intolerance(text):
    assert_reads_other_than(text, {"intolerant_tkis": ["brigatinib"]})
    assert_reads_other_than(text, {"intolerant_tkis": ["alectinib"]})


@pytest.mark.parametrize(
    ("text", "tki"),
    [
        ("brigatinib stopped for pneumonitis", "brigatinib"),
        ("brig stopped 2/2 pneumonitis", "brigatinib"),
        ("alectinib stopped for hepatotoxicity", "alectinib"),
        ("brigatinib stopped for suspected pneumonitis, confirmed on CT", "brigatinib"),
        ("lorlatinib stopped for hallucinations; ?pneumonitis too", "lorlatinib"),
        ("d/c brigatinib - pneumonitis", "brigatinib"),
        ("switched from brigatinib because of pneumonitis", "brigatinib"),
    ],
)
def test_a_stop_for_a_toxicity_had_stays_an_intolerance(text, tki):
    found = assert_reads(text, {})
    assert tki in found.get("intolerant_tkis", []), (text, found)


# ---- 4. a bare "current:" column of another row's subject is no current therapy -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Brain mets (baseline): yes; current: no",
        "Brain mets - baseline: Y; current: N",
        "ECOG: 1; current: none",
        "Leptomeningeal (at dx): no, current: no",
        "Brain metastases | baseline: present | current: absent",
        "Brain mets baseline: yes\ncurrent: no",
        "Symptoms (prior): headache; present: none",
    ],
)
def test_a_current_column_of_another_row_is_no_current_therapy(text):
    assert_reads(text, {"current_therapy": None})


@pytest.mark.parametrize(
    "text",
    [
        "current: no",
        "Current: none",
        "Treatment: alectinib 2019-2023; current: none",
        "Prior TKIs: alectinib; current: none",
        "Current therapy: none",
        "Current treatment: nil",
        "Current: nothing",
        "ECOG: 1; current: no treatment",
        "ECOG: 1; current therapy: none",
    ],
)
def test_a_current_key_about_the_therapy_reads_none(text):
    assert_reads(text, {"current_therapy": "none"})
