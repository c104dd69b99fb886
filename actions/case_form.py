"""validate_case_form: reads each message into the case and asks next only for what the engine still needs.

The form's questions are the decision module's `missing` list, most important first: a field that would not
change the answer is never asked. What the message changed is said ("Changed: prior TKIs alectinib → brigatinib"),
and what it added is said before the next question ("Noted: tissue NGS"). A question the clinician asks is
answered and never read into the case. A message the form cannot read is answered with what went wrong and the
question again; the same question is asked at most twice before the clinician is offered to skip it or stop. A
message that is not an answer (help, why, new case, ...) is handed back to the dialogue rules by returning no
event (Rasa then rejects the form's turn and the rules answer it).
"""
from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.case_state import (CASE_SLOTS, MAX_MESSAGE, case_from_slots, changed_slots, describe_changes,
                                describe_new, label, read_message)
from actions.feedback import AWAITING_REASON, record_reason
from actions.questions import answer_question
from actions.turns import ACTIVATION, RESUME, turn_kind
from bot import intents
from bot.decision import decide

log = logging.getLogger(__name__)
ASKABLE = frozenset(CASE_SLOTS) - {"current_therapy", "pdl1_tps", "comorbidities"}
# Messages that are not answers: the dialogue rules answer them and the form asks again. The first group names
# drugs and findings as part of the question ("why not brigatinib?", "what if MET amp?"), so it never fills the
# case; for the second, a message that states findings was misread and is taken as the answer it is.
QUESTIONS = intents.NEVER_FINDINGS
INTERRUPTIONS = intents.CASE_INTERRUPTIONS
OFFER_AFTER = 2  # times one question is asked without an answer before the clinician is offered to skip or stop
SKIP_BUTTONS = [{"title": "Skip this question", "payload": "/dont_know"}, {"title": "Stop", "payload": "/stop"}]
NOT_READ = ("I couldn't process that message, so nothing in the case changed. Please rephrase it (findings such as "
            "'alectinib, systemic PD, tissue NGS G1202R, ECOG 1').")


def next_question(case: dict[str, Any], skipped: list[str], first: list[str] | None = None) -> str | None:
    """The first field the engine needs that is unknown and not declared unknown by the clinician; fields the
    clinician contradicted come first."""
    rec = decide(case)
    fields = [*(first or []), *(rec["missing"] if rec["status"] == "needs_information" else [])]
    return next((f for f in fields if f in ASKABLE and f not in case and f not in skipped), None)


class ValidateCaseForm(Action):
    def name(self) -> str:
        return "validate_case_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        try:
            return self._validate(dispatcher, tracker)
        except Exception:  # noqa: BLE001 - the clinician gets a true sentence and the case is kept
            log.exception("validate_case_form failed")
            dispatcher.utter_message(text=NOT_READ)
            requested = tracker.get_slot("requested_slot")
            return [SlotSet("requested_slot", requested or next_question(
                case_from_slots(tracker.current_slot_values()), list(tracker.get_slot("case_skipped") or [])))]

    def _validate(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        skipped = list(tracker.get_slot("case_skipped") or [])
        failures = int(tracker.get_slot("case_failures") or 0)
        case = case_from_slots(tracker.current_slot_values())
        kind = turn_kind(tracker.events, "case_form")
        if kind == RESUME:  # back from an interruption: the message was handled, just ask what is next
            return [SlotSet("requested_slot", next_question(case, skipped))]
        reading = read_message(message, requested, case)
        activating = kind == ACTIVATION
        if intent in INTERRUPTIONS and not activating and (intent in QUESTIONS or not reading.updates):
            return []  # not an answer: the rules answer it
        if tracker.get_slot(AWAITING_REASON):  # the reason for a 'Disagree' is feedback, never a finding
            record_reason(dispatcher, tracker)
            return [SlotSet(AWAITING_REASON, False), SlotSet("requested_slot", requested or next_question(case, skipped))]
        for problem in reading.problems:
            dispatcher.utter_message(text=problem)
        if reading.too_long:
            dispatcher.utter_message(text=f"That message is longer than {MAX_MESSAGE} characters, so I did not read "
                                          "it. Paste the relevant part (TKIs, progression, re-biopsy findings, ECOG).")
        answered = reading.question and answer_question(dispatcher, message.get("text") or "", reading.asked, case)

        if reading.skip and requested:
            skipped.append(requested)
        new_case = case_from_slots({**case, **reading.updates})
        question = next_question(new_case, skipped, reading.contradicted)
        for sentence in (describe_changes(case, reading.updates), *reading.notes.values()):
            if sentence:
                dispatcher.utter_message(text=sentence)
        noted = describe_new(case, {k: v for k, v in reading.updates.items() if k not in reading.notes})
        if question and noted:  # before the next question; a complete case is read back with the answer
            dispatcher.utter_message(text=noted)
        if activating or not requested or question != requested:
            failures = 0
        else:
            failures += 1
            if not (answered or reading.problems or reading.too_long or reading.updates or reading.skip):
                dispatcher.utter_message(text=f"I couldn't read the {label(requested)} in that.")
        if failures >= OFFER_AFTER and question == requested:
            dispatcher.utter_message(text="We can skip this question (I will say what the answer depends on) or "
                                          "stop here.", buttons=SKIP_BUTTONS)
        if reading.updates:
            dispatcher.utter_message(json_message={"case": new_case})
        # case_failures and the requested slot are always set: Rasa reads the next question from the reply, and a
        # reply without a filled slot would make Rasa reject the form's turn
        return changed_slots(tracker, {**reading.updates, "case_skipped": skipped}) + [
            SlotSet("case_failures", failures), SlotSet("requested_slot", question)]
