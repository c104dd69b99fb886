"""The extracranial patterns of progression as clinicians write them (oligo): classes of wording the extractor missed.

1. One lesion said the only one progressing, with no "only" verb of the old forms: "a single enlarging adrenal
   lesion", "only 1 rib met growing", "a new T9 lesion, only one", "the primary alone is growing": one site
   (``one_site``), read with the rest as oligoprogression; never of a brain lesion (brain + one site is no pattern).
2. The rest said controlled in words the old forms did not take: "stable on everything else", "stable at all other
   sites", "Rest: controlled", "other sites - liver and bone - remain in response", "all other lesions unchanged or
   smaller", a site responding before "but" and what grows ("responding in the chest, but ..."). Beside one to four
   extracranial site groups progressing: oligoprogression; beside five or more groups: not oligoprogression.
3. Progression at three or more sites told with a translator's "progressive illness" and a comma: systemic.
4. Growth of a few millimetres over months: indolent.
Negative controls: questions, what-ifs, plans, a relative's disease, a benign lesion, the brain counted in, an
earlier line's pattern followed by a later state, five or more sites. Phrasings of our own; none is a sentence of the
independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_one_of

_ALL = {None, "none", "systemic", "cns_only", "oligoprogression", "indolent"}


# ---- 1. one lesion progressing, said the only one -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Restaging: a solitary growing rib metastasis, everything else unchanged.",
        "Only a single liver lesion still growing, all remaining lesions smaller.",
        "everything else quiet, only 1 rib met growing",
        "only one bone lesion enlarging, rest fine",
        "Only the left adrenal met is growing; the others are stable.",
        "PET: a new lesion in the left iliac bone, only one; CT chest and abdomen stable.",
        "The left lower lobe primary alone is enlarging (1.9 to 2.8 cm) while all metastatic sites are in response.",
        "The mediastinal node alone is growing on brigatinib.",
        "Bone scan: a new uptake in T9, just one; body CT unchanged.",
        "Just one adrenal metastasis enlarging on lorlatinib, other sites stable.",
    ],
)
def test_one_lesion_said_the_only_one_progressing_is_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


# ---- 2. the rest said controlled, in other words ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Stable on everything else, but the right adrenal metastasis has grown.",
        "New L2 lesion; stable at all other sites.",
        "Progression: right adrenal and one rib lesion. Rest: controlled.",
        "Liver met enlarging (22 -> 35 mm). Others: stable.",
        "Solitary enlarging lung nodule in the RLL; the other sites - liver, nodes and bone - remain in response.",
        "The left adrenal metastasis increased from 14 to 26 mm; all other lesions unchanged or smaller; no new lesions.",
        "The hilar node has grown from 12 to 20 mm; all remaining lesions stable or smaller.",
        "Responding in the chest, but the left adrenal is bigger and there is a new L3 lesion.",
        "Liver responding, but one new adrenal lesion and one enlarging rib lesion.",
        "Lungs better, however a new lesion in the right adrenal.",
        "Nodes responding while the liver metastasis grows.",
        "Chest disease smaller, but the right adrenal has enlarged.",
        "Controlled everywhere else; the sternal lesion is growing.",
        "Growing right adrenal metastasis, rest of disease in complete metabolic response.",
        "Primary shrinking, but a new 11 mm adrenal nodule.",
        "Rest: stable. Progression: left adrenal and T10.",
    ],
)
def test_the_rest_controlled_beside_a_few_sites_is_oligoprogression(text):
    assert_reads(text, {"progression": "oligoprogression"})


# ---- 3. systemic progression in a translator's words --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The patient is in progressive illness under alectinib, in lungs, liver and bones.",
        "Progressive illness under Alecensa, in liver, bones and lymph nodes.",
        "Progressive illness since 09.2025, in pleura, liver and adrenals.",
        "New liver, bone and adrenal metastases on lorlatinib.",
        "PD on brigatinib: lung, liver, bone.",
    ],
)
def test_progression_at_several_sites_is_systemic(text):
    assert_reads(text, {"progression": "systemic"})


# ---- 4. slow growth over months -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "CT 11/2025: the right upper lobe primary has grown by 3 mm over 8 months; no new lesions; asymptomatic.",
        "The index liver lesion increased by 2 mm over the past 6 months, no new disease.",
        "Subcarinal node enlarged by 4 mm over a year.",
        "Slow growth of one lung nodule, the rest stable.",
        "Minimal increase in size of two lung nodules over 6 months, no new lesions.",
    ],
)
def test_growth_of_a_few_millimetres_over_months_is_indolent(text):
    assert_reads(text, {"progression": "indolent"})


# ---- negative controls --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # questions, what-ifs and plans
        "Would SBRT be reasonable for a single enlarging adrenal lesion?",
        "If only the adrenal progresses, we would offer SBRT and continue alectinib.",
        "Plan: SBRT if oligoprogression; otherwise switch to lorlatinib.",
        "Is it oligoprogression when one rib lesion grows and the rest is stable?",
        "In case of a solitary growing lesion, local therapy is an option.",
        # a relative's disease
        "Her brother had a single enlarging adrenal lesion, treated with SBRT.",
        "His father had only one bone met growing, the rest stable.",
        # growth of a benign lesion
        "A single enlarging hepatic cyst; metastatic disease stable.",
        "Benign adrenal adenoma slightly larger; all metastatic sites stable.",
        # a growth fast, not slow
        "The liver metastasis has grown by 15 mm over 6 weeks.",
        "The 4 mm nodule over 6 months of follow-up is unchanged.",
    ],
)
def test_a_question_plan_relative_or_benign_lesion_reads_no_extracranial_pattern(text):
    assert_reads_one_of(text, "progression", _ALL - {"oligoprogression", "indolent", "systemic"})


@pytest.mark.parametrize(
    "text",
    [
        # the brain counted in: a brain lesion beside one body site is no pattern
        "A single enlarging brain metastasis; the rest is stable.",
        "Only one cerebellar lesion growing, everything else stable.",
        "One new brain lesion and one new rib lesion; the rest stable.",
        "Liver responding, but a new 7 mm frontal lesion on MRI and a new adrenal lesion.",
    ],
)
def test_the_brain_counted_in_is_not_oligoprogression(text):
    assert_reads_one_of(text, "progression", _ALL - {"oligoprogression"})


@pytest.mark.parametrize(
    "text",
    [
        # five or more extracranial site groups growing, whatever is said of the rest
        "New liver, bone, adrenal, pleural and peritoneal lesions; the rest stable.",
        "Progression in liver, bones, adrenals, pleura and nodes, rest of disease controlled.",
    ],
)
def test_five_or_more_sites_is_not_oligoprogression(text):
    assert_reads_one_of(text, "progression", _ALL - {"oligoprogression", "indolent"})


@pytest.mark.parametrize(
    "text",
    [
        # an earlier line's pattern, then a later state: the later state is the current one
        "Oligoprogression in the adrenal on alectinib in 2022, treated with SBRT; 2025: stable on alectinib.",
        "2023: progression in liver, bone and lungs on crizotinib. 2025: stable on alectinib.",
    ],
)
def test_an_earlier_lines_pattern_followed_by_a_later_state_is_not_the_pattern(text):
    assert_reads_one_of(text, "progression", _ALL - {"oligoprogression", "systemic"})


@pytest.mark.parametrize(
    "text",
    [
        # no growth at all: stable everywhere is not oligoprogression
        "Stable on everything, no new lesions.",
        "Liver responding, nodes stable, no new lesions.",
        "All lesions unchanged or smaller; no new lesions.",
    ],
)
def test_everything_controlled_is_not_oligoprogression(text):
    assert_reads_one_of(text, "progression", _ALL - {"oligoprogression", "systemic", "indolent"})


@pytest.mark.parametrize(
    "text",
    [
        # the project's convention: one lesion said single, growing, with nothing said of the rest, or a site said only
        # stable beside new lesions elsewhere, is left unread (it may be one of many; the site's stability is its own)
        "CT: one solitary progressing liver lesion in segment 6.",
        "On alectinib with a single enlarging adrenal lesion.",
        "Liver unchanged, but new bone and adrenal lesions.",
        "Liver responding, but new cough and fatigue.",
    ],
)
def test_a_single_growing_lesion_alone_or_a_site_only_stable_is_left_unread(text):
    assert_reads_one_of(text, "progression", _ALL - {"oligoprogression", "indolent"})
