"""Structured exports pasted into a chat, third set: a form's or a database column's field that lists the TKIs not
tolerated ("intolerant_tkis: ...", "Intolerant TKIs: ..."), and an export's histology field coded "ADC" (only as that
field's value). Negative controls: a denied or empty field, a doubted value, a relative's row, "ADC" outside a
histology field (a drug class, an MRI value), a shorthand that could be another drug, an earlier visit's ECOG."""

from __future__ import annotations

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads

read = extractor.extract_case


# ---- a field that lists the TKIs not tolerated ------------------------------------------------------------------------

@pytest.mark.parametrize("text,tkis", [
    ("field,value\nintolerant_tkis,lorlatinib\ncurrent_therapy,none", ["lorlatinib"]),
    ("intolerant_tkis: crizotinib", ["crizotinib"]),
    ("INTOLERANT_TKIS=ceritinib", ["ceritinib"]),
    ("Intolerant TKIs: brigatinib", ["brigatinib"]),
    ("TKI intolerance: crizotinib", ["crizotinib"]),
    ("ALK TKIs not tolerated = alectinib", ["alectinib"]),
    ("Intolerances to ALK TKIs: ceritinib, crizotinib", ["ceritinib", "crizotinib"]),
])
def test_a_field_of_tkis_not_tolerated_reads_them(text, tkis):
    case = read(text)
    assert sorted(case.get("intolerant_tkis", [])) == sorted(tkis)


@pytest.mark.parametrize("text", [
    "Intolerant TKIs: none | Current TKI: brigatinib",
    "Intolerant TKIs: none (brigatinib well tolerated)",
    "intolerant_tkis: ?alectinib",  # doubted
    "Intolerance to: lorlatinib?",  # asked
    "not intolerant: alectinib",  # denied
    "intolerant_tkis: cert",  # a shorthand that could be another drug (everolimus, certolizumab)
])
def test_an_empty_doubted_or_denied_field_reads_no_intolerance(text):
    assert not read(text).get("intolerant_tkis")


# ---- histology coded "ADC" --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Histology: ADC",
    "hist=ADC",
    "Name,Value\nHistology,ADC\nALK,positive",
    "dx_year\thist\talk\n2021\tADC\tpos",
    "histologic_type: ADC",
])
def test_an_export_histology_field_coded_adc_reads_adenocarcinoma(text):
    assert_reads(text, {"histology": "adenocarcinoma"})


@pytest.mark.parametrize("text", [
    "Discussed an ADC trial after lorlatinib",  # an antibody-drug conjugate
    "MRI brain: ADC restriction in the left frontal lesion",  # a diffusion coefficient
    "Next: ADC (datopotamab) vs chemo",
    "Histology: ADC?",  # doubted
    "Her mother - histology: ADC, ALK positive",  # a relative's row
    "relation,hist\nmother,ADC",  # a relative's table
])
def test_adc_outside_the_patients_histology_field_reads_no_histology(text):
    assert "histology" not in read(text)


# ---- an earlier visit's ECOG ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ECOG_BASELINE: 1",
    "ECOG: 1 (copied from 03/2024 note)",
])
def test_an_earlier_visits_ecog_alone_is_not_the_current_one(text):
    assert "ecog" not in read(text)
