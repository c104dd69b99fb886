"""The servers start only with a model trained on the current training inputs.

`make run` trains first (scripts/train.sh names the model after scripts/model_inputs.sh's fingerprint and writes
models/LATEST), but `scripts/run.sh` or `python -m bot.launch` started directly took models/LATEST as it was: after
an edit of the training data, the domain, the config, the knowledge base or the extractor, the assistant answered
with a model that no longer matched them. These tests run on a copy of the checkout, where an input can be edited.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.launch import MODEL_NAME, inputs_fingerprint, latest_model

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ["config.yml", "domain.yml", "data", "bot", "scripts"]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of what the launcher and scripts/model_inputs.sh read, with a 'trained' model for it in models/."""
    root = tmp_path / "checkout"
    root.mkdir()
    for name in INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        else:
            shutil.copy2(source, root / name)
    (root / ".venv").symlink_to(ROOT / ".venv")
    _train(root)
    return root


def _train(root: Path) -> Path:
    """What scripts/train.sh leaves behind (the model's contents do not matter here, only its name and LATEST)."""
    name = f"alk-{inputs_fingerprint(root)}.tar.gz"
    (root / "models").mkdir(exist_ok=True)
    (root / "models" / name).write_bytes(b"a model")
    (root / "models" / "LATEST").write_text(name + "\n")
    return root / "models" / name


def _edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")


def test_the_fingerprint_is_the_one_train_sh_names_the_model_after():
    fingerprint = inputs_fingerprint()
    assert MODEL_NAME.fullmatch(f"alk-{fingerprint}.tar.gz")
    train = (ROOT / "scripts" / "train.sh").read_text()
    assert "fp=$(scripts/model_inputs.sh)" in train and 'name="alk-$fp.tar.gz"' in train


def test_a_model_trained_on_the_current_inputs_is_used(checkout):
    model = latest_model(checkout)
    assert model == checkout / "models" / (checkout / "models" / "LATEST").read_text().strip()
    (checkout / "README.md").write_text("not a training input")
    assert latest_model(checkout) == model


@pytest.mark.parametrize("changed", ["data/nlu", "data/rules", "data/stories", "domain.yml", "config.yml",
                                     "bot/knowledge", "bot/nlu"])
def test_a_model_trained_on_other_inputs_is_refused_with_the_command_that_fixes_it(checkout, changed):
    before = inputs_fingerprint(checkout)
    target = checkout / changed
    _edit(target if target.is_file() else sorted(target.glob("*.yml"))[0])
    after = inputs_fingerprint(checkout)
    assert after != before
    with pytest.raises(SystemExit) as refused:
        latest_model(checkout)
    message = str(refused.value)
    assert "make model" in message and after in message and f"alk-{before}.tar.gz" in message
    assert latest_model(_train(checkout).parents[1]).name == f"alk-{after}.tar.gz"  # trained again: accepted


def test_latest_naming_a_missing_or_unfingerprinted_model_is_refused(checkout):
    latest = checkout / "models" / "LATEST"
    latest.write_text("alk-0000000000000000.tar.gz\n")
    with pytest.raises(SystemExit, match="not in models/"):
        latest_model(checkout)
    (checkout / "models" / "20261202-my-model.tar.gz").write_bytes(b"a model")
    latest.write_text("20261202-my-model.tar.gz\n")
    with pytest.raises(SystemExit, match="make model"):
        latest_model(checkout)


def test_run_sh_refuses_to_start_the_servers_with_a_stale_model(checkout):
    """The direct start (scripts/run.sh, `python -m bot.launch`): exits at once, saying what to run, and starts
    nothing."""
    _edit(sorted((checkout / "data" / "nlu").glob("*.yml"))[0])
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    for command in (["scripts/run.sh"], [str(checkout / ".venv" / "bin" / "python"), "-m", "bot.launch"]):
        done = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "make model" in done.stderr and "starting the action server" not in done.stdout, done.stderr
    assert not (checkout / "var" / "log").exists()  # no server was started
