"""A progression denied only in some places (lead, 2026-12-06, third session): each read NO PROGRESSION before.

"No progression outside the brain", "no progression except in the brain", "no evidence of progression elsewhere": the
denial is bounded to a place and says nothing of the rest (often the very place that progresses). Reading the
disease as not progressing would send the case down the wrong branch; the pattern is left to the rest of the message
or asked. Controls: a denial of progression anywhere, over a time, or at any site is still no progression."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than


@pytest.mark.parametrize("text", [
    "No progression outside the brain.",
    "No evidence of disease progression outside CNS",
    "no progression outside of the CNS on the CT",
    "No evidence of progression elsewhere.",
    "no progression apart from the brain",
    "no progression except in the brain",
    "no progression other than in the liver",
    "no progression below the neck",
    "no progression in the body",
    "No radiological progression in the liver or bones.",
    "no progression at other sites",
    "No definite progression beyond the known brain lesions.",
])
def test_a_denial_bounded_to_a_place_is_no_progression_overall(text: str) -> None:
    assert_reads_other_than(text, {"progression": "none"})


@pytest.mark.parametrize("text", [
    "No progression.",
    "No evidence of disease progression.",
    "No radiological progression on the restaging CT.",
    "No progression at any site.",
    "No progression in 6 months on alectinib.",
    "no progression, continue alectinib",
])
def test_a_denial_of_any_progression_is_still_no_progression(text: str) -> None:
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize("text, pattern", [
    ("New brain lesions; no progression outside the brain.", "cns_only"),
    ("Two new brain mets, no progression elsewhere.", "cns_only"),
])
def test_brain_progression_beside_a_bounded_denial_reads_cns_only(text: str, pattern: str) -> None:
    assert_reads(text, {"progression": pattern})
