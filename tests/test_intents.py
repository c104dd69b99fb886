"""The intent registry (bot/intents.py) agrees with the domain, the training data, the rules and config.yml: the
test that fails when adding an intent forgot a place (README, "Adding an intent")."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from bot import intents

ROOT = Path(__file__).resolve().parents[1]


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _domain_intents() -> set[str]:
    return {i if isinstance(i, str) else next(iter(i)) for i in _yaml(ROOT / "domain.yml")["intents"]}


def _trained() -> dict[str, int]:
    """Intent → number of training examples in data/nlu."""
    counts: dict[str, int] = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in _yaml(path).get("nlu", []):
            if "intent" in item:
                examples = [line for line in item["examples"].splitlines() if line.strip().startswith("- ")]
                counts[item["intent"]] = counts.get(item["intent"], 0) + len(examples)
    return counts


def _rules() -> Iterator[dict]:
    for path in sorted((ROOT / "data" / "rules").glob("*.yml")):
        yield from _yaml(path).get("rules", [])


def _first_intents(steps: list[dict]) -> set[str]:
    """The intents a rule starts from (its first user step, `or` included)."""
    for step in steps:
        if "intent" in step:
            return {step["intent"]}
        if "or" in step:
            return {s["intent"] for s in step["or"] if "intent" in s}
    return set()


def _rule_loops(rule: dict) -> set[str | None] | None:
    """The active loops a rule is conditioned on: None when it has no condition at all (it applies anywhere)."""
    condition = rule.get("condition")
    if not condition:
        return None
    return {c["active_loop"] for c in condition if "active_loop" in c}


def _handled_during(loop: str) -> set[str]:
    """Intents a rule answers while `loop` is active: rules conditioned on the loop, and unconditioned rules."""
    handled: set[str] = set()
    for rule in _rules():
        loops = _rule_loops(rule)
        if loops is None or loop in loops:
            handled |= _first_intents(rule.get("steps", []))
    return handled


def _used_in_dialogue() -> set[str]:
    used: set[str] = set()
    for folder, key in (("rules", "rules"), ("stories", "stories")):
        for path in sorted((ROOT / "data" / folder).glob("*.yml")):
            for item in _yaml(path).get(key, []):
                for step in item.get("steps", []):
                    used |= {step["intent"]} if "intent" in step else {
                        s["intent"] for s in step.get("or", []) if "intent" in s}
    return used


def test_every_domain_intent_is_in_the_registry():
    assert _domain_intents() - set(intents.INTENTS) == set()


def test_every_registry_intent_is_in_the_domain():
    assert set(intents.INTENTS) - _domain_intents() == set()


def test_every_typed_intent_has_varied_training_data_and_button_intents_have_none():
    trained = _trained()
    thin = {name: trained.get(name, 0) for name in intents.TYPED if trained.get(name, 0) < 10}
    assert not thin, f"intents with fewer than 10 training examples in data/nlu: {thin}"
    assert {name for name in intents.BUTTON_ONLY if trained.get(name)} == set()
    assert set(trained) - set(intents.INTENTS) == set(), "training data for an intent the registry does not know"


def test_every_intent_of_the_rules_and_stories_is_registered():
    assert _used_in_dialogue() - set(intents.INTENTS) - {intents.FALLBACK} == set()


def test_every_registered_intent_is_answered_by_some_rule():
    answered = {name for rule in _rules() for name in _first_intents(rule.get("steps", []))}
    assert set(intents.INTENTS) - answered == set()


@pytest.mark.parametrize("loop, interruptions", [("case_form", intents.CASE_INTERRUPTIONS),
                                                 ("practice_form", intents.PRACTICE_INTERRUPTIONS)])
def test_every_interruption_has_its_rule(loop, interruptions):
    """An intent the form hands back (it is not an answer) must have a rule that answers it while the form is
    active, or Rasa has nothing to predict and the clinician gets no reply."""
    assert set(interruptions) - _handled_during(loop) == set()


def test_groups_and_flags_are_consistent():
    assert all(i.group in intents.GROUPS for i in intents.REGISTRY)
    assert len(intents.INTENTS) == len(intents.REGISTRY), "an intent registered twice"
    assert intents.NEVER_FINDINGS <= intents.CASE_INTERRUPTIONS
    # an intent that is never findings cannot be turned into findings by the NLU component, except stop, whose
    # findings make the message information ("stop, it was brigatinib") before the form can refuse it
    assert intents.NEVER_FINDINGS & intents.NO_FINDINGS == {"stop"}
    assert "inform" not in intents.NO_FINDINGS | intents.CASE_INTERRUPTIONS | intents.PRACTICE_INTERRUPTIONS
    with pytest.raises(KeyError):
        intents.group("no such group")
    assert intents.group("practice") == {i for i in intents.INTENTS if i.startswith("practice_")}


def test_the_nlu_component_reads_the_registry_not_a_list_of_its_own():
    from bot.nlu.rasa_component import FindingsAreInformation

    step = next(s for s in _yaml(ROOT / "config.yml")["pipeline"] if s["name"].endswith("FindingsAreInformation"))
    assert "override" not in step, "config.yml names the overridden intents: bot/intents.py is their one place"
    assert set(FindingsAreInformation.get_default_config()["override"]) == intents.NO_FINDINGS


def test_the_actions_use_the_registry():
    from actions import case_form, practice
    from bot import sessions

    assert case_form.INTERRUPTIONS is intents.CASE_INTERRUPTIONS
    assert case_form.QUESTIONS is intents.NEVER_FINDINGS
    assert practice.NOT_ANSWERS is intents.PRACTICE_INTERRUPTIONS
    assert sessions.CASE_STARTS is intents.CASE_STARTS


def test_a_button_only_intent_typed_is_an_intent_that_does_the_same():
    # bench/intent_heldout.py scores a typed "start over" as start_case: only sound while the two behave alike
    assert intents.TYPED_AS, "no button-only intent names its typed counterpart"
    by_name = {i.name: i for i in intents.REGISTRY}
    for button, typed in intents.TYPED_AS.items():
        assert button in intents.BUTTON_ONLY and typed in intents.TYPED
        flags = ("interrupts_case", "never_findings", "interrupts_practice", "starts_case", "skips_question")
        assert [getattr(by_name[button], f) for f in flags] == [getattr(by_name[typed], f) for f in flags]
