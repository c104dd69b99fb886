"""A hedge before a finding with its degree or look between them (lead, 2026-12-06, third session): "possible early
ILD", "query early leptomeningeal disease", "possible subtle leptomeningeal enhancement" read the finding FOUND
before, while "possible ILD" was doubted: the degree word stood in the hedge's way. It is now one of the words a cue
reaches over (negation `gap_words`). Controls: the finding with its degree and no hedge, and a size, which is not
reached over ("no small brain mets but one large met" keeps the large one)."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text, fields", [
    ("Possible early ILD on HRCT.", {"comorbidities": None}),
    ("Query early ILD - resp review.", {"comorbidities": None}),
    ("Possible mild ILD.", {"comorbidities": None}),
    ("Query early leptomeningeal disease.", {"leptomeningeal": None}),
    ("Possible subtle leptomeningeal enhancement.", {"leptomeningeal": None}),
    ("Suspected faint nodular leptomeningeal enhancement.", {"leptomeningeal": None}),
])
def test_a_hedge_reaches_over_a_degree(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, fields", [
    ("Early ILD on HRCT.", {"comorbidities": ["interstitial_lung_disease"]}),
    ("Mild ILD, on no treatment.", {"comorbidities": ["interstitial_lung_disease"]}),
    ("Subtle leptomeningeal enhancement, CSF positive.", {"leptomeningeal": True}),
    ("No mild ILD.", {"comorbidities": None}),
    ("Small brain mets x3.", {"brain_metastases": True}),
])
def test_the_degree_without_a_hedge_keeps_its_reading(text: str, fields: dict) -> None:
    assert_reads(text, fields)
