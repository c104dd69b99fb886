"""Lines of therapy numbered or told with bare ordinals ("1. crizotinib 2. alectinib 3. ?", "1) alectinib; 2)
lorlatinib", "first crizotinib, second alectinib", "1L alectinib, 2L brigatinib", "alectinib (2nd), crizotinib
(1st)"): the case reader puts the prior TKIs in the order of their numbers, whatever order they are written in; the
therapy-role reader reads the TKIs of the earlier lines as given and the last line's as the one chosen now (none
when the next line is left open: "3. ?"). A ranking ("1st choice lorlatinib, 2nd choice brigatinib") or a plan with
its own cues ("1. lorlatinib 2. chemo at progression") is no sequence of lines."""

from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor
from bot.nlu.therapies import CHOSEN, CONDITIONAL, PRIOR
from bot.practice import bank, findings, grading

BACKWARDS = [
    "{b} (2nd), {a} (1st)", "2nd {b}, 1st {a}", "second {b}, first {a}", "2) {b}; 1) {a}", "2. {b} 1. {a}",
    "{b} was 2nd, {a} 1st", "{b} second, {a} first", "(2) {b} (1) {a}", "Most recent: 2. {b}; 1. {a}",
]
FORWARDS = [
    "1. {a} 2. {b} 3. ?", "1) {a}; 2) {b}", "first {a}, second {b}", "1L {a}, 2L {b}", "1st {a}, 2nd {b}",
    "{a} (1st), {b} (2nd)", "1. {a} (PD after 2 years) 2. {b}",
]
PAIRS = [("crizotinib", "alectinib"), ("alectinib", "lorlatinib"), ("Alecensa", "Alunbrig")]
GENERIC = {"Alecensa": "alectinib", "Alunbrig": "brigatinib"}


@pytest.mark.parametrize("text, order", [
    (form.format(a=a, b=b), [GENERIC.get(a, a), GENERIC.get(b, b)])
    for form, (a, b) in itertools.product(BACKWARDS + FORWARDS, PAIRS)
])
def test_the_case_reader_orders_numbered_lines_by_their_numbers(text, order):
    case = extractor.extract_case(text[0].upper() + text[1:])
    assert case.get("prior_tkis") == order, (text, case)


def test_three_lines_told_newest_first():
    case = extractor.extract_case("3. lorlatinib 2. brigatinib 1. crizotinib")
    assert case.get("prior_tkis") == ["crizotinib", "brigatinib", "lorlatinib"], case


@pytest.mark.parametrize("text", [
    "crizotinib, a first-generation TKI, then alectinib", "alectinib, then brigatinib for the first month",
    "ECOG 1. Alectinib for 2 years, then lorlatinib", "alectinib 2 years then lorlatinib",
])
def test_an_ordinal_of_something_else_is_no_line(text):
    assert extractor.extract_case(text).get("prior_tkis") == [
        t for t in ("crizotinib", "alectinib", "brigatinib", "lorlatinib") if t in text.lower()], text


# text, the TKIs the patient is known to have had (the case's), the TKIs of earlier lines (given), the therapy chosen
# now: a list numbered only is a sequence of lines when it starts with the TKIs the patient had, or leaves a line open
LINES = [
    ("1. crizotinib 2. alectinib 3. ?", (), ["crizotinib", "alectinib"], None),
    ("1) alectinib; 2) lorlatinib", ("alectinib",), ["alectinib"], "lorlatinib"),
    ("first crizotinib, second alectinib", ("crizotinib",), ["crizotinib"], "alectinib"),
    ("1L alectinib, 2L brigatinib", (), ["alectinib"], "brigatinib"),
    ("2L brigatinib, 1L alectinib", (), ["alectinib"], "brigatinib"),
    ("1st line alectinib, 2nd line lorlatinib", (), ["alectinib"], "lorlatinib"),
    ("first-line crizotinib, second-line alectinib, third-line: ?", (), ["crizotinib", "alectinib"], None),
    ("1L alectinib, 2L brigatinib; now lorlatinib", (), ["alectinib", "brigatinib"], "lorlatinib"),
    ("Line 1 crizotinib, line 2 ceritinib, line 3 lorlatinib", (), ["crizotinib", "ceritinib"], "lorlatinib"),
    ("1. Alecensa\n2. Lorbrena", ("alectinib",), ["alectinib"], "lorlatinib"),
    ("1. crizotinib\n2. alectinib\n3. lorlatinib", ("crizotinib", "alectinib"), ["crizotinib", "alectinib"], "lorlatinib"),
    # a ranking of what to give, the first the choice: the patient had none of the earlier ones
    ("1. lorlatinib 2. brigatinib", ("alectinib",), [], "lorlatinib"),
    ("1) Lorbrena; 2) Alunbrig if not tolerated", ("alectinib",), [], "lorlatinib"),
    ("first lorlatinib, second brigatinib", (), [], "lorlatinib"),
    ("1. lorlatinib\n2. brigatinib", ("crizotinib",), [], "lorlatinib"),
]


@pytest.mark.parametrize("text, had, given, chosen", LINES, ids=[t[0] for t in LINES])
def test_the_therapy_reader_reads_earlier_lines_as_given(text, had, given, chosen):
    choice = extractor.therapy_choice(text, had)
    assert (choice.prior(), choice.therapy) == (given, chosen), [(m.value, m.role) for m in choice.mentions]


@pytest.mark.parametrize("text, roles", [
    ("1st choice lorlatinib, 2nd choice brigatinib", {"lorlatinib": CHOSEN, "brigatinib": CHOSEN}),
    ("1. lorlatinib 2. chemo at next progression", {"lorlatinib": CHOSEN, "chemotherapy": CONDITIONAL}),
    ("1. lorlatinib 2. SRS to the brain lesion", {"lorlatinib": CHOSEN, "local_therapy_continue_tki": CHOSEN}),
    ("first lorlatinib, then chemo later", {"lorlatinib": CHOSEN, "chemotherapy": CONDITIONAL}),
    ("after 1L alectinib, lorlatinib", {"alectinib": PRIOR, "lorlatinib": CHOSEN}),
])
def test_a_ranking_or_a_plan_is_no_sequence_of_lines(text, roles):
    assert {m.value: m.role for m in extractor.therapy_choice(text).mentions} == roles, text


@pytest.mark.parametrize("case_id, answer, chosen, given", [
    ("SCP03", "1L crizotinib, 2L alectinib", "alectinib", "crizotinib"),
    ("SCP03", "first crizotinib, second alectinib", "alectinib", "crizotinib"),
    ("ONT01", "1) alectinib; 2) lorlatinib for the G1202R", "lorlatinib", "alectinib"),
])
def test_the_grader_grades_the_last_line(case_id, answer, chosen, given):
    graded = grading.grade(case_id, answer)
    assert (graded.therapy_grade, graded.chosen_therapy) == ("preferred", chosen), graded
    had = bank.get(case_id).case.get("prior_tkis") or ()
    assert f"prior_tkis:{given}" in findings.default().cited(answer, extractor.therapy_choice(answer, had))
