"""One clinician message put to the assistant in the middle of a case, in-process: the trained model's NLU pipeline
(intent classifier and clinical extractor, as the Rasa server runs it), then the case form and the custom action the
dialogue rules run for an intent the form hands back (data/rules/case.yml). Shared by
tests/test_questions_property.py, tests/test_questions_dialogue.py and bench/questions_dialogue.py (issue 15).

Two moments of a case, both from worked example V01 (tests/fixtures/examples.yaml): IN_PROGRESS, half filled with
the form asking for ECOG, and ANSWERED, filled and answered, the message re-opening the form.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rasa_sdk import Tracker

from actions.case_form import ValidateCaseForm
from actions.case_state import CASE_SLOTS
from actions.feedback import ActionFeedback
from actions.recommend import ActionExplain, ActionWhatIf
from bot.launch import latest_model
from tests.actions.conftest import run, slot_events

IN_PROGRESS = {"alk_positive": True, "prior_tkis": ["alectinib"], "progression": "systemic",
               "requested_slot": "ecog"}
ANSWERED = {"alk_positive": True, "prior_tkis": ["alectinib"], "progression": "systemic", "biopsy": "tissue",
            "alk_mutations": ["G1202R"], "bypass_alterations": [], "ecog": 1, "histology": "adenocarcinoma",
            "last_record_id": "r1"}
# (slots, activating): the case so far, and whether the message re-opens the form (after an answer)
MOMENTS = {"case in progress": (IN_PROGRESS, False), "after the answer": (ANSWERED, True)}
# The custom action the dialogue rules run for an intent the form hands back (data/rules/case.yml); every other
# intent is answered by a response, which cannot write a slot.
RULE_ACTIONS = {"what_if": ActionWhatIf(), "ask_why": ActionExplain(), "feedback_helpful": ActionFeedback(),
                "feedback_not_helpful": ActionFeedback(), "feedback_disagree": ActionFeedback()}

Parse = Callable[[str], dict[str, Any]]


@contextmanager
def nlu_parser() -> Iterator[Parse]:
    """The trained model (models/LATEST) loaded once; yields text -> parse data (intent, entities). Rasa's debug
    log, which repeats every message parsed (a held-out question's text too), is turned down to warnings."""
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)

    agent = Agent.load(str(latest_model()))
    loop = asyncio.new_event_loop()
    try:
        yield lambda text: loop.run_until_complete(agent.parse_message(text))
    finally:
        loop.close()


def _tracker(parsed: dict[str, Any], slots: dict[str, Any], activating: bool) -> Tracker:
    message = {"text": parsed["text"], "intent": parsed["intent"], "entities": parsed.get("entities", []),
               "message_id": "q"}
    events = [{"event": "user", "text": parsed["text"], "parse_data": message}]
    if activating:
        events.append({"event": "active_loop", "name": "case_form"})
    return Tracker("property", dict(slots), message, events, False, None, {"name": "case_form"}, "action_listen")


def case_written(parsed: dict[str, Any], slots: dict[str, Any], activating: bool) -> dict[str, Any]:
    """The case fields the message would write, through the form and the rule that answers what it hands back."""
    events, _ = run(ValidateCaseForm(), _tracker(parsed, slots, activating))
    handed_back = list(slot_events(events)) in ([], ["requested_slot"])  # Rasa rejects the form's turn
    if handed_back and parsed["intent"]["name"] in RULE_ACTIONS:
        events, _ = run(RULE_ACTIONS[parsed["intent"]["name"]], _tracker(parsed, slots, activating))
    return {k: v for k, v in slot_events(events).items() if k in CASE_SLOTS}


def case_changes(parsed: dict[str, Any], slots: dict[str, Any], activating: bool) -> dict[str, Any]:
    """The case fields the message would leave with another value than before (written with the same value: no
    change)."""
    return {k: v for k, v in case_written(parsed, slots, activating).items() if slots.get(k) != v}


def changes_at_each_moment(parse: Parse, text: str) -> dict[str, dict[str, Any]]:
    """For each moment of MOMENTS where ``text`` changes the case, the fields it changes (empty: it changes none)."""
    parsed = parse(text)
    out = {}
    for moment, (slots, activating) in MOMENTS.items():
        changed = case_changes(parsed, slots, activating)
        if changed:
            out[moment] = changed
    return out


def questions_changing_the_case(parse: Parse, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Of phrasing-file rows (tests/nlu/independent.items), those whose text changes the case at either moment, each
    with what it changes where."""
    out = []
    for row in rows:
        changed = changes_at_each_moment(parse, row["text"])
        if changed:
            out.append({"text": row["text"], "changed": changed})
    return out
