"""safe18: two safety misreadings other helpers found, mended as classes, phrasings of our own.

1. An ALK mutation placed on an earlier specimen or time ("G1202R on the first biopsy in 2022") then, in a LATER
   SENTENCE, the new biopsy's result ("The new biopsy shows no ALK mutations") read the earlier mutation as the
   current one. Two causes: the "new" (or "further", "second") of the later sentence's specimen read as the "no new
   ALK mutations" of a denial of the rest of the class (Timing._besides_found: a denial word between them now shows
   the word outside the denial); and a later mutation found ("The new biopsy shows L1196M") did not replace the
   earlier one (Timing._mutation_of_earlier_sentence: the later result counts, as a finding tested twice does).
   Controls: both told of one time, a later specimen of another kind (plasma after tissue: found on one, both stay),
   a later biopsy only planned, and "no other / no new ALK mutations" beside a finding.
2. A relative's test, biopsy or cancer told by a verb and then headed by a colon or a dash ("Her father had a lung
   biopsy: adenocarcinoma, MET amplified") read its findings past the first comma as the patient's: the colon heads
   the relative's own words past every comma, as "Her father's biopsy: ..." does (Cues.relative_colon). Controls:
   the patient's own result in the sentence after a relative's, and a relative present at the visit.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


# 1. an earlier specimen's mutation, then the later biopsy's result in a later sentence
@pytest.mark.parametrize(
    "text,fields",
    [
        ("G1202R was found on the first biopsy in 2022. The new biopsy shows no ALK mutations.", {"alk_mutations": []}),
        ("The original biopsy (2021) showed L1196M. The repeat biopsy shows no ALK mutation.", {"alk_mutations": []}),
        ("Previous biopsy 2023: G1202R. Latest biopsy: no ALK mutation detected.", {"alk_mutations": []}),
        ("I1171N on the first biopsy. Further testing showed no ALK mutations.", {"alk_mutations": []}),
        ("G1202R at the earlier biopsy in 2022. The second biopsy found no ALK mutations.", {"alk_mutations": []}),
        ("G1202R on the first biopsy in 2022. The new biopsy shows L1196M.", {"alk_mutations": ["L1196M"]}),
        ("The original biopsy showed G1202R. The latest biopsy shows I1171N.", {"alk_mutations": ["I1171N"]}),
        ("L1196M at diagnosis. Repeat biopsy today shows G1202R.", {"alk_mutations": ["G1202R"]}),
        ("C1156Y on the previous biopsy in 2023. This biopsy: G1202R.", {"alk_mutations": ["G1202R"]}),
        # the later sentence's specimen word no denial's "new"/"further" when it stands alone
        ("New NGS: no ALK mutations.", {"alk_mutations": []}),
        ("Further testing showed no ALK mutations.", {"alk_mutations": []}),
        # controls: a finding and the rest of its class denied
        ("G1202R on the new biopsy. No other ALK mutations.", {"alk_mutations": ["G1202R"]}),
        ("G1202R. No new ALK mutations.", {"alk_mutations": ["G1202R"]}),
        ("L1196M, no further ALK mutations", {"alk_mutations": ["L1196M"]}),
        # controls: two mutations of one time, a later plasma beside an earlier tissue, a biopsy only planned
        ("G1202R and L1196M on the new biopsy.", {"alk_mutations": ["G1202R", "L1196M"]}),
        ("Rebiopsy: G1202R. Also L1196M.", {"alk_mutations": ["G1202R", "L1196M"]}),
        (
            "G1202R on the 2022 tissue biopsy. Plasma NGS today shows L1196M.",
            {"alk_mutations": ["G1202R", "L1196M"], "biopsy": "tissue_and_plasma"},
        ),
        ("G1202R on the first biopsy in 2022. A new biopsy is planned.", {"alk_mutations": ["G1202R"]}),
        ("G1202R on the first biopsy in 2022. We will rebiopsy to look for L1196M.", {"alk_mutations": ["G1202R"]}),
    ],
)
def test_the_later_biopsys_result_counts(text, fields):
    assert_reads(text, fields)


# 2. a relative's test or cancer headed by a colon or a dash
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Her father had a lung biopsy: adenocarcinoma, MET amplified", {"bypass_alterations": None}),
        ("His wife underwent NGS - MET amplification, EGFR negative", {"bypass_alterations": None}),
        ("Her brother had a biopsy: G1202R, MET amplified", {"alk_mutations": None, "bypass_alterations": None}),
        ("Her husband has had a liver biopsy: squamous, MET amp", {"bypass_alterations": None, "transformation": None}),
        ("His mother had lung cancer: ALK positive, MET amplified", {"bypass_alterations": None}),
        ("Her cousin had a biopsy - small cell carcinoma, MET amplification", {"bypass_alterations": None}),
        ("His uncle underwent a lung biopsy: adenocarcinoma, L1196M", {"alk_mutations": None}),
        # controls: the patient's own result after a relative's sentence, or after a relative at the visit
        ("Her father had lung cancer. Her biopsy: MET amplified", {"bypass_alterations": ["MET_amplification"]}),
        ("His sister had a biopsy in 2020. Biopsy today: MET amplified", {"bypass_alterations": ["MET_amplification"]}),
        ("Her husband came with her. Biopsy: MET amplified", {"bypass_alterations": ["MET_amplification"]}),
        ("father present at the visit; biopsy: MET amplified", {"bypass_alterations": ["MET_amplification"]}),
        (
            "Her daughter had a biopsy: MET amplified; she has G1202R on her rebiopsy",
            {"alk_mutations": ["G1202R"], "bypass_alterations": None},
        ),
    ],
)
def test_a_relatives_headed_result_is_theirs(text, fields):
    assert_reads(text, fields)
