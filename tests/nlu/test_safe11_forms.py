"""safe11: findings read that the text did not state, mended as classes, phrasings of our own.

1. A bracket right after a denial's cue is a remark on what is denied ("No (asymptomatic) brain mets", "No (MRI
   11/2025) brain mets"): the denial still reaches the finding. A qualifier picking out some of them stays one when it
   is read as a finding of its own ("No symptomatic brain mets": the asymptomatic ones may be there), and "asymptomatic"
   qualifying a denied noun is no symptom told ("No asymptomatic brain mets" never reads symptoms).
2. "Symptomatic" joined by "or" to another qualifier in a row answered yes ("Symptomatic or untreated CNS metastases:
   Y"): the yes says one of them, not which; the symptoms are unread, the metastases read. A no still denies both.
3. Metastatic sites listed, or lesions counted many, with no growth said ("She has liver and bone metastases", "too many
   liver lesions to count"): where the disease is, not that it progressed; systemic only beside a progression.
4. A test not done in a bracket after a result ("EML4-ALK fusion: positive (NGS not done)") denies no biopsy; a
   specimen's test not done ("tissue NGS not done") is no specimen taken.
   Sites joined by "or" ("New liver or bone lesions: yes") are one of them, not two sites progressing.
5. Keyed site rows under a dated progression's heading, a later TKI begun after them ("Progression 2023 on
   crizotinib:\\nLiver: PD\\nBone: PD\\nSwitched to alectinib."): that line's history, as the same told inline.
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


# 1. a bracket after a denial's cue; a qualifier of a denied noun
@pytest.mark.parametrize(
    "text,fields",
    [
        ("No (asymptomatic) brain mets", {"brain_metastases": False}),
        ("no (asymptomatic) brain metastases on today's MRI", {"brain_metastases": False}),
        ("Denies (known) brain metastases", {"brain_metastases": False}),
        ("No (MRI 11/2025) brain mets", {"brain_metastases": False}),
        ("No (on the staging MRI) brain mets or LMD", {"brain_metastases": False, "leptomeningeal": False}),
        ("No asymptomatic brain mets", {"symptomatic": None}),
        ("no asymptomatic CNS lesions", {"symptomatic": None}),
        ("No symptomatic brain mets", {"brain_metastases": None}),
        ("No (symptomatic) brain mets", {"brain_metastases": None}),
    ],
)
def test_a_bracket_or_a_qualifier_after_a_denial(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("No brain mets (asymptomatic)", {"brain_metastases": False, "symptomatic": False}),
        ("Brain mets: yes (asymptomatic)", {"brain_metastases": True, "symptomatic": False}),
        ("No brain metastases on MRI.", {"brain_metastases": False}),
        ("She is not asymptomatic - daily headaches.", {"symptomatic": True}),
        ("Asymptomatic brain mets, 3 lesions.", {"brain_metastases": True, "symptomatic": False}),
        ("Symptomatic brain mets with headaches.", {"brain_metastases": True, "symptomatic": True}),
        ("No (new) brain mets", {"brain_metastases": None}),
        ("no new brain lesions", {"brain_metastases": None}),
    ],
)
def test_denials_and_statements_beside_them_still_read(text, fields):
    assert_reads(text, fields)


# 2. "symptomatic or ..." answered yes
@pytest.mark.parametrize(
    "text",
    [
        "Symptomatic or untreated CNS metastases: Y",
        "Symptomatic/untreated brain mets: yes",
        "Active or symptomatic brain metastases: Y",
        "Untreated or symptomatic CNS mets - yes",
        "Brain mets (symptomatic or untreated): present",
        "E4 Symptomatic or untreated CNS metastases ....... Y",
    ],
)
def test_a_yes_to_symptomatic_or_another_qualifier_reads_no_symptoms(text):
    assert_reads(text, {"symptomatic": None, "brain_metastases": True})


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Symptomatic CNS metastases: Y", {"symptomatic": True, "brain_metastases": True}),
        ("Symptomatic brain mets: yes (headache, ataxia)", {"symptomatic": True}),
        ("Symptomatic or untreated CNS metastases: N", {"symptomatic": False}),
        ("Active or symptomatic brain metastases: no", {"symptomatic": False}),
        ("Headache or seizures: yes", {"symptomatic": True}),
        ("Symptomatic or not, she needs SRS to the lesion.", {"symptomatic": None}),
    ],
)
def test_symptoms_told_or_denied_still_read(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text",
    ["Brain or leptomeningeal metastases: yes", "Leptomeningeal or brain metastases: Y", "CNS or leptomeningeal disease - yes"],
)
def test_a_yes_to_brain_or_leptomeningeal_disease_reads_neither(text):
    assert_reads(text, {"leptomeningeal": None, "brain_metastases": None})


@pytest.mark.parametrize(
    "text,fields",
    [
        ("Leptomeningeal disease: yes", {"leptomeningeal": True}),
        ("Brain mets: yes. Leptomeningeal disease: no.", {"brain_metastases": True, "leptomeningeal": False}),
        ("Brain or leptomeningeal metastases: no", {"leptomeningeal": False}),
        ("No brain or leptomeningeal disease on MRI.", {"leptomeningeal": False}),
    ],
)
def test_brain_and_leptomeningeal_disease_told_apart_still_read(text, fields):
    assert_reads(text, fields)


# 3. where the disease is, not that it grew
@pytest.mark.parametrize(
    "text",
    [
        "She has liver and bone metastases.",
        "CT chest: too many liver lesions to count",
        "Stage IVB at diagnosis with adrenal, liver and bone mets.",
        "Background: pleural and bone metastases since 2021, on alectinib.",
        "Multiple liver metastases at presentation, responded to crizotinib.",
        "US abdomen: numerous hepatic lesions.",
        "Bone scan: multiple lesions, all known.",
        "Several metastases noted at staging.",
    ],
)
def test_sites_or_counts_alone_read_no_progression(text):
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize(
    "text",
    [
        "New liver and bone metastases on the restaging CT.",
        "Progression in liver and bone on alectinib.",
        "PD: liver and bone metastases",
        "alectinib pd multiple sites",
        "Multiple new liver mets and new bone lesions.",
        "liver and bone progression",
        "Now progressing: multiple liver and adrenal metastases",
        "she has progressed on brigatinib at multiple sites",
        "enlarging liver and adrenal lesions",
        "He progressed on lorlatinib in multiple nodal sites and the adrenals.",
        "PD 11/2025: multiple liver mets, new bone mets",
        "Progressive disease: many lesions throughout.",
        "CT today: multiple new mets",
        "Relapsed in the liver and adrenals on brigatinib.",
        "alectinib for 2 years, now multiple liver mets",
        "A year later, multiple adrenal and bone lesions had appeared.",
    ],
)
def test_growth_at_sites_still_reads_systemic(text):
    assert_reads(text, {"progression": "systemic"})


@pytest.mark.parametrize(
    "text",
    ["New liver or bone lesions: yes", "enlarging adrenal or liver lesions on CT", "new hepatic or osseous mets - Y"],
)
def test_sites_joined_by_or_are_no_two_sites_progressing(text):
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize(
    "text",
    ["New liver and bone lesions: yes", "new liver and bone lesions, no new adrenal or nodal disease"],
)
def test_sites_joined_by_and_still_read_systemic(text):
    assert_reads(text, {"progression": "systemic"})


def test_sites_said_stable_read_no_progression():
    assert_reads("Liver and bone metastases, stable on alectinib.", {"progression": None})


# 4. a test not done is no biopsy denied
@pytest.mark.parametrize(
    "text,fields",
    [
        ("EML4-ALK fusion: positive (NGS not done)", {"alk_positive": True, "biopsy": None}),
        ("ALK IHC positive (NGS not performed)", {"alk_positive": True, "biopsy": None}),
        ("ALK: positive (no NGS)", {"biopsy": None}),
        ("MET amplification: negative (NGS not done)", {"biopsy": None}),
        ("G1202R detected on plasma (tissue NGS not done)", {"biopsy": "plasma"}),
        ("Plasma NGS: G1202R. Tissue NGS not done.", {"biopsy": "plasma", "alk_mutations": ["G1202R"]}),
    ],
)
def test_a_test_not_done_beside_a_result_denies_no_biopsy(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        ("No rebiopsy done at progression.", {"biopsy": "none"}),
        ("Rebiopsy not possible; NGS not done.", {"biopsy": "none"}),
        ("ALK+ (rebiopsy not done)", {"biopsy": "none"}),
        ("Liver core biopsy: adenocarcinoma, NGS pending", {"biopsy": "tissue"}),
        ("Tissue biopsy not feasible; plasma NGS: G1202R", {"biopsy": "plasma"}),
    ],
)
def test_a_biopsy_said_not_done_still_reads(text, fields):
    assert_reads(text, fields)


# 5. keyed site rows under an earlier progression's heading
@pytest.mark.parametrize(
    "text",
    [
        "Progression 2023 on crizotinib:\nLiver: PD. Bone: PD.\nSwitched to alectinib.",
        "Progression 2023 on crizotinib:\nLiver: PD\nBone: PD\nAlectinib since 2023.",
        "PD 03/2022 on crizotinib:\nLiver: PD\nAdrenal: PD\nStarted brigatinib 04/2022, ongoing.",
    ],
)
def test_rows_under_an_earlier_progression_are_history(text):
    assert_reads(text, {"progression": None})


@pytest.mark.parametrize(
    "text",
    [
        "Progression 11/2025 on alectinib:\nLiver: PD\nBone: PD\nPlan: switch to lorlatinib.",
        "Progression 2023 on crizotinib:\nLiver: PD\nBone: PD\nSwitched to alectinib; now PD in liver and bone again.",
    ],
)
def test_rows_of_the_current_progression_still_read(text):
    assert_reads(text, {"progression": "systemic"})
