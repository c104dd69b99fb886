"""A form validation action that notices a question going unanswered: RasaHQ financial-demo's
CustomFormValidationAction (actions/custom_forms.py), written for rasa_sdk 3's FormValidationAction.

financial-demo counts the turns in which the requested slot fails validation and, after a threshold, asks whether
to go on. Here the count lives in a float slot the subclass names (``failures_slot``, in the domain with
``initial_value: 0``); each turn in which the form asks the same question again counts one failure, and from
``offer_after`` failures on the question comes with buttons to skip it or stop. A subclass says how a turn that
read nothing at all is explained (``explain_unanswered``).

Rasa runs a form's validation action in three situations, all seen through the tracker's own API: the form
starts (no question asked yet: ``requested_slot`` is empty), the user answered the question asked, or the form
resumes after a rule answered an interruption. A message that is not an answer is handed back by setting no slot
other than ``requested_slot``: Rasa then rejects the form's turn and the rules answer it; when the form resumes
after that rule, the same message is handed back the same way and Rasa asks the question again.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction


class RepeatedFailureFormValidation(FormValidationAction, ABC):
    """Counts the turns one question stays unanswered and, past ``offer_after``, offers to skip it or stop."""

    failures_slot = "form_failures"
    offer_after = 2  # times one question is asked without an answer before the user is offered to skip or stop
    offer_text = "We can skip this question or stop here."
    offer_buttons: list[dict[str, str]] = [{"title": "Skip this question", "payload": "/dont_know"},
                                           {"title": "Stop", "payload": "/stop"}]

    @abstractmethod
    def name(self) -> str:
        """The validation action's name, validate_<form>; abstract so this base class is not registered."""

    @staticmethod
    def starting(tracker: Tracker) -> bool:
        """The form is starting: it has asked nothing yet."""
        return not tracker.get_slot(REQUESTED_SLOT)

    @staticmethod
    def hand_back(next_slot: str | None) -> list[EventType]:
        """Events that leave the message to the rules: only the requested slot, which Rasa ignores when it decides
        whether the form's turn is rejected."""
        return [SlotSet(REQUESTED_SLOT, next_slot)]

    def explain_unanswered(self, slot: str, dispatcher: CollectingDispatcher) -> None:
        """Said when a turn asks ``slot`` again and read nothing at all; nothing by default."""

    def failure_events(self, dispatcher: CollectingDispatcher, tracker: Tracker, next_slot: str | None,
                       read_something: bool) -> list[EventType]:
        """The failure count after this turn (``next_slot`` is the question asked next), with the explanation and the
        skip-or-stop offer said when they are due."""
        asked = tracker.get_slot(REQUESTED_SLOT)
        failures = int(tracker.get_slot(self.failures_slot) or 0)
        if self.starting(tracker) or next_slot != asked:
            failures = 0
        else:
            failures += 1
            if not read_something:
                self.explain_unanswered(asked, dispatcher)
        if failures >= self.offer_after and next_slot == asked:
            dispatcher.utter_message(text=self.offer_text, buttons=self.offer_buttons)
        return [SlotSet(self.failures_slot, failures)]

    @staticmethod
    def intent(tracker: Tracker) -> Any:
        return (tracker.latest_message.get("intent") or {}).get("name")
