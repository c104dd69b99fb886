"""A blind second annotator's labels of 300 tuning-half and 300 held-out sentences of the twenty independent sets
(tests/nlu/second_annotator_20sets_*.yml; bench/annotator_agreement.py prints the figures): each label names its
sentence, is a case the schema admits, and the extractor's F1 on what the two humans agree on does not fall below
where it was measured. A failure shows figures, set numbers and rows only, never a held-out sentence."""
from __future__ import annotations

import functools
from collections import Counter

import pytest

from bot.decision import validate_case
from bot.nlu import extractor
from tests.nlu import independent

# extractor vs consensus, F1 measured on 2026-12-07 (python bench/annotator_agreement.py) less 0.001:
# tuning halves 0.964, held-out halves 0.916; (2026-12-07, after lead13, time21 and safe20) tuning halves 0.973,
# held-out unchanged
CONSENSUS_FLOOR = {"tune": 0.972, "heldout": 0.915}
HALVES = sorted(CONSENSUS_FLOOR)


@functools.lru_cache(maxsize=None)
def _sample(half: str) -> tuple[dict, ...]:
    return tuple(independent.second_sample(half))


@pytest.mark.parametrize("half", HALVES)
def test_every_label_names_its_sentence_and_the_sample_is_as_drawn(half):
    """Row and digest still name the sentence labelled (a set's file edited under the labels breaks the figures), and
    the sample is 15 distinct rows of each of the twenty sets."""
    rows = _sample(half)
    moved = [(r["set"], r["row"]) for r in rows if not r["matches"]]
    assert not moved, f"labels no longer naming their sentence (set, row): {moved}"
    assert len({(r["set"], r["row"]) for r in rows}) == len(rows) == 300
    # the study drew from sets 1-20 (2026-12-07); later sets are not in it
    assert Counter(r["set"] for r in rows) == {s.id: 15 for s in independent.SETS if int(s.id) <= 20}


@pytest.mark.parametrize("half", HALVES)
def test_every_label_is_a_case_the_schema_admits(half):
    for r in _sample(half):
        try:
            validate_case(r["second"])
        except Exception as error:  # the schema's message names the field, never the sentence
            pytest.fail(f"set {r['set']} row {r['row']}: {type(error).__name__}: {str(error)[:200]}")


@pytest.mark.parametrize("half", HALVES)
def test_the_extractor_on_what_two_readers_agree_on_keeps_its_level(half):
    scores = independent.agreement(list(_sample(half)), extractor.extract_case)
    consensus = scores["extractor vs consensus"]
    assert consensus.f1 >= CONSENSUS_FLOOR[half], {name: s.summary() for name, s in scores.items()}


def test_consensus_leaves_out_what_the_readers_disagree_on_and_counts_what_both_left_silent():
    """The consensus score on three made-up rows: a field the humans disagree on counts for nothing, a field both
    state alike is scored, and a field both left silent is an extra when the extractor reads it."""
    rows = [{"set": "2", "text": "a", "writer": {"ecog": 1, "biopsy": "tissue"}, "second": {"ecog": 1}},
            {"set": "2", "text": "b", "writer": {"progression": "systemic"}, "second": {"progression": "systemic"}},
            {"set": "2", "text": "c", "writer": {}, "second": {}}]
    reads = {"a": {"ecog": 2}, "b": {"progression": "systemic"}, "c": {"histology": "squamous"}}
    scores = independent.agreement(rows, reads.__getitem__)
    consensus = scores["extractor vs consensus"]
    assert (consensus.tp, consensus.fp, consensus.fn) == (1, 2, 1)  # b right; a's ecog wrong (fp+fn); c's extra
    assert consensus.fields == {"progression": [1, 0, 0], "ecog": [0, 1, 1], "histology": [0, 1, 0]}
    second = scores["second vs writers"]
    assert (second.tp, second.fp, second.fn, second.exact) == (2, 0, 1, 2)
