"""Spread words and the disease's extent (prog10, 2026-12-06).

1. A spread word told of the disease with no growth ("widespread disease", "multifocal disease", "polymetastatic
   disease", "widely metastatic", "multiple sites of disease") read a SYSTEMIC progression straight away, so the
   extent at diagnosis of a patient now responding read as progression. They are the disease's extent now: systemic
   only beside a progression told (the `extent` half, bot/nlu/fields.py), or told "now".
2. The extent said developed ("went on to develop liver and adrenal metastases"), or to have come while on a drug or
   after a time on it ("bone and liver lesions whilst on ceritinib"), read nothing: a change told, systemic.
   "Liver and bone mets on alectinib" alone stays unread: the same words tell the disease a drug is given for.
3. A key listing the sites ("Sites: liver (several), bone, adrenal") beside a progression told read nothing: the
   extent, systemic beside it.
4. The extent told as it was at the diagnosis ("liver and bone metastases at diagnosis") beside a later progression
   with no site read systemic: that extent is not the progression's.
Controls: responses, stable disease, a denial, a question, a plan, another person, the brain's own spread."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than

# ---- 1. spread words with no growth: the extent, no progression -------------------------------------------------
EXTENT_ONLY = [
    "widespread disease",
    "disseminated disease when first seen in 2020; partial response on alectinib since",
    "extensive disease, responding well",
    "multifocal disease at presentation, now in good partial response on brigatinib",
    "polymetastatic disease, stable on lorlatinib",
    "multiple sites of disease, all responding to alectinib",
    "multi-organ disease, good response to alectinib",
    "widely metastatic at diagnosis; near-complete response on alectinib",
    "diffuse disease, smaller on the latest CT",
    "global disease burden has come down",
    "widely disseminated when diagnosed",
]


@pytest.mark.parametrize("text", EXTENT_ONLY)
def test_spread_words_without_growth_are_no_progression(text: str) -> None:
    assert_reads_other_than(text, {"progression": "systemic"})


SPREAD_WITH_PROGRESSION = [
    "widespread disease progression",
    "PD: widespread disease",
    "progressed on alectinib with widespread disease",
    "progressing on lorlatinib, polymetastatic disease",
    "widely metastatic, now progressing on brigatinib",
    "multifocal progression on alectinib",
    "multisite PD",
    "polymetastatic relapse",
    "after two years of alectinib, now widespread disease",
    "widely progressive on ceritinib",
]


@pytest.mark.parametrize("text", SPREAD_WITH_PROGRESSION)
def test_spread_words_beside_a_progression_are_systemic(text: str) -> None:
    assert_reads(text, {"progression": "systemic"})


SPREAD_OF_THE_BRAIN = [
    "multifocal disease in the brain, progressing",
    "widely metastatic to the brain, progressing",
]


@pytest.mark.parametrize("text", SPREAD_OF_THE_BRAIN)
def test_the_brains_spread_is_not_systemic(text: str) -> None:
    assert_reads(text, {"progression": None})


# ---- 2. the extent said developed, or come on a drug ----------------------------------------------------------
DEVELOPED = [
    "went on to develop liver and adrenal metastases",
    "she developed bone and liver lesions on crizotinib",
    "developed multiple lung nodules",
    "bone and liver lesions whilst on ceritinib",
    "pleural and liver metastases while taking alectinib",
    "adrenal and nodal metastases after 18 months on brigatinib",
    "multiple liver mets during alectinib",
]


@pytest.mark.parametrize("text", DEVELOPED)
def test_the_extent_said_developed_or_come_on_a_drug_is_systemic(text: str) -> None:
    assert_reads(text, {"progression": "systemic"})


NOT_DEVELOPED = [
    "liver and bone mets on alectinib",
    "ALK+ NSCLC with liver and bone mets on alectinib, partial response",
    "brain mets on alectinib, stable",
    "she has not developed liver or bone metastases",
    "never developed liver and bone mets on crizotinib",
    "at risk of developing liver and bone mets",
    "if she develops liver and bone metastases we would change to lorlatinib",
    "did she develop liver and bone mets on alectinib?",
    "her brother developed liver and bone metastases on chemotherapy",
    "liver and bone mets while on alectinib, all stable",
    "bone and liver lesions whilst on ceritinib, shrinking",
    "developed multiple brain metastases",
    "developed liver cysts and a bone island",
    "plan CT in 3 months to look for liver and bone mets",
]


@pytest.mark.parametrize("text", NOT_DEVELOPED)
def test_the_extent_not_said_to_come_is_no_systemic_progression(text: str) -> None:
    assert_reads_other_than(text, {"progression": "systemic"})


# ---- 3. a key listing the sites beside a progression told -------------------------------------------------------
SITES_KEYED = [
    "Date of last PD: 09/2025. Sites: liver (several), bone, adrenal",
    "PD on lorlatinib 10/2025; sites: liver, lung",
    "Progressive disease.\nSites of disease: pleura, bones (multiple), liver",
]


@pytest.mark.parametrize("text", SITES_KEYED)
def test_the_sites_keyed_beside_a_progression_are_systemic(text: str) -> None:
    assert_reads(text, {"progression": "systemic"})


SITES_KEYED_NO_PROGRESSION = [
    "Sites: liver, bone",
    "Sites: liver, bone (responding). On alectinib since 2023.",
    "Sites of disease: liver, bones - stable on alectinib",
    "Sites at diagnosis: liver, bone. Progressed on alectinib.",
    "Sites: liver, bone. Progression in the brain only, body stable.",
    "Sites: liver, bone. Any progression?",
]


@pytest.mark.parametrize("text", SITES_KEYED_NO_PROGRESSION)
def test_the_sites_keyed_alone_are_no_systemic_progression(text: str) -> None:
    assert_reads_other_than(text, {"progression": "systemic"})


# ---- 4. the extent at diagnosis is not a later progression's ----------------------------------------------------
AT_DIAGNOSIS = [
    "liver and bone metastases at diagnosis; progressed on alectinib",
    "widespread disease at presentation in 2019; PD on alectinib 2024",
    "multiple liver mets at diagnosis, then progression on brigatinib",
]


@pytest.mark.parametrize("text", AT_DIAGNOSIS)
def test_the_extent_at_diagnosis_is_not_the_progressions(text: str) -> None:
    assert_reads_other_than(text, {"progression": "systemic"})


def test_a_later_progression_with_its_sites_is_still_read() -> None:
    assert_reads("liver metastases at diagnosis; now progression in the liver and bones",
                 {"progression": "systemic"})


# ---- 5. the brain itself said to have progressed, the rest controlled: CNS-only, never oligoprogression ----------
BRAIN_ITSELF = [
    "The brain has progressed but the rest of the disease is controlled",
    "in the brain it has progressed, elsewhere stable",
    "her brain has got worse; everything else is stable",
    "the CNS has progressed, body CT stable",
]


@pytest.mark.parametrize("text", BRAIN_ITSELF)
def test_the_brain_said_progressed_beside_the_rest_controlled_is_cns_only(text: str) -> None:
    assert_reads(text, {"progression": "cns_only"})


BRAIN_ITSELF_NOT = [
    "Has the brain progressed? The rest is stable.",
    "the brain has not progressed; rest stable",
    "her husband's brain has progressed, the rest is stable",
    "if the brain has progressed we will give SRS; the rest is stable",
    "the brain has progressed, new liver lesions, rest stable",
]


@pytest.mark.parametrize("text", BRAIN_ITSELF_NOT)
def test_the_brain_not_said_progressed_or_beside_a_body_site_is_not_cns_only(text: str) -> None:
    assert_reads_other_than(text, {"progression": "cns_only"})
    assert_reads_other_than(text, {"progression": "oligoprogression"})


# ---- 6. the only progression said to be the brain's ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "the only progression is in the brain",
    "The only growth seen was intracranial.",
    "the only progression is in the brain, liver stable",
])
def test_the_only_progression_in_the_brain_is_cns_only(text: str) -> None:
    assert_reads(text, {"progression": "cns_only"})


@pytest.mark.parametrize("text", [
    "the only progression is in the brain and the liver",
    "the only progression is in the brain, liver, bone",
    "the only progression in the brain is a 3 mm lesion; new liver mets",
    "is the only progression in the brain?",
    "the only progression was in the brain in 2022; now new liver and bone mets",
])
def test_the_only_progression_beside_a_body_site_or_asked_is_not_cns_only(text: str) -> None:
    assert_reads_other_than(text, {"progression": "cns_only"})


# ---- 7. treated brain metastases stable since, then a body site progressing ------------------------------------
def test_stable_treated_brain_then_one_body_site_is_neither_none_nor_cns_only() -> None:
    # one site group progressing with nothing said of the rest of the body: no pattern (the form asks); never none
    # nor CNS-only
    text = "3 brain mets treated with SRS 2023, stable since, now liver progression"
    assert_reads_other_than(text, {"progression": "none"})
    assert_reads_other_than(text, {"progression": "cns_only"})


def test_stable_treated_brain_then_two_body_sites_is_systemic() -> None:
    assert_reads("2 brain metastases after SRS in 2022, unchanged since; now progression in the liver and bones",
                 {"progression": "systemic"})
