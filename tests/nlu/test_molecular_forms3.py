"""How pathology reports word a transformation, and what is not one (precision first: a transformation read that the
report did not state changes the recommendation):

- a finding a pathologist names and holds back from ("suspicious for, but not diagnostic of, small cell
  transformation") or a diagnosis a reviewer does not share ("we do not agree with the outside diagnosis of SCLC")
  is no transformation read;
- an adenocarcinoma with neuroendocrine differentiation or features is an adenocarcinoma, not a small-cell
  transformation; with a small-cell component named beside it, it is mixed;
- "no adenocarcinoma component" beside a small-cell carcinoma does not state an adenocarcinoma (pure small cell);
- an adenocarcinoma said to be the diagnosis's ("previously adenocarcinoma") is the histology at diagnosis, not the
  rebiopsy's, and does not clash with the squamous cell carcinoma the rebiopsy shows;
- a squamous cell carcinoma at diagnosis and on the rebiopsy is no transformation;
- a MET ratio or copy number its report calls a gain in words right after it is MET_gain.

Written for this change; none is a sentence of the independent phrasing sets."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

# ---- 1. doubted or disputed transformation -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Core from the adrenal: suspicious for, but not diagnostic of, small cell transformation; awaiting further stains.",
    "Node FNA at progression, findings suggestive but not diagnostic of SCLC.",
    "The rebiopsy is concerning for, yet not conclusive for, squamous transformation.",
])
def test_a_doubted_transformation_is_not_read(text: str) -> None:
    assert_reads(text, {"transformation": None})


@pytest.mark.parametrize("text", [
    # a reviewer's disagreement denies it, as "no small cell transformation" does: none
    "Review at our centre: we do not agree with the referring diagnosis of small cell transformation.",
    "I do not concur with the outside impression of SCLC; this is a solid adenocarcinoma with crush artefact.",
    "We don't agree with the submitted diagnosis of small-cell carcinoma on the liver core.",
])
def test_a_disputed_transformation_is_denied(text: str) -> None:
    assert_reads(text, {"transformation": "none"})


@pytest.mark.parametrize("text", [
    # negative controls: the transformation stated, with or without a word of the cues elsewhere
    "Liver biopsy at progression: small cell transformation, confirmed by INSM1 and synaptophysin.",
    "Rebiopsy: small cell carcinoma; the first sample was not diagnostic of anything.",
    "We agree with the outside diagnosis of small cell transformation.",
])
def test_a_stated_transformation_is_still_read(text: str) -> None:
    assert_reads(text, {"transformation": "small_cell"})


# ---- 2. neuroendocrine differentiation of an adenocarcinoma ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Rebiopsy: adenocarcinoma with neuroendocrine differentiation; no small cell component.",
    "Progression core: adenocarcinoma with focal neuroendocrine features, synaptophysin patchy; no SCLC.",
])
def test_neuroendocrine_differentiation_of_an_adenocarcinoma_is_no_small_cell(text: str) -> None:
    assert_reads(text, {"transformation": "none"})


@pytest.mark.parametrize("text", [
    "Repeat biopsy of the hilar node: adenocarcinoma with neuroendocrine features, focal small cell carcinoma component (20%).",
    "Rebiopsy: adenocarcinoma with neuroendocrine differentiation and a minor small-cell component.",
])
def test_a_small_cell_component_beside_it_is_mixed(text: str) -> None:
    assert_reads(text, {"transformation": "small_cell_mixed"})


@pytest.mark.parametrize("text", [
    # negative controls: a neuroendocrine transformation or a pure small-cell carcinoma is still small cell
    "Rebiopsy of the liver shows neuroendocrine transformation.",
    "Repeat core: small cell carcinoma, pure, no adenocarcinoma component; RB1 loss.",
    "Rebiopsy (adrenal): small cell carcinoma, INSM1+, without an adenocarcinoma component.",
])
def test_small_cell_stays_small_cell(text: str) -> None:
    assert_reads(text, {"transformation": "small_cell"})


# ---- 3. the adenocarcinoma of the diagnosis beside a squamous rebiopsy ----------------------------------------------


@pytest.mark.parametrize("text", [
    "The repeat biopsy shows squamous cell carcinoma (p40 strongly positive), previously adenocarcinoma.",
    "Rebiopsy: squamous cell carcinoma, originally adenocarcinoma at diagnosis in 2021.",
])
def test_squamous_on_the_rebiopsy_after_an_adenocarcinoma_is_squamous(text: str) -> None:
    assert_reads(text, {"transformation": "squamous"})


@pytest.mark.parametrize("text", [
    "ALK+ squamous cell carcinoma, dx 2021. Rebiopsy (lung): squamous cell carcinoma, ALK IHC positive.",
    "Diagnosis 2020: squamous cell carcinoma, ALK FISH positive.\nRebiopsy of the liver: squamous cell carcinoma.",
])
def test_squamous_at_diagnosis_and_on_the_rebiopsy_is_no_transformation(text: str) -> None:
    assert_reads(text, {"transformation": None, "histology": "squamous"})


def test_negative_control_a_rebiopsy_adenocarcinoma_is_no_transformation() -> None:
    assert_reads("Rebiopsy of the rib lesion: adenocarcinoma, ALK fusion retained.", {"transformation": "none"})


# ---- 4. a MET gain named in words after its number ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "MET/CEP7 2.2 (gain, not amplification).",
    "Rebiopsy NGS: MET copy number 4.8 - low-level gain.",
])
def test_a_number_called_a_gain_is_met_gain(text: str) -> None:
    assert_reads(text, {"bypass_alterations": ["MET_gain"]})


@pytest.mark.parametrize("text, value", [
    # negative controls: amplification and no gain stay as their words say
    ("MET copy number 9 - high-level gain.", ["MET_amplification"]),
    ("MET CN 3.0 (no gain).", None),
])
def test_other_met_words_are_unchanged(text: str, value: list[str] | None) -> None:
    assert_reads(text, {"bypass_alterations": value})
