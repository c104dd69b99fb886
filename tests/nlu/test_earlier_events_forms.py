"""Findings of an earlier time are not the current ones: a recurrence dated before the TKI the patient has taken
since is the history before it (no progression pattern now, asked), a count of brain metastases told of the diagnosis
is not the current CNS extent, and of performance scores given one per dated line the latest stands. Each class with
near-misses that must still read the finding; written from how clinic letters word these, not from the
independent sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor

read = extractor.extract_case

# ---- a progression before the TKI taken since: history -------------------------------------------------------------

BEFORE_CURRENT_TKI = [
    "Recurred 2021 with liver and bone mets; alectinib since 06/2021",
    "Relapsed 03/2022 (pleura, bone) -> started brigatinib 04/2022, ongoing",
    "metastatic recurrence in 2020, on alectinib since, responding",
    "Progression in liver and bone 2021 on crizotinib; started alectinib 07/2021, ongoing",
    "Widespread relapse in May 2022 (liver, adrenal, bones); commenced lorlatinib 06/2022 and continues.",
]


@pytest.mark.parametrize("text", BEFORE_CURRENT_TKI)
def test_progression_before_the_current_tki_is_history(text: str) -> None:
    # no progressing pattern from the history; a response told after it is the state now ("..., responding": none)
    assert read(text).get("progression") in (None, "none"), text


PROGRESSION_NOW = [
    # a progression told after the TKI began
    "Recurred 2021 with liver and bone mets; alectinib since 06/2021, now new liver mets",
    "Recurred 2021 with liver and bone mets; alectinib since 06/2021, progressed on alectinib in 2024",
    # the TKI began before the progression: a progression on it
    "Recurred 2023 with liver and bone mets; alectinib since 06/2021",
    # no TKI told as begun after it
    "Recurred 2021 with liver and bone mets; alectinib considered",
    "Progression in liver and bones 10/2025 on alectinib.",
]


@pytest.mark.parametrize("text", PROGRESSION_NOW)
def test_progression_after_or_on_the_tki_still_reads(text: str) -> None:
    assert read(text).get("progression") == "systemic", text


# ---- a brain-metastasis count at diagnosis is not the current extent -----------------------------------------------

COUNT_AT_DIAGNOSIS = [
    "At diagnosis 2 brain mets, treated with SRS",
    "2 brain mets at diagnosis, treated with SRS",
    "Initially 3 brain metastases, SRS 2021",
]


@pytest.mark.parametrize("text", COUNT_AT_DIAGNOSIS)
def test_brain_count_at_diagnosis_is_no_current_extent(text: str) -> None:
    case = read(text)
    assert "cns_lesions" not in case, text
    assert case.get("brain_metastases") is True, text  # brain metastases, treated, as before


@pytest.mark.parametrize(
    "text,extent",
    [
        ("now 2 new brain mets", "limited"),
        ("2 brain mets (current MRI)", "limited"),
        ("2 brain mets", "limited"),
        ("At diagnosis 2 brain mets; now 6 new brain mets", "extensive"),
    ],
)
def test_current_brain_count_still_reads(text: str, extent: str) -> None:
    assert read(text).get("cns_lesions") == extent, text


# ---- performance scores one per dated line: the latest -------------------------------------------------------------


@pytest.mark.parametrize(
    "text,score",
    [
        ("ECOG: 1 (03/2025)\nECOG: 2 (today, 12/2025)", 2),
        ("ECOG: 2 (12/2025)\nECOG: 1 (03/2025)", 2),
        ("ECOG: 1 (2021)\nECOG: 2 (now)", 2),
        ("PS: 0 (2021) -> 2 (now)", 2),
        # (timing) a full date tells its year (bot/nlu/when.py); it was no time, and neither score was read
        ("ECOG: 1 (14/02/2024)\nECOG: 2 (03/2025)", 2),
        ("PS: 0 (2023)\nPS: 2 (05.06.2025)", 2),
        ("ECOG: 1 (2024)\nECOG: 2 (12/2025)", 2),  # control: a month of a later year
        ("ECOG: 1 (03/2025)\nECOG: 2 (12/2025)\nECOG: 0 (2023)", 2),
    ],
)
def test_latest_dated_score_stands(text: str, score: int) -> None:
    assert read(text).get("ecog") == score, text


@pytest.mark.parametrize(
    "text",
    [
        "ECOG: 1 (03/2025)\nECOG: 2",  # one has no time: which is now is not told
        "ECOG: 1 (2025)\nECOG: 2 (2025)",  # the same time
        "ECOG: 2 (01/12/2025)\nECOG: 1 (2025)",  # a full date of the same year: its month not told, nor the order
        "ECOG: 1 (2025)\nECOG: 2 (12/2025)",  # (timing) a year beside a month of it: not told (2 was read)
        "ECOG: 1\nECOG: 2",
    ],
)
def test_untold_order_of_scores_reads_none(text: str) -> None:
    assert "ecog" not in read(text), text
