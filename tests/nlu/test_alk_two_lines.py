"""Two ALK results in two lines, cells or sentences of one message, as pasted from a record or written in a note: an
untimed negative beside a positive told at diagnosis is the same work-up's results stated both ways (alkstat: it was
left unread and the positive read, though nothing placed the negative at another time), asked about as in one row;
with a progression told between them the negative is left unread (its time may be the progression's: it never makes
the case ALK-negative, out of scope), the positive at diagnosis read; each result stated with its own time keeps it.
The same rule as tests/nlu/test_alk_two_times.py applies to prose within one sentence."""

from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_other_than

read = extractor.extract_case

UNTIMED_NEGATIVE = ["ALK IHC: negative", "ALK (D5F3): negative", "ALK IHC: neg", "ALK D5F3 IHC - negative",
                    "ALK (Ventana) IHC: negative", "ALK IHC negative", "ALK IHC neg", "ALK status: negative"]
POSITIVE_AT_DIAGNOSIS = ["ALK FISH: positive at diagnosis", "ALK FISH (dx): positive", "ALK FISH positive at dx",
                         "ALK FISH (at diagnosis): positive", "ALK FISH: positive (at diagnosis)",
                         "ALK NGS at diagnosis: positive", "ALK break-apart FISH: pos at baseline",
                         "ALK FISH: positive on the diagnostic biopsy"]
JOINS = [". ", "\n", "\n\n"]
# cells or clauses of one row: the two results are one statement's, the diagnosis's work-up stated both ways
ROW_JOINS = [" | ", "; "]


@pytest.mark.parametrize("text", [
    first + join + second
    # (not "ALK D5F3 IHC - negative", read as a denial of the negative with or without a time)
    for negative, positive in itertools.product(UNTIMED_NEGATIVE, POSITIVE_AT_DIAGNOSIS)
    if " - " not in negative
    for join in JOINS
    for first, second in ((negative, positive), (positive, negative))
])
def test_an_untimed_negative_beside_a_positive_at_diagnosis_is_asked_about(text):
    """(alkstat) as in one row (below): never read as positive nor negative."""
    entities = extractor.load().entities(text)
    assert "alk_positive" in extractor.conflicts(entities), (text, entities)
    assert_reads(text, {"alk_positive": None, "alk_fusion_at_progression": None})


# a progression told between the two lines or sentences
BETWEEN = [". Progressed on alectinib. ", "\nPD on alectinib\n", "\nProgression on lorlatinib.\n"]


@pytest.mark.parametrize("text", [
    first + join + second
    for negative, positive in itertools.product(UNTIMED_NEGATIVE, POSITIVE_AT_DIAGNOSIS)
    for join in BETWEEN
    for first, second in ((negative, positive), (positive, negative))
])
def test_an_untimed_negative_with_a_progression_between_is_left_unread(text):
    """Never ALK-negative nor asked: the positive at diagnosis is read where its words are read past the progression
    (a bracketed "(dx)" after a progression's line is not, as before), the negative after the progression may be the
    fusion not found again there."""
    entities = extractor.load().entities(text)
    assert "alk_positive" not in extractor.conflicts(entities), (text, entities)
    assert_reads_other_than(text, {"alk_positive": False})


@pytest.mark.parametrize("text", [
    first + join + second
    # (not "ALK D5F3 IHC - negative", read as a denial of the negative with or without a time, nor an NGS positive:
    # NGS is not one of the two methods the discordance rows compare)
    for negative, positive in itertools.product(UNTIMED_NEGATIVE, POSITIVE_AT_DIAGNOSIS)
    if " - " not in negative and "NGS" not in positive
    for join in ROW_JOINS
    for first, second in ((negative, positive), (positive, negative))
])
def test_an_untimed_negative_in_the_row_of_a_positive_at_diagnosis_is_asked_about(text):
    """(ecog branch, item 2) One result dated at the diagnosis and another with no time in the same row: the same
    time's results disagreeing (a discordance), ALK status stated both ways, never read as positive nor negative."""
    entities = extractor.load().entities(text)
    assert "alk_positive" in extractor.conflicts(entities), (text, entities)
    assert_reads(text, {"alk_positive": None, "alk_fusion_at_progression": None})


@pytest.mark.parametrize("text,fields", [
    # each result with its own time
    ("ALK IHC: negative on rebiopsy. ALK FISH: positive at diagnosis.",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("ALK FISH (dx): positive\nRebiopsy ALK IHC: negative",
     {"alk_positive": True, "alk_fusion_at_progression": False, "alk_fusion_specimen": "tissue"}),
    ("Dx: ALK FISH positive. At PD: ALK IHC negative.", {"alk_positive": True, "alk_fusion_at_progression": False}),
    # one result: read as before
    ("ALK FISH: positive at diagnosis", {"alk_positive": True}),
    ("ALK (D5F3): positive at dx", {"alk_positive": True}),
    ("ALK IHC: negative", {"alk_positive": False}),
    ("ALK IHC: negative. EGFR: negative.", {"alk_positive": False}),
    # another test's positive at diagnosis says nothing of the ALK negative
    ("ALK IHC: negative. PD-L1: positive at diagnosis.", {"alk_positive": False}),
    ("ALK IHC: negative | EGFR: positive at diagnosis", {"alk_positive": False}),
    ("ALK IHC negative. ROS1 FISH positive at diagnosis.", {"alk_positive": False}),
])
def test_results_with_their_own_time_keep_it(text, fields):
    case = read(text)
    assert {k: v for k, v in case.items() if k.startswith("alk_")} == fields, (text, case)


@pytest.mark.parametrize("text", [
    "ALK IHC: negative | ALK FISH: positive",  # two results, no time: stated both ways
    "ALK IHC: negative\nALK FISH: positive",
    "ALK IHC negative. ALK FISH positive.",
])
def test_two_untimed_results_are_left_unread(text):
    assert_reads(text, {"alk_positive": None})


@pytest.mark.parametrize("text", [
    "ALK IHC: negative? ALK FISH: positive at diagnosis?",
    "If ALK IHC is negative and ALK FISH positive at diagnosis, what next?",
])
def test_questions_state_no_negative(text):
    assert_reads_other_than(text, {"alk_positive": False})
