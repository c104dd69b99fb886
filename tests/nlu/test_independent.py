"""The extractor on the independent phrasing sets (tests/nlu/independent*.yml: written by other hands from published
case reports and report wording, without reading the extractor), file by file.

The tuning halves were tuned on, so passing them is a floor, not the measure: each floor is the level reached when
tuning ended less about one sentence's worth of slack. The held-out halves were never read: their floors are
regression guards at the level bench/nlu_phrasings.py measured (less slack), and a failure shows the figures only,
never a sentence. The questions files hold messages that must change nothing."""
from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

import pytest

from bot.decision import validate_case
from bot.nlu import extractor
from tests.nlu import independent

# Each file's F1 floor (findings), the most of its questions that may change the case (questions) and its smallest
# size (questions) are columns of its set's row in tests/nlu/independent.py SETS.
# Fields the extractor reads that the case schema does not hold; none at present (the clinical branch added
# intolerant_tkis, pregnancy_status and strong_cyp3a_inhibitor to the schema).
NEW_FIELDS: dict[str, tuple | None] = {}
SCHEMA = Path(__file__).resolve().parents[2] / "bot" / "schemas" / "case.schema.json"
FINDINGS = [f for f in independent.FILES if f.kind == "findings"]
QUESTIONS = [f for f in independent.FILES if f.kind == "questions"]


@functools.lru_cache(maxsize=None)
def _reading(text: str) -> dict:
    return extractor.extract_case(text)


def _read(text: str) -> dict:
    """The extractor's reading of ``text``, read once for this file's tests (the floors and the schema check read the
    same tuned sentences; each reading takes tens of milliseconds), a copy each time it is asked."""
    return copy.deepcopy(_reading(text))


def _rows(f: independent.PhrasingFile) -> list[dict]:
    assert f.path.exists(), f"{f.path} is missing: the phrasing sets are part of the repository"
    return independent.items(f.path)


@pytest.mark.parametrize("f", FINDINGS, ids=[f.name for f in FINDINGS])
def test_each_findings_file_is_read_at_its_floor(f):
    rows = _rows(f)
    size = len(rows)  # a plain number: pytest's rewriting of len(rows) would print the rows, held-out ones too
    assert size >= 120, (f.name, size)
    s = independent.score(rows, independent.reader(f.set, _read), independent.UNANNOTATED[f.set])
    shown = s.misses[:10] if f.tuned else "held-out: sentences not shown"
    # plain numbers in the assertion: pytest's rewriting would print the Score object, held-out misses and all
    f1, floor = float(s.f1), float(f.f1_floor)
    assert f1 >= floor, (s.summary(), json.dumps(shown, indent=1))


@pytest.mark.parametrize("f", QUESTIONS, ids=[f.name for f in QUESTIONS])
def test_questions_change_the_case_no_more_than_measured(f):
    rows = _rows(f)
    size, least = len(rows), int(f.min_questions)  # plain numbers, as above
    assert size >= least, (f.name, size, least)
    changed = independent.changed_the_case(rows, _read)
    count, most = len(changed), int(f.questions_changed)  # plain numbers: pytest would print the held-out messages
    assert count <= most, changed if f.tuned else count


TUNED = [f for f in FINDINGS if f.tuned]


@pytest.mark.parametrize("set_id", [s.id for s in independent.SETS])
def test_each_set_holds_at_least_300_findings_sentences(set_id):
    """Issue 15: a phrasing set of at least 300 sentences, split; each half at least 120 (above)."""
    sizes = [len(_rows(f)) for f in FINDINGS if f.set == set_id]
    total = sum(sizes)  # plain numbers only
    assert len(sizes) == 2 and total >= 300, (set_id, sizes)


def test_every_file_has_a_floor():
    assert FINDINGS and QUESTIONS
    assert all(isinstance(f.f1_floor, float) for f in FINDINGS), [f.name for f in FINDINGS if f.f1_floor is None]
    assert all(isinstance(f.questions_changed, int) for f in QUESTIONS), [f.name for f in QUESTIONS
                                                                           if f.questions_changed is None]


@pytest.mark.parametrize("path", [f.path for f in TUNED], ids=[f.name for f in TUNED])
def test_what_is_read_from_a_tuning_half_is_a_valid_partial_case(path):
    known = set(json.loads(SCHEMA.read_text())["properties"])
    for row in independent.items(path):
        found = _read(row["text"])
        assert set(found) - known <= set(NEW_FIELDS), row["text"]
        validate_case({k: v for k, v in found.items() if k in known})


def test_the_second_annotators_sentences_come_from_tuning_halves_only():
    """bench/annotator_agreement.py compares a second annotator with the writers on tuning-half sentences: none may
    come from a held-out half (that would show held-out sentences to whoever reads the file)."""
    second = [r["text"] for r in independent.items(Path(independent.HERE) / "second_annotator.yml")]
    tuned = {r["text"] for f in FINDINGS if f.tuned for r in independent.items(f.path)}
    assert len(second) == 300 and set(second) <= tuned


def test_field_counts_pool_to_the_totals():
    """The per-field counts the bench prints (--by-field) are the same pairs as the totals, field by field, and pool
    across files like the totals."""
    rows = [{"text": "a", "expect": {"ecog": 1, "biopsy": "tissue"}},
            {"text": "b", "expect": {"alk_mutations": ["G1202R", "L1196M"]}}]
    reads = {"a": {"ecog": 2, "biopsy": "tissue"}, "b": {"alk_mutations": ["G1202R"], "histology": "adenocarcinoma"}}
    one = independent.score(rows, reads.__getitem__)
    assert one.fields == {"ecog": [0, 1, 1], "biopsy": [1, 0, 0], "alk_mutations": [1, 0, 1], "histology": [0, 1, 0]}
    assert [sum(c[i] for c in one.fields.values()) for i in range(3)] == [one.tp, one.fp, one.fn]
    both = independent.Score()
    both.add(one)
    both.add(one)
    assert both.fields["alk_mutations"] == [2, 0, 2] and (both.tp, both.fp, both.fn) == (4, 4, 4)
