"""A TKI to start later, told after its name (lead, 2026-12-06, third session): "Lorlatinib 100 mg od from tomorrow",
"lorlatinib D1 tomorrow", "lorlatinib to start next week", "Lorlatinib script given, to start Monday" read the TKI
RECEIVED before (as "will start lorlatinib on Monday" already did not): a start to come is no TKI given (candidate
`after`, {SOONDAY}). Controls: a start told as done ("Lorlatinib started on Monday", "since Monday"), a start dated
in the past ("from 03/2024", "from 2019")."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "Lorlatinib 100 mg od from tomorrow.",
    "lorlatinib D1 tomorrow",
    "Lorlatinib to start next week.",
    "Lorlatinib script given, to start Monday.",
    "Lorlatinib, starting on Thursday.",
    "Lorlatinib to commence once funding approved.",
    "Brigatinib 90 mg daily from next Monday (lead-in).",
])
def test_a_tki_to_start_later_is_not_received(text: str) -> None:
    assert_reads(text, {"prior_tkis": None})


@pytest.mark.parametrize("text, tkis", [
    ("Lorlatinib started on Monday.", ["lorlatinib"]),
    ("Lorlatinib 100 mg od since Monday.", ["lorlatinib"]),
    ("On lorlatinib 100 mg daily from 03/2024.", ["lorlatinib"]),
    ("Alectinib from 2019 to 2023, then brigatinib.", ["alectinib", "brigatinib"]),
    ("Started lorlatinib today.", ["lorlatinib"]),
])
def test_a_tki_started_or_dated_is_received(text: str, tkis: list) -> None:
    assert_reads(text, {"prior_tkis": tkis})
