"""The diagnosis's specimen told in one clause before the TKI begun after it (lead7, 2026-12-07).

- "Liver biopsy 2021 (ALK+), alectinib started; progression 2025, no rebiopsy" read a re-biopsy of TISSUE (against the
  text's own "no rebiopsy"); "EBUS 2020 showed ALK+ adeno; alectinib; PD 2025 in liver" read one too: the specimen's
  own clause tells only the diagnosis's ALK result and a TKI is begun after it.
- "plasma NGS at diagnosis: EML4-ALK v3" read the fusion FOUND AT PROGRESSION on plasma (a label naming the
  diagnosis's time): it is the diagnosis's (ALK-positive).
Controls: a specimen dated after the TKI's start, or with a resistance finding in its clause, or named a re-biopsy,
is this progression's."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


@pytest.mark.parametrize(("text", "biopsy"), [
    ("Liver biopsy 2021 (ALK+), alectinib started; progression 2025, no rebiopsy", "none"),
    ("Liver biopsy 2021 (ALK+), alectinib started. Progression 2025, no rebiopsy.", "none"),
    ("EBUS 2020 showed ALK+ adeno; alectinib; PD 2025 in liver", None),
    ("Core biopsy of the liver in 2022 showed EML4-ALK; brigatinib until 2025 PD", None),
    ("CT-guided lung biopsy 2019: adenocarcinoma, ALK IHC positive; alectinib 2019-2024, PD 2024.", None),
])
def test_the_diagnosis_specimen_before_the_tki_is_no_rebiopsy(text: str, biopsy: str | None) -> None:
    assert_reads(text, {"biopsy": biopsy, "alk_positive": True})


@pytest.mark.parametrize("text", [
    "plasma NGS at diagnosis: EML4-ALK v3",
    "Tissue NGS at dx: EML4-ALK fusion detected",
])
def test_a_fusion_under_the_diagnosis_label_is_the_diagnosis(text: str) -> None:
    assert_reads(text, {"alk_positive": True, "alk_fusion_at_progression": None, "biopsy": None})


@pytest.mark.parametrize(("text", "biopsy"), [
    ("Liver biopsy 11/2025 (ALK+), on alectinib since 2021", "tissue"),
    ("On alectinib since 2021. Liver biopsy 11/2025: ALK+, G1202R.", "tissue"),
    ("Liver biopsy 2025 (ALK+, G1202R), alectinib stopped; lorlatinib started", "tissue"),
    ("Rebiopsy of the liver (ALK+), then lorlatinib", "tissue"),
    ("plasma NGS at progression: EML4-ALK v3, G1202R", "plasma"),
])
def test_a_specimen_of_this_progression_is_still_read(text: str, biopsy: str) -> None:
    assert_reads(text, {"biopsy": biopsy})
