"""Whole conversations with the real Rasa server and action server, over REST (spec/README.md section 4)."""
from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from bot.decision import decide
from tests.chat import Chat
from tests.integration.clinician import consult
from tests.integration.shorthand import SHORTHAND, TYPED

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXAMPLES = {e["id"]: e for e in yaml.safe_load((FIXTURES / "examples.yaml").read_text())["examples"]}
SCHEMA = yaml.safe_load((Path(__file__).resolve().parents[2] / "bot" / "schemas" /
                         "recommendation.schema.json").read_text())

def test_every_example_is_typed():
    assert set(TYPED) == set(EXAMPLES) == set(SHORTHAND)


@pytest.mark.parametrize("style, example_id", [(style, i) for style in ("typed", "shorthand") for i in sorted(TYPED)])
def test_example_typed_as_a_clinician(stack, style, example_id):
    example = EXAMPLES[example_id]
    chat = Chat(stack.base_url)
    text = (TYPED if style == "typed" else SHORTHAND)[example_id]
    rec, case, asked = consult(chat, text, example["case"])
    jsonschema.validate(rec, SCHEMA)
    expect = example["expect"]
    preferred = [o["therapy"] for o in rec["preferred"]]
    offered = preferred + [o["therapy"] for o in rec["alternatives"]]
    assert rec["status"] in expect["status"], chat.show()
    if "preferred" in expect:
        assert set(preferred) & set(expect["preferred"]), chat.show()
    assert not set(offered) & set(expect.get("forbid", [])), chat.show()
    for therapy in expect.get("avoid", []):
        assert therapy in [a["therapy"] for a in rec["avoid"]], chat.show()
    if "alternatives_any" in expect:
        assert set(offered) & set(expect["alternatives_any"]), chat.show()
    # What the bot understood is what the example says, for every field it holds.
    for field, value in case.items():
        assert example["case"].get(field) == value or field not in example["case"], (field, chat.show())
    # The data it sent is the decision module's answer to the case it holds.
    assert rec == decide(case)
