"""A performance score told of the admission, then the score now (lead, 2026-12-07): "ECOG 3 on admission, now 1" read
3 (a score of 3 leaves few options), the score now ignored. The admission's time, perhaps with its cause ("on
admission due to pneumonia", "last week with sepsis"), is now an earlier time before the later score. Controls: the
admission's score alone, a count or a duration after "now"."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text, score", [
    ("ECOG 3 on admission, now 1", 1),
    ("ECOG 3 in hospital, now 1", 1),
    ("ECOG 3 during the admission, 1 today", 1),
    ("ECOG 2 last week with sepsis, now 1", 1),
    ("ECOG 3 on admission due to pneumonia, back to 1 now", 1),
    ("PS 4 when admitted; today PS 2", 2),
])
def test_the_score_now_after_the_admissions_is_read(text: str, score: int) -> None:
    assert_reads(text, {"ecog": score})


@pytest.mark.parametrize("text, score", [
    ("ECOG 3 on admission", 3),
    ("ECOG 2 in hospital", 2),
    ("ECOG 1 on admission, now 2 months on alectinib", 1),
    ("ECOG 1 with good appetite, now 3 new brain mets", 1),
])
def test_a_score_with_nothing_later_is_kept(text: str, score: int) -> None:
    assert_reads(text, {"ecog": score})
