"""A CYP3A-interacting drug's course told completed or stopped past its dose (lead, 2026-12-07): "clarithromycin 500
bd x 7 days, completed" read the strong inhibitor TAKEN now. Controls: the same drugs with a dose and nothing else, or
said to continue."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text, field", [
    ("clarithromycin 500 bd x 7 days, completed", "strong_cyp3a_inhibitor"),
    ("itraconazole 200 mg daily x 14 days, finished", "strong_cyp3a_inhibitor"),
    ("carbamazepine 200 mg bd, stopped", "strong_cyp3a_inducer"),
    ("rifampicin 600 mg od, course completed last week", "strong_cyp3a_inducer"),
])
def test_a_course_completed_past_its_dose_is_not_taken(text: str, field: str) -> None:
    assert_reads(text, {field: False})


@pytest.mark.parametrize("text, field", [
    ("carbamazepine 200 mg bd", "strong_cyp3a_inducer"),
    ("itraconazole 200 mg daily, continuing", "strong_cyp3a_inhibitor"),
    ("clarithromycin 500 mg bd x 7 days", "strong_cyp3a_inhibitor"),
    ("rifampicin 600 mg od since March", "strong_cyp3a_inducer"),
])
def test_a_drug_with_its_dose_alone_is_taken(text: str, field: str) -> None:
    assert_reads(text, {field: True})


# ---- (lead7) an inducer's course told completed after what it was for ----------------------------------------------

@pytest.mark.parametrize("text", [
    "rifampicin for TB completed 2015",
    "rifampicin x 6 months for TB, completed",
    "rifampicin for TB, completed 03/2016",
])
def test_an_inducer_course_told_completed_after_its_purpose_is_not_taken(text: str) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": False})


@pytest.mark.parametrize("text", [
    "rifampicin for TB, 4 of 6 months completed",
    "on rifampicin for TB, to be completed in March",
    "rifampicin started for TB, course not completed",
    "rifampicin, completed first 2 months",
    "rifampicin for TB; lorlatinib course completed",
    "on rifampicin for TB",
])
def test_an_inducer_course_still_running_is_taken(text: str) -> None:
    assert_reads(text, {"strong_cyp3a_inducer": True})
