"""Findings read from consult and form writing (referral proformas, e-consults, trial screening, pharmacist and
palliative notes), each form with several phrasings of how clinicians write it and the near-misses that must not be
read. Written from the forms' wording, not copied from the independent sets. (Branch recall9: sets 9 and 4 styles.)"""
from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads

read = extractor.extract_case

# ---- tick boxes: several questions on one line, each ended by a full stop -------------------------------------------
# The full stop after an unticked option ends that option; the next question is not read as part of it.

_QUESTIONS = [("Brain metastases:", "brain_metastases"), ("Brain mets", "brain_metastases"),
              ("Leptomeningeal disease:", "leptomeningeal"), ("Lepto", "leptomeningeal"),
              ("LMD?", "leptomeningeal")]


def _two_questions():
    for (q1, f1), (q2, f2) in itertools.product(_QUESTIONS[:2], _QUESTIONS[2:]):
        for a, b in itertools.product((True, False), repeat=2):
            first = f"{q1} [X] Yes [ ] No." if a else f"{q1} [ ] Yes [X] No."
            second = f"{q2} [x] Yes [ ] No." if b else f"{q2} [ ] Yes [x] No."
            yield f"{first} {second}", {f1: a, f2: b}
            yield f"Form - {first} {second}", {f1: a, f2: b}


@pytest.mark.parametrize("text,fields", list(_two_questions()))
def test_each_question_of_a_line_of_tick_boxes_reads_its_own_ticked_box(text, fields):
    assert_reads(text, fields)
