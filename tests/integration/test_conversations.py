"""Whole conversations with the real Rasa server and action server, over REST (spec/README.md section 4)."""
from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from bot.decision import decide
from tests.chat import Chat
from tests.integration.clinician import consult

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXAMPLES = {e["id"]: e for e in yaml.safe_load((FIXTURES / "examples.yaml").read_text())["examples"]}
SCHEMA = yaml.safe_load((Path(__file__).resolve().parents[2] / "bot" / "schemas" /
                         "recommendation.schema.json").read_text())

# Each example of tests/fixtures/examples.yaml as a clinician would type it.
TYPED = {
    "V01": "ALK+ adeno, alectinib 1L, now systemic progression in liver and bone, symptomatic. Liver core bx NGS: "
           "ALK G1202R, no bypass alterations. ECOG 1",
    "V05": "ALK-positive adenocarcinoma on Alecensa, multisite systemic PD. Tissue NGS negative for ALK resistance "
           "mutations, no MET amp or other bypass alteration, ALK fusion still present. PS 0",
    "V07": "EML4-ALK adenocarcinoma, alectinib, now progressing in lungs, liver and bones; no rebiopsy (patient "
           "declined). ECOG 1",
    "V11": "ALK+ adeno progressing on first-line lorlatinib, systemic, no rebiopsy, ECOG 1",
    "V15": "ALK+ adenocarcinoma, alectinib, systemic progression. Rebiopsy of a liver met shows small-cell "
           "transformation, no ALK mutation, no bypass. ECOG 1",
    "V17": "ALK+ adeno on alectinib: 2 new small asymptomatic brain mets amenable to SRS, no leptomeningeal disease, "
           "extracranial disease controlled. No rebiopsy. ECOG 0",
    "V20": "ALK-rearranged adenocarcinoma on brigatinib, single enlarging adrenal met, rest stable "
           "(oligoprogression), asymptomatic, no rebiopsy, ECOG 0",
    "V24": "ALK+ adeno, alectinib, systemic progression, ECOG 4, frail with severe COPD, wants comfort care only, "
           "no rebiopsy",
}


def test_every_example_is_typed():
    assert set(TYPED) == set(EXAMPLES)


@pytest.mark.parametrize("example_id", sorted(TYPED))
def test_example_typed_as_a_clinician(stack, example_id):
    example = EXAMPLES[example_id]
    chat = Chat(stack.base_url)
    rec, case, asked = consult(chat, TYPED[example_id], example["case"])
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
