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
- SQLTrackerStoreFastPaths (SQLTrackerStore._retrieve, _event_query, _additional_events; the tracker store in
  endpoints.yml, bot.storage.stores.CheckedSQLTrackerStore, builds on it): pooled SQLite connections, events loaded
  as JSON without ORM objects, the stored event count remembered instead of counted, and the current session found
  by row id rather than by timestamp (see the class).

Not Rasa's, so not here: bot.channels.cds.JsonWithLength works around Sanic 21.12 dropping a 412's body headers.
"""
from __future__ import annotations

import asyncio
import copy
import hmac
import itertools
import json
import os
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterator

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
            f"RASA_VERSION. Or install the pinned Rasa (requirements.lock).")


check_rasa_version()

import sqlalchemy as sa  # noqa: E402 - after the version check, which must fail before anything else
from rasa.core.tracker_store import SQLTrackerStore  # noqa: E402
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402
from rasa.shared.core.events import SessionStarted  # noqa: E402

from bot.storage.db import make_engine  # noqa: E402


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
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlu")

    async def parse_message(self: MessageProcessor, message: Any, tracker: Any = None,
                            only_output_properties: bool = True) -> Any:
        if self.http_interpreter:
            return await original(self, message, tracker, only_output_properties)
        return await asyncio.get_running_loop().run_in_executor(
            worker, lambda: asyncio.run(original(self, message, tracker, only_output_properties)))

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
    """Refuse what the routes would answer with a 500 or a version string; add the security headers."""
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
    """Rasa's SQL tracker store with three savings on every turn, measured with bench/conversation.py (the tracker
    store was 40% of the Rasa server's CPU): SQLite connections are pooled (WAL, synchronous=NORMAL) instead of
    opened per query, loading reads the events' JSON without building ORM objects, and `save` knows how
    many events the conversation had when it was loaded, instead of counting them with a query. Rasa loads a
    conversation before every save, under the lock store's lock (Redis when servers share conversations), so that
    number is the stored one; without it, the count query runs as in Rasa. The current session starts at the latest
    session_started row by id (`_event_query`)."""

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
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions) \
                .with_entities(self.SQLEvent.data).all()
        events = [json.loads(data) for data, in rows]
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots) \
            if self.domain and events else None
        if not fetch_events_from_all_sessions:
            self._remember(sender_id, len(tracker.events) if tracker else 0)
        return tracker

    def _event_query(self, session: Any, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        """As Rasa's, but the current session starts at the latest session_started row by id, not by timestamp.

        A conversation starts a session per case (bot.sessions), so this query decides what every turn loads.
        Rasa compares timestamps, which lets in rows of the session before: the session_started event an action
        returns is stamped before Rasa logs that action's own event, and two servers' clocks differ. Row ids are
        the order events were stored in, which is also the order Rasa loads them in."""
        query = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id)
        if not fetch_events_from_all_sessions:
            start = session.query(sa.func.max(self.SQLEvent.id)).filter(
                self.SQLEvent.sender_id == sender_id,
                self.SQLEvent.type_name == SessionStarted.type_name).scalar_subquery()
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
    from rasa.core.processor import MessageProcessor
    from rasa.shared import data
    from rasa.shared.core.events import Event

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
    }
