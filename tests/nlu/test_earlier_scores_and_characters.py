"""A score of long before, and characters that look like others or like nothing (lead7, 2026-12-07).

- A performance score told with a time well before now and no score after it ("ECOG 0 two years ago", "ECOG 1
  premorbid", "ECOG 1 before admission") read as the current score; with a score now after a time the reader did not
  know ("ECOG 1 pre-illness, now 3", "ECOG 1 prior to illness, now 3") the old one was read. Now left unset (asked), or
  the later score read.
- A zero-width space or a soft hyphen inside the words ("no<ZWSP>brain mets", "brain mets: n<ZWSP>o") read the
  metastases PRESENT; a non-breaking hyphen ("G1202R not<NBH>detected", "non-detected") read the mutation PRESENT.
  Invisible characters are dropped, hyphens and minus signs of other code points read as "-", full-width characters
  as ASCII ("ECOG <FULLWIDTH 1>").
Controls: a score of days ago, one before a TKI's start or beside an old diagnosis (read); the positive forms with the
same characters ("ALK<NBH>positive", "G12<ZWSP>02R detected")."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than


@pytest.mark.parametrize("text", [
    "ECOG 0 two years ago",
    "was ECOG 0 two years ago",
    "ECOG 0 a year ago",
    "ECOG 1 premorbid",
    "ECOG 1 pre-morbidly",
    "PS 1 pre-illness",
    "ECOG 1 before admission",
    "ECOG 0 before her diagnosis",
    "WHO PS 0 last year",
    "ECOG 1 pre-illness. Now 3",
])
def test_a_score_of_long_before_with_none_now_is_not_read(text: str) -> None:
    assert_reads(text, {"ecog": None})


@pytest.mark.parametrize(("text", "now"), [
    ("ECOG 1 pre-illness, now 3", 3),
    ("ECOG 1 prior to illness, now 3", 3),
    ("ECOG 1 pre-diagnosis, now 3", 3),
    ("ECOG 0 two years ago, now 2", 2),
    ("ECOG 1 before admission, 3 now", 3),
    ("ECOG 1 two days ago", 1),
    ("ECOG 1 before starting lorlatinib", 1),
    ("ECOG 1, diagnosed two years ago", 1),
    ("ECOG 1 at diagnosis, now 3", 3),
])
def test_the_score_now_is_read(text: str, now: int) -> None:
    assert_reads(text, {"ecog": now})


@pytest.mark.parametrize(("text", "field"), [
    ("no\u200bbrain mets", "brain_metastases"),
    ("brain mets: n\u200bo", "brain_metastases"),
    ("no brain\u00admets", "brain_metastases"),
    ("G1202R not\u2011detected", "alk_mutations"),
    ("G1202R non\u2011detected", "alk_mutations"),
    ("G1202R non-detected", "alk_mutations"),
    ("Leptomeningeal disease: n\ufeffo", "leptomeningeal"),
])
def test_invisible_characters_and_other_hyphens_never_turn_a_denial_into_a_finding(text: str, field: str) -> None:
    assert_reads_other_than(text, {field: True} if field != "alk_mutations" else {field: ["G1202R"]})


@pytest.mark.parametrize(("text", "fields"), [
    ("G12\u200b02R detected", {"alk_mutations": ["G1202R"]}),
    ("ALK\u2011positive", {"alk_positive": True}),
    ("ALK\u2212", {"alk_positive": False}),
    ("ECOG \uff11", {"ecog": 1}),
    ("\uff25\uff23\uff2f\uff27 2", {"ecog": 2}),
    ("brigat\u00adinib 2023-2024", {"prior_tkis": ["brigatinib"]}),
    ("brain mets: n\u200bo", {"brain_metastases": False}),
])
def test_the_words_as_seen_are_read(text: str, fields: dict) -> None:
    assert_reads(text, fields)
