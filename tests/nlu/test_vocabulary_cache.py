"""The extractor's table kept between runs (bot/nlu/vocabulary.py `kept_table`) is the table built afresh: same
entries, same order, same types; it is read back only under the fingerprint of its inputs as they are now (a phrase
file changed: built afresh and kept again); a missing, damaged or foreign file, or a place that cannot be written,
gives the table built afresh."""
from __future__ import annotations

import json
import marshal
import os
import shutil
import subprocess
import sys

import pytest

from bot import knowledge
from bot.nlu import vocabulary


@pytest.fixture(scope="module")
def fresh() -> dict:
    return vocabulary.build(knowledge.default())


@pytest.fixture
def phrases(tmp_path, monkeypatch):
    """A copy of the phrase files the table is built from, to change."""
    folder = tmp_path / "phrases"
    folder.mkdir()
    for name in ("clinical_phrases.yml", "therapy_phrases.yml"):
        shutil.copy(vocabulary.PHRASES_FILE.parent / name, folder / name)
    monkeypatch.setattr(vocabulary, "PHRASES_FILE", folder / "clinical_phrases.yml")
    return folder / "clinical_phrases.yml"


def _no_build(monkeypatch):
    def refuse(kb):
        raise AssertionError("built afresh, not read back")

    monkeypatch.setattr(vocabulary, "build", refuse)


def test_the_kept_table_is_the_built_one(tmp_path, monkeypatch, fresh):
    path = tmp_path / "vocabulary.marshal"
    first = vocabulary.kept_table(path)
    assert path.exists() and json.dumps(first) == json.dumps(fresh)
    _no_build(monkeypatch)
    second = vocabulary.kept_table(path)
    assert second == fresh and json.dumps(second) == json.dumps(fresh)  # the order too: the first entry wins
    assert vocabulary.fingerprint(second) == vocabulary.fingerprint(fresh)
    assert second is not vocabulary.kept_table(path)  # each caller its own copy to change


def test_a_changed_phrase_file_is_built_afresh_and_kept_again(tmp_path, monkeypatch, phrases):
    path = tmp_path / "vocabulary.marshal"
    before = vocabulary.kept_table(path)
    key = marshal.loads(path.read_bytes())[0]
    added = "  - entity: ecog\n    value: '1'\n    patterns: ['zzquux performance']\n"
    text = phrases.read_text(encoding="utf-8")
    phrases.write_text(text.replace("\nphrases:\n", "\nphrases:\n" + added, 1), encoding="utf-8")
    after = vocabulary.kept_table(path)
    assert "zzquux performance" in {r["pattern"] for r in after["regexes"]}
    assert "zzquux performance" not in {r["pattern"] for r in before["regexes"]}
    assert marshal.loads(path.read_bytes())[0] != key
    _no_build(monkeypatch)
    assert vocabulary.kept_table(path) == after


def test_every_input_is_in_the_fingerprint(tmp_path, monkeypatch, phrases):
    """The phrase files, each knowledge-base file and the code that builds the table: a byte changed in any of them
    changes the key."""
    kb_copy = tmp_path / "kb"
    shutil.copytree(knowledge.KNOWLEDGE_DIR, kb_copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(knowledge, "KNOWLEDGE_DIR", kb_copy)
    names = {p.name for p in vocabulary._inputs()}
    assert {"clinical_phrases.yml", "therapy_phrases.yml", "vocabulary.py", "models.py", "__init__.py"} <= names
    assert {f"{f}.yml" for f in knowledge.FILES} <= names
    for changed in [phrases, phrases.parent / "therapy_phrases.yml", *(kb_copy / f"{f}.yml" for f in knowledge.FILES)]:
        key = vocabulary.inputs_fingerprint()
        changed.write_bytes(changed.read_bytes() + b"\n# changed\n")
        assert vocabulary.inputs_fingerprint() != key, changed.name


@pytest.mark.parametrize(
    "damage",
    [b"", b"not marshal at all", marshal.dumps([1, 2, 3]), marshal.dumps(("key",)), marshal.dumps({"x": 1})],
)
def test_a_damaged_file_is_built_afresh(tmp_path, fresh, damage):
    path = tmp_path / "vocabulary.marshal"
    path.write_bytes(damage)
    assert vocabulary.kept_table(path) == fresh
    assert marshal.loads(path.read_bytes()) == (vocabulary.inputs_fingerprint(), fresh)


def test_a_table_kept_under_another_fingerprint_is_not_read(tmp_path, fresh):
    path = tmp_path / "vocabulary.marshal"
    path.write_bytes(marshal.dumps(("0" * 64, {"regexes": []})))
    assert vocabulary.kept_table(path) == fresh


def test_a_table_whose_inputs_changed_while_it_was_built_is_not_kept(tmp_path, monkeypatch, phrases):
    path = tmp_path / "vocabulary.marshal"
    build = vocabulary.build

    def racing(kb):
        built = build(kb)
        phrases.write_text(phrases.read_text(encoding="utf-8") + "\n# edited meanwhile\n", encoding="utf-8")
        return built

    monkeypatch.setattr(vocabulary, "build", racing)
    assert vocabulary.kept_table(path)["regexes"]
    assert not path.exists()


def test_an_unwritable_place_still_gives_the_table(tmp_path, fresh):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the directory would be")
    assert vocabulary.kept_table(blocked / "sub" / "vocabulary.marshal") == fresh
    assert not (blocked / "sub").exists()


def test_a_knowledge_base_given_is_built_not_read_back(monkeypatch, fresh):
    def refuse(path):
        raise AssertionError("read back for a knowledge base of the caller's")

    monkeypatch.setattr(vocabulary, "kept_table", refuse)
    assert vocabulary.table(knowledge.default()) == fresh


def test_the_command_keeps_the_table_and_reads_it_back(tmp_path):
    """`python -m bot extract` (processes of their own, the cache in a fresh folder): the first run keeps the table,
    the second reads it without writing it again, and both read the same."""
    env = {**os.environ, "ALK_REGEX_CACHE_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "bot", "extract", "alectinib 26 mo, systemic PD, ALK G1202R, no MET amp, ECOG 1"]
    first = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    (path,) = tmp_path.glob("vocabulary-*.marshal")
    written = path.stat().st_mtime_ns
    second = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    assert path.stat().st_mtime_ns == written and first.stdout == second.stdout
    assert json.loads(second.stdout)["alk_mutations"] == ["G1202R"]
