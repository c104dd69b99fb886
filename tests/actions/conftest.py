"""Trackers built from JSON-like fixtures, as the RasaHQ financial-demo tests do, and a dispatcher to read."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.nlu.extractor import load


def make_tracker(text: str = "", intent: str = "inform", slots: dict[str, Any] | None = None,
                 active_loop: str | None = None, events: list[dict[str, Any]] | None = None,
                 entities: list[dict[str, Any]] | None = None, sender: str = "clinician-1",
                 message_id: str = "m1") -> Tracker:
    """A tracker whose latest message is ``text``, with entities from the real extractor unless given."""
    if entities is None:
        entities = [{"entity": e.entity, "value": e.value, "start": e.start, "end": e.end,
                     **({"role": e.role} if e.role else {})} for e in load().entities(text)]
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities,
               "message_id": message_id}
    user_event = {"event": "user", "text": text, "parse_data": message}
    return Tracker(sender, slots or {}, message, (events or []) + [user_event], False, None,
                   {"name": active_loop} if active_loop else {}, "action_listen")


def run(action, tracker: Tracker) -> tuple[list[dict], CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return events, dispatcher


def slot_events(events: list[dict]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.fixture(autouse=True)
def isolated_storage(tmp_path, monkeypatch):
    """Each test gets its own audit and practice databases."""
    monkeypatch.setenv("AUDIT_DB_URL", f"sqlite:///{tmp_path / 'audit.db'}")
    monkeypatch.setenv("AUDIT_SPOOL_DIR", str(tmp_path / "spool"))
    import actions.shared
    import bot.storage.practice
    monkeypatch.setattr(actions.shared, "_audit", None)
    monkeypatch.setattr(bot.storage.practice, "_shared", None)
