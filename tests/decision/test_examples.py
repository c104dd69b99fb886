"""The worked examples of the clinical reference, each decided and checked against what it must return."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.decision import decide
from tests.decision.conftest import options

EXAMPLES = yaml.safe_load((Path(__file__).resolve().parents[1] / "fixtures" / "examples.yaml").read_text())["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["id"] for e in EXAMPLES])
def test_example(example, rec_validator):
    rec = decide(example["case"])
    rec_validator.validate(rec)
    expect = example["expect"]
    assert rec["status"] in expect["status"]
    if "preferred" in expect:
        assert rec["preferred"], "no preferred option"
        assert rec["preferred"][0]["therapy"] in expect["preferred"]
    for therapy in expect.get("forbid", []):
        assert therapy not in options(rec)
    if "alternatives_any" in expect:
        alts = [a["therapy"] for a in rec["alternatives"]]
        assert set(expect["alternatives_any"]) & set(alts)
    if "missing" in expect:
        assert set(expect["missing"]) & set(rec["missing"])
    avoided = [a["therapy"] for a in rec["avoid"]]
    for therapy in expect.get("avoid", []):
        assert therapy in avoided


def test_examples_cover_eight_cases():
    assert len(EXAMPLES) >= 8
