"""A card link's case written into the clinician page's own conversation, so the chat goes on with it: "why?",
a what-if or a correction then work on the record's case exactly as on a case the clinician typed.

The case is written as Rasa events (one SlotSet per case field, and the slots the actions read to know the case
was answered), never re-read from text: the mapped case is what the conversation holds. The write goes through the
agent's tracker store under the lock store's lock, as Rasa's own `PUT /conversations/{id}/tracker/events` does, so
it cannot interleave with a message being handled in the same conversation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa.core.agent import Agent
from rasa.server import update_conversation_with_events
from rasa.shared.core.events import ActiveLoop, Event, SlotSet

from bot.decision import FIELDS


def linked_case(case: Mapping[str, Any]) -> dict[str, Any]:
    """The case as the conversation reads it back from its slots (known fields only), so the actions find the
    answered case unchanged."""
    return {name: case[name] for name in FIELDS if case.get(name) is not None}


def case_events(case: Mapping[str, Any], record_id: str | None) -> list[Event]:
    """Events that replace the conversation's case with ``case`` and mark it answered (its audit record is the
    card's, so the page's feedback buttons rate that recommendation). Any form in progress is stopped."""
    held = linked_case(case)
    values: dict[str, Any] = {
        **{name: held.get(name) for name in FIELDS},
        "case_skipped": [],
        "case_failures": 0,
        "last_record_id": record_id,
        "answered_case": held,
        "awaiting_reason": False,
        "requested_slot": None,
    }
    return [ActiveLoop(None)] + [SlotSet(name, value) for name, value in values.items()]


async def write_case(agent: Agent, session_id: str, case: Mapping[str, Any], record_id: str | None) -> None:
    """Append the case to ``session_id``'s tracker (created, with its session start, when new)."""
    assert agent.processor is not None and agent.domain is not None  # a loaded agent (the server's) has both
    async with agent.lock_store.lock(session_id):
        tracker = await update_conversation_with_events(
            session_id, agent.processor, agent.domain, case_events(case, record_id)
        )
        await agent.tracker_store.save(tracker)
