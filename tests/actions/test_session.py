"""action_session_start: a new case keeps nothing of the last one; any other new session keeps every slot."""
from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.session import ActionSessionStart
from bot.sessions import CASE_BOUNDARY, METADATA_SLOT
from tests.actions.conftest import make_tracker, slot_events

CASE = {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"], "biopsy": "tissue", "ecog": 1,
        "last_record_id": "r-1", "practice_case_id": "P07", "requested_slot": "histology"}
DOMAIN = {"session_config": {"carry_over_slots_to_new_session": True}}


def _start(slots: dict, domain: dict = DOMAIN) -> list[dict]:
    tracker = make_tracker("new case", intent="start_case", slots=slots)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionSessionStart().run(dispatcher, tracker, domain))
    assert dispatcher.messages == []
    assert events[0]["event"] == "session_started"
    assert events[-1] == {"event": "action", "name": "action_listen", "policy": None, "confidence": None,
                          "timestamp": None}
    return events


def test_a_new_case_keeps_only_the_client_metadata_without_the_boundary_mark():
    metadata = {"trainee_id": "t-9", CASE_BOUNDARY: "start_case"}
    carried = slot_events(_start({**CASE, METADATA_SLOT: metadata}))
    assert carried == {METADATA_SLOT: {"trainee_id": "t-9"}}


def test_an_expired_or_first_session_keeps_every_slot_as_rasa_does():
    carried = slot_events(_start({**CASE, METADATA_SLOT: {"trainee_id": "t-9"}, "compound": None}))
    assert carried == {**CASE, METADATA_SLOT: {"trainee_id": "t-9"}}


def test_without_carry_over_only_the_metadata_is_kept():
    domain = {"session_config": {"carry_over_slots_to_new_session": False}}
    assert slot_events(_start({**CASE, METADATA_SLOT: {"trainee_id": "t-9"}}, domain)) == \
        {METADATA_SLOT: {"trainee_id": "t-9"}}
