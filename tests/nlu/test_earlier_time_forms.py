"""(timeref) The diagnosis as an earlier time is one list of words, clinical_phrases.yml DXNOUN and DXADV, which the
phrases, the timing cues and the code's own patterns (key_value.py and reader.py's earlier score, context/timing.py's
histology at diagnosis) all read. The lists were four; their union reads an earlier score under words one of them
lacked ("at original diagnosis", "at initial dx", "at first presentation") as the earlier one, never the current.
And a statement is bounded by one helper (context/patterns.py _statement_bounds): a date written with full stops
("11.2025") no longer ends the statement it opens. Phrasings of our own; none is a sentence of the independent
phrasing sets."""
from __future__ import annotations

import pytest

from bot.nlu import key_value, reader, vocabulary
from bot.nlu.context import timing
from tests.nlu.reads import assert_reads


@pytest.mark.parametrize(
    ("text", "ecog"),
    [
        # an earlier score under the union's words: not the current one (asked), the current one when given
        ("ECOG 0 at original diagnosis", None),
        ("PS 1 at the time of first presentation.", None),
        ("ECOG 1 at initial presentation", None),
        ("ECOG 0 at initial dx", None),
        ("ECOG: 1 (first presentation)", None),
        ("ECOG 1 at initial dx, now 2", 2),
        ("ECOG initial dx: 0, current 2", 2),
        ("PS 2 at original diagnosis, 3 today", 3),
        # controls: a score of now, or a time word that is not the diagnosis's
        ("ECOG 2 at this visit", 2),
        ("ECOG 1 after the first cycle", 1),
        ("ECOG 1 at first-line start", 1),
        ("ECOG 1, initially treated with alectinib", 1),
    ],
)
def test_an_earlier_score_under_the_diagnosis_words_is_not_the_current_one(text, ecog):
    assert_reads(text, {"ecog": ecog})


def test_the_readers_take_the_phrase_files_words():
    noun, adverb = vocabulary.define("DXNOUN"), vocabulary.define("DXADV")
    assert "presentation" in noun and "initially" in adverb
    for pattern in (key_value.EARLIER_LABEL, key_value.EARLIER_AFTER.pattern, key_value.EARLIER_ALONE.pattern,
                    key_value.EARLIER_WHEN, reader._EARLIER_BEFORE.pattern, timing._AT_DIAGNOSIS_AFTER.pattern):
        assert noun in pattern
    for pattern in (key_value.EARLIER_AFTER.pattern, key_value.EARLIER_ALONE.pattern, key_value.EARLIER_WHEN):
        assert adverb in pattern
    with pytest.raises(KeyError):
        vocabulary.define("NOSUCHDEFINE")


@pytest.mark.parametrize(
    ("text", "progression"),
    [
        # a date written with a full stop opens the later state's sentence as one with a slash does (context/timing.py
        # _dated_after; the full stop inside "11.2025" ended the statement there and the date was not seen)
        ("03.2025: progression in liver and bones. 11.2025: stable on alectinib", "none"),
        ("03/2025: progression in liver and bones. 11/2025: stable on alectinib", "none"),
        # controls: the stable state dated earlier is not the later one
        ("11.2025: progression in liver. 03.2025: stable on alectinib", None),
        ("11/2025: progression in liver. 03/2025: stable on alectinib", None),
    ],
)
def test_a_dotted_date_dates_the_later_state_as_a_slashed_one_does(text, progression):
    assert_reads(text, {"progression": progression})
