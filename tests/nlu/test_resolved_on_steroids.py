"""A complaint "resolved" only on steroids (lead, 2026-12-07): "headaches resolved on dexamethasone" read NOT
symptomatic, though the same said with "settled since the dexamethasone" read steroid-dependent, symptomatic disease
(tests/nlu/test_trust_forms2.py). One define (STEROIDRELIEF) now serves both. Controls: resolved after the steroids
were stopped, after SRS, or with nothing said of steroids."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "headaches resolved on dexamethasone",
    "headaches resolved with dex, now weaning",
    "headaches resolved since starting dexamethasone",
    "Nausea and headache have resolved on steroids.",
])
def test_a_complaint_resolved_on_steroids_is_symptomatic(text: str) -> None:
    assert_reads(text, {"symptomatic": True})


@pytest.mark.parametrize("text", [
    "headaches resolved, dexamethasone stopped",
    "headaches resolved on dexamethasone, which was stopped last week",
    "headaches resolved after SRS",
    "headaches resolved",
])
def test_a_complaint_resolved_otherwise_is_not(text: str) -> None:
    assert_reads(text, {"symptomatic": False})
