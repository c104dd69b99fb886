"""A TKI held, withheld, interrupted or paused for a toxicity ("alectinib held for hepatotoxicity", "brigatinib
withheld because of pneumonitis", "lorlatinib interrupted for grade 3 hyperlipidaemia", "on alectinib; dose held for
CK rise") was received and not tolerated: the case reader reads it intolerant (intolerant_tkis), the therapy-role
reader reads it intolerant (received, never the choice), the grader credits the intolerance. A hold for another
reason, a hold after which the TKI was given again (tests/nlu/test_history_forms.py) or said to be a short pause
("held for a week for CK rise", "temporarily held": tests/nlu/test_forms.py), or a stop for progression, is no
intolerance."""

from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor
from bot.nlu.therapies import CHOSEN, INTOLERANT, PRIOR
from bot.practice import findings, grading

HELD = [
    "{t} held for hepatotoxicity",
    "{t} withheld because of pneumonitis",
    "{t} interrupted for grade 3 hyperlipidaemia",
    "{t} was held due to CK elevation",
    "{t} put on hold for transaminitis",
    "{t} paused because of grade 3 rash",
    "{t} suspended because of pneumonitis",
    "On {t}; dose held for CK rise",
    "on {t}, dose interrupted for raised ALT",
    "{t} 600 mg bd, held for grade 3 ALT rise",
    "held {t} for hepatotoxicity",
]
TKIS = [("alectinib", "alectinib"), ("Alunbrig", "brigatinib"), ("lorlatinib", "lorlatinib")]


@pytest.mark.parametrize("text, tki", [
    (form.format(t=name), generic) for form, (name, generic) in itertools.product(HELD, TKIS)
])
def test_a_tki_held_for_a_toxicity_is_read_intolerant(text, tki):
    case = extractor.extract_case(text[0].upper() + text[1:] + ".")
    assert case.get("intolerant_tkis") == [tki] and case.get("prior_tkis") == [tki], (text, case)


@pytest.mark.parametrize("text", [
    "alectinib held for surgery", "alectinib held for 2 days around the SBRT", "alectinib stopped for progression",
    "alectinib discontinued at progression", "alectinib was held, then restarted",
    "alectinib held for hepatotoxicity, restarted at 450 mg bd", "Alectinib held for CK rise; resumed after a week.",
    "alectinib temporarily held for hepatotoxicity", "Alectinib held for a week for CK rise.",
    "alectinib held x5d for transaminitis", "alectinib paused for 2 weeks because of pneumonitis",
])
def test_a_hold_for_no_toxicity_is_no_intolerance(text):
    case = extractor.extract_case(text)
    assert not case.get("intolerant_tkis") and case.get("prior_tkis") == ["alectinib"], (text, case)


@pytest.mark.parametrize("form", HELD)
def test_the_therapy_reader_reads_a_held_tki_intolerant_not_chosen(form):
    text = form.format(t="alectinib") + ", so lorlatinib"
    choice = extractor.therapy_choice(text)
    roles = {m.value: m.role for m in choice.mentions}
    assert roles == {"alectinib": INTOLERANT, "lorlatinib": CHOSEN}, (text, roles)
    assert choice.therapy == "lorlatinib" and choice.intolerant() == ["alectinib"]


@pytest.mark.parametrize("text, role", [
    ("alectinib stopped for progression, so lorlatinib", PRIOR),
    ("alectinib discontinued due to PD; lorlatinib", PRIOR),
    ("alectinib stopped for hepatotoxicity, lorlatinib next", INTOLERANT),
    ("lorlatinib, as alectinib was withheld for hepatotoxicity", INTOLERANT),
    ("intolerant of alectinib, so lorlatinib", INTOLERANT),
    ("alectinib held for hepatotoxicity and resumed at a lower dose; lorlatinib now", PRIOR),
])
def test_a_stop_after_a_therapy_tells_it_was_given(text, role):
    choice = extractor.therapy_choice(text)
    assert {m.value: m.role for m in choice.mentions} == {"alectinib": role, "lorlatinib": CHOSEN}, text
    assert choice.therapy == "lorlatinib"


@pytest.mark.parametrize("answer", [
    "alectinib held for hepatotoxicity, so lorlatinib",
    "Alecensa withheld because of grade 3 transaminitis: switch to lorlatinib",
    "lorlatinib; alectinib was interrupted for hepatotoxicity",
])
def test_the_grader_credits_the_intolerance_and_the_choice(answer):
    graded = grading.grade("MOD09", answer)  # alectinib stopped for toxicity: lorlatinib preferred
    assert (graded.therapy_grade, graded.chosen_therapy) == ("preferred", "lorlatinib"), graded
    assert {"intolerant_tkis:alectinib", "prior_tkis:alectinib"} <= findings.default().cited(answer)
