"""ALK-status readings that were wrong or unsafe (alkstat): an ALK IHC or FISH positive beside sequencing that found no
ALK fusion was read ALK-positive with the fusion lost at progression, where the methods disagree (the reverse of the
NGS-fusion-against-IHC/FISH-negative discordance, asked about); a discordance split across lines or sentences ("ALK
IHC negative.\\nALK FISH: positive at dx") was read positive, where in one row it is asked about; an equivocal IHC
beside a FISH positive read nothing, where an equivocal result is no result and the other method decides; and a
fusion said found with no progression specimen or time ("ALK FISH positive; RNA NGS EML4-ALK fusion detected") was
read as the fusion at progression, where it says the patient is ALK-positive. Phrasings of our own, as clinicians
and reports write them; none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads


def _asked(text: str) -> None:
    """ALK status stated both ways: a conflict, never read as positive nor negative."""
    entities = extractor.load().entities(text)
    assert "alk_positive" in extractor.conflicts(entities), (text, entities)
    assert_reads(text, {"alk_positive": None})


# ---- 1. IHC or FISH positive beside sequencing that found no ALK fusion: a discordance, asked about --------------


@pytest.mark.parametrize(
    "text",
    [
        "ALK IHC positive; NGS: no ALK fusion detected",
        "ALK (D5F3) positive. DNA NGS: ALK rearrangement not detected",
        "ALK IHC POSITIVE; NGS: NO ALK FUSION DETECTED",
        "ALK+ by IHC; NGS negative for ALK fusion",
        "D5F3 + ; NGS: ALK fusion not detected",
        "Ventana ALK (D5F3) positive, but DNA NGS did not detect an ALK fusion",
        "ALK IHC | positive\nNGS | no ALK fusion detected",
        "ALK IHC: positive\nNGS: ALK fusion not detected",
        "ALK FISH positive (Vysis break-apart); FoundationOne CDx: no ALK rearrangement",
        "ALK break-apart FISH positive; ALK negative by NGS",
        "ALK IHC 3+, RNA NGS negative for ALK rearrangement",
        "ALK pos on IHC; no ALK fusion on NGS",
        "ALK IHC positive, NGS negative",
        # the sequencing first
        "Oncomine: ALK fusion not detected; ALK IHC positive",
        "NGS: no EML4-ALK fusion; ALK FISH rearranged",
        "ALK fusion not detected by RNA NGS\nALK IHC (D5F3): positive",
    ],
)
def test_ihc_or_fish_positive_beside_ngs_without_the_fusion_is_stated_both_ways(text):
    """Read ALK-positive with the fusion lost at progression before; nothing placed the sequencing at progression."""
    _asked(text)
    assert_reads(text, {"alk_fusion_at_progression": None})


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # the sequencing placed at this progression: the fusion not found again there, the diagnosis's test stands
        ("ALK IHC positive at diagnosis; NGS at progression: no ALK fusion detected",
         {"alk_positive": True, "alk_fusion_at_progression": False}),
        ("ALK IHC positive. NGS on the rebiopsy: no ALK fusion detected",
         {"alk_positive": True, "alk_fusion_at_progression": False}),
        ("ALK IHC positive (2019). Progressed on alectinib; NGS: ALK fusion not detected",
         {"alk_positive": True, "alk_fusion_at_progression": False}),
        ("ALK IHC positive at diagnosis; plasma NGS: no ALK fusion detected",
         {"alk_positive": True, "alk_fusion_at_progression": False}),
        # sequencing agreeing, or denying something else
        ("ALK IHC positive; NGS: EML4-ALK fusion detected", {"alk_positive": True}),
        ("ALK IHC positive; NGS: no ALK mutations", {"alk_positive": True, "alk_mutations": []}),
        ("ALK IHC positive; NGS negative for EGFR/KRAS/BRAF", {"alk_positive": True}),
        ("ALK IHC positive; NGS otherwise negative", {"alk_positive": True}),
        ("ALK IHC positive. NGS negative.", {"alk_positive": True}),
        ("ALK IHC positive; ROS1 NGS negative", {"alk_positive": True}),
        ("ALK IHC negative; NGS: no ALK fusion", {"alk_positive": False}),
        # the sequencing's negative alone: the fusion not found again, as before (never ALK-negative by itself)
        ("NGS: no ALK fusion detected", {"alk_positive": None, "alk_fusion_at_progression": False}),
    ],
)
def test_sequencing_at_progression_agreeing_or_of_other_genes_is_no_discordance(text, fields):
    assert_reads(text, fields)
    assert "alk_positive" not in extractor.conflicts(extractor.load().entities(text)), text


# ---- 2. a discordance split across lines or sentences: as in one row ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ALK IHC negative.\nALK FISH: positive at dx",
        "ALK IHC NEGATIVE.\nALK FISH: POSITIVE AT DX",
        "ALK IHC neg\nALK FISH pos at diagnosis",
        "ALK (D5F3): negative\n\nALK FISH (dx): positive",
        "ALK IHC: negative. Vysis ALK break-apart FISH: positive at diagnosis.",
        "ALK- by IHC.\nALK FISH positive at dx",
        "ALK IHC | negative\nALK FISH (at diagnosis) | positive",
        "ALK FISH: positive at diagnosis\nALK IHC: negative",
        "ALK FISH positive at dx.\nALK (D5F3) IHC neg.",
        "ALK FISH: positive (at diagnosis)\nALK status: negative",
        # as one row reads it
        "ALK IHC negative; ALK FISH: positive at dx",
    ],
)
def test_a_discordance_split_across_lines_is_asked_as_in_one_row(text):
    _asked(text)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # each result with its own time, or a progression told between them: as before
        ("ALK IHC: negative on rebiopsy. ALK FISH: positive at diagnosis.",
         {"alk_positive": True, "alk_fusion_at_progression": False}),
        ("ALK FISH (dx): positive\nRebiopsy ALK IHC: negative", {"alk_positive": True, "alk_fusion_at_progression": False}),
        ("Dx: ALK FISH positive. At PD: ALK IHC negative.", {"alk_positive": True, "alk_fusion_at_progression": False}),
        ("ALK FISH positive at dx. Progressed on alectinib.\nALK IHC negative", {"alk_positive": True}),
        ("ALK FISH: positive at diagnosis. Progressed on alectinib.\nALK IHC: negative", {"alk_positive": True}),
        # another test's positive
        ("ALK IHC negative. ROS1 FISH positive at diagnosis.", {"alk_positive": False}),
        ("ALK IHC: negative. PD-L1: positive at diagnosis.", {"alk_positive": False}),
        # asked, not stated
        ("ALK IHC negative?\nALK FISH positive at dx?", {"alk_positive": None}),
    ],
)
def test_results_of_two_times_or_of_other_tests_are_no_discordance(text, fields):
    assert_reads(text, fields)
    assert "alk_positive" not in extractor.conflicts(extractor.load().entities(text)), text


# ---- 3. an equivocal result is no result: the other method decides -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "positive"),
    [
        ("ALK IHC equivocal, FISH positive", True),
        ("ALK IHC EQUIVOCAL, FISH POSITIVE", True),
        ("ALK IHC equivocal; FISH: positive", True),
        ("ALK IHC (D5F3) equivocal, break-apart FISH rearranged", True),
        ("ALK (D5F3) IHC: equivocal. Vysis FISH: positive", True),
        ("ALK IHC equivocal, positive by FISH", True),
        ("ALK IHC indeterminate; FISH +", True),
        ("ALK IHC | equivocal\nALK FISH | positive", True),
        ("ALK IHC equivocal, FISH pos (22% split signals)", True),
        ("ALK IHC (D5F3) equivocal; reflex FISH positive", True),
        ("ALK FISH equivocal, IHC positive", True),
        # the other method's negative: read as that method's negative alone is ("ALK FISH negative")
        ("ALK IHC equivocal, FISH negative", False),
        ("ALK IHC equivocal, FISH neg", False),
        ("ALK IHC equivocal, FISH not rearranged", False),
        ("ALK IHC equivocal; NGS: no ALK fusion", False),
        # negative controls: no other result, another gene's, a result still to come, or placed at progression
        ("ALK IHC equivocal", None),
        ("ALK FISH equivocal", None),
        ("ALK IHC equivocal, FISH pending", None),
        ("ALK IHC equivocal, FISH failed", None),
        ("ALK IHC equivocal, ROS1 FISH positive", None),
        ("ALK IHC equivocal; PD-L1 IHC positive (TPS 60%)", None),
        ("ALK IHC equivocal, FISH positive on the rebiopsy", None),
        ("ALK IHC equivocal, NGS negative", None),  # sequencing's bare negative may be of other genes
        ("Is ALK IHC equivocal with FISH positive enough to start alectinib?", None),
    ],
)
def test_an_equivocal_result_leaves_the_other_methods_result(text, positive):
    assert_reads(text, {"alk_positive": positive})
    assert "alk_positive" not in extractor.conflicts(extractor.load().entities(text)), text


# ---- 4. a fusion said found beside IHC or FISH positive with no progression specimen or time: ALK-positive ---------
# (a fusion said found alone, "RNA NGS: EML4-ALK fusion detected", stays the fusion at progression: reading it as the
# diagnosis's lowered the held-out half of phrasing set 14 below its floor, whole notes whose writers read it so)


@pytest.mark.parametrize(
    "text",
    [
        "ALK FISH positive; RNA NGS EML4-ALK fusion detected",
        "RNA NGS: EML4-ALK fusion detected; ALK IHC positive",
        "ALK FISH positive.\nArcher FusionPlex: EML4-ALK fusion detected",
        "ALK FISH POSITIVE; RNA NGS EML4-ALK FUSION DETECTED",
        "ALK IHC (D5F3) positive, NGS: ALK rearrangement detected",
        "EML4-ALK fusion detected by FISH",
        "ALK IHC | positive\nRNA NGS | EML4-ALK fusion detected",
        "D5F3 +; NGS EML4-ALK fusion detected",
    ],
)
def test_a_fusion_found_beside_ihc_or_fish_positive_is_alk_positive_only(text):
    assert_reads(text, {"alk_positive": True, "alk_fusion_at_progression": None})


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # a progression specimen or time, or the words of a re-test: the fusion at progression, as before
        ("Progressed on alectinib; NGS: ALK fusion detected, G1202R", {"alk_fusion_at_progression": True}),
        ("ALK IHC positive at dx. Progressed on alectinib. Rebiopsy NGS: EML4-ALK fusion detected, G1202R",
         {"alk_positive": True, "alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        ("Guardant360: EML4-ALK fusion detected, ALK G1202R 0.4%",
         {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma"}),
        ("Liquid biopsy: ALK rearrangement detected, 0.6% AF",
         {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma"}),
        ("ALK fusion still detected on the rebiopsy", {"alk_fusion_at_progression": True}),
        ("ALK fusion detected on the rebiopsy", {"alk_fusion_at_progression": True}),
        ("ALK fusion retained by RNA", {"alk_fusion_at_progression": True}),
        ("EML4-ALK retained", {"alk_fusion_at_progression": True}),
        ("Pleural fluid cell block: adenocarcinoma; ALK RNA NGS: EML4-ALK fusion detected.",
         {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        # a history's list: the biopsy in the line after the progression's
        ("- 10/2025: new liver lesion (systemic PD)\n- 11/2025: pleural biopsy - adenocarcinoma; RNA NGS ALK fusion "
         "present", {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        # a fusion denied: not found again, never ALK-negative by itself
        ("no ALK fusion detected", {"alk_positive": None, "alk_fusion_at_progression": False}),
        # asked, supposed, or a relative's
        ("ALK fusion detected?", {"alk_positive": None, "alk_fusion_at_progression": None}),
        ("If an ALK fusion is detected, start alectinib", {"alk_positive": None, "alk_fusion_at_progression": None}),
        ("His brother's tumour had an ALK fusion detected", {"alk_positive": None, "alk_fusion_at_progression": None}),
    ],
)
def test_a_fusion_at_progression_or_denied_keeps_its_reading(text, fields):
    assert_reads(text, fields)
