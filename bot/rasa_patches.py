"""Every change this project makes to Rasa's private code, in one place, for the one Rasa version it was read against.

Each patch below replaces or wraps something Rasa does not offer as an extension point, so a Rasa upgrade can
silently break it: importing this module refuses any Rasa other than RASA_VERSION (the version pinned in
requirements.lock). After an upgrade, re-read each patched function in the new Rasa, adjust, then change
RASA_VERSION; tests/test_rasa_patches.py checks each patch against Rasa's own behaviour.

`apply()` installs them all, once (each install is idempotent). It runs when Rasa imports any of our classes that its
configuration names, so `rasa run`, `rasa shell`, `rasa test`, `rasa train` and `python -m bot.server` get the same
Rasa: the channels (credentials.yml, imported before Rasa builds its web app), the tracker and lock stores
(endpoints.yml, imported before the agent is built) and the NLU components (config.yml, imported when a model
loads). `applied()` says which are in place.

The patches, what each changes and why:
- action_failure_reply (RemoteAction.run): when the action server cannot be reached or fails, the user gets one
  plain sentence (ACTIONS_DOWN) instead of Rasa's silence; Rasa only logs the failure.
- cached_response_validation (RemoteAction._validate_action_result): the action server's reply is checked against
  Rasa's response schema with validators built once, each event against the schema of the type it names; Rasa
  re-checked the fixed schema against its meta-schema on every call (about 55 ms of CPU per custom action).
- event_type_cache (Event.resolve_by_type): an event's class is looked up by its type name once; Rasa walks Event's
  subclass tree for every event of every turn (14 % of a turn's CPU early, 36 % by message 150).
- log_arguments_uncopied (`copy` in rasa.core.processor, rule_policy, memoization): the values of debug log lines
  are not deep-copied when nothing logs them (6 % of a turn's CPU).
- parse_off_the_loop (MessageProcessor.parse_message): NLU runs in one worker thread, so one expensive message does
  not hold every other conversation's event loop (bench/event_loop.py).
- session_per_case (MessageProcessor._handle_message_with_tracker): a message that begins another case starts a new
  Rasa session first (bot/sessions.py), so a turn loads and replays the current case only.
- http_guards (rasa.core.run.configure_app): every app Rasa builds refuses a path with a NUL, shows its version only
  with the token, and sends the page's security headers (CSP without inline script, no framing, nosniff, no
  referrer).
- action_endpoint_from_environment (Agent.__init__): the action endpoint's URL comes from ACTION_SERVER_URL when set
  (the launcher's port), and every call carries the action server's secret (X-Action-Secret, from
  ACTION_SERVER_SECRET or var/action_server_secret.key, bot.storage.config.secret), so endpoints.yml names no
  variable that a plain shell lacks: Rasa's `${VAR}` expansion has no defaults and refuses an unset variable.
- data_search_skips_tool_folders (rasa.shared.data._find_data_files_in_directory): Rasa's search for training and
  test files skips hidden folders and tool folders (NOT_DATA_FOLDERS). Plain `rasa test` looks for test stories in
  the whole project (".", following links), so it read Rasa's own example stories inside .venv and failed on them,
  and would read mutmut's copy of tests/ in mutants/.
- For throughput (issue 14, each measured with bench/profile_conversation.py --load 20; each function's docstring
  gives its share of the Rasa server's CPU before): fast_slot_copy (Slot.__copy__: a slot copied directly, the same
  result as copy.copy), sequential_graph_runner (DaskGraphRunner.run: the model's graph run node by node in
  dependency order, without dask's scheduling), states_per_tracker_cache (Domain.states_for_tracker_history: a
  tracker's states computed once per prediction while its events stay the same), kept_alive_endpoint_sessions
  (EndpointConfig.session: one HTTP session kept per endpoint and event loop instead of a new connection per action
  call; closed when the server stops), direct_intent_features (LogisticRegressionClassifier._create_X: the
  classifier's input stacked once), rule_states_parsed_once (RulePolicy._is_rule_applicable: each rule's states
  reversed once) and rules_indexed_by_last_action (RulePolicy._get_possible_keys: only the rules that can follow the
  conversation's last action go through Rasa's checks). parse_off_the_loop's worker keeps one event loop.
- SQLTrackerStoreFastPaths (SQLTrackerStore._retrieve, _event_query, _additional_events; the tracker store in
  endpoints.yml, bot.storage.rasa_stores.CheckedSQLTrackerStore through bot.storage.stores, builds on it): pooled
  SQLite connections, events loaded as JSON without ORM objects, the stored event count remembered instead of
  counted, and the current session found by row id rather than by timestamp (see the class).
- refuse_to_start_without_a_model (rasa.core.run.load_agent_on_start): the server stops at start-up with a sentence
  saying what to run (`make nlu model`) when its model does not load or cannot read a message; Rasa logged the
  error and served without a model, answering every message with the failure sentence.

Not Rasa's, so not here: bot.channels.cds.JsonWithLength works around Sanic 21.12 dropping a 412's body headers.
"""

from __future__ import annotations

import asyncio
import copy
import copyreg
import hmac
import itertools
import json
import os
import weakref
from collections import OrderedDict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import rasa

RASA_VERSION = "3.6.21"  # the Rasa every patch below was read against (requirements.lock pins it)


class RasaVersionMismatch(RuntimeError):
    """The installed Rasa is not the one these patches were written for."""


def check_rasa_version(found: str | None = None) -> None:
    found = rasa.__version__ if found is None else found
    if found != RASA_VERSION:
        raise RasaVersionMismatch(
            f"bot/rasa_patches.py was written for Rasa {RASA_VERSION}, and Rasa {found} is installed: re-read each "
            f"patched function in Rasa {found} (the module's docstring lists them), adjust the patches, then change "
            f"RASA_VERSION. Or install the pinned Rasa (requirements.lock)."
        )


check_rasa_version()

import sqlalchemy as sa  # noqa: E402 - after the version check, which must fail before anything else
from rasa.core.tracker_store import SQLTrackerStore  # noqa: E402
from rasa.shared.core.events import SessionStarted  # noqa: E402
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402
from rasa.shared.nlu.constants import INTENT_NAME_KEY  # noqa: E402

from bot.storage.db import make_engine  # noqa: E402

ACTIONS_DOWN = (
    "I can't reach the part of the assistant that computes recommendations (the action server is not "
    "answering). Nothing you told me is lost: please try again in a minute, or tell the team running "
    "this service."
)


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
    by_type = {
        sub["properties"]["event"]["const"]: Draft7Validator({**each_event, "allOf": [sub]})
        for sub in event_schema["oneOf"]
    }
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
            e.message += (
                ". Failed to validate Action server response from API, make sure your response from the "
                f"Action endpoint is valid. For more information about the format visit "
                f"{DOCS_BASE_URL}/custom-actions"
            )
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
            setattr(module, "copy", uncopied)  # noqa: B010 - mypy: the module's own 'copy' is typed as the module


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
            plain[cls] = (
                getattr(cls, "__setstate__", None) is None
                and not copyreg._slotnames(cls)  # type: ignore
                and cls.__reduce_ex__ is object.__reduce_ex__
                and cls.__reduce__ is object.__reduce__
            )
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
            plans[targets] = [
                (name, self._instantiated_nodes[name], tuple(schema.nodes[name].needs.values())) for name in order
            ]
        return plans[targets]

    def run(
        self: DaskGraphRunner, inputs: dict[str, Any] | None = None, targets: list[str] | None = None
    ) -> dict[str, Any]:
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
        return dict(values.get(target, target) for target in run_targets)

    run._sequential = True  # type: ignore[attr-defined]
    run._rasa = DaskGraphRunner.run  # type: ignore[attr-defined]
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

    def states_for_tracker_history(
        self: Domain,
        tracker: Any,
        omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False,
        rule_only_data: dict[str, Any] | None = None,
    ) -> list:
        events = tracker.events
        last = events[-1] if events else None  # held below, so its identity stays meaningful
        known_tracker, domain, count, last_event, computed = last_tracker
        if (
            known_tracker is None
            or known_tracker() is not tracker
            or domain is not self
            or count != len(events)
            or last_event is not last
        ):
            computed = []
            last_tracker[:] = [weakref.ref(tracker), self, len(events), last, computed]
        arguments = (omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        states = next((found for known, found in computed if known == arguments), None)
        if states is None:
            states = original(self, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
            computed.append((copy.deepcopy(arguments), states))
        return [{part: dict(values) for part, values in state.items()} for state in states]

    states_for_tracker_history._cached = True  # type: ignore[attr-defined]
    states_for_tracker_history._rasa = original  # type: ignore[attr-defined]
    Domain.states_for_tracker_history = states_for_tracker_history  # type: ignore[method-assign]


KEPT_ALIVE_SECONDS = 2.0  # below Sanic's 5 s keep-alive on the action server: we drop an idle connection first
kept_sessions: weakref.WeakSet[Any] = weakref.WeakSet()


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
            auth = (
                aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) if self.basic_auth else None
            )  # as Rasa's session(), on a connector keeping connections briefly
            current = aiohttp.ClientSession(
                headers=self.headers,
                auth=auth,
                timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
                connector=aiohttp.TCPConnector(limit=0, keepalive_timeout=KEPT_ALIVE_SECONDS),
            )
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
        if any(
            f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE and f.is_dense()
            for message in messages
            for f in message.features
        ):
            return original(self, messages)
        rows = [
            hstack(
                [
                    *(
                        f.features
                        for f in message.features
                        if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE and f.is_sparse()
                    ),
                    csr_matrix([]),
                ],
                format="csr",
            )
            for message in messages
        ]
        return rows[0] if len(rows) == 1 else vstack(rows)

    create_x._direct = True  # type: ignore[attr-defined]
    create_x._rasa = original  # type: ignore[attr-defined]
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
    is_rule_applicable._rasa = RulePolicy._is_rule_applicable  # type: ignore[attr-defined]
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
    get_possible_keys._rasa = original  # type: ignore[attr-defined]
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
    from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME, SESSION_START_METADATA_SLOT
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered

    from bot.sessions import CASE_STARTS, carried_slots

    if getattr(MessageProcessor._handle_message_with_tracker, "_per_case", False):
        return
    original = MessageProcessor._handle_message_with_tracker

    class NewCaseSessionStart(ActionSessionStart):
        async def run(self, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> list:
            kept = carried_slots(tracker.current_slot_values())
            answered = answered_action(tracker, domain)
            return [
                SessionStarted(),
                *(SlotSet(name, value) for name, value in kept.items()),
                *([ActionExecuted(answered)] if answered else []),
                ActionExecuted(ACTION_LISTEN_NAME),
            ]

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
            await self._run_action(
                NewCaseSessionStart(),
                tracker,
                message.output_channel,
                self.nlg,
                PolicyPrediction.for_action_name(self.domain, ACTION_SESSION_START_NAME),
            )
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
    worker = ThreadPoolExecutor(
        max_workers=1, thread_name_prefix="nlu", initializer=lambda: worker_loop.append(asyncio.new_event_loop())
    )

    async def parse_message(
        self: MessageProcessor, message: Any, tracker: Any = None, only_output_properties: bool = True
    ) -> Any:
        if self.http_interpreter:
            return await original(self, message, tracker, only_output_properties)
        return await asyncio.get_running_loop().run_in_executor(
            worker, lambda: worker_loop[0].run_until_complete(original(self, message, tracker, only_output_properties))
        )

    parse_message._off_the_loop = True  # type: ignore[attr-defined]
    MessageProcessor.parse_message = parse_message  # type: ignore[method-assign]


SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


VERSION_PATHS = ("/", "/version")


def guard_app(app: Any, token: str | None) -> None:
    """Refuse what the routes would answer with a 500 or a version string; add the security headers."""
    from sanic import response

    @app.on_request
    async def refuse(request: Any) -> Any:
        if "\x00" in request.path or b"%00" in request.raw_url:
            return response.json({"error": "a path cannot contain a NUL character"}, status=400)
        if request.path in VERSION_PATHS and not (
            token and hmac.compare_digest(str(request.args.get("token", "")).encode(), token.encode())
        ):
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


def action_endpoint_from_environment(endpoint: Any) -> Any:
    """The action endpoint Rasa read from endpoints.yml, with ACTION_SERVER_URL's URL when set and the action
    server's secret in its headers (bot.action_server checks it). None stays None: no action server configured."""
    from bot.action_server import SECRET_HEADER
    from bot.storage import config

    url = os.environ.get("ACTION_SERVER_URL")
    if endpoint is None and not url:
        return None
    if endpoint is None:
        from rasa.utils.endpoints import EndpointConfig

        endpoint = EndpointConfig(url)
    endpoint = copy.copy(endpoint)
    endpoint.url = url or endpoint.url
    endpoint.headers = {**(endpoint.headers or {}), SECRET_HEADER: config.secret("ACTION_SERVER_SECRET").decode()}
    return endpoint


def install_action_endpoint_from_environment() -> None:
    """Have every Agent call the action server named by the environment, with the secret (see the module's
    docstring). Rasa builds the agent after it has imported the tracker store endpoints.yml names, so this is in
    place in time for `rasa run` and `rasa shell`."""
    import inspect

    from rasa.core.agent import Agent

    if getattr(Agent.__init__, "_from_environment", False):
        return
    original = Agent.__init__
    signature = inspect.signature(original)

    def __init__(self: Agent, *args: Any, **kwargs: Any) -> None:
        bound = signature.bind(self, *args, **kwargs)
        bound.arguments["action_endpoint"] = action_endpoint_from_environment(bound.arguments.get("action_endpoint"))
        original(*bound.args, **bound.kwargs)

    __init__._from_environment = True  # type: ignore[attr-defined]
    Agent.__init__ = __init__  # type: ignore[method-assign]


class SQLTrackerStoreFastPaths(SQLTrackerStore):
    """Rasa's SQL tracker store with four savings on every turn, measured with bench/conversation.py (the tracker
    store was 40% of the Rasa server's CPU): SQLite connections are pooled (WAL, synchronous=NORMAL) instead of
    opened per query, loading reads the events' JSON without building ORM objects, and `save` knows how
    many events the conversation had when it was loaded, instead of counting them with a query, and writes them
    with one multi-row insert. Rasa loads a conversation before every save, under the lock store's lock (Redis
    when servers share conversations), so that number is the stored one; without it, the count query runs as in
    Rasa. The current session starts at the latest session_started row by id (`_event_query`)."""

    REMEMBERED = 10_000  # conversations whose stored event count is kept

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stored: OrderedDict[str, int] = OrderedDict()
        if self.engine.dialect.name == "sqlite":
            self.engine.dispose()
            self.engine = make_engine(str(self.engine.url))
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        """As Rasa's, reading only the events' JSON column (no ORM objects to build)."""
        with self.session_scope() as session:
            rows = (
                self._event_query(session, sender_id, fetch_events_from_all_sessions)
                .with_entities(self.SQLEvent.data)
                .all()
            )
        events = [json.loads(data) for (data,) in rows]
        tracker = (
            DialogueStateTracker.from_dict(sender_id, events, self.domain.slots) if self.domain and events else None
        )
        if not fetch_events_from_all_sessions:
            self._remember(sender_id, len(tracker.events) if tracker else 0)
        return tracker

    async def save(self, tracker: Any) -> None:
        """As Rasa's (the same rows, in the same order, in one transaction), written with one multi-row insert
        instead of one ORM object flushed per event: a turn stores 5-15 events."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            rows = [self._event_row(tracker.sender_id, event) for event in self._additional_events(session, tracker)]
            if rows:
                session.execute(self.SQLEvent.__table__.insert(), rows)
            session.commit()

    @staticmethod
    def _event_row(sender_id: str, event: Any) -> dict[str, Any]:
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    def _event_query(self, session: Any, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        """As Rasa's, but the current session starts at the latest session_started row by id, not by timestamp.

        A conversation starts a session per case (bot.sessions), so this query decides what every turn loads.
        Rasa compares timestamps, which lets in rows of the session before: the session_started event an action
        returns is stamped before Rasa logs that action's own event, and two servers' clocks differ. Row ids are
        the order events were stored in, which is also the order Rasa loads them in."""
        query = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id)
        if not fetch_events_from_all_sessions:
            start = (
                session.query(sa.func.max(self.SQLEvent.id))
                .filter(self.SQLEvent.sender_id == sender_id, self.SQLEvent.type_name == SessionStarted.type_name)
                .scalar_subquery()
            )
            query = query.filter(self.SQLEvent.id >= sa.func.coalesce(start, 0))
        return query.order_by(self.SQLEvent.id)

    def _additional_events(self, session: Any, tracker: Any) -> Iterator:
        stored = self._stored.pop(tracker.sender_id, None)
        if stored is None:
            return super()._additional_events(session, tracker)
        self._remember(tracker.sender_id, len(tracker.events))
        return itertools.islice(tracker.events, stored, len(tracker.events))

    def _remember(self, sender_id: str, count: int) -> None:
        self._stored[sender_id] = count
        self._stored.move_to_end(sender_id)
        while len(self._stored) > self.REMEMBERED:
            self._stored.popitem(last=False)


NOT_DATA_FOLDERS = frozenset({"node_modules", "var", "models", "results", "mutants", "__pycache__"})


def install_data_search_skips_tool_folders() -> None:
    """Have Rasa's file search leave out hidden folders (.venv, .git) and NOT_DATA_FOLDERS (see the docstring)."""
    import rasa.shared.data as data

    if getattr(data._find_data_files_in_directory, "_skips", False):
        return

    def find(directory: str, filter_property: Any) -> set:
        found = set()
        for root, folders, files in os.walk(directory, followlinks=True):
            folders[:] = [f for f in folders if not f.startswith(".") and f not in NOT_DATA_FOLDERS]
            for name in sorted(files):  # sorted, as Rasa does, for repeatable training
                path = os.path.join(root, name)
                if data.is_valid_filetype(path) and filter_property(path):
                    found.add(path)
        return found

    find._skips = True  # type: ignore[attr-defined]
    data._find_data_files_in_directory = find


MODEL_NOT_LOADED = (
    "The Rasa server did not start: the model {model} could not be loaded{reason}. A server without its model would "
    "answer every message with the failure sentence. Run `make nlu model` (or `make run`, which does both) to rebuild "
    "the spaCy pipeline under var/nlu and retrain the model, then start the server again."
)
CANARY_MESSAGE = "alectinib, then systemic progression; tissue NGS: ALK G1202R, ECOG 1"


def install_refuse_to_start_without_a_model() -> None:
    """Have the Rasa server stop at start-up, with MODEL_NOT_LOADED, when the model it was given does not load or
    cannot read a message. Rasa logs the failure and serves anyway (rasa.core.agent.load_agent catches every
    exception), so each clinician's message got the failure sentence. Rasa registers the listener after importing the
    channels (credentials.yml), so this is in place for `rasa run` as for `python -m bot.server`. A model server
    (endpoints.yml `models:`) loads the model later: then Rasa's own behaviour is kept."""
    import rasa.core.run

    if getattr(rasa.core.run.load_agent_on_start, "_refuses", False):
        return
    original = rasa.core.run.load_agent_on_start

    async def load_agent_on_start(model_path: Any, endpoints: Any, remote_storage: Any, app: Any, loop: Any) -> Any:
        agent = await original(model_path, endpoints, remote_storage, app, loop)
        if endpoints is not None and getattr(endpoints, "model", None) is not None:
            return agent
        await check_model_loaded(agent, model_path)
        return agent

    load_agent_on_start._refuses = True  # type: ignore[attr-defined]
    rasa.core.run.load_agent_on_start = load_agent_on_start


async def check_model_loaded(agent: Any, model_path: Any) -> None:
    """Raise SystemExit (the server stops, the message is its last line) unless ``agent`` has a model that reads a
    message: a model built for other code (a stale spaCy pipeline, a featurizer of another width) fails here."""
    import logging

    reason = ""
    if agent is not None and agent.is_ready():
        try:
            await agent.parse_message(CANARY_MESSAGE)
            return
        except Exception as err:  # noqa: BLE001 - whatever stops the model reading is a reason not to serve
            reason = f" (it loaded, but reading a message failed: {type(err).__name__}: {err})"
    message = MODEL_NOT_LOADED.format(
        model=model_path or "(none given)", reason=reason or " (the error is logged above)"
    )
    logging.getLogger(__name__).critical(message)
    raise SystemExit(message)


PATCHES = {
    "action_failure_reply": install_action_failure_reply,
    "cached_response_validation": install_cached_response_validation,
    "event_type_cache": install_event_type_cache,
    "log_arguments_uncopied": install_log_arguments_uncopied,
    "parse_off_the_loop": install_parse_off_the_loop,
    "session_per_case": install_session_per_case,
    "http_guards": install_http_guards,
    "action_endpoint_from_environment": install_action_endpoint_from_environment,
    "data_search_skips_tool_folders": install_data_search_skips_tool_folders,
    "fast_slot_copy": install_fast_slot_copy,
    "sequential_graph_runner": install_sequential_graph_runner,
    "states_per_tracker_cache": install_states_per_tracker_cache,
    "kept_alive_endpoint_sessions": install_kept_alive_endpoint_sessions,
    "direct_intent_features": install_direct_intent_features,
    "rule_states_parsed_once": install_rule_states_parsed_once,
    "rules_indexed_by_last_action": install_rules_indexed_by_last_action,
    "refuse_to_start_without_a_model": install_refuse_to_start_without_a_model,
}


def apply() -> None:
    """Install every patch (idempotent): called on import of the channels, the stores and the NLU components."""
    for install in PATCHES.values():
        install()


def applied() -> dict[str, bool]:
    """Which patches are in place in this process, read from Rasa's own objects."""
    import rasa.core.run
    from rasa.core import processor
    from rasa.core.actions.action import RemoteAction
    from rasa.core.agent import Agent
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.core.processor import MessageProcessor
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
    from rasa.shared import data
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.slots import Slot
    from rasa.utils.endpoints import EndpointConfig

    return {
        "action_failure_reply": getattr(RemoteAction.run, "_tells_user", False),
        "cached_response_validation": getattr(RemoteAction._validate_action_result, "_cached", False),
        "event_type_cache": getattr(Event.resolve_by_type, "_cached", False),
        "log_arguments_uncopied": processor.copy is not copy,
        "parse_off_the_loop": getattr(MessageProcessor.parse_message, "_off_the_loop", False),
        "session_per_case": getattr(MessageProcessor._handle_message_with_tracker, "_per_case", False),
        "http_guards": getattr(rasa.core.run.configure_app, "_guarded", False),
        "action_endpoint_from_environment": getattr(Agent.__init__, "_from_environment", False),
        "data_search_skips_tool_folders": getattr(data._find_data_files_in_directory, "_skips", False),
        "fast_slot_copy": "__copy__" in Slot.__dict__,
        "sequential_graph_runner": getattr(DaskGraphRunner.run, "_sequential", False),
        "states_per_tracker_cache": getattr(Domain.states_for_tracker_history, "_cached", False),
        "kept_alive_endpoint_sessions": getattr(EndpointConfig.session, "_kept", False),
        "direct_intent_features": getattr(LogisticRegressionClassifier._create_X, "_direct", False),
        "rule_states_parsed_once": getattr(RulePolicy._is_rule_applicable, "_reversed_once", False),
        "rules_indexed_by_last_action": getattr(RulePolicy._get_possible_keys, "_indexed", False),
        "refuse_to_start_without_a_model": getattr(rasa.core.run.load_agent_on_start, "_refuses", False),
    }
