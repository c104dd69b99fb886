"""Another driver named as the tumour's, then "not ALK" (lead, 2026-12-07): "ROS1 fusion, not ALK" read no ALK status
(and the conversation could then take ALK-positive from a TKI named with it). Now ALK negative: out of scope,
signposted. Controls: a question, "not ALK-related", another driver tested negative beside ALK positive."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "ROS1 fusion, not ALK",
    "EGFR exon 19 deletion - not ALK-positive",
    "ROS1 rearranged, not ALK. Crizotinib 2 years.",
    "RET fusion and not ALK",
    "CD74-ROS1 fusion on NGS, not ALK.",
])
def test_another_driver_then_not_alk_is_alk_negative(text: str) -> None:
    assert_reads(text, {"alk_positive": False})


@pytest.mark.parametrize("text, value", [
    ("Is it ROS1, not ALK?", None),
    ("KRAS G12C, not ALK-related", None),
    ("ROS1 negative, ALK positive", True),
    ("ALK positive; ROS1 not tested", True),
])
def test_a_question_or_other_words_are_not_alk_negative(text: str, value) -> None:
    assert_reads(text, {"alk_positive": value})
