"""mol20: the ALK fusion's result at this progression and its specimen, misreadings found on phrasings of our own.

1. A denial written with its verb before what it denies, as second-language English writes it ("Liquid biopsy at
   progression: not detected the ALK fusion", "Rebiopsy: not found the ALK rearrangement", "not detected G1202R")
   read the finding PRESENT: the fusion retained at progression, a mutation or a bypass alteration found. "not
   detected/found/identified/seen/shown/demonstrated/revealed" right before its object is a denial (negation cue).
   Controls: a result read back before a comma or a clause ("G1202R not detected, EML4-ALK fusion detected", "not
   detected in plasma but ..."), a heading "Not detected:", the fusion found, a question, a relative's.
2. A verb before "ALK fusion" ("detected ALK fusion", "found ALK fusion") was read as the fusion's partner gene
   ("KIF5B ALK fusion"): the finding took the verb, and so "not detected ALK fusion" read ALK NEGATIVE AT DIAGNOSIS,
   and "Plasma: found ALK fusion" lost its specimen. Controls: a partner gene named.
3. A progression sample said liquid in brackets after it ("EML4-ALK v3 detected on a progression sample (plasma)")
   read the fusion on TISSUE: the specimen is plasma, never tissue (left to what else is told). Controls: a bracket
   naming an organ, none, a bracket saying the plasma was not tested, the plasma heading.
4. The fusion said found AGAIN with "again" after its verb ("the EML4-ALK fusion was found again in the liver biopsy",
   "ALK rearrangement confirmed again on the rebiopsy") read ALK-positive only: the fusion re-found at this
   progression. Controls: the diagnosis's material re-tested, a biopsy of a year, a plan, a relative's, a question.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

_LOST_PLASMA = {"alk_fusion_at_progression": False, "alk_fusion_specimen": "plasma", "biopsy": "plasma"}
_LOST_TISSUE = {"alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue", "biopsy": "tissue"}
_KEPT_PLASMA = {"alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma", "biopsy": "plasma"}
_KEPT_TISSUE = {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue", "biopsy": "tissue"}


# 1. and 2. the denial's verb before its object
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Liquid biopsy at progression: not detected the ALK fusion.", _LOST_PLASMA),
        ("Plasma NGS at PD: not detected the EML4-ALK fusion.", _LOST_PLASMA),
        ("Rebiopsy of the liver: not found the ALK rearrangement.", _LOST_TISSUE),
        ("Liquid biopsy at progression: not detected ALK fusion.", {**_LOST_PLASMA, "alk_positive": None}),
        ("cfDNA at progression - not identified EML4-ALK fusion, no mutations.", {**_LOST_PLASMA, "alk_mutations": []}),
        (
            "Rebiopsy (adrenal) at progression: not identified the EML4-ALK fusion; small cell carcinoma.",
            {**_LOST_TISSUE, "transformation": "small_cell"},
        ),
        ("Re-biopsy: not found any ALK fusion.", _LOST_TISSUE),
        ("Plasma: found ALK fusion.", _KEPT_PLASMA),
        ("Plasma at PD: detected ALK fusion, G1202R 0.5%.", {**_KEPT_PLASMA, "alk_mutations": ["G1202R"]}),
        # controls: a result read back before a comma or a clause, a heading, a partner gene, the fusion found
        ("G1202R not detected, EML4-ALK fusion detected on the rebiopsy.", _KEPT_TISSUE),
        ("G1202R was not detected and the EML4-ALK fusion was retained on the rebiopsy.", _KEPT_TISSUE),
        ("Not detected: G1202R. Rebiopsy: EML4-ALK detected.", _KEPT_TISSUE),
        ("Liquid biopsy: not found L1196M, detected EML4-ALK.", _KEPT_PLASMA),
        (
            "ALK fusion not detected in plasma but the rebiopsy showed EML4-ALK.",
            {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"},
        ),
        ("KIF5B-ALK fusion detected on the rebiopsy.", _KEPT_TISSUE),
        # controls: a question, a relative's
        ("Is the ALK fusion not detected the rebiopsy?", {"alk_fusion_at_progression": None}),
        ("Her sister's plasma: not detected the ALK fusion.", {"alk_fusion_at_progression": None, "biopsy": None}),
    ],
)
def test_denial_verb_before_fusion(text, fields):
    assert_reads(text, fields)


# 1. the same denial of a mutation or a bypass alteration
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Rebiopsy: not detected G1202R.", {"alk_mutations": ["G1202R"]}),
        ("Plasma at progression: not found the L1196M mutation.", {"alk_mutations": ["L1196M"]}),
        ("Rebiopsy: not detected MET amplification.", {"bypass_alterations": ["MET_amplification"]}),
        ("Rebiopsy: not seen KRAS mutation.", {"bypass_alterations": ["KRAS_mutation"]}),
    ],
)
def test_denial_verb_before_mutation(text, fields):
    assert_reads_other_than(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [  # controls: found after a denial read back
        ("Rebiopsy: L1196M not detected, G1202R detected.", {"alk_mutations": ["G1202R"]}),
        ("Rebiopsy: G1202R.", {"alk_mutations": ["G1202R"]}),
    ],
)
def test_mutation_found_controls(text, fields):
    assert_reads(text, fields)


# 3. a progression sample said liquid in brackets
@pytest.mark.parametrize(
    "text,fields",
    [
        ("EML4-ALK v3 detected on a progression sample (plasma).", {"alk_fusion_specimen": "tissue"}),
        ("EML4-ALK v3 detected on the progression sample (ctDNA), with G1202R.", {"alk_fusion_specimen": "tissue"}),
        ("ALK fusion found on the new specimen (cfDNA).", {"alk_fusion_specimen": "tissue"}),
        ("EML4-ALK v3 detected on a progression sample (plasma).", {"biopsy": "tissue_and_plasma"}),
    ],
)
def test_liquid_progression_sample_not_tissue(text, fields):
    assert_reads_other_than(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("EML4-ALK v3 detected on a progression sample (plasma).", {"biopsy": "plasma"}),
        # controls: an organ in the bracket, none, the plasma said not tested, the plasma heading
        ("EML4-ALK v3 detected on the progression sample (liver).", _KEPT_TISSUE),
        ("EML4-ALK v3 detected on the progression sample.", _KEPT_TISSUE),
        ("ALK FISH negative on the progression specimen (plasma was not tested).", _LOST_TISSUE),
        ("ALK fusion retained on the progression biopsy (plasma not sent).", _KEPT_TISSUE),
        ("Progression sample (plasma, Guardant360): EML4-ALK detected.", _KEPT_PLASMA),
    ],
)
def test_liquid_progression_sample_controls(text, fields):
    assert_reads(text, fields)


# 4. the fusion found again
@pytest.mark.parametrize(
    "text,fields",
    [
        ("At progression, the EML4-ALK fusion was found again in the liver biopsy.", _KEPT_TISSUE),
        ("The EML4-ALK fusion was found again in the liver biopsy.", _KEPT_TISSUE),
        (
            "Progression on lorlatinib: ALK rearrangement confirmed again on the rebiopsy, with G1202R.",
            {**_KEPT_TISSUE, "alk_mutations": ["G1202R"]},
        ),
        ("Liquid biopsy at PD: EML4-ALK v3 detected again, no mutations.", {**_KEPT_PLASMA, "alk_mutations": []}),
        ("rebx adrenal - ALK fusion seen again, G1202R", {**_KEPT_TISSUE, "alk_mutations": ["G1202R"]}),
        # controls: the diagnosis's material, a biopsy of a year, a plan, a relative's, a question
        (
            "The ALK fusion was found again on central re-testing of the diagnostic block.",
            {"alk_fusion_at_progression": None, "alk_positive": True},
        ),
        ("EML4-ALK fusion confirmed again on the 2019 biopsy.", {"alk_fusion_at_progression": None}),
        ("If the ALK fusion is found again on the rebiopsy, lorlatinib.", {"alk_fusion_at_progression": None}),
        ("Her brother's ALK fusion was found again on rebiopsy.", {"alk_fusion_at_progression": None}),
        ("Was the EML4-ALK fusion found again?", {"alk_fusion_at_progression": None}),
    ],
)
def test_fusion_found_again(text, fields):
    assert_reads(text, fields)
