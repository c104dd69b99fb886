"""Rasa's own checks on the training data and the dialogue: `rasa data validate` and the test stories."""
from __future__ import annotations

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
DATA = ["--domain", "domain.yml", "--data", "data"]
ENV = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
# Responses Rasa's own default actions send (action_restart for a typed /restart, action_back for /back).
DEFAULT_ACTION_RESPONSES = {"utter_restart", "utter_back"}
# Intents only a button sends (bot/intents.py): they have no training data, which Rasa warns about.
BUTTON_ONLY_INTENTS = intents.BUTTON_ONLY


def _run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(RASA + args, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)


def test_data_validate_is_clean():
    result = _run(["data", "validate", *DATA, "--config", "config.yml"])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
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
