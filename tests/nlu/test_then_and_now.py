"""A finding told of an earlier time and again now (lead, 2026-12-07): the earlier statement read as the current one.

- Brain metastases denied at the diagnosis and told now ("No brain mets at dx; now 3 new brain mets"): a conflict
  was read (asked); the denial is the diagnosis's, the metastases now.
- A form's brain key answered clear at the diagnosis ("Brain: clear at diagnosis, now 2 lesions"): read NO brain
  metastases; the value is the diagnosis's, left to the other phrases (asked when nothing else tells it).
- A performance score given with its source, then the score now ("ECOG 2 per GP, now 1"): read 2; the score now.
Controls: a denial at the diagnosis alone or with none now, metastases only supposed or another person's after it;
two sources' scores without a time (both read, a clash)."""
from __future__ import annotations

import pytest

from bot.nlu.extractor import load
from bot.nlu.fields import conflicts
from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "No brain mets at dx; now 3 new brain mets.",
    "No brain metastases at diagnosis. Now 3 new brain mets.",
    "No brain metastases at initial diagnosis in 2021. MRI 11/2025: 2 new cerebellar metastases.",
    "no brain mets at baseline; brain MRI today shows a new 5 mm lesion",
    "No brain mets at diagnosis; MRI now shows 2 lesions",
])
def test_brain_metastases_denied_at_the_diagnosis_and_found_now_are_present(text: str) -> None:
    assert_reads(text, {"brain_metastases": True})
    assert "brain_metastases" not in conflicts(load().entities(text))


@pytest.mark.parametrize("text", [
    "No brain mets at diagnosis.",
    "No brain mets at diagnosis; no brain mets now.",
    "No brain mets at diagnosis. If brain mets appear we would give lorlatinib.",
    "No brain mets at diagnosis. Her sister has brain mets.",
    "No brain mets at baseline. Any brain mets now?",
])
def test_a_denial_at_the_diagnosis_without_metastases_told_now_is_unchanged(text: str) -> None:
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text", [
    "Brain: clear at diagnosis, now 2 lesions",
    "Brain: clear at diagnosis",
    "CNS: normal initially, now progression",
])
def test_a_brain_key_clear_at_the_diagnosis_is_not_none_now(text: str) -> None:
    assert_reads(text, {"brain_metastases": None})


def test_a_brain_key_clear_at_the_diagnosis_and_metastases_told_after() -> None:
    assert_reads("Brain: clear at diagnosis; MRI 11/2025: 3 new mets", {"brain_metastases": True})


@pytest.mark.parametrize("text", ["Brain: clear", "Brain: clear on MRI 10/2025", "Brain MRI: NED"])
def test_a_brain_key_clear_now_is_none(text: str) -> None:
    assert_reads(text, {"brain_metastases": False})


@pytest.mark.parametrize("text, score", [
    ("ECOG 2 per GP, now 1", 1),
    ("PS 2 (referral letter), today 1", 1),
    ("ECOG 2 per the oncologist, now 3", 3),
    ("WHO PS 1 according to the referral, currently 2", 2),
])
def test_a_score_after_a_sourced_one_is_the_score_now(text: str, score: int) -> None:
    assert_reads(text, {"ecog": score})


@pytest.mark.parametrize("text, score", [
    ("ECOG 1 per GP", 1),
    ("ECOG 2 per GP, now on lorlatinib", 2),
])
def test_a_sourced_score_alone_still_reads(text: str, score: int) -> None:
    assert_reads(text, {"ecog": score})


def test_two_sources_scores_without_a_time_still_clash() -> None:
    text = "ECOG 2 per GP, 1 per us"
    assert_reads(text, {"ecog": None})
    assert "ecog" in conflicts(load().entities(text))
