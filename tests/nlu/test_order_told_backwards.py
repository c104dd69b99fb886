"""The TKIs' order told backwards, the later line named first ("brigatinib was 2nd line, alectinib the first",
"second-line lorlatinib; first-line alectinib"): prior TKIs come in treatment order."""

from __future__ import annotations

import itertools

import pytest

from tests.nlu.reads import assert_reads

BACKWARDS = [
    "{b} was 2nd line, {a} the first", "{b} was 2nd line, {a} was 1st line", "second-line {b}; first-line {a}",
    "{b} was second line and {a} first", "{b} (2L) after {a} (1L)", "{b} in the second line; {a} in the first line",
    "{b} second line, {a} first line", "{b} 2nd line, {a} 1st line", "{b} was second-line treatment; first-line was {a}",
    "2nd line: {b}. 1st line: {a}.", "{b} currently (second line), {a} was the first",
    "{b} was the second TKI, {a} the first", "{b} was her second ALK inhibitor; the first was {a}",
    "{b} 2L, {a} 1L", "{b} given second-line, {a} first-line",
]
PAIRS = [("alectinib", "brigatinib"), ("alectinib", "lorlatinib"), ("crizotinib", "ceritinib"),
         ("Alecensa", "Lorbrena")]
GENERIC = {"Alecensa": "alectinib", "Lorbrena": "lorlatinib"}


@pytest.mark.parametrize("text,order", [
    (form.format(a=a, b=b), [GENERIC.get(a, a), GENERIC.get(b, b)]) for form, (a, b) in itertools.product(BACKWARDS, PAIRS)
])
def test_prior_tkis_come_in_treatment_order(text, order):
    text = text[0].upper() + text[1:]
    assert_reads(text, {"prior_tkis": order})


@pytest.mark.parametrize("text,order", [
    ("alectinib first line, brigatinib second line", ["alectinib", "brigatinib"]),
    ("1L alectinib, 2L brigatinib, 3L lorlatinib", ["alectinib", "brigatinib", "lorlatinib"]),
    ("lorlatinib 3rd line, brigatinib 2nd line, alectinib 1st line", ["alectinib", "brigatinib", "lorlatinib"]),
    ("crizotinib, a first-generation TKI, then alectinib", ["crizotinib", "alectinib"]),
    ("alectinib, then brigatinib for the first month, now PD", ["alectinib", "brigatinib"]),
    ("alectinib 2 years then lorlatinib", ["alectinib", "lorlatinib"]),
])
def test_an_order_told_forwards_stays(text, order):
    assert_reads(text, {"prior_tkis": order})
