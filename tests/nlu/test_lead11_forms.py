"""lead11: two misreadings ther18 found, mended as classes, phrasings of our own.

1. A stop for toxicity inside the words of its denial ("alectinib was not stopped for toxicity", "never discontinued
   because of side effects") read the TKI as stopped for toxicity: a denial read as the finding. It is no intolerance
   (the denial reads none, as "stopped for progression, not for toxicity" does). Controls: a stop for toxicity told,
   and one TKI's stop denied beside another's told.
2. A doubt or a test to come on the NEXT line ("ECOG 1\\nplasma sent", "alectinib\\n\\nNGS pending", "ECOG 1\\nsuspected
   LMD") doubted the finding ending the line before, which lost it: a line opened by a test or a specimen, or going
   on past the cue to words of its own, is that line's item. Controls: the cue on the finding's own line ("ECOG 1 NGS
   pending" stays as it read), a bare answer alone on the next line ("Brain metastases\\nsuspected"), and a test's
   result with a test on the next line ("G1202R\\nPCR pending": it may be that test's).
3. (merge) a letter's words that brain18's translation reads as English first still read as mol18 and ther18 wrote.
4. The writer's own view after a source's score ("ECOG 1 per the GP, but I'd say 2") read the source's score alone:
   two sources, left to clash (asked), as "ECOG 2 per GP, 1 per us" is.
5. ALK told negative, then a test named bare after "but" told positive ("ALK negative on the first report but FISH
   positive") read ALK negative alone (out of scope): the two results clash (asked).
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


# 1. a stop for toxicity denied
@pytest.mark.parametrize(
    "text,fields",
    [
        ("alectinib was not stopped for toxicity", {"intolerant_tkis": [], "prior_tkis": ["alectinib"]}),
        ("Alectinib was not stopped because of side effects.", {"intolerant_tkis": []}),
        ("brigatinib was never discontinued due to toxicity", {"intolerant_tkis": []}),
        ("ceritinib wasn't stopped for tox, it was PD", {"intolerant_tkis": []}),
        ("He had alectinib, not stopped for intolerance", {"intolerant_tkis": []}),
        ("alectinib wasnt stopped due to side effects", {"intolerant_tkis": []}),
        ("lorlatinib has not been stopped owing to toxicity", {"intolerant_tkis": []}),
        # controls: the stop for toxicity told
        ("alectinib was stopped for toxicity", {"intolerant_tkis": ["alectinib"]}),
        ("Alectinib was discontinued because of side effects.", {"intolerant_tkis": ["alectinib"]}),
        ("brigatinib stopped due to pneumonitis", {"intolerant_tkis": ["brigatinib"]}),
        (
            "alectinib stopped for toxicity, brigatinib not stopped for toxicity",
            {"intolerant_tkis": ["alectinib"], "prior_tkis": ["alectinib", "brigatinib"]},
        ),
    ],
)
def test_a_stop_for_toxicity_denied_is_no_intolerance(text, fields):
    assert_reads(text, fields)


# 2. a cue on the next line
@pytest.mark.parametrize(
    "text,fields",
    [
        ("ECOG 1\nplasma sent", {"ecog": 1, "biopsy": "plasma"}),
        ("ECOG 1\n\nNGS pending", {"ecog": 1}),
        ("ECOG 2\n- NGS pending", {"ecog": 2}),
        ("alectinib\nplasma sent", {"prior_tkis": ["alectinib"]}),
        ("PS 1\nliquid biopsy sent today", {"ecog": 1}),
        ("ECOG 1\nsuspected LMD", {"ecog": 1}),
        ("brain mets x2\nplasma sent", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("on brigatinib\nNGS requested", {"prior_tkis": ["brigatinib"]}),
        ("ECOG 0\ntissue biopsy booked", {"ecog": 0}),
        # controls: the cue on the finding's own line or alone on the next, and a result with a test after it
        ("ECOG 1 NGS pending", {"ecog": None}),
        ("brain mets suspected", {"brain_metastases": None}),
        ("Brain metastases\nsuspected", {"brain_metastases": None}),
        ("Diabetes:\nunknown", {"comorbidities": None}),
        ("G1202R\nPCR pending", {"alk_mutations": None}),
        ("G1202R PCR pending", {"alk_mutations": None}),
        ("transformation to SCLC\nIHC pending", {"transformation": None}),
        ("MET amplification\nFISH pending", {"bypass_alterations": None}),
    ],
)
def test_a_cue_on_the_next_line_is_that_lines(text, fields):
    assert_reads(text, fields)


# 3. (merge of brain18 with mol18 and ther18) a letter's words that translated_terms reads as English first ("epatica" as
# "hepatic", "nessuna" / "keine" as "no") still read as the words of the letter did
@pytest.mark.parametrize(
    "text,fields",
    [
        ("biopsia polmonare eseguita", {"biopsy": "tissue"}),
        ("biopsie hépatique réalisée", {"biopsy": "tissue"}),
        ("biopsia ossea eseguita", {"biopsy": "tissue"}),
        ("Nessuna rebiopsia per ora", {"biopsy": "none"}),
        ("keine Rebiopsie", {"biopsy": "none"}),
        ("tratamiento: ninguno", {"current_therapy": "none"}),
        ("- terapia: nessuna", {"current_therapy": "none"}),
        # controls: an English key answered "no" is not read as nothing given; a biopsy planned stays unread
        ("Therapy: no", {"current_therapy": None}),
        ("biopsia epatica programmata", {"biopsy": None}),
    ],
)
def test_translated_words_still_read(text, fields):
    assert_reads(text, fields)


# 4. the writer's own view after a source's score
@pytest.mark.parametrize(
    "text,fields",
    [
        ("ECOG 1 per the GP, but I'd say 2", {"ecog": None}),
        ("ECOG 1 per GP, I would say 2", {"ecog": None}),
        ("PS 2 per the referral; we would call it 1", {"ecog": None}),
        ("ECOG 1 per GP, I'd say ECOG 2", {"ecog": None}),
        ("ECOG 0 per the referring team, but I'd put her at 2", {"ecog": None}),
        # controls: the same score, a score said now, a view of something else
        ("ECOG 1 per GP, I'd say 1", {"ecog": 1}),
        ("ECOG 2 per GP, now 1", {"ecog": 1}),
        ("ECOG 1 per GP. I'd say she has brain mets", {"ecog": 1}),
        ("ECOG I'd say 2", {"ecog": 2}),
    ],
)
def test_own_view_after_a_sources_score_clashes(text, fields):
    assert_reads(text, fields)


# 5. ALK negative, then a bare test positive after "but"
@pytest.mark.parametrize(
    "text,fields",
    [
        ("ALK negative on the first report but FISH positive", {"alk_positive": None}),
        ("'ALK-negative' in the first report, but FISH positive", {"alk_positive": None}),
        ("Initially reported ALK negative, but FISH was positive", {"alk_positive": None}),
        ("ALK-neg initially but repeat FISH positive", {"alk_positive": None}),
        ("ALK negative by IHC but the NGS came back positive", {"alk_positive": None}),
        # controls: ALK negative alone, and another gene's or marker's test positive after it
        ("ALK negative", {"alk_positive": False}),
        ("ALK negative, EGFR negative, but PD-L1 positive", {"alk_positive": False}),
        ("ALK negative but ROS1 FISH positive", {"alk_positive": False}),
    ],
)
def test_alk_negative_then_a_test_positive_clashes(text, fields):
    assert_reads(text, fields)
