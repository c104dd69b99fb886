"""safe20: the case changes only when the clinician states a finding about this patient now (TRUST classes).

1. A biopsy told by its purpose right after it ("repeat biopsy to exclude small cell transformation", "liver biopsy for
   NGS", "rebiopsy of the liver lesion to rule out SCLC") read tissue: a biopsy still to come (Doubt._biopsy_purpose),
   as a sentence opening "For rebiopsy." is (biopsy_to_come). Controls: a biopsy done ("repeat biopsy showed",
   "rebiopsy (liver core) 11/2025: ...", "rebiopsy confirms"), a result past its purpose ("Rebiopsy to look for
   resistance mutations showed G1202R", "Rebiopsy for NGS: G1202R"), a verb saying it taken ("She underwent a repeat
   biopsy to exclude SCLC", "Liver biopsy sent for NGS").
2. An earlier progression's biopsy beside a denial of one now past a semicolon or a comma ("The rebiopsy in 2022 (first
   progression) confirmed ALK positivity; no new biopsy now") read tissue: the denial's "now" was taken as the
   biopsy's (Timing._before_no_rebiopsy now stops the biopsy's statement at the denial's clause); a biopsy dated when
   the denial says none now is earlier too, and a fusion found then is the ALK positivity, not this progression's.
   Controls: a biopsy now, a denial said unneeded ("No new biopsy needed now").
3. A laboratory's, a colleague's or a trial site's country read as where the patient is treated ("NGS sent to
   Foundation Medicine (USA)", "Central lab, Germany: ...", "Trial site (France)"): People._elsewhere_region.
   Controls: where treated ("Patient treated in Madrid", "from Madrid, Spain"), a note's header and a second opinion's
   place (the project's convention), a colleague asking ("Second opinion request from a colleague in Italy").
4. An ECOG called a slip with the value meant after it ("ECOG 2 was a typo, it is 1") read nothing: the value meant
   is read in its place (Context._score_slip). Controls: the slip denied ("ECOG 2 is not a typo"), no value meant,
   a number of something else after it ("1 brain lesion", "1 month"), two values ("1 or 2"), a question.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

PD = "Progression on alectinib. "


# 1. a biopsy planned or told by its purpose is still to come
@pytest.mark.parametrize(
    "text",
    [
        PD + "Plan: repeat biopsy to exclude small cell transformation.",
        PD + "Repeat biopsy to exclude small cell transformation.",
        "Progression on lorlatinib; repeat biopsy to look for resistance mutations.",
        PD + "Liver biopsy to assess for histologic transformation.",
        PD + "Liver biopsy for NGS.",
        PD + "Repeat biopsy for histology and NGS.",
        PD + "Rebiopsy of the liver lesion to rule out transformation.",
        PD + "Repeat liver biopsy to evaluate resistance mechanisms.",
        PD + "Repeat biopsy in order to exclude transformation.",
        PD + "Repeat biopsy, to exclude SCLC transformation.",
        PD + "Liver core biopsy to confirm histology and for NGS.",
        PD + "Rebiopsy for molecular profiling.",
        PD + "Rebiopsy for resistance testing.",
        PD + "Biopsy of the adrenal lesion for tissue NGS.",
        PD + "Repeat biopsy to check for ALK resistance mutations.",
        PD + "Liquid biopsy for ALK resistance mutations.",
        PD + "Plasma NGS to look for resistance mutations.",
        PD + "For rebiopsy.",
        PD + "For liver biopsy.",
        PD + "For repeat liver biopsy next week.",
        PD + "Rebiopsy recommended.",
        PD + "Rebiopsy advised for NGS.",
        PD + "Rebiopsy requested.",
        PD + "Liver biopsy booked for next week.",
        PD + "Awaiting liver biopsy.",
        PD + "We will rebiopsy the liver lesion.",
        PD + "Consider rebiopsy.",
        PD + "Consider a rebiopsy to exclude SCLC.",
        PD + "Needs a repeat biopsy.",
        PD + "Will need a repeat biopsy to exclude transformation.",
        PD + "\nRecommendation: rebiopsy of the liver lesion for NGS.",
        PD + "\nPlan:\n1. Repeat biopsy to exclude small cell transformation\n2. Brain MRI",
        PD + "\nRecommendations: Repeat biopsy (liver) for NGS.",
    ],
)
def test_a_biopsy_planned_or_told_by_its_purpose_is_no_biopsy(text):
    assert_reads(text, {"biopsy": None, "prior_tkis": ["alectinib"] if "alectinib" in text else ["lorlatinib"]})


@pytest.mark.parametrize(
    "text,fields",
    [
        (PD + "Repeat biopsy showed adenocarcinoma, ALK positive.", {"biopsy": "tissue", "transformation": "none"}),
        (PD + "Rebiopsy (liver core) 11/2025: adenocarcinoma, no small cell features.", {"biopsy": "tissue"}),
        (PD + "Rebiopsy confirms adenocarcinoma.", {"biopsy": "tissue", "transformation": "none"}),
        (PD + "She underwent a repeat biopsy to exclude small cell transformation.", {"biopsy": "tissue"}),
        (PD + "She had a liver biopsy for NGS.", {"biopsy": "tissue"}),
        (PD + "A repeat biopsy was performed to exclude SCLC transformation.", {"biopsy": "tissue"}),
        (PD + "Repeat biopsy to exclude small cell transformation: adenocarcinoma only.", {"biopsy": "tissue"}),
        (PD + "Rebiopsy to look for resistance mutations showed G1202R.",
         {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
        (PD + "Liver biopsy for NGS showed ALK G1202R.", {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
        (PD + "Rebiopsy for NGS: G1202R.", {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
        (PD + "Liver biopsy sent for NGS.", {"biopsy": "tissue"}),
        (PD + "Liver biopsy done for NGS, result pending.", {"biopsy": "tissue"}),
        (PD + "Liquid biopsy to look for resistance mutations: G1202R detected.",
         {"biopsy": "plasma", "alk_mutations": ["G1202R"]}),
        ("Pleural fluid sent for NGS.", {"biopsy": "tissue"}),
        # a done biopsy still reads after a plan's other item (lead14: a bare "Repeat biopsy." is no biopsy done, a
        # plan as much as a deed: tests/nlu/test_lead14_forms.py)
        (PD + "Repeat biopsy done.", {"biopsy": "tissue"}),
    ],
)
def test_a_biopsy_done_still_reads(text, fields):
    assert_reads(text, fields)


# 2. an earlier progression's biopsy beside a denial of one now
@pytest.mark.parametrize(
    "text,fields",
    [
        ("The rebiopsy in 2022 (first progression) confirmed ALK positivity; no new biopsy now.",
         {"biopsy": "none", "alk_positive": True, "alk_fusion_at_progression": None}),
        ("The rebiopsy in 2022 (first progression) confirmed ALK positivity, no new biopsy now.",
         {"biopsy": "none", "alk_positive": True}),
        ("The rebiopsy in 2022 (first progression) confirmed ALK positivity. No new biopsy now.",
         {"biopsy": "none", "alk_positive": True}),
        ("No biopsy now; the rebiopsy in 2022 (first progression) confirmed ALK positivity.", {"biopsy": "none"}),
        ("Rebiopsy in 2022 at first progression showed G1202R; no rebiopsy at this progression.",
         {"biopsy": "none", "alk_mutations": None}),
        ("Liver biopsy 2023 (PD on alectinib): adenocarcinoma, ALK+. No biopsy at current progression.",
         {"biopsy": "none", "alk_positive": True}),
        ("Rebiopsy in 2022; no new biopsy now.", {"biopsy": "none"}),
        ("The rebiopsy in 2022 confirmed ALK positivity; no new biopsy has been done.", {"biopsy": "none"}),
        ("The rebiopsy in 2022 confirmed ALK positivity; not rebiopsied this time.", {"biopsy": "none"}),
        ("First progression 2022: rebiopsy confirmed ALK+. Current progression: no biopsy.",
         {"biopsy": "none", "alk_positive": True, "alk_fusion_at_progression": None, "alk_fusion_specimen": None}),
        # controls: a biopsy now; a denial of a further biopsy said unneeded
        ("The rebiopsy in 2022 (first progression) confirmed ALK positivity; a new biopsy now showed G1202R.",
         {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
        ("The rebiopsy in 2022 (first progression) confirmed ALK positivity.", {"biopsy": "tissue"}),
        ("Liver core 2025 showed G1202R. No new biopsy needed now.", {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
        ("Liver core 2025 showed G1202R; no further biopsy required.",
         {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
        ("Rebiopsy 2025 showed G1202R. No rebiopsy planned.", {"biopsy": "tissue", "alk_mutations": ["G1202R"]}),
    ],
)
def test_an_earlier_progressions_biopsy_beside_none_now(text, fields):
    assert_reads(text, fields)


# 3. a laboratory's, a colleague's or a trial site's country
@pytest.mark.parametrize(
    "text,fields",
    [
        ("NGS sent to Foundation Medicine (USA).", {"region": None}),
        ("Tissue sent to Foundation Medicine, USA.", {"region": None, "biopsy": "tissue"}),
        ("FoundationOne CDx (USA): G1202R.", {"region": None, "alk_mutations": ["G1202R"]}),
        ("NGS: Foundation Medicine (USA).", {"region": None}),
        ("NGS (Foundation Medicine, Cambridge, USA): G1202R.", {"region": None, "alk_mutations": ["G1202R"]}),
        ("Central lab, Germany: ALK FISH positive.", {"region": None, "alk_positive": True}),
        ("Lab: Foundation Medicine, USA", {"region": None}),
        ("Molecular pathology (Institute of Pathology, Munich): NGS of the pleural biopsy - ALK G1202R.",
         {"region": None, "alk_mutations": ["G1202R"]}),
        ("We discussed the case with colleagues in Germany (Heidelberg).", {"region": None}),
        ("Advice from a colleague, Germany.", {"region": None}),
        ("Colleague (Germany) suggested lorlatinib.", {"region": None}),
        ("Trial site (France).", {"region": None}),
        ("NGS done by Foundation Medicine in the US.", {"region": None}),
        ("Discussed with a colleague in Germany.", {"region": None}),
        # where the patient is treated, beside a laboratory's country
        ("Patient treated in Madrid. NGS done by Foundation Medicine in the US.", {"region": "ES"}),
        ("ALK+ NSCLC. Treated in Madrid. NGS sent to Foundation Medicine (USA).", {"region": "ES"}),
        ("Region: Spain. NGS sent to Foundation Medicine (USA).", {"region": "ES"}),
        # controls: where treated, the writer's place, a note's header, a second opinion's place
        ("Patient treated in Madrid.", {"region": "ES"}),
        ("Patient is from Madrid, Spain.", {"region": "ES"}),
        ("Patient from Mexico, treated in Madrid.", {"region": "ES"}),
        ("Patient from Germany, treated in Spain.", {"region": "ES"}),
        ("Second opinion request from a colleague in Italy: ALK+ on alectinib.", {"region": "IT"}),
        ("Second opinion (Auckland, Middlemore): brigatinib since 2023.", {"region": "NZ"}),
        ("Second opinion from Kyiv (Ukraine), the patient is treated there: ALK positive.", {"region": "UA"}),
        ("I am an oncologist in Germany.", {"region": "DE"}),
        ("Tumour board (Mumbai): ALK+ NSCLC, PD on crizotinib.", {"region": "IN"}),
        ("Country: Spain", {"region": "ES"}),
    ],
)
def test_a_laboratorys_or_colleagues_country_is_not_where_treated(text, fields):
    assert_reads(text, fields)


# 4. an ECOG called a slip, and the value meant
@pytest.mark.parametrize(
    "text,ecog",
    [
        ("ECOG 2 was a typo, it is 1.", 1),
        ("ECOG 2 was a typo; it is 1.", 1),
        ("ECOG 2 is a typo, should be 1.", 1),
        ("ECOG 2 was a mistake, it's 1.", 1),
        ("ECOG 2 (typo) - actually 1.", 1),
        ("ECOG 2 - typo, should read ECOG 1.", 1),
        ("ECOG 2 was wrong, she is ECOG 1.", 1),
        ("ECOG 2 -> typo, ECOG 1.", 1),
        ("ECOG 3 was a typo for 2.", 2),
        ("PS 2 was a typo, PS 1.", 1),
        ("ECOG 2 was an error - correct value is 1.", 1),
        ("ECOG 1 (not 2 as I wrote).", 1),
        ("sorry ECOG 1 not 2", 1),
        ("ECOG 2, sorry, I meant 1.", 1),
        ("Correction: ECOG 1, not 2.", 1),
        ("ECOG 1. The 2 in the referral was a typo.", 1),
        # controls: the slip denied, no value meant, another number, two values, a question
        ("ECOG 2 is not a typo.", 2),
        ("ECOG 2, not a typo.", 2),
        ("The typo in the letter was the date; ECOG 2.", 2),
        ("ECOG 2 (corrected from 1).", 2),
        ("ECOG was 1 last month, now 2.", 2),
        ("ECOG 2 was a typo.", None),
        ("ECOG 2 was a typo, sorry.", None),
        ("ECOG 2 was a typo. 1 brain lesion on MRI.", None),
        ("ECOG 2 was a typo, it is 1 month since progression.", None),
        ("ECOG 2 was an error, it is 1 or 2.", None),
        ("ECOG 2 is a typo? Should it be 1?", None),
        ("Was ECOG 2 a typo, is it 1?", None),
        ("If ECOG 2 was a typo, it is 1.", None),
    ],
)
def test_an_ecog_called_a_slip_reads_the_value_meant(text, ecog):
    assert_reads(text, {"ecog": ecog})
