"""validate_case_form: reads each message into the case and asks next only for what the engine still needs.

A Rasa FormValidationAction. ``required_slots()`` is the decision module's ``missing`` list for the case so far,
most important first: a field that would not change the answer is never asked (the domain lists every field the
form may ask; tests/actions/test_case_form.py checks that list against the case schema). ``extract_<field>`` reads a
bare answer ("1", "no", "widespread", "not known") to the question just asked; everything else a message states
is read by the clinical extractor (actions/case_state.py), since one message may fill or correct many fields.

What the message changed is said ("Changed: prior TKIs alectinib → brigatinib"), and what it added is said
before the next question ("Noted: tissue NGS"). A question the clinician asks is answered and never read into the
case. A message the form cannot read is answered with what went wrong and the question again; the same question
is asked at most twice before the clinician is offered to skip it or stop (actions/forms.py). A message that is
not an answer (help, why, new case, ...) is handed back to the dialogue rules.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.types import DomainDict

from actions.answers import answer_to
from actions.case_state import (
    ASKABLE,
    SKIPPED,
    case_from_slots,
    changed_slots,
    describe_changes,
    describe_new,
    read_message,
)
from actions.feedback import AWAITING_REASON, record_reason
from actions.forms import RepeatedFailureFormValidation
from actions.questions import answer_question
from bot import intents
from bot.decision import decide
from bot.messages import problem_with
from bot.nlu.extractor import case_fields, conflicts
from bot.render import field_label

log = logging.getLogger(__name__)
# Messages that are not answers: the dialogue rules answer them and the form asks again. The first group names
# drugs and findings as part of the question ("why not brigatinib?", "what if MET amp?"), so it never fills the
# case; for the second, a message that states findings was misread and is taken as the answer it is.
QUESTIONS = intents.NEVER_FINDINGS  # bot/intents.py
INTERRUPTIONS = intents.CASE_INTERRUPTIONS
NOT_READ = (
    "I couldn't process that message, so nothing in the case changed. Please rephrase it (findings such as "
    "'alectinib, systemic PD, tissue NGS G1202R, ECOG 1')."
)


def missing_fields(case: dict[str, Any], skipped: list[str], first: list[str] | None = None) -> list[str]:
    """The fields the engine needs that are unknown and not declared unknown by the clinician, in the engine's
    order; ``first`` (fields the clinician contradicted) come first, asked even when the case holds a value from
    before: the value kept is not what the clinician last said."""
    rec = decide(case)
    first = list(first or [])
    fields = [*first, *(rec["missing"] if rec["status"] == "needs_information" else [])]
    return list(dict.fromkeys(f for f in fields if f in ASKABLE and (f in first or f not in case) and f not in skipped))


def next_question(case: dict[str, Any], skipped: list[str], first: list[str] | None = None) -> str | None:
    """The field to ask next, or None when the engine needs nothing more."""
    return next(iter(missing_fields(case, skipped, first)), None)


def _skipped(tracker: Tracker) -> list[str]:
    return list(tracker.get_slot(SKIPPED) or [])


def still_contradicted(tracker: Tracker) -> list[str]:
    """The question in progress, when it is a field an earlier message stated both ways ("G1202R; no ALK mutation")
    and no message since has answered: the clinician's reply to "which is it?" is read as that field's answer, and
    a reply about something else leaves it asked. Read back through the tracker's events while the requested slot
    stayed that field (the form sets it every turn), so no slot of its own is needed."""
    requested = tracker.get_slot(REQUESTED_SLOT)
    if not requested:
        return []
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == REQUESTED_SLOT and event.get("value") != requested:
            return []
        if event.get("event") != "user":
            continue
        users += 1
        if users == 1:  # the message being read now
            continue
        entities = (event.get("parse_data") or {}).get("entities") or []
        if requested in conflicts(entities):
            return [requested]
        if requested in case_fields(entities):
            return []
    return []


def earlier_entities(tracker: Tracker) -> list[Mapping[str, Any]]:
    """The entities of the user's message before the one being read (none when it is the first)."""
    users = [event for event in tracker.events if event.get("event") == "user"]
    return list((users[-2].get("parse_data") or {}).get("entities") or []) if len(users) > 1 else []


class ValidateCaseForm(RepeatedFailureFormValidation):
    failures_slot = "case_failures"
    offer_text = "We can skip this question (I will say what the answer depends on) or stop here."

    def name(self) -> str:
        return "validate_case_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """The decision module's missing fields for the case the slots hold, in its order."""
        return missing_fields(case_from_slots(tracker.slots), _skipped(tracker))

    def explain_unanswered(self, slot: str, dispatcher: CollectingDispatcher) -> None:
        dispatcher.utter_message(text=f"I couldn't read the {field_label(slot)} in that.")

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """One message read into the case. rasa_sdk's generic run validates only the required (still missing) slots
        one by one; here a message may fill or correct any field at once, so the turn is read as a whole."""
        try:
            return self._validate(dispatcher, tracker, domain)
        except Exception:
            log.exception("validate_case_form failed")
            dispatcher.utter_message(text=NOT_READ)
            requested = tracker.get_slot(REQUESTED_SLOT)
            return [
                SlotSet(REQUESTED_SLOT, requested or next_question(case_from_slots(tracker.slots), _skipped(tracker)))
            ]

    def _bare_answer_reader(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Callable[[str], dict[str, Any]]:
        return lambda field: getattr(self, f"extract_{field}")(dispatcher, tracker, domain)

    def _validate(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        requested = tracker.get_slot(REQUESTED_SLOT)
        message = tracker.latest_message or {}
        intent = self.intent(tracker)
        skipped = _skipped(tracker)
        case = case_from_slots(tracker.slots)
        reading = read_message(
            message, case, requested, self._bare_answer_reader(dispatcher, tracker, domain), earlier_entities(tracker)
        )
        starting = self.starting(tracker)
        if intent in INTERRUPTIONS and not starting and (intent in QUESTIONS or not reading.updates):
            # not an answer: the rules answer it, and the question in progress is asked again
            return self.hand_back(next_question(case, skipped, still_contradicted(tracker)))
        if tracker.get_slot(AWAITING_REASON):  # the reason for a 'Disagree' is feedback, never a finding
            record_reason(dispatcher, tracker)
            return [SlotSet(AWAITING_REASON, False), SlotSet(REQUESTED_SLOT, requested or next_question(case, skipped))]
        for problem in reading.problems:
            dispatcher.utter_message(text=problem)
        if reading.too_long:
            dispatcher.utter_message(text=problem_with(message.get("text")))
        answered = reading.question and answer_question(dispatcher, message.get("text") or "", reading.asked, case)

        if reading.skip and requested:
            skipped.append(requested)
        new_case = case_from_slots({**case, **reading.updates})
        pending = [f for f in still_contradicted(tracker) if f not in reading.updates and f not in skipped]
        question = next_question(new_case, skipped, [*reading.contradicted, *reading.cleared, *pending])
        for sentence in (describe_changes(case, reading.updates), *reading.notes.values()):
            if sentence:
                dispatcher.utter_message(text=sentence)
        noted = describe_new(case, {k: v for k, v in reading.updates.items() if k not in reading.notes})
        if question and noted:  # before the next question; a complete case is read back with the answer
            dispatcher.utter_message(text=noted)
        read_something = bool(answered or reading.problems or reading.too_long or reading.updates or reading.skip)
        failures = self.failure_events(dispatcher, tracker, question, read_something)
        if reading.updates:
            dispatcher.utter_message(json_message={"case": new_case})
        # case_failures and the requested slot are always set: Rasa reads the next question from the reply, and a
        # reply without a filled slot would make Rasa reject the form's turn
        return (
            changed_slots(tracker, {**reading.updates, SKIPPED: skipped})
            + failures
            + [SlotSet(REQUESTED_SLOT, question)]
        )


def _bare_answer_extractor(field: str) -> Callable[..., dict[str, Any]]:
    def extract(
        self: ValidateCaseForm, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The bare answer to the question about this field, when it is the one just asked."""
        if tracker.get_slot(REQUESTED_SLOT) != field:
            return {}
        return answer_to(field, tracker.latest_message or {}, _skipped(tracker))

    extract.__name__ = extract.__qualname__ = f"extract_{field}"
    return extract


for _field in ASKABLE:  # extract_alk_positive, extract_prior_tkis, ...: one per field the form may ask
    setattr(ValidateCaseForm, f"extract_{_field}", _bare_answer_extractor(_field))
