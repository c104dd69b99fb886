"""bot.rasa_patches: the changes to Rasa internals keep Rasa's behaviour (their effect on speed is in bench/)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT_DOMAIN = Path(__file__).resolve().parents[1] / "domain.yml"


def test_event_classes_are_found_as_rasa_finds_them():
    import rasa.shared.utils.common
    from rasa.shared.core.events import Event, SlotSet

    from bot.rasa_patches import install_event_type_cache

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

    from bot.rasa_patches import install_cached_response_validation

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

    from bot.rasa_patches import install_log_arguments_uncopied

    install_log_arguments_uncopied()
    value = {"events": [1, 2]}
    assert processor.copy.deepcopy(value) is value


# What `rasa run` imports from our configuration, read from the files themselves: the channels (credentials.yml),
# the stores (endpoints.yml) and the NLU components (config.yml). Each alone must bring every patch, since `rasa
# shell` imports no channel of ours and `rasa test` / `rasa train` import only the components.
IMPORT_AND_REPORT = """
import json, sys, yaml
import rasa.shared.utils.common as common
source = sys.argv[1]
data = yaml.safe_load(open(source).read()) if source.endswith(".yml") else {}
if source == "credentials.yml":
    names = list(data)
elif source == "endpoints.yml":
    names = [v["type"] for v in data.values() if isinstance(v, dict) and "." in str(v.get("type", ""))]
elif source == "config.yml":
    names = [c["name"] for c in data["pipeline"] + data["policies"] if "." in c["name"]]
else:
    names = []
for name in names:
    common.class_from_module_path(name)
import rasa.core.run, rasa.core.agent, rasa.core.processor  # what rasa run imports anyway
from bot import rasa_patches
print(json.dumps({"names": names, "applied": rasa_patches.applied()}))
"""


def _imports_of(source: str) -> dict:
    import json
    import subprocess
    import sys

    from tests.test_dialogue import ENV, ROOT

    result = subprocess.run([sys.executable, "-c", IMPORT_AND_REPORT, source], cwd=ROOT, env=ENV,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("source", ["credentials.yml", "endpoints.yml", "config.yml"])
def test_every_patch_is_in_place_once_rasa_imports_our_classes(source):
    report = _imports_of(source)
    assert report["names"], f"{source} names none of our classes"
    missing = [name for name, done in report["applied"].items() if not done]
    assert not missing, f"importing what {source} names leaves these patches out: {missing}"


def test_rasa_alone_is_unpatched():
    """The check above can fail: importing Rasa (and reading the patch list) installs nothing."""
    report = _imports_of("nothing")
    assert not any(report["applied"].values()), report["applied"]


def test_every_install_function_is_listed_and_checked():
    from bot import rasa_patches

    installs = {name.removeprefix("install_") for name in dir(rasa_patches) if name.startswith("install_")}
    assert installs == set(rasa_patches.PATCHES), "a patch not in PATCHES is never applied"
    assert set(rasa_patches.applied()) == set(rasa_patches.PATCHES), "applied() must report every patch"
    for name in rasa_patches.PATCHES:
        assert name in rasa_patches.__doc__, f"the module's docstring does not say what {name} changes and why"


def test_the_patches_refuse_another_rasa_version():
    import subprocess
    import sys

    from tests.test_dialogue import ENV, ROOT

    code = "import rasa; rasa.__version__ = sys.argv[1]; import bot.rasa_patches"
    for version, fails in (("3.6.20", True), ("3.7.0", True), (None, False)):
        script = ("import sys\n" + code) if version else "import bot.rasa_patches"
        result = subprocess.run([sys.executable, "-c", script, *([version] if version else [])], cwd=ROOT, env=ENV,
                                capture_output=True, text=True, timeout=300)
        assert (result.returncode != 0) == fails, result.stderr[-2000:]
        if fails:
            assert "RasaVersionMismatch" in result.stderr and version in result.stderr


def test_the_pinned_rasa_is_the_one_the_patches_were_written_for():
    from bot.rasa_patches import RASA_VERSION
    from tests.test_dialogue import ROOT

    pins = [line for line in (ROOT / "requirements.lock").read_text().splitlines() if line.startswith("rasa==")]
    assert pins == [f"rasa=={RASA_VERSION}"]


def test_the_action_endpoint_comes_from_the_environment_with_the_secret(monkeypatch):
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    from bot.action_server import SECRET_HEADER
    from bot.rasa_patches import action_endpoint_from_environment, install_action_endpoint_from_environment

    monkeypatch.setenv("ACTION_SERVER_SECRET", "s3cret-for-this-test")
    monkeypatch.delenv("ACTION_SERVER_URL", raising=False)
    configured = EndpointConfig("http://127.0.0.1:5055/webhook", headers={"X-Other": "kept"})
    plain = action_endpoint_from_environment(configured)
    assert plain.url == "http://127.0.0.1:5055/webhook"
    assert plain.headers == {"X-Other": "kept", SECRET_HEADER: "s3cret-for-this-test"}
    assert configured.headers == {"X-Other": "kept"}, "endpoints.yml's own object is left as it was"
    assert action_endpoint_from_environment(None) is None
    monkeypatch.setenv("ACTION_SERVER_URL", "http://127.0.0.1:6123/webhook")
    assert action_endpoint_from_environment(configured).url == "http://127.0.0.1:6123/webhook"
    assert action_endpoint_from_environment(None).url == "http://127.0.0.1:6123/webhook"
    install_action_endpoint_from_environment()
    agent = Agent(action_endpoint=configured)
    assert agent.action_endpoint.url == "http://127.0.0.1:6123/webhook"
    assert agent.action_endpoint.headers[SECRET_HEADER] == "s3cret-for-this-test"


def test_the_tracker_store_endpoints_yml_names_has_the_patched_loading_and_saving():
    import json

    import yaml
    from rasa.shared.utils.common import class_from_module_path

    from bot.rasa_patches import SQLTrackerStoreFastPaths
    from tests.test_dialogue import ROOT

    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    store = class_from_module_path(endpoints["tracker_store"]["type"])
    assert issubclass(store, SQLTrackerStoreFastPaths)
    assert "url" not in endpoints["tracker_store"], "the store reads TRACKER_DB_URL itself (no ${VAR} in endpoints.yml)"
    values = json.dumps(endpoints)
    assert "${" not in values, "endpoints.yml names an environment variable, which a plain shell may lack"


def test_slots_are_copied_as_copy_copy_copies_them():
    import copy

    from rasa.shared.core.domain import Domain

    from bot.rasa_patches import install_fast_slot_copy

    slots = Domain.load(str(ROOT_DOMAIN)).slots
    slots[0].value = ["a list", {"held": "by reference"}]
    generic = [copy.copy(slot) for slot in slots]
    install_fast_slot_copy()
    fast = [copy.copy(slot) for slot in slots]
    assert len(fast) == len(slots) > 10
    for original, expected, got in zip(slots, generic, fast):
        assert type(got) is type(expected) and vars(got) == vars(expected) and got is not original
        assert got.value is original.value  # shallow, as copy.copy
    fast[1].value = "changed"
    assert slots[1].value != "changed"


class _Add:
    """A stand-in graph node: records its calls, returns (name, value) as Rasa's GraphNode does."""

    def __init__(self, name: str, calls: list):
        self.name, self.calls = name, calls

    def __call__(self, *inputs):
        self.calls.append(self.name)
        if any(isinstance(i, str) for i in inputs):
            return self.name, ("unresolved", [i for i in inputs if isinstance(i, str)])
        if self.name == "boom":
            raise RuntimeError("node failed")
        return self.name, sum(value for _, value in inputs) + 1


def _runner(nodes: dict[str, dict[str, str]], targets: list[str]):
    from rasa.engine.graph import GraphSchema, SchemaNode
    from rasa.engine.runner.dask import DaskGraphRunner

    schema = GraphSchema({name: SchemaNode(needs=needs, uses=object, constructor_name="create", fn="run",
                                           config={}, is_target=name in targets)
                          for name, needs in nodes.items()})
    runner = DaskGraphRunner.__new__(DaskGraphRunner)
    calls: list = []
    runner._graph_schema = schema
    runner._instantiated_nodes = {name: _Add(name, calls) for name in nodes}
    runner._execution_context = None
    return runner, calls


GRAPH = {"a": {"x": "__input__"}, "b": {"x": "a"}, "c": {"x": "a", "y": "b"}, "d": {"x": "c"},
         "unused": {"x": "a"}, "loose": {"x": "no_such_node"}}


@pytest.mark.parametrize("targets", [["d"], ["c", "b"], ["d", "unused"], ["loose"], None])
def test_the_graph_runs_node_by_node_with_dasks_results(targets):
    from rasa.engine.runner.dask import DaskGraphRunner

    from bot.rasa_patches import install_sequential_graph_runner

    runner, calls = _runner(GRAPH, targets or ["d", "unused"])
    before = DaskGraphRunner.run
    original = DaskGraphRunner.run = getattr(before, "_rasa", before)  # Rasa's own, even if an earlier test patched it
    expected = original(runner, inputs={"__input__": 10}, targets=targets)
    expected_calls = sorted(calls)
    calls.clear()
    install_sequential_graph_runner()
    try:
        assert DaskGraphRunner.run(runner, inputs={"__input__": 10}, targets=targets) == expected
        assert sorted(calls) == expected_calls  # each node needed runs once, the rest not at all
        for node in calls:  # in dependency order
            assert all(calls.index(need) < calls.index(node) for need in GRAPH[node].values() if need in calls)
    finally:
        DaskGraphRunner.run = before


def test_the_graph_runner_keeps_rasas_errors():
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    from bot.rasa_patches import install_sequential_graph_runner

    original = DaskGraphRunner.run
    install_sequential_graph_runner()
    try:
        runner, _ = _runner({"a": {"x": "__input__"}, "boom": {"x": "a"}}, ["boom"])
        with pytest.raises(GraphRunError):
            DaskGraphRunner.run(runner, inputs={"__input__": 1})
        with pytest.raises(GraphRunError):  # an input named like a node
            DaskGraphRunner.run(runner, inputs={"a": "a"})
    finally:
        DaskGraphRunner.run = original


def _tracker_and_domain():
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.load(str(ROOT_DOMAIN))
    slot = next(s for s in domain.slots if s.influence_conversation)
    value = {"float": 1.0, "bool": True}.get(type(slot).__name__.replace("Slot", "").lower(), "x")
    events = [ActionExecuted("action_listen"),
              UserUttered("hi", intent={"name": "greet", "confidence": 1.0}),
              ActionExecuted("utter_greet"), ActionExecuted("action_listen"),
              UserUttered("alectinib", intent={"name": "inform", "confidence": 1.0}), SlotSet(slot.name, value)]
    return DialogueStateTracker.from_events("s", events, domain.slots), domain


def test_a_trackers_states_are_rasas_however_often_they_are_asked_for():
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted

    from bot.rasa_patches import install_states_per_tracker_cache

    tracker, domain = _tracker_and_domain()
    before = Domain.states_for_tracker_history
    original = Domain.states_for_tracker_history = getattr(before, "_rasa", before)  # Rasa's own, even if an earlier test patched it
    arguments = [{}, {"omit_unset_slots": True}, {"ignore_rule_only_turns": True, "rule_only_data": {"slots": []}}]
    expected = [original(domain, tracker, **a) for a in arguments]
    install_states_per_tracker_cache()
    try:
        for _ in range(2):
            for a, states in zip(arguments, expected):
                got = domain.states_for_tracker_history(tracker, **a)
                assert got == states
                got[-1].clear()  # a caller changing what it got changes nothing for the next one
        tracker.update(ActionExecuted("utter_greet"))
        assert domain.states_for_tracker_history(tracker) == original(domain, tracker) != expected[0]
    finally:
        Domain.states_for_tracker_history = before


def test_intent_features_are_rasas_matrix():
    import numpy as np
    import scipy.sparse
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
    from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
    from rasa.shared.nlu.training_data.features import Features
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_patches import install_direct_intent_features

    def message(seed: int) -> Message:
        rng = np.random.default_rng(seed)
        m = Message({TEXT: "x"})
        for origin, width, dtype in (("words", 7, np.int64), ("chars", 11, np.float64), ("ours", 3, np.float64)):
            m.features.append(Features(scipy.sparse.coo_matrix(rng.integers(0, 3, (4, width)).astype(dtype)),
                                       FEATURE_TYPE_SEQUENCE, TEXT, origin))
            m.features.append(Features(scipy.sparse.coo_matrix(rng.integers(0, 3, (1, width)).astype(dtype)),
                                       FEATURE_TYPE_SENTENCE, TEXT, origin))
        return m

    before = LogisticRegressionClassifier._create_X
    original = LogisticRegressionClassifier._create_X = getattr(before, "_rasa", before)  # Rasa's own, even if an earlier test patched it
    for messages in ([message(1)], [message(2), message(3)], [Message({TEXT: "no features"})]):
        expected = original(None, messages)
        install_direct_intent_features()
        try:
            got = LogisticRegressionClassifier._create_X(None, messages)
        finally:
            LogisticRegressionClassifier._create_X = before
        assert got.shape == expected.shape and got.dtype == expected.dtype
        assert (got.toarray() == expected.toarray()).all()


def test_rule_checks_are_rasas():
    from rasa.core.policies.rule_policy import RulePolicy

    from bot.rasa_patches import install_rule_states_parsed_once

    rule = json.dumps([{}, {"prev_action": {"action_name": "action_listen"}, "user": {"intent": "greet"}},
                       {"prev_action": {"action_name": "utter_greet"}}])
    states = [{}, {"prev_action": {"action_name": "action_listen"}, "user": {"intent": "greet"}},
              {"prev_action": {"action_name": "utter_greet"}, "user": {"intent": "greet"}},
              {"prev_action": {"action_name": "action_listen"}, "user": {"intent": "bye"}}]
    policy = RulePolicy.__new__(RulePolicy)
    before = RulePolicy._is_rule_applicable
    original = RulePolicy._is_rule_applicable = getattr(before, "_rasa", before)  # Rasa's own, even if an earlier test patched it
    expected = [original(policy, rule, i, s) for i in range(5) for s in states]
    install_rule_states_parsed_once()
    try:
        for _ in range(2):
            assert [RulePolicy._is_rule_applicable(policy, rule, i, s) for i in range(5) for s in states] == expected
    finally:
        RulePolicy._is_rule_applicable = before
    assert True in expected and False in expected


def test_action_server_calls_share_one_session_and_connection():
    import asyncio

    from aiohttp import web
    from rasa.utils.endpoints import EndpointConfig

    from bot.rasa_patches import close_kept_sessions, install_kept_alive_endpoint_sessions

    install_kept_alive_endpoint_sessions()
    connections = set()

    async def echo(request):
        connections.add(request.transport)
        return web.json_response({"got": await request.json(), "secret": request.headers.get("X-Secret")})

    async def scenario():
        app = web.Application()
        app.router.add_post("/webhook", echo)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", headers={"X-Secret": "s"})
        try:
            replies = [await endpoint.request(json={"n": n}, method="post") for n in range(3)]
            kept = endpoint.session()
            async with kept as session:
                pass
            assert not session.closed  # leaving `async with` keeps it
            await close_kept_sessions()
            assert session.closed
            return replies
        finally:
            await runner.cleanup()

    replies = asyncio.run(scenario())
    assert replies == [{"got": {"n": n}, "secret": "s"} for n in range(3)]
    assert len(connections) == 1


def test_rules_checked_are_those_rasa_finds_applicable():
    import itertools

    from rasa.core.policies.rule_policy import RulePolicy

    from bot.rasa_patches import install_rules_indexed_by_last_action

    listen, greet, form = ({"action_name": "action_listen"}, {"action_name": "utter_greet"},
                           {"action_name": "case_form"})
    last_states = [{}, {"prev_action": listen}, {"prev_action": greet}, {"prev_action": form},
                   {"prev_action": {"action_name": "should_not_be_set"}}, {"prev_action": {"action_text": "hi"}},
                   {"prev_action": listen, "user": {"intent": "greet"}},
                   {"prev_action": greet, "active_loop": {"name": "should_not_be_set"}}]
    rules = [json.dumps(states) for states in
             [[], [{}], *([first, last] for first, last in itertools.product([{}, {"prev_action": listen}],
                                                                             last_states))]]
    lookup = {rule: "action" for rule in rules}
    conversations = [[], *([s] for s in last_states), *([{}, s] for s in last_states),
                     *([{"prev_action": listen}, s] for s in last_states)]
    policy = RulePolicy.__new__(RulePolicy)
    before = RulePolicy._get_possible_keys
    original = RulePolicy._get_possible_keys = getattr(before, "_rasa", before)  # Rasa's own, even if an earlier test patched it
    expected = [original(policy, lookup, states) for states in conversations]
    install_rules_indexed_by_last_action()
    try:
        for _ in range(2):
            assert [RulePolicy._get_possible_keys(policy, lookup, states) for states in conversations] == expected
    finally:
        RulePolicy._get_possible_keys = before
    assert len({len(keys) for keys in expected}) > 2  # the conversations tell the rules apart


class _Agent:
    """What check_model_loaded asks of Rasa's Agent: is_ready() and parse_message()."""

    def __init__(self, ready: bool, parse_error: Exception | None = None):
        self.ready, self.parse_error, self.parsed = ready, parse_error, []

    def is_ready(self) -> bool:
        return self.ready

    async def parse_message(self, text: str) -> dict:
        self.parsed.append(text)
        if self.parse_error:
            raise self.parse_error
        return {"text": text}


def test_a_model_that_loaded_and_reads_a_message_is_served():
    import asyncio

    from bot.rasa_patches import check_model_loaded

    agent = _Agent(ready=True)
    asyncio.run(check_model_loaded(agent, "models/alk.tar.gz"))
    assert agent.parsed, "the model must be tried on a message before it is served"


@pytest.mark.parametrize("agent, reason", [
    (_Agent(ready=False), "logged above"),
    (None, "logged above"),
    (_Agent(ready=True, parse_error=KeyError("no_longer")), "KeyError"),
    (_Agent(ready=True, parse_error=ValueError("X has 40 features, but LogisticRegression is expecting 38")), "40"),
])
def test_a_model_that_did_not_load_or_cannot_read_stops_the_server_saying_what_to_run(agent, reason):
    import asyncio

    from bot.rasa_patches import check_model_loaded

    with pytest.raises(SystemExit) as stopped:
        asyncio.run(check_model_loaded(agent, "models/alk-stale.tar.gz"))
    text = str(stopped.value)
    assert "make nlu model" in text and "models/alk-stale.tar.gz" in text and reason in text


def test_the_rasa_server_refuses_to_start_with_a_model_that_does_not_load(tmp_path):
    """Rasa logs a model that fails to load and serves anyway, answering every message with the failure sentence
    (a stale spaCy pipeline under var/nlu did that): the server must stop instead, saying what to run."""
    import subprocess
    import sys
    import time
    import urllib.request

    from bot.launch import free_port
    from tests.test_dialogue import ENV, ROOT

    model = tmp_path / "alk-damaged.tar.gz"
    model.write_bytes(b"not a model archive" * 100)
    port = free_port()
    env = dict(ENV, TRACKER_DB_URL=f"sqlite:///{tmp_path / 'tracker.db'}", AUDIT_DB_URL=f"sqlite:///{tmp_path / 'a.db'}",
               LOCK_STORE_URL="memory://", TF_CPP_MIN_LOG_LEVEL="3")
    log = tmp_path / "rasa.log"
    with open(log, "wb") as out:
        server = subprocess.Popen([sys.executable, "-m", "bot.server", "run", "--model", str(model), "-i", "127.0.0.1",
                                   "-p", str(port)], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 240
        while server.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/webhooks/rest/", timeout=2):
                    pytest.fail("the server started without its model")
            except OSError:
                time.sleep(0.3)
        assert server.poll() is not None, "the server neither stopped nor answered"
    finally:
        if server.poll() is None:
            server.kill()
        server.wait()
    text = log.read_text(errors="replace")
    assert server.returncode != 0 and "make nlu model" in text and str(model) in text.splitlines()[-1], text[-3000:]
