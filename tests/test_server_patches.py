"""bot.server's changes to Rasa internals keep Rasa's behaviour (their effect on speed is in bench/)."""
from __future__ import annotations

import pytest


def test_event_classes_are_found_as_rasa_finds_them():
    import rasa.shared.utils.common
    from rasa.shared.core.events import Event, SlotSet

    from bot.server import install_event_type_cache

    install_event_type_cache()
    classes = rasa.shared.utils.common.all_subclasses(Event)
    assert classes
    for _ in range(2):  # the first lookup fills the cache, the second reads it
        for cls in classes:
            first = next(c for c in classes if c.type_name == cls.type_name)
            assert Event.resolve_by_type(cls.type_name) is first
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", SlotSet) is SlotSet
    with pytest.raises(ValueError):
        Event.resolve_by_type("no_such_event")


def test_a_new_case_keeps_only_what_bot_sessions_names():
    from bot.sessions import carried_slots

    slots = {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R"], "last_record_id": "r-1",
             "practice_case_id": "P07", "requested_slot": "ecog", "session_started_metadata": {"trainee_id": "t-9"},
             "compound": None}
    assert carried_slots(slots) == {"session_started_metadata": {"trainee_id": "t-9"}}
