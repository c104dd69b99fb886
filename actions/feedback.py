"""Clinician feedback on the last recommendation, written to the audit log beside its record."""
from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.recommend import NO_ANSWER_YET, audit_log

RATINGS = {"feedback_helpful": "helpful", "feedback_not_helpful": "not_helpful", "feedback_disagree": "disagree"}


class ActionFeedback(Action):
    def name(self) -> str:
        return "action_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        record_id = tracker.get_slot("last_record_id")
        if record_id is None:
            dispatcher.utter_message(text=NO_ANSWER_YET)
            return []
        message = tracker.latest_message or {}
        rating = RATINGS[(message.get("intent") or {}).get("name")]
        text = message.get("text") or ""
        reason = None if text.startswith("/") else text  # a button carries no reason
        written = audit_log().feedback(tracker.sender_id, rating, record_id=record_id, reason=reason,
                                       message_id=message.get("message_id") or "")
        if written.stored:
            dispatcher.utter_message(response="utter_feedback_thanks")
        else:
            dispatcher.utter_message(text="Thank you. The audit log is unavailable right now: your feedback is kept "
                                          "and will be written as soon as the database answers.")
        if rating == "disagree" and reason is None:
            dispatcher.utter_message(text="If you like, tell me why: start with 'disagree because …' (leave out "
                                          "anything that identifies the patient).")
        return []
