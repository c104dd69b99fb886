"""No pattern the reader compiles can split one run of characters many ways before it fails (catastrophic
backtracking): work counted by the pattern's shape, not timed.

A repeat whose body may match a run of one character class on its own ("(?:\\s|\\.{2,})*", "(?:\\w+\\s*){1,4}?") can
share a long run among its repeats in every possible way; when what follows fails, the engine tries them all. A
checklist's dotted leader after a finding ("ECOG 0-2 ........ Y") took the reader 107 s CPU to read that way; an
aligned line's run of spaces, a long word after a question did the same. Such a run is taken whole instead (a
lookahead after it, "\\.{4,}(?!\\.)"), or the repeat's words are separated ("\\w+(?:\\s+\\w+){0,3}"). The bench's
hostile messages (bench/nlu_phrasings.py HOSTILE, read in tests/nlu/test_spacy_pipeline.py) hold such text."""
from __future__ import annotations

import json
import os
import sre_compile
import sre_constants as C
import sre_parse
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
_SINGLE = {C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY, C.CATEGORY}

# Every pattern string compiled while the extractor loads and reads a case (re's own compile and the kept programs of
# bot/nlu/compiled.py), printed as JSON: a fresh process, so that the modules' own patterns are compiled in it.
_RECORD = """
import json, re, sys
seen = set()
compile_ = re._compile
def record(pattern, flags):
    if isinstance(pattern, str):
        seen.add((pattern, int(flags)))
    return compile_(pattern, flags)
re._compile = record
from bot.nlu import compiled, exports, extractor, key_value, therapies, tick_boxes, typist, when
for text in sys.argv[1:]:
    extractor.extract_case(text)
    extractor.message_asks(text)
seen |= {(p, int(f)) for p, f in compiled.shared().used}
print(json.dumps(sorted(seen)))
"""
_TEXTS = [
    "Progressed on alectinib 2019-2022, then brigatinib; ECOG 1; plasma NGS: ALK G1202R, MET amp not detected.",
    "Brain mets? No. What now? Liver only.\nLatest CT: new liver lesions x3, bone stable\nPlan: lorlatinib",
    "I5 ECOG 0-2 .......... Y (ECOG 2)\nE6 Strong CYP3A inducer use ...... N\nAny prior TKI? No - alectinib.",
]


def _one_char_run(item: tuple[Any, Any]) -> bool:
    op, av = item
    return op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[1] == C.MAXREPEAT and len(av[2]) == 1 and av[2][0][0] in _SINGLE


def _may_be_empty(item: tuple[Any, Any]) -> bool:
    op, av = item
    return (op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0) or op == C.AT


def _alternatives(body: Any) -> list[Any]:
    """The alternatives of ``body``, through groups and alternatives nested in one ("(?:(?:a+|b)|c)": a+, b, c)."""
    items = list(body)
    if len(items) == 1 and items[0][0] == C.BRANCH:
        return [inner for alt in items[0][1][1] for inner in _alternatives(alt)]
    if len(items) == 1 and items[0][0] == C.SUBPATTERN:
        return _alternatives(items[0][1][3])
    return [body]


# characters a repeat's alternatives are tried on, one at a time: whitespace, list punctuation, a blanked finding
_SAMPLE = " \t\n,/.;:-()\x00a1"


def _one_char_matchers(alternatives: list[Any], flags: int) -> list[str]:
    """The characters of _SAMPLE that two of ``alternatives`` each match alone ("[\s,/]" and "\s" both take a
    space): a run of them can be taken by either alternative at every character."""
    compiled = []
    for alt in alternatives:
        try:
            compiled.append(sre_compile.compile(alt, flags))
        except Exception:  # an alternative that refers to a group outside it: not compiled alone
            continue
    return [c for c in _SAMPLE if sum(1 for p in compiled if (m := p.match(c)) and m.end() == 1) > 1]


def splits_runs(pattern: str, flags: int = 0) -> list[str]:
    """The repeats of ``pattern`` (more than 3 times) with an alternative that is one unbounded run of one character
    class with nothing else it must match, or with two alternatives that each take the same character alone: such a
    repeat can split one run of that class among its repeats."""
    found: list[str] = []

    def walk(sub: Any) -> None:
        for op, av in sub:
            if op in (C.MAX_REPEAT, C.MIN_REPEAT):
                if av[1] == C.MAXREPEAT or av[1] > 3:
                    found.extend(f"two alternatives take {c!r}" for c in _one_char_matchers(_alternatives(av[2]), flags))
                    for alt in _alternatives(av[2]):
                        items = list(alt)
                        for k, item in enumerate(items):
                            rest = items[:k] + items[k + 1 :]
                            if _one_char_run(item) and all(_may_be_empty(other) for other in rest):
                                found.append(str(alt)[:120])
                walk(av[2])
            elif op == C.BRANCH:
                for alt in av[1]:
                    walk(alt)
            elif op == C.SUBPATTERN:
                walk(av[3])
            elif op in (C.ASSERT, C.ASSERT_NOT):
                walk(av[1])

    walk(sre_parse.parse(pattern, flags))
    return found


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:\s|\.{2,}|…|[,:;?(–—-])*(?:no idea|unsure)",  # the unknown_after lead that took 107 s
        r"^(?:[\s:=-]|\.{4,})*(?:negative)",
        r"(?:\s+|\x00+|(?:and|or))*",
        r"^\W*(?:[\w/+.-]+\s*){1,4}?[.?!]*\s*$",
        r"[^\s:](?:[^\s:]*[ \t]+){0,5}?[^\s:]*",
        r"(?:a|\w+)*x",
        r"(?:(?:[\s,/]+|\s*(?:or|and)\s+)|\s)*",  # trust7's denied_examples_join, nested in the frame's group
        r"(?:(?:[\s,/]|(?:or|and)(?=\s))|\s)*",  # the same, its runs one character at a time but "\s" twice
    ],
)
def test_the_audit_finds_a_repeat_that_splits_a_run(pattern):
    assert splits_runs(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:\s|\.{2,}(?!\.)|…|[,:;?(–—-])*(?:no idea|unsure)",
        r"^(?:[\s:=-]|\.{4,}(?!\.))*(?:negative)",
        r"(?:\s|\x00|(?:and|or))*",
        r"^\W*[\w/+.-]+(?:\s+[\w/+.-]+){0,3}\s*[.?!]*\s*$",
        r"[^\s:]+(?:[ \t]+[^\s:]+){0,5}",
        r"(?:\w+\s)*x",
        r"(?: [\w-]+){0,5}?",
    ],
)
def test_the_audit_passes_a_repeat_whose_runs_are_taken_whole(pattern):
    assert not splits_runs(pattern)


def test_no_pattern_of_the_reader_splits_a_run():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _RECORD, *_TEXTS], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True)
    patterns = json.loads(done.stdout)
    assert len(patterns) > 1000  # the phrase file's patterns were seen
    bad = {p[:200]: found for p, flags in patterns if (found := splits_runs(p, flags))}
    assert not bad, json.dumps(bad, indent=1, ensure_ascii=False)
