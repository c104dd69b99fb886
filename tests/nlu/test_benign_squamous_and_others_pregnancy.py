"""A benign squamous change read as SQUAMOUS histology, and another person's pregnancy read as the patient's (lead,
2026-12-07). "squamous metaplasia on the bronchial brushings", "benign squamous cells only" read squamous histology
(which bars pemetrexed and bevacizumab); "Pregnant partner" read the patient PREGNANT. Controls: squamous carcinoma
and its shorthand, a squamous part of the tumour; the patient pregnant."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize("text", [
    "squamous metaplasia on the bronchial brushings",
    "benign squamous cells only",
    "Cytology: squamous cells only, no malignant cells",
    "squamous papilloma in the left main bronchus",
    "reactive squamous atypia, no carcinoma",
    "Bronchial washings: squamous epithelium and macrophages",
])
def test_a_benign_squamous_change_is_no_squamous_histology(text: str) -> None:
    assert_reads(text, {"histology": None, "transformation": None})


@pytest.mark.parametrize("text", ["squamous cell carcinoma", "SCC", "squamous cell ca",
                                  "squamous differentiation in part of the tumour", "Histology: squamous"])
def test_squamous_carcinoma_still_reads(text: str) -> None:
    assert_reads(text, {"histology": "squamous"})


@pytest.mark.parametrize("text", ["Pregnant partner", "has a pregnant wife at home",
                                  "pregnant partner; patient himself ECOG 1", "Lives with his pregnant daughter."])
def test_another_persons_pregnancy_is_not_the_patients(text: str) -> None:
    assert_reads(text, {"pregnancy_status": None})


@pytest.mark.parametrize("text", ["She is pregnant", "pregnant, 12 weeks", "Pregnant: yes",
                                  "pregnant (partner aware), 14 weeks"])
def test_the_patient_pregnant_still_reads(text: str) -> None:
    assert_reads(text, {"pregnancy_status": "pregnant"})
