"""lead12: two misreadings found while reading set 20's tuned half, mended as classes, phrasings of our own.

1. A call revised with a mark after the verb rather than "to" ("small cell transformation was revised - it is
   adenocarcinoma", "... was revised on central review: adenocarcinoma", "the report of G1202R was revised: it is
   G1202A") kept the call it revised beside its replacement: SAFETY (a transformation revised away still sent the case
   to platinum-etoposide). The revision is a correction, as "revised to" already was. Controls: a call confirmed on
   review, a revision of something else (a plan), a call with nothing after the revision.
2. A plan changed to a drug ("the treatment plan was revised: lorlatinib", "plan changed to brigatinib") read the drug
   as received. It is a drug named as an option, as "plan to start lorlatinib" is. Controls: a drug received after
   the plan changed, a stop for toxicity after "the plan changed".
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize(
    "text,fields",
    [
        ("the outside report of small cell transformation was revised - it is adenocarcinoma",
         {"transformation": None, "histology": "adenocarcinoma"}),
        ("The initial read of SCLC transformation was revised on central review: adenocarcinoma.",
         {"transformation": None, "histology": "adenocarcinoma"}),
        ("small cell transformation was amended, it is adenocarcinoma", {"transformation": None}),
        ("SCLC transformation has been revised, now adenocarcinoma", {"transformation": None}),
        ("squamous transformation was overturned on review - adenocarcinoma", {"transformation": None}),
        ("the report of G1202R was revised: it is G1202A", {"alk_mutations": ["G1202A"]}),
        ("G1202R was corrected - G1202A", {"alk_mutations": ["G1202A"]}),
        ("L1196M was reclassified: L1198F", {"alk_mutations": ["L1198F"]}),
        # controls: a call confirmed, the word in another sense, a plan revised
        ("small cell transformation was reported and was confirmed on central review: small cell carcinoma",
         {"transformation": "small_cell"}),
        ("rebiopsy: SCLC transformation; the plan was revised: carboplatin-etoposide",
         {"transformation": "small_cell", "biopsy": "tissue"}),
        ("G1202R on rebiopsy, report revised: no change", {"alk_mutations": ["G1202R"]}),
        ("small cell transformation to be revised at MDT", {"transformation": "small_cell"}),
    ],
)
def test_a_call_revised_before_a_mark_gives_way(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("G1202R. The treatment plan was revised: lorlatinib", {"alk_mutations": ["G1202R"], "prior_tkis": None}),
        ("G1202R. Plan was changed: lorlatinib", {"prior_tkis": None}),
        ("Treatment plan revised to lorlatinib", {"prior_tkis": None}),
        ("Plan changed to brigatinib after alectinib", {"prior_tkis": ["alectinib"]}),
        ("MDT: plan now updated: brigatinib", {"prior_tkis": None}),
        ("the plan has been modified to lorlatinib given G1202R", {"prior_tkis": None}),
        # controls: a drug received after the plan changed, a stop told after it
        ("on alectinib; plan was changed when she progressed, she has been on brigatinib since May",
         {"prior_tkis": ["alectinib", "brigatinib"]}),
        ("the plan changed, alectinib was stopped for hepatitis",
         {"prior_tkis": ["alectinib"], "intolerant_tkis": ["alectinib"]}),
        ("Plan changed. She started lorlatinib in June after alectinib.", {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ],
)
def test_a_plan_changed_to_a_drug_is_no_drug_received(text, fields):
    assert_reads(text, fields)
