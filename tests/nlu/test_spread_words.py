"""Disease said spread (lead, 2026-12-06, second session): "diffuse disease in the brain, progressing" and "widespread
progression in the brain" read a SYSTEMIC progression (the brain's disease as the body's); "CT: widespread metastatic
disease, progressing" read nothing (the disease's extent beside a progression told is systemic, as safe11's site
lists are). Controls: the body's spread told without the brain, the brain's told with its own words."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "diffuse disease in the brain, progressing",
    "widespread progression in the brain",
    "extensive disease of the brain",
    "extensive intracranial disease, progressing",
])
def test_the_brains_spread_is_not_systemic(text: str) -> None:
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize("text", [
    "CT: widespread metastatic disease, progressing",
    "PD with widespread metastatic disease",
    "progression: disseminated disease",
    "widespread progression",
    "extensive progression on brigatinib",
])
def test_the_bodys_spread_beside_a_progression_is_systemic(text: str) -> None:
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize("text", [
    "widespread metastatic disease, stable on alectinib",
    "widespread metastases, all responding to brigatinib",
])
def test_spread_without_growth_is_no_progression(text: str) -> None:
    assert_reads(text, {"progression": None})
