"""Rasa's own checks on the training data and the dialogue, run as a Rasa engineer runs them: at the root, with no
flags (`rasa data validate`, `rasa train --dry-run`, the test stories `rasa test` finds)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from bot import intents
from bot.launch import latest_model

ROOT = Path(__file__).resolve().parents[1]
RASA = [sys.executable, "-m", "rasa"]
ENV = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
# Responses Rasa's own default actions send (action_restart for a typed /restart, action_back for /back).
DEFAULT_ACTION_RESPONSES = {"utter_restart", "utter_back"}
# Intents only a button sends (bot/intents.py): they have no training data, which Rasa warns about.
BUTTON_ONLY_INTENTS = intents.BUTTON_ONLY


def _run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(RASA + args, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)


def test_data_validate_is_clean():
    """`rasa data validate` with no flags: domain.yml, data/ and config.yml where Rasa looks for them."""
    result = _run(["data", "validate"])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert not re.search(r"\bERROR\b", result.stdout + result.stderr), result.stdout[-3000:] + result.stderr[-3000:]
    warnings = re.findall(r"UserWarning: (.*)", result.stdout + result.stderr)
    actions_code = "".join(p.read_text() for p in (ROOT / "actions").glob("*.py"))
    unexplained = []
    for warning in warnings:
        m = re.match(r"The utterance '(\w+)' is not used in any story or rule", warning)
        # a form asks with utter_ask_<slot>, and actions send some responses by name: both are uses Rasa can't see
        if m and (m.group(1).startswith("utter_ask_") or f'"{m.group(1)}"' in actions_code
                  or m.group(1) in DEFAULT_ACTION_RESPONSES):
            continue
        if re.match(rf"The intent '({'|'.join(BUTTON_ONLY_INTENTS)})' is listed in the domain", warning):
            continue
        unexplained.append(warning)
    assert not unexplained, unexplained


def test_stories_are_predicted_without_error(tmp_path):
    result = _run(["test", "core", "--stories", "tests/stories", "--model", str(latest_model()),
                   "--fail-on-prediction-errors", "--out", str(tmp_path)])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    failed = yaml.safe_load((tmp_path / "failed_test_stories.yml").read_text()) or {}
    assert not failed.get("stories"), failed
    stories = yaml.safe_load((ROOT / "tests/stories/test_stories.yml").read_text())["stories"]
    report = (result.stdout + result.stderr)
    correct = re.search(r"Correct:\s+(\d+) / (\d+)", report)
    assert correct and correct.group(1) == correct.group(2) and len(stories) >= 6


def test_data_holds_rasa_training_data_only():
    """data/ is what Rasa reads as training data: nothing else may sit there (the knowledge base's `rules:` key was
    once read as dialogue rules)."""
    found = sorted(str(p.relative_to(ROOT / "data")) for p in (ROOT / "data").rglob("*") if p.is_file())
    assert found, "no training data"
    others = [f for f in found if f.split("/")[0] not in {"nlu", "rules", "stories"} or not f.endswith(".yml")]
    assert not others, others
    assert sorted(p.name for p in (ROOT / "data").iterdir()) == ["nlu", "rules", "stories"]


def test_train_at_the_root_with_no_flags_needs_no_training_after_make_model():
    """Plain `rasa train` reads what scripts/train.sh trains from: after `make model`, nothing is left to train."""
    result = _run(["train", "--dry-run"])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "No training of components required" in result.stdout + result.stderr


def test_rasa_test_finds_our_test_stories_and_nothing_else():
    """Plain `rasa test` looks for test stories in "." (the whole project, links followed); with bot.rasa_patches
    (applied when the model's components load) it leaves .venv, node_modules, var and mutants out."""
    script = ("import json, rasa.shared.data as d\n"
              "from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader\n"
              "import bot.nlu.rasa_component\n"
              "print(json.dumps(sorted(d.get_data_files('.', YAMLStoryReader.is_test_stories_file))))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=ENV, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    found = [str(Path(p).resolve().relative_to(ROOT)) for p in json.loads(result.stdout.splitlines()[-1])]
    assert found == ["tests/stories/test_stories.yml"]
