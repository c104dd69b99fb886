"""The answer and what follows it: recommend, why, evidence, what-if, new case, stop, fallback.

Each action reads the case from the slots and asks bot.decision; none of them decides anything itself. The answer
is deterministic, so "why" and "evidence" recompute it rather than keep a copy in the tracker.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.case_state import CASE_SLOTS, case_from_slots, changed_slots, read_message
from actions.questions import answer_question
from actions.shared import audit_log
from bot.decision import decide
from bot.render import card_data, case_summary, field_label, preferred_sentence, render_text
from bot.storage.audit import REFUSED, Written, refused_note

log = logging.getLogger(__name__)

ANSWER_BUTTONS = [
    {"title": "Why?", "payload": "/ask_why"},
    {"title": "Evidence", "payload": "/ask_evidence"},
    {"title": "New case", "payload": "/start_case"},
]
FEEDBACK_BUTTONS = [
    {"title": "Helpful", "payload": "/feedback_helpful"},
    {"title": "Not helpful", "payload": "/feedback_not_helpful"},
    {"title": "Disagree", "payload": "/feedback_disagree"},
]
NO_ANSWER_YET = "I haven't given a recommendation in this conversation yet. Describe the case, or type 'help'."


def audit_note(written: Written) -> str:
    """What the clinician is told when the recommendation above is not (yet) in the audit log: the truth, with the
    reference an operator finds the record by."""
    if written.status == REFUSED:
        return refused_note(written)
    return (
        f"Note: the audit log is unavailable right now. The recommendation above stands; its audit record (reference "
        f"{written.reference}) is queued on the action server and will be written when the database answers."
    )


def answered(tracker: Tracker) -> bool:
    return tracker.get_slot("last_record_id") is not None


class ActionRecommend(Action):
    """Read the case back and answer. An answer is computed and audited once per case: the same case again (a
    question, a restated finding) only says that the answer stands, and an empty case is never audited."""

    def name(self) -> str:
        return "action_recommend"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        case = case_from_slots(tracker.current_slot_values())
        if not case:
            dispatcher.utter_message(text="There is no case yet. " + NO_ANSWER_YET.split(". ", 1)[1])
            return []
        rec = decide(case)
        if answered(tracker) and tracker.get_slot("answered_case") == case:
            dispatcher.utter_message(text=f"The case is unchanged, so the answer stands. {preferred_sentence(rec)}")
            return []
        dispatcher.utter_message(text=f"Case: {case_summary(case)}.")
        message_id = (tracker.latest_message or {}).get("message_id") or ""
        written = audit_log().record(tracker.sender_id, case, rec, message_id=message_id)
        dispatcher.utter_message(text=render_text(rec, case), buttons=ANSWER_BUTTONS, json_message=card_data(rec, case))
        if not written.stored:
            dispatcher.utter_message(text=audit_note(written))
        dispatcher.utter_message(text="Was this helpful?", buttons=FEEDBACK_BUTTONS)
        return [SlotSet("last_record_id", written.key), SlotSet("answered_case", case)]


class ActionExplain(Action):
    """'Why?' explains the answer; 'why not brigatinib?' says where brigatinib stands in it."""

    def name(self) -> str:
        return "action_explain"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        case = case_from_slots(tracker.current_slot_values())
        message = tracker.latest_message or {}
        if answer_question(dispatcher, message.get("text") or "", message.get("entities") or [], case):
            return []
        rec = decide(case)
        if not answered(tracker):
            need = ", ".join(field_label(f) for f in rec["missing"][:3]) or "the case"
            dispatcher.utter_message(text=f"{NO_ANSWER_YET} So far I still need: {need}.")
            return []
        lines = [preferred_sentence(rec), "Rule trace:"]
        lines += [f"{r['rule']}: {r['because']}" for r in rec["rationale"]]
        dispatcher.utter_message(text="\n".join(lines), buttons=ANSWER_BUTTONS[1:])
        return []


class ActionEvidence(Action):
    def name(self) -> str:
        return "action_evidence"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not answered(tracker):
            dispatcher.utter_message(text=NO_ANSWER_YET)
            return []
        rec = decide(case_from_slots(tracker.current_slot_values()))
        lines = [f"Evidence behind this answer (knowledge base {rec['knowledge_version']}):"]
        for e in rec["evidence"]:
            link = f" {e['url']}" if e.get("url") else ""
            level = f" ({e['level']})" if e.get("level") else ""
            lines.append(f"[{e['id']}] {e['citation']}{level}.{link}")
        dispatcher.utter_message(text="\n".join(lines), buttons=ANSWER_BUTTONS[::2])
        return []


class ActionWhatIf(Action):
    """Change the findings a 'what if' names on a copy of the case and compare the answers; the case is kept."""

    def name(self) -> str:
        return "action_what_if"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        message = tracker.latest_message or {}
        reading = read_message(message, None)
        for problem in reading.problems:
            dispatcher.utter_message(text=problem)
        case = case_from_slots(tracker.current_slot_values())
        if not answer_question(
            dispatcher, message.get("text") or "", message.get("entities") or [], case, scenario=True
        ):
            dispatcher.utter_message(
                text="Tell me which finding to change, e.g. 'what if it were plasma only?' or "
                "'what if there were also MET amplification?'. The case itself is kept."
            )
        return []


class ActionResetCase(Action):
    def name(self) -> str:
        return "action_reset_case"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_start_case")
        dispatcher.utter_message(json_message={"case": {}})
        cleared: dict[str, Any] = {
            **dict.fromkeys(CASE_SLOTS),
            "case_skipped": [],
            "case_failures": 0,
            "last_record_id": None,
            "answered_case": None,
            "awaiting_reason": False,
            "requested_slot": None,
        }
        # only what changes: every event is replayed whenever the conversation is loaded
        return [ActiveLoop(None)] + changed_slots(tracker, cleared)


class ActionStopForm(Action):
    """'Stop' says what was stopped: a practice case, a case in progress, or nothing."""

    def name(self) -> str:
        return "action_stop_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if tracker.active_loop_name == "practice_form":
            dispatcher.utter_message(
                text="Practice stopped; your progress so far is kept. Type 'practice' for "
                "another case, or describe a patient's case."
            )
        elif case_from_slots(tracker.current_slot_values()):
            dispatcher.utter_message(response="utter_stopped")
        else:
            dispatcher.utter_message(text="There is nothing to stop. Describe a case, or type 'help'.")
        return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("case_failures", 0)]


class ActionDefaultFallback(Action):
    """Low confidence in what to do next: say so plainly and keep the case (never an empty reply)."""

    def name(self) -> str:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_default")
        return []
