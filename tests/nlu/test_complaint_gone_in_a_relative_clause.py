"""A complaint said gone in a relative clause (lead7, 2026-12-07): "mild headache that resolved with paracetamol",
"headache which has resolved", "headaches that settled" read the patient SYMPTOMATIC (as "headache, resolved" did not).
Controls: gone only on steroids (steroid-dependent: symptomatic), come back, worsening or new."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "headache that resolved",
    "mild headache that resolved with paracetamol",
    "headache which has resolved",
    "headaches that have resolved",
    "headaches that settled with paracetamol",
    "headache that went away",
    "Brain mets x2. A headache which has since settled.",
])
def test_a_complaint_gone_in_a_relative_clause_is_not_symptomatic(text: str) -> None:
    assert_reads(text, {"symptomatic": False})


@pytest.mark.parametrize("text", [
    "headache that resolved on dexamethasone",
    "headaches that have resolved since the steroids were started",
    "headache that resolved, then came back",
    "headache that is worsening",
    "headache that started last week",
    "seizures that are still occurring",
])
def test_a_complaint_ongoing_or_gone_only_on_steroids_is_symptomatic(text: str) -> None:
    assert_reads(text, {"symptomatic": True})
