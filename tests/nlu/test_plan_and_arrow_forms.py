"""A regimen proposed or planned with its first cycle still to come is no therapy received nor given now; a
performance score's arrow to an impossible value leaves the score unread (asked), never the older value; and an
earlier score's time said before the arrow ("1 at dx -> 2", "is 1 (dx) -> 2") still gives the later one. Each class
with near-misses that must keep their reading; written from how oncology notes word plans and scores, not from the
independent sets."""
from __future__ import annotations

import pytest

from bot.nlu import extractor

read = extractor.extract_case

_THERAPY_FIELDS = ("prior_chemotherapy", "prior_immunotherapy", "current_therapy")

# ---- a regimen proposed or planned, its first cycle to come: not received, not current -----------------------------

FIRST_CYCLE_TO_COME = [
    "Oncologist proposed etoposide-carboplatin, cycle 1 next week.",
    "Dr Patel proposes carboplatin and pemetrexed, C1D1 planned for Monday",
    "We suggested cisplatin/pemetrexed; to start cycle 1 on 12/01.",
    "carbo/pem C1D1 planned for Monday",
    "Docetaxel, cycle 1 due this Friday",
    "carboplatin pemetrexed, first cycle booked for next Tuesday",
    "Proposed carboplatin-pemetrexed, C1 next week, consent signed",
    "carboplatin/pemetrexed/pembrolizumab, cycle 1 due Friday",
    "pembro + carbo/pem, C1D1 scheduled in 2 weeks",
    "MDT proposed chemo-free interval then docetaxel, cycle 1 after the scan",
]


@pytest.mark.parametrize("text", FIRST_CYCLE_TO_COME)
def test_a_first_cycle_to_come_is_no_therapy_received(text: str) -> None:
    case = read(text)
    assert not any(case.get(f) for f in _THERAPY_FIELDS), (text, case)


def test_a_proposal_of_cycles_is_no_therapy_received() -> None:
    # proposed (as offered or recommended already were), the cycles are the plan's
    for text in ("Oncologist proposed etoposide-carboplatin, 4 cycles.", "Oncology suggested pembrolizumab"):
        case = read(text)
        assert not any(case.get(f) for f in _THERAPY_FIELDS), (text, case)


CYCLES_GIVEN = [
    # a later cycle to come: the first was given, and the regimen is the current one
    ("started etoposide-carboplatin, cycle 2 next week", {"prior_chemotherapy": True, "current_therapy": "chemotherapy"}),
    ("on carbo/pem, C3 next week", {"prior_chemotherapy": True, "current_therapy": "chemotherapy"}),
    (
        "carbo/pem/pembro, cycle 3",
        {"prior_chemotherapy": True, "prior_immunotherapy": True, "current_therapy": "chemo_immunotherapy"},
    ),
    ("on pembrolizumab, cycle 4 next week", {"prior_immunotherapy": True}),
    # the first cycle told as given, or with a complication after it
    ("on carbo/pem, cycle 1 given 2 weeks ago", {"prior_chemotherapy": True, "current_therapy": "chemotherapy"}),
    ("carbo/pem cycle 1, neutropenic", {"prior_chemotherapy": True, "current_therapy": "chemotherapy"}),
    # cycles counted as given
    ("carboplatin pemetrexed 4 cycles", {"prior_chemotherapy": True}),
    ("offered chemo, accepted, received 4 cycles", {"prior_chemotherapy": True}),
]


@pytest.mark.parametrize("text, expected", CYCLES_GIVEN)
def test_cycles_given_keep_their_reading(text: str, expected: dict) -> None:
    case = read(text)
    assert {f: case.get(f) for f in _THERAPY_FIELDS if f in case} == expected, (text, case)


def test_a_proposed_tki_is_a_candidate() -> None:
    assert "prior_tkis" not in read("MDT proposed lorlatinib"), read("MDT proposed lorlatinib")
    # a report's "suggests" is no proposal
    assert read("CT suggests response to alectinib").get("prior_tkis") == ["alectinib"]
