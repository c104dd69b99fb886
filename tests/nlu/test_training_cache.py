"""Rasa's training cache (.rasa/cache) keys each component's output on its config and inputs, not on its code: the
clinical components add a fingerprint of the reader's files (bot/nlu/rasa_component.py `reader_fingerprint`), so a
model retrained after the reader changed featurizes its training examples afresh. Without it a new entity kind left
the classifier one feature short of what the server gave it, and the model could not read a message."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.training.fingerprinting import calculate_fingerprint_key

from bot.nlu import rasa_component
from bot.nlu.rasa_component import (
    ClinicalEntityExtractor,
    ClinicalEntityFeaturizer,
    FindingsAreInformation,
    reader_fingerprint,
)

COMPONENTS = (ClinicalEntityExtractor, ClinicalEntityFeaturizer, FindingsAreInformation)


def _files(root: Path) -> tuple[Path, Path]:
    (root / "code").mkdir()
    (root / "kb").mkdir()
    (root / "code" / "sub").mkdir()
    (root / "code" / "sub" / "reader.py").write_text("A = 1\n")
    (root / "kb" / "drugs.yml").write_text("drugs: []\n")
    (root / "code" / "notes.txt").write_text("not an input\n")
    return root / "code", root / "kb"


def test_the_fingerprint_follows_every_py_and_yml_file_below_the_folders(tmp_path: Path) -> None:
    code, kb = _files(tmp_path)
    dirs = (code, kb)
    first = reader_fingerprint.__wrapped__(dirs)
    assert reader_fingerprint.__wrapped__(dirs) == first
    (code / "notes.txt").write_text("changed, but not an input\n")
    assert reader_fingerprint.__wrapped__(dirs) == first
    (code / "sub" / "reader.py").write_text("A = 2\n")
    second = reader_fingerprint.__wrapped__(dirs)
    assert second != first
    (kb / "drugs.yml").write_text("drugs: [x]\n")
    assert reader_fingerprint.__wrapped__(dirs) != second
    (kb / "new.yml").write_text("{}\n")
    assert reader_fingerprint.__wrapped__(dirs) not in (first, second)


def test_the_project_fingerprint_covers_the_reader_and_the_knowledge_base() -> None:
    names = {d.name for d in rasa_component.READER_DIRS}
    assert names == {"nlu", "knowledge"}
    assert all(d.is_dir() for d in rasa_component.READER_DIRS)


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda c: c.__name__)
def test_a_change_to_the_reader_changes_the_training_cache_key(component: type, monkeypatch: pytest.MonkeyPatch) -> None:
    config = component.get_default_config()
    before = calculate_fingerprint_key(component, config, {})
    monkeypatch.setattr(rasa_component, "reader_fingerprint", lambda: "another reader")
    assert component.fingerprint_addon(config) == "another reader"
    assert calculate_fingerprint_key(component, config, {}) != before
