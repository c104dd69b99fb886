"""validate_case_form: reads each message into the case and asks next only for what the engine still needs.

The form's questions are the decision module's `missing` list, most important first: a field that would not
change the answer is never asked. A message the form cannot read is answered with what went wrong and the question
again; after repeated failures the clinician is offered to skip the question or stop. A message that is not an
answer (help, why, new case, ...) is handed back to the dialogue rules by returning no event (Rasa then rejects
the form's turn and the rules answer it).
"""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.case_state import CASE_SLOTS, MAX_MESSAGE, case_from_slots, changed_slots, label, read_message
from actions.turns import ACTIVATION, RESUME, turn_kind
from bot.decision import decide

ASKABLE = frozenset(CASE_SLOTS) - {"current_therapy", "pdl1_tps", "comorbidities"}
# Messages that are not answers: the dialogue rules answer them and the form asks again. The first group names
# drugs and findings as part of the question ("why not brigatinib?", "what if MET amp?"), so it never fills the
# case; for the second, a message that states findings was misread and is taken as the answer it is.
QUESTIONS = frozenset({"ask_why", "ask_evidence", "what_if", "start_case", "start_over", "stop", "feedback_disagree"})
INTERRUPTIONS = QUESTIONS | {"greet", "goodbye", "help", "out_of_scope", "feedback_helpful", "feedback_not_helpful",
                             "practice_start", "practice_stats"}
OFFER_AFTER = 2  # failed answers to one question before offering to skip it or stop


def next_question(case: dict[str, Any], skipped: list[str]) -> str | None:
    """The first field the engine needs that is unknown and not declared unknown by the clinician."""
    rec = decide(case)
    if rec["status"] != "needs_information":
        return None
    return next((f for f in rec["missing"] if f in ASKABLE and f not in case and f not in skipped), None)


class ValidateCaseForm(Action):
    def name(self) -> str:
        return "validate_case_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        reading = read_message(message, requested)
        skipped = list(tracker.get_slot("case_skipped") or [])
        failures = int(tracker.get_slot("case_failures") or 0)
        kind = turn_kind(tracker.events, "case_form")
        if kind == RESUME:  # back from an interruption: the message was handled, just ask what is next
            case = case_from_slots(tracker.current_slot_values())
            return [SlotSet("requested_slot", next_question(case, skipped))]
        activating = kind == ACTIVATION
        if intent in INTERRUPTIONS and not activating and (intent in QUESTIONS or not reading.updates):
            return []  # not an answer: the rules answer it
        for problem in reading.problems:
            dispatcher.utter_message(text=problem)
        if reading.too_long:
            dispatcher.utter_message(text=f"That message is longer than {MAX_MESSAGE} characters, so I did not read "
                                          "it. Paste the relevant part (TKIs, progression, re-biopsy findings, ECOG).")

        if reading.skip and requested:
            skipped.append(requested)
        slots = {**tracker.current_slot_values(), **reading.updates}
        case = case_from_slots(slots)

        if reading.understood or activating:
            failures = 0
        else:
            failures += 1
            if not reading.problems and not reading.too_long and requested:
                dispatcher.utter_message(text=f"I couldn't read the {label(requested)} in that.")
            if failures >= OFFER_AFTER and requested:
                dispatcher.utter_message(
                    text="We can skip this question (I will say what the answer depends on) or stop here.",
                    buttons=[{"title": "Skip this question", "payload": "/dont_know"},
                             {"title": "Stop", "payload": "/stop"}])
        if reading.updates:
            dispatcher.utter_message(json_message={"case": case})
        question = next_question(case, skipped)
        # case_failures and the requested slot are always set: Rasa reads the next question from the reply, and a
        # reply without a filled slot would make Rasa reject the form's turn
        return changed_slots(tracker, {**reading.updates, "case_skipped": skipped}) + [
            SlotSet("case_failures", failures), SlotSet("requested_slot", question)]
