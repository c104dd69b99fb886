"""Tick boxes of a pasted proforma: only the ticked option is read; an unticked option is never read, and a box
whose option cannot be told is left unread. Boxes as forms print them ([x], [ ], [X], [✓], ☒, ☑, ☐, ( )), before
their option or after it, with the finding as the question before them or in the option itself."""

from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor
from tests.nlu.reads import assert_reads, assert_reads_exactly

read = extractor.extract_case

TICKED = ["[x]", "[X]", "[✓]", "☒", "☑", "[ x ]", "(x)"]
UNTICKED = ["[ ]", "☐", "[]", "( )"]
QUESTIONS = ["Brain mets", "Brain metastases:", "Brain mets?", "CNS involvement:", "Brain metastases |"]


def _pairs():
    for on, off, question in itertools.product(TICKED, UNTICKED, QUESTIONS):
        yield f"{question} {on} Yes {off} No", True
        yield f"{question} {off} Yes {on} No", False
        yield f"{question} {off} No {on} Yes", True
        yield f"{question} {on} No {off} Yes", False


@pytest.mark.parametrize("text,present", list(_pairs()))
def test_the_ticked_box_before_its_option_is_read(text, present):
    assert_reads(text, {"brain_metastases": present})


@pytest.mark.parametrize("text,present", [
    (f"{question} Yes {on} No {off}", True) for on, off, question in itertools.product(TICKED[:5], UNTICKED[:2], ["Brain mets:", "Brain metastases -"])
] + [
    (f"{question} Yes {off} No {on}", False) for on, off, question in itertools.product(TICKED[:5], UNTICKED[:2], ["Brain mets:", "Brain metastases -"])
])
def test_the_ticked_box_after_its_option_is_read(text, present):
    assert_reads(text, {"brain_metastases": present})


@pytest.mark.parametrize("text", [
    f"{off} {option}" for off in UNTICKED for option in
    ["No CNS disease", "Brain metastases", "Leptomeningeal disease", "Symptomatic", "Prior chemotherapy",
     "MET amplification", "Small cell transformation"]
] + [
    f"{option} {off}" for off in UNTICKED[:2] for option in ["No CNS disease", "Brain metastases", "MET amplification"]
])
def test_an_unticked_option_alone_is_never_read(text):
    assert_reads_exactly(text, {})


@pytest.mark.parametrize("text,fields", [
    ("[x] No CNS disease", {"brain_metastases": False}),
    ("☒ No CNS disease", {"brain_metastases": False}),
    ("[x] Brain metastases", {"brain_metastases": True}),
    ("☑ Leptomeningeal disease", {"leptomeningeal": True}),
    ("[X] MET amplification", {"bypass_alterations": ["MET_amplification"]}),
    ("[x] Small cell transformation\n[ ] Squamous transformation", {"transformation": "small_cell"}),
    ("[ ] Small cell transformation\n[x] No transformation", {"transformation": "none"}),
    ("Pattern of progression: [ ] Systemic [x] CNS only [ ] Oligoprogressive", {"progression": "cns_only"}),
    ("Pattern of progression: ☐ Systemic ☐ CNS only ☒ Oligoprogressive", {"progression": "oligoprogression"}),
    ("Brain mets: [x] Yes [ ] No\nLeptomeningeal: [ ] Yes [x] No",
     {"brain_metastases": True, "leptomeningeal": False}),
    ("Brain mets [ ] Yes [x] No | ECOG 1", {"brain_metastases": False, "ecog": 1}),
])
def test_a_proforma(text, fields):
    case = read(text)
    assert {k: case.get(k) for k in fields} == fields, (text, case)
    for field in ("brain_metastases", "leptomeningeal", "transformation", "progression", "bypass_alterations"):
        if field not in fields:
            assert field not in case, (text, case)


@pytest.mark.parametrize("text", [
    "Brain mets: [ ] Yes [ ] No",  # nothing ticked
    "Brain mets ☐ Yes ☐ No",
    "Brain mets No [x] Yes [ ]",  # the option of the first box cannot be told from the question
    "Brain mets [?] Yes [ ] No",
])
def test_a_box_that_cannot_be_told_is_left_unread(text):
    assert_reads(text, {"brain_metastases": None})
