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
             "practice_session": {"seen": ["P07"], "results": []}, "compound": None}
    assert carried_slots(slots) == {"session_started_metadata": {"trainee_id": "t-9"},
                                    "practice_session": {"seen": ["P07"], "results": []}}


REPLIES = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "ecog", "value": 1, "timestamp": None},
                {"event": "active_loop", "name": None}, {"event": "session_started"},
                {"event": "action", "name": "action_listen", "policy": None, "confidence": None}],
     "responses": [{"text": "hi", "custom": {"case": {}}}]},
    {"events": [{"event": "slot", "value": 1}]},                 # a slot event without its name
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"event": ["slot"]}]},
    {"events": [{"name": "x"}]},
    {"events": ["slot"]},
    {"events": None},
    {"events": [{"event": "slot", "name": "x", "timestamp": "yesterday"}]},
    {"responses": ["text"]},
    [],
]


@pytest.mark.parametrize("reply", REPLIES)
def test_action_replies_are_accepted_and_refused_as_rasa_does(reply):
    import jsonschema
    from rasa.core.actions.action import RemoteAction

    from bot.server import install_cached_response_validation

    try:
        jsonschema.validate(reply, RemoteAction.action_response_format_spec())
        expected = True
    except jsonschema.ValidationError:
        expected = False
    install_cached_response_validation()
    try:
        got = RemoteAction._validate_action_result(None, reply)
    except jsonschema.ValidationError:
        got = False
    assert got == expected


def test_rasa_deep_copies_only_debug_log_values_where_the_copy_is_dropped():
    """install_log_arguments_uncopied is right only while every copy.* use in those modules is a deepcopy inside
    a structlogger.debug(...) call: a Rasa upgrade that copies for another reason makes this fail."""
    import ast
    import inspect

    from rasa.core import processor
    from rasa.core.policies import memoization, rule_policy

    for module in (processor, rule_policy, memoization):
        tree = ast.parse(inspect.getsource(module))
        in_debug = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "structlogger.debug":
                in_debug |= {id(n) for n in ast.walk(node)}
        uses = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and ast.unparse(n.value) == "copy"]
        assert uses, module.__name__
        for use in uses:
            assert use.attr == "deepcopy" and id(use) in in_debug, f"{module.__name__}:{use.lineno}"


def test_debug_log_values_are_handed_over_uncopied():
    from rasa.core import processor

    from bot.server import install_log_arguments_uncopied

    install_log_arguments_uncopied()
    value = {"events": [1, 2]}
    assert processor.copy.deepcopy(value) is value
