"""The tuned questions files of the independent sets (tests/nlu/independent.py FILES, kind "questions") put to the
assistant in-process as bench/questions_dialogue.py puts them (tests/dialogue_turn.py: the trained model's NLU
pipeline, then the case form and the rule's action, in the middle of worked example V01 and after its answer).

A REGRESSION FLOOR, not a zero: some tuned questions still change the case in the dialogue (issue 15), so each file
may change it with at most as many questions as bench/questions_dialogue.py measured when this test was written
(2026-12-02; set 6 lowered from 12 to 3 by the hurried-question forms; the three left state a finding in a clause
of its own before the question, which the project keeps as stated and shows in the read-back). Lower a figure when a fix lowers
it; never raise one. The texts that change the case are printed on failure. Held-out files are not run here: only the
bench's counts of them are looked at.
"""
from __future__ import annotations

import pytest

from tests.dialogue_turn import nlu_parser, questions_changing_the_case
from tests.nlu import independent

CHANGED_IN_DIALOGUE = {"set 2 questions tuned": 0, "set 3 questions tuned": 0, "set 4 questions tuned": 0,
                       "set 5 questions tuned": 0, "set 6 questions tuned": 3, "set 7 questions tuned": 0,
                       "set 8 questions tuned": 0, "set 9 questions tuned": 0}
TUNED = [f for f in independent.FILES if f.kind == "questions" and f.tuned]


@pytest.fixture(scope="module")
def parse():
    with nlu_parser() as parse:
        yield parse


def test_every_tuned_questions_file_has_a_floor():
    assert {f.name for f in TUNED} == set(CHANGED_IN_DIALOGUE)


@pytest.mark.parametrize("f", TUNED, ids=[f.name for f in TUNED])
def test_tuned_questions_change_the_case_no_more_than_measured(parse, f):
    rows = independent.items(f.path)
    assert len(rows) >= 39, "not the file measured"  # the smallest tuned questions file (set 7) holds 39
    changed = questions_changing_the_case(parse, rows)
    assert len(changed) <= CHANGED_IN_DIALOGUE[f.name], "\n".join(f"{m['text']!r}: {m['changed']}" for m in changed)
