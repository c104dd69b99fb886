"""Start the Rasa server with the assistant's guards: ``python -m bot.server run …`` takes rasa's own arguments.

Rasa logs a failed custom action and carries on, so a clinician whose action server is down would get an empty
reply. Here every failed call to the action server also sends one plain sentence to the user (once per message),
and the action server's replies are validated without re-checking Rasa's fixed schema each time, events are
rebuilt without searching Rasa's event classes each time, the values of debug log lines are not deep-copied, and
a message that begins another case starts a new Rasa session first (bot/sessions.py). For throughput (issue 14,
each measured with bench/profile_conversation.py --load 20): slots are copied directly, the model's graph runs node
by node without dask, a tracker's states are computed once per prediction, the intent classifier's input is stacked
once, rule states are reversed once per rule, only the rules that can follow the last action are
checked, and action server calls keep their connection.
The tracker store's start-up check lives in bot.storage.stores.CheckedSQLTrackerStore (named in endpoints.yml).

Every HTTP answer carries the page's security headers (a Content-Security-Policy without inline script, no framing,
nosniff, no referrer); a path with a NUL answers 400 and the Rasa version is shown only with the token. The token
comes from RASA_AUTH_TOKEN, not the command line, so `ps` does not show it.
"""
from __future__ import annotations

import asyncio
import copy
import copyreg
import hmac
import os
import sys
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import Any

ACTIONS_DOWN = ("I can't reach the part of the assistant that computes recommendations (the action server is not "
                "answering). Nothing you told me is lost: please try again in a minute, or tell the team running "
                "this service.")


def install_action_failure_reply() -> None:
    """Wrap RemoteAction.run so that a failure the user would not see becomes a sentence they do see."""
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
    from rasa.shared.exceptions import RasaException

    if getattr(RemoteAction.run, "_tells_user", False):
        return
    original = RemoteAction.run

    async def run(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> Any:
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except RasaException:
            if not getattr(output_channel, "_told_actions_down", False):
                output_channel._told_actions_down = True
                await output_channel.send_text_message(tracker.sender_id, ACTIONS_DOWN)
            raise

    run._tells_user = True  # type: ignore[attr-defined]
    RemoteAction.run = run  # type: ignore[method-assign]


def install_cached_response_validation() -> None:
    """Check action-server replies against Rasa's response schema with validators built once.

    Rasa calls `jsonschema.validate(result, schema)` for every custom action, and jsonschema 4.17 checks the (fixed)
    schema against its meta-schema on every call: about 55 ms of CPU per action, most of a turn's cost here
    (measured with cProfile; see bench/conversation.py). The schema's events are a `oneOf` over Rasa's 23 event
    types, so every event was still tried against all 23 (5% of a turn's CPU, bench/profile_conversation.py); each
    type's schema requires its own `event` name, so only the one the event names can match, and each event is
    checked against that one. The replies are checked exactly as before; an event naming no known type is checked
    against the whole `oneOf`, for Rasa's own message."""
    from jsonschema import Draft7Validator, ValidationError
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    if getattr(RemoteAction._validate_action_result, "_cached", False):
        return
    schema = RemoteAction.action_response_format_spec()
    Draft7Validator.check_schema(schema)  # the schema uses nothing newer than draft 7, whose validator is cheaper
    event_schema = schema["properties"]["events"]["items"]
    each_event = {k: v for k, v in event_schema.items() if k != "oneOf"}
    by_type = {sub["properties"]["event"]["const"]: Draft7Validator({**each_event, "allOf": [sub]})
               for sub in event_schema["oneOf"]}
    if len(by_type) != len(event_schema["oneOf"]):
        raise RuntimeError("Rasa's event schema changed: each event type no longer has an event name of its own")
    envelope = Draft7Validator({**schema, "properties": {**schema["properties"], "events": {"type": "array"}}})
    any_event = Draft7Validator(event_schema)

    def validate(self: RemoteAction, result: Any) -> bool:
        try:
            envelope.validate(result)
            for event in result.get("events") or []:
                kind = event.get("event") if isinstance(event, dict) else None
                validator = by_type.get(kind) if isinstance(kind, str) else None
                (validator or any_event).validate(event)
            return True
        except ValidationError as e:
            e.message += (". Failed to validate Action server response from API, make sure your response from the "
                          f"Action endpoint is valid. For more information about the format visit "
                          f"{DOCS_BASE_URL}/custom-actions")
            raise e

    validate._cached = True  # type: ignore[attr-defined]
    RemoteAction._validate_action_result = validate  # type: ignore[method-assign]


def install_event_type_cache() -> None:
    """Look up an event's class by its type name once, not by walking Event's subclass tree for every event.

    Rasa rebuilds every event of the session from JSON on each turn (the tracker store load, and the events each
    custom action returns), and `Event.resolve_by_type` walks all of Event's subclasses recursively, with an
    `inspect.isabstract` check on each, for every single event: 14% of a turn's CPU in a short conversation and 36%
    by message 150 (cProfile, bench/profile_conversation.py). The first lookup of each name is Rasa's own; a name it
    does not know still goes to Rasa (a default or the error), so only found classes are remembered."""
    from rasa.shared.core.events import Event

    if getattr(Event.resolve_by_type, "_cached", False):
        return
    original = Event.resolve_by_type
    found: dict[str, type] = {}

    def resolve_by_type(type_name: str, default: Any = None) -> Any:
        cls = found.get(type_name)
        if cls is None:
            cls = original(type_name, default)
            if cls is not None and cls is not default:
                found[type_name] = cls
        return cls

    resolve_by_type._cached = True  # type: ignore[attr-defined]
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign]


def install_log_arguments_uncopied() -> None:
    """Stop deep-copying the values of debug log lines that are never written.

    In these three Rasa modules every `copy.deepcopy` is an argument of a `structlogger.debug(...)` call (events,
    states, parse data), evaluated on every turn whatever the log level: 6% of the Rasa server's CPU per turn
    (cProfile, bench/profile_conversation.py). structlog renders a line when it is logged, so the copy protects
    nothing; the modules get a `copy` whose deepcopy hands the value over as it is."""
    import copy
    import types

    from rasa.core import processor
    from rasa.core.policies import memoization, rule_policy

    uncopied = types.SimpleNamespace(deepcopy=lambda value, memo=None: value)
    for module in (processor, rule_policy, memoization):
        if module.copy is copy:
            module.copy = uncopied  # type: ignore[assignment]


def install_fast_slot_copy() -> None:
    """Copy a slot as `copy.copy` does, without its generic protocol (reduce, copyreg, reconstruct).

    Every tracker Rasa builds copies each domain slot (`DialogueStateTracker.__init__`), and a turn builds about ten:
    each policy replays the session on a fresh copy to compute its states. With 39 slots that generic copy was
    about 8% of the Rasa server's CPU under 20 clinicians (bench/profile_conversation.py --load 20). For an
    instance with a plain `__dict__` and no `__setstate__` (every Slot class of Rasa 3.6), `copy.copy` makes a new
    object of the same class and updates its `__dict__` with the original's (Slot's base ABC declares an empty
    `__slots__`, which adds no state): the same, done directly."""
    from rasa.shared.core.slots import Slot

    if "__copy__" in Slot.__dict__:
        return

    plain: dict[type, bool] = {}

    def __copy__(self: Slot) -> Slot:
        cls = type(self)
        if cls not in plain:
            plain[cls] = (getattr(cls, "__setstate__", None) is None and not copyreg._slotnames(cls)  # type: ignore
                          and cls.__reduce_ex__ is object.__reduce_ex__ and cls.__reduce__ is object.__reduce__)
        if not plain[cls]:  # a slot class with a copy protocol of its own: copy.copy's generic path
            return copy._reconstruct(self, None, *self.__reduce_ex__(4))  # type: ignore[attr-defined]
        new = cls.__new__(cls)
        new.__dict__.update(self.__dict__)
        return new

    Slot.__copy__ = __copy__  # type: ignore[attr-defined]


def install_sequential_graph_runner() -> None:
    """Run the model's graph (NLU for each message, the policies for each prediction) node by node, without dask.

    Rasa hands each run to `dask.get`, which for our chains of 5-9 nodes spends as much again on scheduling (graph
    ordering, task bookkeeping, per-run minimal schema) as a policy takes to predict: about 8% of the Rasa server's
    CPU under 20 clinicians (bench/profile_conversation.py --load 20). Here the nodes a set of targets needs are put
    in dependency order once per set of targets, and each run calls them in that order with what dask would give
    them: each need's `(node name, output)`, an input as `(name, value)`, an unknown name as the bare name. Outputs,
    errors (a RuntimeError becomes Rasa's GraphRunError) and the input-name check are Rasa's."""
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    if getattr(DaskGraphRunner.run, "_sequential", False):
        return

    def plan(self: DaskGraphRunner, targets: tuple[str, ...]) -> list[tuple[str, Any, tuple[str, ...]]]:
        plans = self.__dict__.setdefault("_sequential_plans", {})
        if targets not in plans:
            schema = self._graph_schema.minimal_graph_schema(list(targets))
            order: list[str] = []

            def visit(name: str, path: tuple[str, ...]) -> None:
                if name in order or name not in schema.nodes:
                    return
                if name in path:
                    raise GraphRunError(f"the graph has a cycle through '{name}'")
                for need in schema.nodes[name].needs.values():
                    visit(need, (*path, name))
                order.append(name)

            for target in targets:
                visit(target, ())
            plans[targets] = [(name, self._instantiated_nodes[name], tuple(schema.nodes[name].needs.values()))
                              for name in order]
        return plans[targets]

    def run(self: DaskGraphRunner, inputs: dict[str, Any] | None = None,
            targets: list[str] | None = None) -> dict[str, Any]:
        run_targets = tuple(targets if targets else self._graph_schema.target_names)
        steps = plan(self, run_targets)
        values: dict[str, Any] = {}
        if inputs:
            self._add_inputs_to_graph(inputs, {name: None for name, _, _ in steps})  # Rasa's name-clash check
            values.update((name, (name, value)) for name, value in inputs.items())
        try:
            for name, node, needs in steps:
                values[name] = node(*(values.get(need, need) for need in needs))
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e
        return dict(values[target] if target in values else target for target in run_targets)

    run._sequential = True  # type: ignore[attr-defined]
    DaskGraphRunner.run = run  # type: ignore[method-assign]


def install_states_per_tracker_cache() -> None:
    """Compute a tracker's dialogue states once per set of arguments while its events stay the same.

    Computing states copies the tracker and applies every event of the session again (15% of the Rasa server's CPU
    under 20 clinicians, bench/profile_conversation.py --load 20), and right after a user message RulePolicy asks
    twice with the same arguments (reading the message's text, then its intent): about one call in six of a turn
    (276 of 1,564 in that profile) is such a repeat. The states depend
    only on the domain, the tracker's events and the arguments, so the second call gets a copy of the first's
    states (callers change the states they get: each gets its own dicts). Only the last tracker asked about is
    remembered (policies run one prediction at a time); a new event, another tracker or domain, or other arguments
    compute afresh."""
    from rasa.shared.core.domain import Domain

    if getattr(Domain.states_for_tracker_history, "_cached", False):
        return
    original = Domain.states_for_tracker_history
    last_tracker: list = [None, None, 0, None, []]  # tracker (weak), domain, event count, last event, computed

    def states_for_tracker_history(self: Domain, tracker: Any, omit_unset_slots: bool = False,
                                   ignore_rule_only_turns: bool = False,
                                   rule_only_data: dict[str, Any] | None = None) -> list:
        events = tracker.events
        last = events[-1] if events else None  # held below, so its identity stays meaningful
        known_tracker, domain, count, last_event, computed = last_tracker
        if known_tracker is None or known_tracker() is not tracker or domain is not self or count != len(events) \
                or last_event is not last:
            computed = []
            last_tracker[:] = [weakref.ref(tracker), self, len(events), last, computed]
        arguments = (omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        for known, states in computed:
            if known == arguments:
                break
        else:
            states = original(self, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
            computed.append((copy.deepcopy(arguments), states))
        return [{part: dict(values) for part, values in state.items()} for state in states]

    states_for_tracker_history._cached = True  # type: ignore[attr-defined]
    Domain.states_for_tracker_history = states_for_tracker_history  # type: ignore[method-assign]


KEPT_ALIVE_SECONDS = 2.0  # below Sanic's 5 s keep-alive on the action server: we drop an idle connection first
kept_sessions: "weakref.WeakSet[Any]" = weakref.WeakSet()


def install_kept_alive_endpoint_sessions() -> None:
    """Keep one HTTP client session (and its connections) per endpoint and event loop, instead of one per call.

    Rasa's `EndpointConfig.request` opens a new aiohttp session, and so a new TCP connection, for every call to
    the action server (two or three per turn), and the action server sets up a connection for each: about 5% of
    the two servers' CPU under 20 clinicians (bench/profile_conversation.py --load 20). `session()` now hands out a
    session kept for this endpoint in this event loop, made as Rasa makes it (its headers, basic auth and
    timeout), whose `async with` does not close it; requests are unchanged. An idle connection is dropped after
    KEPT_ALIVE_SECONDS, before the action server would close it, so a request never starts on a connection being
    closed; a dead one is replaced by aiohttp. The sessions are closed when the server stops (guard_app)."""
    import aiohttp
    from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
    from rasa.utils.endpoints import EndpointConfig

    if getattr(EndpointConfig.session, "_kept", False):
        return
    original = EndpointConfig.session

    class Kept:
        """`async with` over a kept session: enter gives it, leaving keeps it open."""

        def __init__(self, session: aiohttp.ClientSession):
            self.session = session

        async def __aenter__(self) -> aiohttp.ClientSession:
            return self.session

        async def __aexit__(self, *exc: object) -> None:
            return None

    def session(self: EndpointConfig) -> Any:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop to keep it in: Rasa's own, closed by its `async with`
            return original(self)
        kept = self.__dict__.setdefault("_kept_sessions", weakref.WeakKeyDictionary())
        current = kept.get(loop)
        if current is None or current.closed:
            auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) \
                if self.basic_auth else None  # as Rasa's session(), on a connector keeping connections briefly
            current = aiohttp.ClientSession(headers=self.headers, auth=auth,
                                            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
                                            connector=aiohttp.TCPConnector(limit=0,
                                                                           keepalive_timeout=KEPT_ALIVE_SECONDS))
            kept[loop] = current
            kept_sessions.add(current)
        return Kept(current)

    session._kept = True  # type: ignore[attr-defined]
    EndpointConfig.session = session  # type: ignore[method-assign]


async def close_kept_sessions() -> None:
    for session in list(kept_sessions):
        if not session.closed and session._loop is asyncio.get_running_loop():
            await session.close()


def install_direct_intent_features() -> None:
    """Build the intent classifier's input row from the message's sentence features in one stacking step.

    Rasa's LogisticRegressionClassifier asks the message for its combined sparse features, which deep-copies and
    stacks the sequence features too (the classifier drops them), stacks the sentence features pairwise, converts,
    stacks again with an empty dense part and once more over the single message: 60% of the classifier's time
    and about 4% of the Rasa server's CPU under 20 clinicians (bench/profile_conversation.py --load 20). Here the
    sentence features of each featurizer are stacked once, with the same empty part (so the values, order and
    dtype are Rasa's); a message with dense features, which our pipeline never makes, goes Rasa's way."""
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
    from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
    from scipy.sparse import csr_matrix, hstack, vstack

    if getattr(LogisticRegressionClassifier._create_X, "_direct", False):
        return
    original = LogisticRegressionClassifier._create_X

    def create_x(self: LogisticRegressionClassifier, messages: list) -> Any:
        if any(f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE and f.is_dense()
               for message in messages for f in message.features):
            return original(self, messages)
        rows = [hstack([*(f.features for f in message.features if f.attribute == TEXT
                          and f.type == FEATURE_TYPE_SENTENCE and f.is_sparse()), csr_matrix([])], format="csr")
                for message in messages]
        return rows[0] if len(rows) == 1 else vstack(rows)

    create_x._direct = True  # type: ignore[attr-defined]
    LogisticRegressionClassifier._create_X = create_x  # type: ignore[method-assign]


def install_rule_states_parsed_once() -> None:
    """Keep each rule's states in the order RulePolicy checks them, instead of reversing a copy on every check.

    For every prediction RulePolicy checks each of its rules against each state of the session
    (`_is_rule_applicable`, about 150,000 calls per 300 turns), and each check reversed the rule's parsed states
    into a new list. The reversed list is now made once per rule; the checks are Rasa's."""
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.shared.core.constants import PREVIOUS_ACTION

    if getattr(RulePolicy._is_rule_applicable, "_reversed_once", False):
        return
    reversed_states: dict[str, list] = {}

    def is_rule_applicable(self: RulePolicy, rule_key: str, turn_index: int, conversation_state: Any) -> bool:
        rule_states = reversed_states.get(rule_key)
        if rule_states is None:
            rule_states = reversed_states[rule_key] = list(reversed(self._rule_key_to_state(rule_key)))
        if turn_index >= len(rule_states):
            return True
        current_previous_action = conversation_state.get(PREVIOUS_ACTION)
        rule_previous_action = rule_states[turn_index].get(PREVIOUS_ACTION)
        if not rule_previous_action and not current_previous_action:
            return True
        if not rule_previous_action or not current_previous_action:
            return False
        return self._does_rule_match_state(rule_states[turn_index], conversation_state)

    is_rule_applicable._reversed_once = True  # type: ignore[attr-defined]
    RulePolicy._is_rule_applicable = is_rule_applicable  # type: ignore[method-assign]


def install_rules_indexed_by_last_action() -> None:
    """Check only the rules whose last step can follow the conversation's last action.

    For each prediction RulePolicy checks every rule (about 160) against the conversation's last state, and nearly
    all fail there because they follow another action: 10% of the Rasa server's CPU under 20 clinicians
    (bench/profile_conversation.py --load 20). A rule whose last state names a previous action (a real name, not
    "should not be set") that differs from the conversation's last previous action fails that first check, by
    Rasa's own comparison; so the rules are grouped once by that name, and only the conversation's group and the
    rules naming no such action go through Rasa's checks, in Rasa's loop. A conversation state without a previous
    action name (its start) checks every rule."""
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET
    from rasa.shared.nlu.constants import ACTION_NAME

    if getattr(RulePolicy._get_possible_keys, "_indexed", False):
        return
    original = RulePolicy._get_possible_keys
    indexes: dict[int, tuple[Any, frozenset, dict[str, set], set]] = {}

    def follows(self: RulePolicy, key: str) -> str | None:
        last = (self._rule_key_to_state(key) or [{}])[-1]
        name = (last.get(PREVIOUS_ACTION) or {}).get(ACTION_NAME)
        return name if isinstance(name, str) and name and name != SHOULD_NOT_BE_SET else None

    def index(self: RulePolicy, lookup: dict) -> tuple[dict[str, set], set]:
        keys = frozenset(lookup)
        known = indexes.get(id(lookup))
        if known is None or known[0] is not lookup or known[1] != keys:
            by_name: dict[str, set] = {}
            other: set = set()
            for key in keys:
                name = follows(self, key)
                (by_name.setdefault(name, set()) if name else other).add(key)
            known = indexes[id(lookup)] = (lookup, keys, by_name, other)
        return known[2], known[3]

    def get_possible_keys(self: RulePolicy, lookup: dict, states: list) -> set:
        name = (states[-1].get(PREVIOUS_ACTION) or {}).get(ACTION_NAME) if states else None
        if not isinstance(name, str) or not name:
            return original(self, lookup, states)
        by_name, other = index(self, lookup)
        candidates = by_name.get(name, set()) | other
        return original(self, {key: lookup[key] for key in candidates}, states)

    get_possible_keys._indexed = True  # type: ignore[attr-defined]
    RulePolicy._get_possible_keys = get_possible_keys  # type: ignore[method-assign]


def install_session_per_case() -> None:
    """Start a new Rasa session before a message that begins another case (bot/sessions.py: why, and what it keeps).

    Rasa starts a session before logging a message only for the first message and after a long pause. Here the
    message is read first; if it begins a case and the current session already holds a user message, a session is
    started as Rasa starts one (an action_session_start step, session_started, the kept slots, action_listen), in
    this process: a new case costs no call to the action server and works while that server is down. The message
    is then logged in the new session and the rules answer it as before, also those that depend on what the bot
    said last."""
    from rasa.core.actions.action import ActionSessionStart
    from rasa.core.policies.policy import PolicyPrediction
    from rasa.core.processor import MessageProcessor
    from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
    from rasa.shared.core.constants import SESSION_START_METADATA_SLOT
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered

    from bot.sessions import CASE_STARTS, carried_slots

    if getattr(MessageProcessor._handle_message_with_tracker, "_per_case", False):
        return
    original = MessageProcessor._handle_message_with_tracker

    class NewCaseSessionStart(ActionSessionStart):
        async def run(self, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> list:
            kept = carried_slots(tracker.current_slot_values())
            answered = answered_action(tracker, domain)
            return [SessionStarted(), *(SlotSet(name, value) for name, value in kept.items()),
                    *([ActionExecuted(answered)] if answered else []), ActionExecuted(ACTION_LISTEN_NAME)]

    def answered_action(tracker: Any, domain: Any) -> str | None:
        """What the bot did just before this message, which rules may read it by ("next case" after "Another
        case?" is the next practice case): repeated at the start of the new session. A form is not repeated: the
        new case's form starts afresh."""
        for event in reversed(tracker.events):
            if isinstance(event, SessionStarted):
                return None
            if isinstance(event, ActionExecuted) and event.action_name != ACTION_LISTEN_NAME:
                return None if event.action_name in domain.form_names else event.action_name
        return None

    def session_has_spoken(tracker: Any) -> bool:
        for event in reversed(tracker.events):
            if isinstance(event, UserUttered):
                return True
            if isinstance(event, SessionStarted):
                return False
        return False

    async def handle(self: MessageProcessor, message: Any, tracker: Any) -> None:
        if not message.parse_data:
            message.parse_data = await self.parse_message(message, tracker)
        if (message.parse_data.get("intent") or {}).get("name") in CASE_STARTS and session_has_spoken(tracker):
            if message.metadata:  # as Rasa does before its own session start
                tracker.update(SlotSet(SESSION_START_METADATA_SLOT, message.metadata), self.domain)
            await self._run_action(NewCaseSessionStart(), tracker, message.output_channel, self.nlg,
                                   PolicyPrediction.for_action_name(self.domain, ACTION_SESSION_START_NAME))
        await original(self, message, tracker)

    handle._per_case = True  # type: ignore[attr-defined]
    MessageProcessor._handle_message_with_tracker = handle  # type: ignore[method-assign]


def install_parse_off_the_loop() -> None:
    """Run NLU (tokenising, the clinical extractor, features, the intent classifier) in one worker thread.

    Rasa parses a message synchronously inside its event loop, so a message built to be expensive (thousands of
    mutation names: every finding is compared with the others) held every other clinician for about a second. In a
    thread, the interpreter hands the loop its turn every few milliseconds; one worker keeps the components'
    per-message caches single-threaded. bench/event_loop.py measures the longest hold."""
    from rasa.core.processor import MessageProcessor

    if getattr(MessageProcessor.parse_message, "_off_the_loop", False):
        return
    original = MessageProcessor.parse_message
    worker_loop: list[asyncio.AbstractEventLoop] = []  # the worker's own loop, made once (not one per message)
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlu",
                                initializer=lambda: worker_loop.append(asyncio.new_event_loop()))

    async def parse_message(self: MessageProcessor, message: Any, tracker: Any = None,
                            only_output_properties: bool = True) -> Any:
        if self.http_interpreter:
            return await original(self, message, tracker, only_output_properties)
        return await asyncio.get_running_loop().run_in_executor(
            worker, lambda: worker_loop[0].run_until_complete(
                original(self, message, tracker, only_output_properties)))

    parse_message._off_the_loop = True  # type: ignore[attr-defined]
    MessageProcessor.parse_message = parse_message  # type: ignore[method-assign]


SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                                "form-action 'self'; frame-ancestors 'none'"),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
VERSION_PATHS = ("/", "/version")


def guard_app(app: Any, token: str | None) -> None:
    """Refuse what the routes would answer with a 500 or a version string; add the security headers; close the
    kept client sessions (install_kept_alive_endpoint_sessions) when the server stops."""
    from sanic import response

    @app.on_request
    async def refuse(request: Any) -> Any:
        if "\x00" in request.path or b"%00" in request.raw_url:
            return response.json({"error": "a path cannot contain a NUL character"}, status=400)
        if request.path in VERSION_PATHS and not (token and hmac.compare_digest(
                str(request.args.get("token", "")).encode(), token.encode())):
            return response.json({"error": "this needs the HTTP API token (?token=...)"}, status=401)
        return None

    @app.on_response
    async def headers(_request: Any, resp: Any) -> None:
        for name, value in SECURITY_HEADERS.items():
            resp.headers.setdefault(name, value)

    @app.listener("after_server_stop")
    async def close_sessions(_app: Any, _loop: Any) -> None:
        await close_kept_sessions()


def install_http_guards() -> None:
    """Have Rasa's app factory hand every app it builds to guard_app."""
    import inspect

    import rasa.core.run

    if getattr(rasa.core.run.configure_app, "_guarded", False):
        return
    original = rasa.core.run.configure_app
    signature = inspect.signature(original)

    def configure_app(*args: Any, **kwargs: Any) -> Any:
        app = original(*args, **kwargs)
        guard_app(app, signature.bind(*args, **kwargs).arguments.get("auth_token"))
        return app

    configure_app._guarded = True  # type: ignore[attr-defined]
    rasa.core.run.configure_app = configure_app


def rasa_arguments(argv: list[str], env: dict[str, str]) -> list[str]:
    """Rasa's command line, with ``--auth-token`` taken from RASA_AUTH_TOKEN when the caller did not give one:
    this process's argument list is visible to every user of the machine, its environment is not."""
    if env.get("RASA_AUTH_TOKEN") and argv and argv[0] == "run" \
            and not any(a.startswith("--auth-token") for a in argv):
        return [*argv, f"--auth-token={env['RASA_AUTH_TOKEN']}"]  # "=": a token may start with "-"
    return argv


def install_patches() -> None:
    """The changes to Rasa's message handling above, for `python -m bot.server` and for anything running Rasa's
    agent in-process (bench/profile_conversation.py)."""
    install_action_failure_reply()
    install_cached_response_validation()
    install_event_type_cache()
    install_log_arguments_uncopied()
    install_parse_off_the_loop()
    install_session_per_case()
    install_fast_slot_copy()
    install_sequential_graph_runner()
    install_states_per_tracker_cache()
    install_kept_alive_endpoint_sessions()
    install_direct_intent_features()
    install_rule_states_parsed_once()
    install_rules_indexed_by_last_action()


def main(argv: list[str] | None = None) -> None:
    from bot.profiling import profile_process_if_asked

    profile_process_if_asked()  # only with ALKBOT_PROFILE set (bot/profiling.py)
    install_patches()
    install_http_guards()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *rasa_arguments(sys.argv[1:] if argv is None else argv, dict(os.environ))]
    rasa_main()


if __name__ == "__main__":
    main()
