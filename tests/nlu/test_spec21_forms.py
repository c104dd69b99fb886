"""spec21: serial specimens (which specimen a result came from), mended as classes, phrasings of our own.

1. A ctDNA or cfDNA test said to be of the cerebrospinal fluid ("CSF ctDNA", "ctDNA from the CSF", "cerebrospinal
   fluid cfDNA") was read as a plasma biopsy and its fusion as found on plasma; a CSF "fusion not detected" as lost
   on plasma. CSF is neither tissue nor plasma: no biopsy and no fusion specimen is read from it, and a fusion said
   not detected in the CSF is left unread (the assistant asks). Controls: plasma ctDNA, bare ctDNA/cfDNA, a planned
   CSF test beside a plasma result.
2. A specimen word in a question or a label, then a liquid specimen named ("Which specimen? Plasma, drawn at
   progression: ...", "Sample type plasma, collected at PD") was read as a tissue specimen at progression (the
   fusion on tissue, biopsy tissue and plasma): the specimen word reaches "at progression" only within its own
   statement and not onto a liquid specimen named right after it. Controls: "Specimen at progression: liver core",
   "Biopsy at progression: ...".
3. Two sentences of one line, the first labelled by the diagnosis ("Tissue NGS at diagnosis: EML4-ALK. Tissue NGS at
   progression: EML4-ALK, L1196M"), dropped the second sentence's specimen as the diagnosis's: a later sentence with
   a label of its own telling this progression is not under the diagnosis's heading. Controls: the second label of
   the diagnosis too, a pending or failed test at progression, the diagnosis's line alone.
4. The tumour's ALK positivity told kept by this progression's specimen ("Re-biopsy confirmed ALK positivity",
   "Progression biopsy: ALK positivity retained", "Rebiopsy: still ALK+") read ALK positive only: it is the fusion
   found at progression, on tissue. Controls: "loss of ALK positivity" (no fusion found at progression), the
   diagnostic biopsy's, a question, a plan, a relative's, a rebiopsy not done, the disease's adjective.
5. This progression's sample or specimen the subject of its result ("The progression sample (liver) again showed the
   EML4-ALK fusion", "the new sample revealed G1202R") read no biopsy: a tissue biopsy, unless said liquid in its
   bracket. Controls: the diagnostic sample, a sample said plasma, a question.
6. (merged with main's lead12, which mends the "was revised - it is" form: spec21 adds the bare participle after a comma) A call revised or overturned, then what it is after a dash or colon ("the outside report of small cell
   transformation was revised - it is adenocarcinoma", "SCLC called locally, overturned on central review:
   adenocarcinoma") read the transformation as found: a correction, the revised call is not read (what it is
   revised to reads as that wording reads elsewhere: a rebiopsy's adenocarcinoma may read transformation none).
   Controls: a call confirmed on review, a report revised to add a detail.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# 1. CSF ctDNA is not plasma
@pytest.mark.parametrize(
    "text,fields",
    [
        ("CSF ctDNA (lumbar puncture, at progression): EML4-ALK and ALK G1202R.",
         {"alk_mutations": ["G1202R"], "biopsy": None, "alk_fusion_specimen": None}),
        ("ctDNA from the CSF showed EML4-ALK v3 and I1171N.",
         {"alk_mutations": ["I1171N"], "biopsy": None, "alk_fusion_specimen": None}),
        ("cfDNA in the cerebrospinal fluid: ALK fusion detected, L1196M.",
         {"alk_mutations": ["L1196M"], "biopsy": None, "alk_fusion_specimen": None}),
        ("CSF-derived ctDNA NGS at PD: EML4-ALK, G1202R.",
         {"alk_mutations": ["G1202R"], "biopsy": None, "alk_fusion_specimen": None}),
        ("Cerebrospinal fluid ctDNA: ALK fusion not detected.",
         {"biopsy": None, "alk_fusion_at_progression": None, "alk_fusion_specimen": None}),
        ("CSF ctDNA: ALK fusion not detected.", {"alk_fusion_at_progression": None, "alk_fusion_specimen": None}),
        ("ALK fusion not detected in the CSF; tissue rebiopsy pending.",
         {"alk_fusion_at_progression": None, "alk_fusion_specimen": None}),
        ("CSF cytology positive; CSF ctDNA EML4-ALK.", {"leptomeningeal": True, "biopsy": None,
                                                       "alk_fusion_specimen": None}),
        # controls: plasma, bare ctDNA/cfDNA, a CSF test planned beside a plasma result
        ("Plasma ctDNA at PD: EML4-ALK, G1202R.",
         {"biopsy": "plasma", "alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma"}),
        ("ctDNA (plasma) at progression: ALK fusion not detected.",
         {"biopsy": "plasma", "alk_fusion_at_progression": False, "alk_fusion_specimen": "plasma"}),
        ("ctDNA: ALK fusion not detected.",
         {"biopsy": "plasma", "alk_fusion_at_progression": False, "alk_fusion_specimen": "plasma"}),
        ("cfDNA at progression showed the ALK fusion and G1202R.",
         {"biopsy": "plasma", "alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma"}),
        ("CSF ctDNA planned; plasma cfDNA at progression: EML4-ALK detected.",
         {"biopsy": "plasma", "alk_fusion_at_progression": True, "alk_fusion_specimen": "plasma"}),
    ],
)
def test_csf_ctdna_is_no_plasma(text, fields):
    assert_reads(text, fields)


# 2. a specimen word in a question or a label, a liquid specimen named after it
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Which sample? Plasma, drawn at progression: EML4-ALK and ALK G1202R.",
         {"biopsy": "plasma", "alk_fusion_specimen": "plasma", "alk_mutations": ["G1202R"]}),
        ("Which specimen? Plasma only, collected at PD: EML4-ALK fusion plus ALK L1196M.",
         {"biopsy": "plasma", "alk_fusion_specimen": "plasma"}),
        ("What specimen was used? ctDNA, at PD: ALK fusion not detected.",
         {"biopsy": "plasma", "alk_fusion_at_progression": False, "alk_fusion_specimen": "plasma"}),
        ("Sample type plasma, collected at progression: EML4-ALK fusion, L1196M.",
         {"biopsy": "plasma", "alk_fusion_specimen": "plasma"}),
        ("Specimen: blood, at progression: ALK fusion not detected.",
         {"biopsy": "plasma", "alk_fusion_at_progression": False, "alk_fusion_specimen": "plasma"}),
        # controls: a tissue specimen at progression
        ("Specimen at progression: liver core. EML4-ALK and G1202R.",
         {"biopsy": "tissue", "alk_fusion_specimen": "tissue"}),
        ("Sample (liver core) at progression: ALK fusion not detected on RNA NGS.",
         {"biopsy": "tissue", "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
        ("Biopsy at progression: EML4-ALK, G1202R.", {"biopsy": "tissue", "alk_fusion_specimen": "tissue"}),
        ("Which specimen? The liver core taken at progression: EML4-ALK and G1202R.",
         {"biopsy": "tissue", "alk_fusion_specimen": "tissue"}),
    ],
)
def test_liquid_specimen_after_a_specimen_word(text, fields):
    assert_reads(text, fields)


# 3. a later sentence labelled by this progression, after one labelled by the diagnosis
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Tissue NGS at diagnosis: EML4-ALK. Tissue NGS at progression: EML4-ALK, ALK L1196M.",
         {"biopsy": "tissue", "alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue",
          "alk_mutations": ["L1196M"]}),
        ("NGS at dx: EML4-ALK. Tissue NGS at PD: EML4-ALK plus ALK G1202R.",
         {"biopsy": "tissue", "alk_fusion_specimen": "tissue"}),
        ("Tissue NGS (diagnosis): EML4-ALK. Tissue NGS (progression): EML4-ALK, ALK L1196M.",
         {"biopsy": "tissue", "alk_fusion_specimen": "tissue"}),
        ("Tissue NGS at diagnosis: EML4-ALK, TP53 R273H. Tissue NGS at progression: EML4-ALK, ALK I1171N.",
         {"biopsy": "tissue", "alk_mutations": ["I1171N"]}),
        ("Tissue NGS at diagnosis: EML4-ALK. Tissue NGS at progression: ALK L1196M.",
         {"biopsy": "tissue", "alk_mutations": ["L1196M"]}),
        # controls: both labels the diagnosis's, a test at progression pending or failed, the diagnosis alone
        ("Tissue NGS at diagnosis: EML4-ALK. Tissue NGS at diagnosis review: EML4-ALK.",
         {"biopsy": None, "alk_fusion_at_progression": None}),
        ("Tissue NGS at diagnosis: EML4-ALK. Tissue NGS at progression: pending.",
         {"biopsy": None, "alk_fusion_at_progression": None}),
        ("Tissue NGS at diagnosis: EML4-ALK. Tissue NGS at progression: failed, insufficient tumour.",
         {"alk_fusion_at_progression": None, "alk_positive": True}),
        ("Tissue NGS at diagnosis: EML4-ALK, PIK3CA E545K.",
         {"biopsy": None, "alk_fusion_at_progression": None, "alk_positive": True}),
    ],
)
def test_progression_label_after_diagnosis_label(text, fields):
    assert_reads(text, fields)


# 4. ALK positivity kept on this progression's specimen
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Re-biopsy confirmed ALK positivity.",
         {"biopsy": "tissue", "alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        ("Rebiopsy: still ALK+.", {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        ("Progression biopsy: ALK positivity retained.",
         {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        ("The repeat biopsy at PD again showed ALK positivity.",
         {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        ("New node biopsy: ALK positivity preserved.",
         {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        ("The new liver core again showed ALK positivity.",
         {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        # controls: loss of positivity, the diagnosis's, a question, a plan, a relative's, none done, an adjective
        ("Progression biopsy showed loss of ALK positivity.", {"alk_fusion_at_progression": None}),
        ("Diagnostic biopsy confirmed ALK positivity.",
         {"alk_positive": True, "biopsy": None, "alk_fusion_at_progression": None}),
        ("Will the rebiopsy confirm ALK positivity?", {"alk_fusion_at_progression": None, "biopsy": None}),
        ("Rebiopsy planned to confirm ALK positivity.", {"alk_fusion_at_progression": None, "biopsy": None}),
        ("His sister's rebiopsy confirmed ALK positivity.", {"alk_fusion_at_progression": None, "biopsy": None}),
        ("Rebiopsy was not done; ALK positivity known from 2019.",
         {"biopsy": "none", "alk_fusion_at_progression": None, "alk_positive": True}),
        ("Rebiopsy: ALK+ adenocarcinoma.", {"alk_fusion_at_progression": None, "alk_positive": True}),
    ],
)
def test_alk_positivity_kept_at_progression(text, fields):
    assert_reads(text, fields)


# 5. this progression's sample the subject of its result
@pytest.mark.parametrize(
    "text,fields",
    [
        ("The progression sample (liver) again showed the EML4-ALK fusion.",
         {"biopsy": "tissue", "alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        ("The new sample revealed EML4-ALK and G1202R.",
         {"biopsy": "tissue", "alk_fusion_specimen": "tissue", "alk_mutations": ["G1202R"]}),
        ("The new specimen revealed G1202R.", {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
        ("the repeat specimen (adrenal FNA) confirms the EML4-ALK fusion", {"biopsy": "tissue"}),
        # controls: said plasma, the diagnosis's, a question
        ("The progression sample (plasma) again showed the EML4-ALK fusion.",
         {"biopsy": "plasma", "alk_fusion_specimen": "plasma"}),
        ("The progression sample (ctDNA) showed G1202R.", {"biopsy": "plasma"}),
        ("The diagnostic sample showed EML4-ALK.", {"biopsy": None, "alk_positive": True}),
        ("Will the new sample show the fusion?", {"biopsy": None, "alk_fusion_at_progression": None}),
    ],
)
def test_progression_sample_as_subject(text, fields):
    assert_reads(text, fields)


# 6. a call revised or overturned
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Progression biopsy reviewed here: the outside report of small cell transformation was revised - it is "
         "adenocarcinoma.", {"transformation": None, "biopsy": "tissue"}),
        ("Rebiopsy: SCLC transformation called by the local lab, overturned on central review: adenocarcinoma.",
         {"transformation": None}),
        ("Rebiopsy: the outside call of squamous transformation has been revised: this is adenocarcinoma.",
         {"transformation": None}),
        ("rebx: small-cell transformation per the first read, reclassified - it is adenocarcinoma",
         {"transformation": "none"}),
        # controls: confirmed on review, a report revised to add a detail, the call alone
        ("Rebiopsy at progression: small cell transformation, confirmed on central review.",
         {"transformation": "small_cell"}),
        ("Rebiopsy: small cell transformation; the report was revised to add Ki-67 90%.",
         {"transformation": "small_cell"}),
        ("Rebiopsy: small cell transformation.", {"transformation": "small_cell"}),
    ],
)
def test_revised_call(text, fields):
    assert_reads(text, fields)
