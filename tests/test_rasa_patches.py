"""bot.rasa_patches: the changes to Rasa internals keep Rasa's behaviour (their effect on speed is in bench/)."""
from __future__ import annotations

import pytest


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
