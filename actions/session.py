"""action_session_start: a new session starts with the slots bot.sessions says it keeps (one session per case)."""
from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.sessions import carried_slots


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        carry_over = (domain.get("session_config") or {}).get("carry_over_slots_to_new_session", True)
        keep = carried_slots(tracker.current_slot_values(), carry_over)
        return [SessionStarted(), *(SlotSet(name, value) for name, value in keep.items()),
                ActionExecuted("action_listen")]
