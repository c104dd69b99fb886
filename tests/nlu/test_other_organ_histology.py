"""Histology of another organ's cancer, a relative's cancer named after it, a performance status aimed at (lead,
2026-12-06, third session): each read as this patient's finding before.

- A squamous or small-cell carcinoma of another organ ("squamous cell carcinoma of the skin, excised 2019", "cervical
  squamous cell carcinoma 2005", "oesophageal SCC", "small cell carcinoma of the prostate 2010") read SQUAMOUS
  histology (which bars pemetrexed and bevacizumab) or SMALL-CELL TRANSFORMATION (platinum-etoposide): another
  primary's histology (`other_primary`, with the histology between organ and noun or the organ after it).
- A cancer with the relative after it ("history of small cell lung cancer in her father") read a small-cell
  transformation: the relative closing the item makes it theirs (relative_after_item).
- A performance status aimed at ("Target ECOG 1 after rehab", "hoping for ECOG 1") read as the patient's now.
Controls: this cancer's squamous histology named with the lung ("squamous cell carcinoma of the lung", "SCC of the
right upper lobe", "lung SCC"), a transformation on the re-biopsy, the patient's own small cell, the ECOG told now
beside a goal."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "Squamous cell carcinoma of the skin, excised 2019.",
    "PMH: squamous cell carcinoma of the scalp (Mohs 2021), hypertension.",
    "Previous head and neck squamous cell carcinoma treated with chemoradiation 2012.",
    "Cervical squamous cell carcinoma 2005, cured.",
    "Oesophageal SCC 2018, oesophagectomy.",
    "Past history: SCC of the lip 2015.",
    "Background: cutaneous squamous cell carcinoma on the left hand.",
    "Anal squamous cell carcinoma in 2014, chemoradiotherapy, in remission.",
])
def test_another_organs_squamous_carcinoma_is_not_this_cancers_histology(text: str) -> None:
    assert_reads(text, {"histology": None})


@pytest.mark.parametrize("text", [
    "Small cell carcinoma of the prostate 2010.",
    "Merkel cell carcinoma of the cheek 2017, excised.",
    "History of small cell lung cancer in her father.",
    "Small cell carcinoma of the cervix treated in 2009.",
])
def test_another_organs_or_a_relatives_small_cell_is_no_transformation(text: str) -> None:
    assert_reads(text, {"transformation": None})


@pytest.mark.parametrize("text, fields", [
    ("Squamous cell carcinoma of the lung.", {"histology": "squamous"}),
    ("SCC of the right upper lobe.", {"histology": "squamous"}),
    ("Lung SCC, ALK positive by FISH.", {"histology": "squamous"}),
    ("Squamous carcinoma in the lung biopsy.", {"histology": "squamous"}),
    ("Skin SCC excised 2019. Lung primary: squamous cell carcinoma, ALK+.", {"histology": "squamous"}),
    ("Rebiopsy of the liver: small cell carcinoma.", {"transformation": "small_cell"}),
    ("Her father had prostate cancer. Liver rebiopsy shows small cell carcinoma.", {"transformation": "small_cell"}),
])
def test_this_cancers_histology_still_reads(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text", [
    "Target ECOG 1 after rehab.",
    "Goal ECOG 1 before starting lorlatinib.",
    "Hoping for ECOG 1 once the effusion is drained.",
    "Expected ECOG 1 after drainage.",
    "Aiming to get her to ECOG 1 with physio.",
])
def test_a_performance_status_aimed_at_is_not_the_patients(text: str) -> None:
    assert_reads(text, {"ecog": None})


@pytest.mark.parametrize("text, ecog", [
    ("ECOG 3 now; target ECOG 1 after rehab.", 3),
    ("ECOG 2, expected to improve.", 2),
    ("ECOG 1 as expected after the drainage.", 1),
    ("PS 2 (goal is to reach 1 with physiotherapy).", 2),
])
def test_the_performance_status_told_now_beside_a_goal_still_reads(text: str, ecog: int) -> None:
    assert_reads(text, {"ecog": ecog})
