"""The reader's patterns built from the programs kept between runs (bot/nlu/compiled.py) are the patterns `re.compile`
makes: same program, same groups, same matches; a missing, damaged or tampered file falls back to compiling."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys

import pytest
import yaml

from bot.nlu import compiled, extractor, vocabulary
from tests.nlu.independent import HERE

FLAGS = re.IGNORECASE


@pytest.fixture(scope="module")
def patterns() -> list[str]:
    return [rf"(?<![\w+]){r['pattern']}(?![\w])" for r in vocabulary.table()["regexes"]]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    rows = yaml.safe_load((HERE / "phrasings.yml").read_text(encoding="utf-8"))
    return [row["text"] for row in rows]


def _kept(tmp_path, patterns):
    """Patterns compiled once into a fresh file, then read back from it by a second instance (as a second run)."""
    path = tmp_path / "regex.marshal"
    first = compiled.Patterns(path)
    for p in patterns:
        first.compile(p, FLAGS)
    first.save()
    second = compiled.Patterns(path)
    return second, [second.compile(p, FLAGS) for p in patterns]


def test_the_kept_programs_are_the_compiled_ones(tmp_path, patterns, texts):
    kept, built = _kept(tmp_path, patterns)
    assert kept.missed == 0 and len(kept.kept) == len(set(patterns))
    sample = " | ".join(texts)
    for p, k in zip(patterns, built):
        real = re.compile(p, FLAGS)
        assert (k.pattern, k.flags, k.groups, k.groupindex) == (real.pattern, real.flags, real.groups, real.groupindex)
        assert [m.span() for m in k.finditer(sample)] == [m.span() for m in real.finditer(sample)], p


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", marshal.dumps([1, 2, 3]), marshal.dumps({("x", 0): 1})])
def test_a_damaged_file_falls_back_to_compiling(tmp_path, damage):
    path = tmp_path / "regex.marshal"
    path.write_bytes(damage)
    kept = compiled.Patterns(path)
    p = kept.compile(r"(?P<drug>lorlatinib|alectinib)\b", FLAGS)
    assert p.search("on ALECTINIB since 2021").group("drug") == "ALECTINIB"


def test_a_tampered_program_is_refused_and_the_pattern_compiled_afresh(tmp_path):
    path = tmp_path / "regex.marshal"
    pattern = r"G1202R|L1196M"
    kept = compiled.Patterns(path)
    kept.compile(pattern, FLAGS)
    kept.save()
    data = marshal.loads(path.read_bytes())
    flags, code, *rest = data[(pattern, int(FLAGS))]
    data[(pattern, int(FLAGS))] = (flags, [99999] * len(code), *rest)  # no valid program
    path.write_bytes(marshal.dumps(data))
    again = compiled.Patterns(path)
    assert again.compile(pattern, FLAGS).findall("g1202r and L1196M") == ["g1202r", "L1196M"]
    assert again.missed == 1


def test_the_file_keeps_only_this_runs_patterns_and_is_not_rewritten_when_nothing_was_new(tmp_path):
    path = tmp_path / "regex.marshal"
    first = compiled.Patterns(path)
    first.compile("old", 0)
    first.save()
    second = compiled.Patterns(path)
    second.compile("new", 0)
    second.save()
    assert set(marshal.loads(path.read_bytes())) == {("new", 0)}
    before = path.stat().st_mtime_ns
    third = compiled.Patterns(path)
    third.compile("new", 0)
    third.save()
    assert third.missed == 0 and path.stat().st_mtime_ns == before


def test_an_unwritable_place_still_gives_working_patterns(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the directory would be")
    kept = compiled.Patterns(blocked / "sub" / "regex.marshal")
    assert kept.compile("ALK", FLAGS).search("alk+")
    kept.save()  # cannot write: no error
    assert not (blocked / "sub").exists()


def test_building_the_extractor_keeps_the_readers_and_the_contexts_programs(tmp_path):
    """One run of the extractor's build (a process of its own, with the cache in a fresh folder) keeps the programs of
    the reader's phrase patterns, of its key-value table and of the context's cue patterns in one file: a second run
    compiles none of them."""
    built = extractor.load()
    env = {**os.environ, "ALK_REGEX_CACHE_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", "from bot.nlu import extractor; extractor.load()"], env=env, check=True)
    (path,) = tmp_path.glob("regex-*.marshal")
    kept = marshal.loads(path.read_bytes())
    reader = {(p.pattern, p.flags & ~re.UNICODE) for p, _ in built.reader.regexes}
    context = {(p.pattern, p.flags & ~re.UNICODE) for p in (built.context.breaks, built.context.received_after)}
    kv = built.reader.key_values
    key_value = {(p.pattern, p.flags & ~re.UNICODE) for p in (kv.present, kv.denies, *(k.key for k in kv.keys))}
    keys = {(pattern, flags & ~re.UNICODE) for pattern, flags in kept}
    assert reader <= keys and context <= keys and key_value <= keys


@pytest.mark.parametrize(
    "pattern, groups",
    [
        (
            r"(?<!\w)(?:new|growing) (?:liver|bone) mets?(?!\w)",
            {(" met",), ("bone", "liver"), ("growing", "new"), (" ",)},
        ),
        (r"alk(?:-| )(?:positive|pos)\b", {("alk",), ("pos",)}),
        (r"(?:a|b)?x+y", {("x",), ("y",)}),  # an optional part needs nothing
        (r"(?=abc)d", {("d",)}),  # nor a lookaround
        (r"foo(?:bar)*baz", {("foo",), ("baz",)}),
        (r"(?:foo|\w+)bar", {("bar",)}),  # an alternative needing nothing: the alternation needs nothing
    ],
)
def test_every_group_of_needed_words(pattern, groups):
    """every_necessary: the words one of which each part a match needs has, for each such part; the reader searches a
    text for a phrase pattern only when it has a word of each group (Reader._searched)."""
    assert set(compiled.every_necessary(pattern, FLAGS)) == groups


def test_a_phrase_pattern_matches_only_where_it_has_a_word_of_every_group(patterns, texts):
    """Every match of a phrase pattern in the phrasings has one word of each group of words it needs."""
    reader = extractor.load().reader
    sample = " | ".join(texts)  # one search per pattern
    for k, (regex, _) in enumerate(reader.regexes):
        groups = [*compiled.shared().needs_every(regex.pattern, FLAGS), reader.needs[k] or ("",)]
        for m in regex.finditer(sample):
            folded = compiled.folded(m.group())
            assert all(any(w in folded for w in words) for words in groups), (regex.pattern[:80], m.group())
