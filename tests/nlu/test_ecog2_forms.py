"""Follow-ups of safety10 (ecog2): a performance score's change told with a verb read its old value ("ECOG 1,
deteriorated to 3 this week" read as 1, "PS 3 improving to 1 after steroids" as 3), where the later value is the
current one; an ALK fusion found by NGS beside a negative IHC or FISH read as ALK-negative, where the methods disagree
and are asked about, as IHC and FISH disagreeing are; an immunotherapy or chemotherapy considered, offered, discussed
or declined "but not given" read as received, where, as an ALK inhibitor's is, it is no history; and a PD-L1 score's
arrow in running text read the earlier value. Phrasings of our own, as clinicians write them; none is a sentence of
the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. a score's change told with a verb: the later value -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ecog"),
    [
        ("ECOG 1, deteriorated to 3 this week", 3),
        ("PS 3 improving to 1 after steroids", 1),
        ("ECOG 1, worsened to 3", 3),
        ("ECOG 1, dropped to 3 since the last cycle", 3),
        ("ECOG 1, now down to 3", 3),
        ("ECOG 3, improved to 1", 1),
        ("WHO PS 3, recovered to 1 after drainage", 1),
        ("PS 1 but has since worsened to 3", 3),
        ("ECOG 0 at diagnosis, declined to 2", 2),
        ("ECOG 2 (was 0)", 2),
        ("ECOG 2 (previously 0)", 2),
        ("ECOG 0 last year, 2 today", 2),
        ("ECOG 1 in 2022, 3 now", 3),
        ("ECOG: 1, deteriorated to 3", 3),
        ("ECOG: 0 last year, 2 today", 2),
        ("PS: 2 (March) - today 1", 1),
        ("ECOG 1-2 now", 2),
        ("PS improving to 1", 1),
        ("KPS 30, improved to 100", 0),
        # kept as they were
        ("ECOG declined from 1 to 3", 3),
        ("ECOG was 3, now 1", 1),
        ("ECOG: 3 (last year), now 1", 1),
        ("PS: 2 but today 1", 1),
        # negative controls: the verb tells of something else, or the number is no score
        ("ECOG 1, dose reduced to 100 mg", 1),
        ("ECOG 1, dose increased to 2 tablets", 1),
        ("ECOG 1, dropped to 3 weeks of treatment", 1),
        ("ECOG 1, tumour decreased to 3 cm", 1),
        ("ECOG 1, CEA dropped to 3", 1),
        ("ECOG 1, went to 2 cycles", 1),
        ("ECOG 1, 2 cycles today", 1),
    ],
)
def test_a_score_changed_with_a_verb_reads_the_later_value(text, ecog):
    assert_reads(text, {"ecog": ecog})


@pytest.mark.parametrize("text", ["KPS 100, dropped to 30", "KPS 100, dropped to 70"])
def test_a_karnofsky_score_changed_to_no_agreed_grade_is_not_read(text):
    """The earlier Karnofsky score (100: ECOG 0) is no longer the patient's; the later has no agreed grade: unset."""
    assert_reads(text, {"ecog": None})


def test_another_field_beside_a_key_value_score_is_not_its_later_value():
    """'PD-L1: 50%, ECOG now 1' was read as PD-L1 1 (a later value searched anywhere in the key's value)."""
    assert_reads("PD-L1: 50%, ECOG now 1", {"pdl1_tps": 50, "ecog": 1})
    assert_reads("PD-L1: 50%, now 80%", {"pdl1_tps": 80})


# ---- 2. an ALK fusion on NGS beside IHC or FISH negative: a discordance, asked about ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ALK negative by IHC, ALK fusion on NGS",
        "ALK FISH negative; RNA NGS EML4-ALK fusion detected",
        "ALK IHC negative but NGS showed EML4-ALK fusion",
        "IHC negative for ALK; EML4-ALK fusion detected by RNA sequencing",
        "EML4-ALK fusion on NGS, ALK IHC negative",
        "ALK positive by NGS, FISH negative",
        # the same class between IHC and FISH, a result told before its method
        "ALK negative by IHC, positive by FISH",
        "ALK positive by IHC, negative by FISH",
        "ALK FISH negative, positive by IHC",
    ],
)
def test_an_alk_fusion_on_ngs_against_a_negative_method_is_stated_both_ways(text):
    """Never ALK-negative past the fusion (it was read so), nor ALK-positive: the dialogue asks."""
    assert_reads(text, {"alk_positive": None})


@pytest.mark.parametrize(
    ("text", "positive"),
    [
        ("EML4-ALK fusion on NGS", True),
        ("ALK IHC positive, EML4-ALK fusion on NGS", True),
        ("ROS1 FISH negative; EML4-ALK fusion on NGS", True),  # another gene's FISH
        ("PD-L1 IHC negative; EML4-ALK fusion on NGS", True),  # another marker's IHC
        ("ALK IHC negative; NGS: no ALK fusion", False),  # sequencing agreeing
        ("ALK IHC negative; ALK fusion not detected by NGS", False),
        ("EGFR negative by NGS, ALK IHC negative", False),
    ],
)
def test_agreeing_or_other_genes_tests_are_no_discordance(text, positive):
    assert_reads(text, {"alk_positive": positive})


# ---- 3. another therapy named as an option, not given: no history ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "pembrolizumab was considered but not given",
        "Keytruda discussed, not started",
        # ("pembrolizumab offered but declined" is an offer refused: not received, prior_immunotherapy false, as
        # "declined pembrolizumab" and "Chemotherapy was offered but declined." are: test_serial_results_forms.py)
        "nivolumab was discussed at MDT but not started",
        "pembrolizumab deferred",
        "Pembrolizumab was deferred given the ALK fusion",
        "lorlatinib deferred",
        # named as the next step before it, as an ALK inhibitor is
        "PD-L1 50% -> start pembrolizumab",
        "considering pembrolizumab",
    ],
)
def test_a_therapy_considered_but_not_given_is_no_history(text):
    assert_reads(text, {"prior_immunotherapy": None, "prior_tkis": None})


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("pembrolizumab was given", {"prior_immunotherapy": True}),
        ("prior pembrolizumab", {"prior_immunotherapy": True}),
        ("received pembrolizumab, discussed at MDT", {"prior_immunotherapy": True}),
        ("pembrolizumab was considered and started in May", {"prior_immunotherapy": True}),
        ("Keytruda x 6 cycles", {"prior_immunotherapy": True}),
        ("received carboplatin pemetrexed", {"prior_chemotherapy": True}),
        ("started pembrolizumab in 2020", {"prior_immunotherapy": True}),
        ("on pembrolizumab since May", {"prior_immunotherapy": True}),
        ("pembrolizumab never given", {"prior_immunotherapy": None}),
        ("pembrolizumab not given", {"prior_immunotherapy": None}),
        ("chemotherapy not started", {"prior_chemotherapy": None}),
        ("no prior pembrolizumab", {"prior_immunotherapy": False}),
        ("pembrolizumab, then lorlatinib deferred", {"prior_immunotherapy": True, "prior_tkis": None}),
    ],
)
def test_a_therapy_given_or_denied_is_read_as_before(text, fields):
    assert_reads(text, fields)


# ---- 4. a PD-L1 score's arrow in running text: the later value ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tps"),
    [
        ("PD-L1 50% -> 80%", 80),
        ("PD-L1 TPS 50% → 80% (rebiopsy)", 80),
        ("TPS 50%, now 80%", 80),
        ("PD-L1 50%, increased to 80% on the rebiopsy", 80),
        ("PD-L1 50 -> 80", 80),
        ("PD-L1: 50% -> 80%", 80),
        # negative controls: an arrow to a plan, another number after, another field's later value
        ("PD-L1 50% -> start pembrolizumab", 50),
        ("PD-L1 50%, dose increased to 100 mg", 50),
        ("PD-L1 50%, ECOG now 1", 50),
        ("PD-L1 30% of tumour cells", 30),
    ],
)
def test_a_pdl1_score_over_time_reads_the_later_value(text, tps):
    assert_reads(text, {"pdl1_tps": tps})
