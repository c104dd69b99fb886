"""A call revised on review or by an amended report (lead, 2026-12-07): the first call was read beside the second.

"Small cell transformation was reported but on review it is adenocarcinoma" read a SMALL-CELL TRANSFORMATION (which
points to platinum-etoposide) beside the adenocarcinoma; "on review" after "but", or telling what the tumour or the
variant is, and an amended or corrected report now correct the call before them, as "sorry" does, and a transformation
and the histology are one call of the tumour's type ("SCLC, sorry, adeno").
Controls: a call confirmed on review, a review that adds a finding, a review of something else, the diagnosis's
histology before a transformation on review of the rebiopsy."""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads, assert_reads_other_than


@pytest.mark.parametrize("text, fields", [
    ("Small cell transformation was reported but on review it is adenocarcinoma",
     {"transformation": None, "histology": "adenocarcinoma"}),
    ("Local lab: small cell transformation. On central review the tumour is adenocarcinoma.",
     {"transformation": None, "histology": "adenocarcinoma"}),
    ("adenocarcinoma, but on review it is small cell carcinoma", {"transformation": "small_cell"}),
    ("SCLC, sorry, adeno", {"transformation": None, "histology": "adenocarcinoma"}),
    ("squamous features reported but on review it was adenocarcinoma", {"histology": "adenocarcinoma"}),
])
def test_a_tumour_type_revised_on_review_is_the_revised_one(text: str, fields: dict) -> None:
    assert_reads(text, fields)


@pytest.mark.parametrize("text, mutations", [
    ("L1196M called by the local lab, but on review the variant is L1198F", ["L1198F"]),
    ("G1202R initially; amended report: G1202A", ["G1202A"]),
    ("Plasma NGS G1202R. The corrected report says L1196M.", ["L1196M"]),
])
def test_a_variant_revised_is_the_revised_one(text: str, mutations: list[str]) -> None:
    assert_reads(text, {"alk_mutations": mutations})


def test_a_rebiopsy_first_read_as_sclc_then_adenocarcinoma_on_review_is_no_transformation() -> None:
    text = "Rebiopsy first read as SCLC, however on expert review the histology was adenocarcinoma."
    assert_reads_other_than(text, {"transformation": "small_cell"})
    assert_reads(text, {"transformation": "none"})  # the rebiopsy's adenocarcinoma: none, as the reader reads it


@pytest.mark.parametrize("text, field, value", [
    ("small cell transformation confirmed on central review", "transformation", "small_cell"),
    ("SCLC transformation, confirmed on central review, adenocarcinoma component also present", "transformation",
     "small_cell"),
    ("Adenocarcinoma at diagnosis; on review of the rebiopsy, small cell transformation", "transformation",
     "small_cell"),
    ("G1202R; on review, also L1196M", "alk_mutations", ["G1202R", "L1196M"]),
    ("G1202R on review confirmed, L1196M also", "alk_mutations", ["G1202R", "L1196M"]),
    ("G1202R. On review of her notes, ECOG is 1.", "alk_mutations", ["G1202R"]),
    ("Brain mets on review of the MRI: 3 lesions", "brain_metastases", True),
])
def test_a_call_confirmed_or_added_to_on_review_stands(text: str, field: str, value) -> None:
    assert_reads(text, {field: value})
