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


# ---- pregnancy: a form's field answered "not applicable"; a wish to avoid pregnancy ---------------------------------

@pytest.mark.parametrize("text", [
    "Pregnancy: not applicable",
    "Pregnancy status - not applicable (male).",
    "Q9 (pregnancy or breastfeeding): not applicable, patient is male.",
    "Item 12 (pregnancy): 'not applicable'.",
    "Pregnant/breastfeeding: not applicable",
    "ECOG 1; pregnancy: not relevant (post-hysterectomy).",
])
def test_a_pregnancy_field_answered_not_applicable(text):
    assert_reads(text, {"pregnancy_status": "not_applicable"})


@pytest.mark.parametrize("text", [
    "She wants to avoid another pregnancy.",
    "34F, would like to avoid pregnancy while on treatment.",
    "She is keen to avoid becoming pregnant.",
])
def test_a_wish_to_avoid_pregnancy_is_childbearing_potential(text):
    assert_reads(text, {"pregnancy_status": "childbearing_potential"})


@pytest.mark.parametrize("text", [
    "Pregnancy: not known",
    "Pregnancy: n/a",  # not applicable or not assessed: neither is read
    "Pregnancy test: not done",
    "Is pregnancy applicable here?",
    "Women should avoid pregnancy while on lorlatinib.",
    "Does she need to avoid pregnancy on brigatinib?",
    "Is contraception not applicable if she is 52?",
])
def test_near_misses_of_a_pregnancy_status(text):
    assert_reads(text, {"pregnancy_status": None})


@pytest.mark.parametrize("text", [
    "She is trying to get pregnant.",
    "She hopes to become pregnant after treatment.",
    "She does not want to become pregnant.",
    "Advised not to become pregnant while on lorlatinib.",
    "She is keen to avoid becoming pregnant.",
])
def test_a_pregnancy_to_come_or_to_avoid_is_not_a_pregnancy(text):
    assert_reads(text, {"pregnancy_status": "childbearing_potential"})


@pytest.mark.parametrize("text", [
    "She is pregnant.",
    "She became pregnant in March; 12 weeks now.",
    "Now 20 weeks pregnant.",
    "Pregnant (first trimester).",
])
def test_a_pregnancy_stated_is_still_read(text):
    assert_reads(text, {"pregnancy_status": "pregnant"})
