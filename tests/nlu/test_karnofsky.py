"""A Karnofsky score read as the ECOG grade the knowledge base's published conversions agree on, never otherwise.

The conversion tables are in bot/knowledge/meta.yml (karnofsky_to_ecog, one per cited source). A score they put on
different grades is not read, so the assistant asks for the ECOG. The forms are how clinicians write the score; the
near-misses must not be read. None is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from bot import knowledge
from bot.nlu import extractor, reader

KB = knowledge.default()
AGREED = KB.karnofsky_ecog
DISPUTED = [score for score in range(10, 101, 10) if score not in AGREED]


def read(text: str) -> dict:
    return extractor.extract_case(text)


def reads(text: str) -> object:
    return read(text).get("ecog", "absent")


def test_the_tables_agree_on_some_scores_and_not_on_others():
    # the comparison below is not between two empty lists
    assert AGREED and DISPUTED


@pytest.mark.parametrize("form", ["KPS {}", "KPS {}%", "Karnofsky {}", "Karnofsky {}%", "KPS of {}", "kps {}",
                                  "Karnofsky performance status {}", "Karnofsky performance status (KPS) of {}%",
                                  "KPS: {}.", "Karnofsky index {}", "Karnofsky score {}", "KPS is {}",
                                  "ALK+ NSCLC, PD on brigatinib, KPS {}, plan re-biopsy"])
def test_every_form_of_an_agreed_score_is_its_ecog_grade(form):
    for score, grade in AGREED.items():
        assert reads(form.format(score)) == grade, form.format(score)


@pytest.mark.parametrize("form", ["KPS {}", "Karnofsky {}%", "KPS of {}", "Karnofsky performance status {}",
                                  "ALK+ NSCLC, PD on brigatinib, KPS {}, plan re-biopsy"])
def test_a_score_the_tables_disagree_on_is_not_read(form):
    for score in DISPUTED:
        assert reads(form.format(score)) == "absent", form.format(score)


@pytest.mark.parametrize("text,ecog", [
    ("KPS 90 at diagnosis, now 80", 1),  # the latest score
    ("KPS 100->80", 1),
    ("KPS 10-20", 4),  # a range whose scores all convert to one grade
    ("ECOG 1 (KPS 80)", 1),  # the same grade said twice
    ("ECOG 1, KPS 70", 1),  # a stated ECOG beside a score the tables disagree on
    ("ECOG PS 2; Karnofsky 60%", 2),
])
def test_a_latest_score_a_narrow_range_and_a_stated_ecog(text, ecog):
    assert reads(text) == ecog, text


@pytest.mark.parametrize("text", [
    "alectinib 80 mg",
    "KPS 80 mg",  # a dose after the number is not a score
    "Karnofsky 80 months",
    "KPs 2+ on slit lamp",  # keratic precipitates, not the Karnofsky abbreviation
    "KPS 70-80",  # a range across grades
    "KPS 80-90",
    "KPS 100 at diagnosis, now 60",  # the latest score is disputed: not the earlier one instead
    "Karnofsky not documented",
    "KPS 85",  # not a score of the scale
    "what if KPS were 80?",  # asked, not stated
    "KPS 800",
])
def test_near_misses_of_a_karnofsky_score(text):
    assert reads(text) == "absent", text


@pytest.mark.parametrize("text", ["ECOG 0, KPS 80", "ECOG 2. Karnofsky 100%"])
def test_a_stated_ecog_that_disagrees_with_a_converted_score_is_a_conflict(text):
    entities = extractor.load().entities(text)
    assert "ecog" in extractor.conflicts(entities) and "ecog" not in extractor.case_fields(entities), text


@pytest.mark.parametrize("text,span", [
    ("KPS 80 / ECOG 1", "KPS 80"),  # a slash after the score that starts no second score: the space is not the score's
    ("KPS 80 - ECOG 1", "KPS 80"),
    ("Karnofsky 80 % / ECOG 1", "Karnofsky 80 %"),  # a space before the per cent sign is
    ("KPS 10 / 20", "KPS 10 / 20"),  # a range whose scores convert to one grade
])
def test_a_karnofsky_span_never_ends_on_a_space(text, span):
    # the spaCy pipeline makes each finding a span of tokens, and a token never ends on a space: a span that does
    # cannot be placed and failed the pipeline on a whole note ("A&P: KPS 80 / ECOG 1.")
    spans = [text[e.start:e.end] for e in extractor.load().entities(text) if e.entity == "ecog" and "K" in text[e.start]]
    assert spans == [span], text


@pytest.mark.parametrize("text,start,end,placed", [
    ("A&P: KPS 80 / ECOG 1", 5, 12, "KPS 80"),  # a space after
    ("x  G1202R", 1, 9, "G1202R"),  # spaces before
    ("ECOG 1\n\n", 0, 8, "ECOG 1"),
    ("ECOG 1", 0, 6, "ECOG 1"),  # nothing to trim
])
def test_every_place_given_back_is_trimmed_of_spaces(text, start, end, placed):
    # the guard behind the fix above: whatever a pattern matches, the place given back starts and ends on a word
    a, b = reader.trim(text, start, end)
    assert text[a:b] == placed
