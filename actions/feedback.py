"""Clinician feedback on the last recommendation, written to the audit log beside its record.

The reason given for a 'Disagree' is feedback, whatever it says: a reason typed after the button ("she had
brigatinib in 2023, ECOG 2") is recorded as the reason and never read into the case, so it cannot re-issue the
recommendation. The slot `awaiting_reason` marks the one message after the button that is the reason.
"""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.recommend import NO_ANSWER_YET
from actions.shared import audit_log
from bot.storage.audit import REFUSED

RATINGS = {"feedback_helpful": "helpful", "feedback_not_helpful": "not_helpful", "feedback_disagree": "disagree"}
AWAITING_REASON = "awaiting_reason"
_NO_REASON = re.compile(
    r"\W*(?:i\s+)?(?:dis ?agree|don'?t agree|do not agree|not helpful|unhelpful|wrong)\W*", re.IGNORECASE
)
PENDING = (
    "Thank you. The audit log is unavailable right now: your feedback (reference {reference}) is queued and will be "
    "written when the database answers."
)
REFUSED_FEEDBACK = (
    "Thank you, but the audit log refused your feedback (reference {reference}): it is not recorded yet. It has "
    "been set aside for the team running this service, who can write it once the cause is fixed."
)


def _write(dispatcher: CollectingDispatcher, tracker: Tracker, rating: str, reason: str | None, thanks: str) -> None:
    message = tracker.latest_message or {}
    written = audit_log().feedback(
        tracker.sender_id,
        rating,
        record_id=tracker.get_slot("last_record_id"),
        reason=reason,
        message_id=message.get("message_id") or "",
    )
    if written.stored:
        dispatcher.utter_message(text=thanks)
    else:
        said = REFUSED_FEEDBACK if written.status == REFUSED else PENDING
        dispatcher.utter_message(text=said.format(reference=written.reference))


def record_reason(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """The message after 'Disagree' is recorded as its reason; the case is not touched."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/"):  # a button pressed instead of typing a reason
        dispatcher.utter_message(text="No reason recorded; your rating is kept.")
        return
    _write(
        dispatcher,
        tracker,
        "disagree",
        text,
        "Thank you: recorded as the reason you disagree. I did not read it "
        "into the case; to change a finding, state it (e.g. 'actually ECOG 2').",
    )


class ActionFeedback(Action):
    def name(self) -> str:
        return "action_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if tracker.get_slot("last_record_id") is None:
            dispatcher.utter_message(text=NO_ANSWER_YET)
            return []
        message = tracker.latest_message or {}
        rating = RATINGS[(message.get("intent") or {}).get("name") or ""]
        text = message.get("text") or ""
        reason = None if text.startswith("/") or _NO_REASON.fullmatch(text) else text  # a button says no more
        _write(dispatcher, tracker, rating, reason, "Thank you: your feedback is recorded with this recommendation.")
        if rating == "disagree" and reason is None:
            dispatcher.utter_message(
                text="If you like, tell me why in your next message (leave out anything that "
                "identifies the patient); it is recorded as feedback, not read into the "
                "case."
            )
            return [SlotSet(AWAITING_REASON, True)]
        return []


class ActionFeedbackReason(Action):
    """The message after a 'Disagree' button, whatever it says (the rule routes it here)."""

    def name(self) -> str:
        return "action_feedback_reason"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        record_reason(dispatcher, tracker)
        return [SlotSet(AWAITING_REASON, False)]
