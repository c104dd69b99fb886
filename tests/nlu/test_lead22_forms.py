"""A re-biopsy still to be planned or done, or not yet, is no biopsy taken (found by the s22 helper on set 22's tuning
half, mended by the lead): "rebiopsy not yet planned", "rebiopsy to be planned", "Rebiopsy (to be planned)", "rebiopsy
not planned until after the MDT", "Rebiopsy not until after SRS" read a TISSUE biopsy at this progression, a finding
nobody stated. They now read nothing (a plan, left to be asked), while a re-biopsy said not planned with nothing to
come ("rebiopsy not planned") or not done stays none, and one done with its result stays tissue.

Also (noticed by the lead15 helper): "Brigatinib after alectinib since 2022; discontinued 2024 for rash" read ALECTINIB
not tolerated, the TKI named last before the stop, though it is named only as the time of brigatinib's start and the
stop comes past brigatinib's own start date. The stop is now never alectinib's there (brigatinib's past a comma; left
unread past a semicolon), while a stop told right after the TKI or after its closed range stays that TKI's.

And two trust classes noticed by the s22b helper: a TKI said to be "the plan" ("She's on alectinib; lorlatinib is the
plan at progression") read as received; and a question ending with "?" with a short bracket inside it ("Was the ALK
fusion (FISH) retained on the liver core?", "Has she had brigatinib (2nd line)?", "Progressed on alectinib, lorlatinib
(or brigatinib)?") asked only from the bracket on, so the clause before it was read as stated. A bracket inside a
question is now its aside, and the question asks through it.

Last (noticed by the safe22 helper): the examples bracketed after the kind of finding a test looks for ("NGS to look for
resistance mutations (G1202R etc)", "Rebiopsy to look for resistance mechanisms (G1202R, MET amp)") read the findings
PRESENT: a bracket kept every cue of doubt outside it. The kind looked for now reaches into its bracket, each example
looked for, not found; a result's bracket ("NGS showed resistance mutations (G1202R)") and a result told after the
heading ("Tested for resistance mutations: G1202R detected") still read.

And "no longer" before a finding denies it now ("No longer has brain mets", "no longer symptomatic": they read the
finding PRESENT, noticed by the safe22b helper), while a TKI no longer taken stays received (history). The class of
CYP3A inhibitors only talked of or to be avoided ("CYP3A inhibitors were discussed", noticed by the rec22 helper) is
no inhibitor taken."""

from __future__ import annotations

import pytest

from bot.nlu.extractor import extract_case


@pytest.mark.parametrize(
    ("text", "biopsy"),
    [
        ("PD on alectinib; rebiopsy not yet planned.", None),
        ("rebiopsy not planned until after the MDT", None),
        ("rebiopsy to be planned", None),
        ("rebiopsy yet to be scheduled", None),
        ("Rebiopsy still to be booked.", None),
        ("liver biopsy to be discussed at MDT", None),
        ("Rebiopsy not yet requested.", None),
        ("rebiopsy not planned for now", None),
        ("Rebiopsy not until after SRS.", None),
        ("Rebiopsy (to be planned).", None),
        ("Rebiopsy: to be organised", None),
        ("Progressed on brigatinib, repeat biopsy - not yet arranged, ECOG 1", None),
        # controls: the plasma test beside it still reads; a re-biopsy done keeps its specimen; none stays none
        ("Repeat biopsy not yet booked; plasma NGS sent.", "plasma"),
        ("Rebiopsy arranged and performed 3/12: G1202R.", "tissue"),
        ("Liver biopsy 3/12, to be discussed at MDT: G1202R.", "tissue"),
        ("Rebiopsy was done before the SRS: G1202R.", "tissue"),
        ("Rebiopsy of the liver lesion showed G1202R.", "tissue"),
        ("rebiopsy not planned", "none"),
        ("Rebiopsy not done.", "none"),
        ("Rebiopsy not feasible.", "none"),
    ],
)
def test_a_rebiopsy_still_to_come_is_no_biopsy_taken(text, biopsy):
    assert extract_case(text).get("biopsy") == biopsy


@pytest.mark.parametrize(
    ("text", "intolerant"),
    [
        ("Brigatinib after alectinib since 2022; discontinued 2024 for rash.", None),
        ("Brigatinib after alectinib since 2022, discontinued 2024 for rash.", ["brigatinib"]),
        ("Brigatinib following alectinib from 03/2022, stopped 2024 due to pneumonitis.", ["brigatinib"]),
        # controls: the stop right after the earlier TKI, or after its closed range, is that TKI's; a stop for
        # progression is no intolerance
        ("Brigatinib after alectinib stopped for rash.", ["alectinib"]),
        ("Brigatinib after alectinib (2020-2022); stopped for pneumonitis.", ["alectinib"]),
        ("Brigatinib after alectinib since 2022, discontinued 2024 for progression.", None),
        ("Alectinib 2020-2022; stopped for hepatitis. Then brigatinib.", ["alectinib"]),
    ],
)
def test_a_stop_past_the_later_tkis_start_is_not_the_earlier_ones(text, intolerant):
    case = extract_case(text)
    assert case.get("intolerant_tkis") == intolerant
    assert case["prior_tkis"] == ["alectinib", "brigatinib"]


@pytest.mark.parametrize(
    ("text", "tkis"),
    [
        ("She's on alectinib; lorlatinib is the plan at progression", ["alectinib"]),
        ("On alectinib; lorlatinib is the plan.", ["alectinib"]),
        ("On alectinib. Lorlatinib is the plan if she progresses.", ["alectinib"]),
        ("Lorlatinib is the planned next line.", None),
        # controls: a plan that was carried out, or a drug taken beside the plan's word, is received
        ("Lorlatinib was the plan but she has been on it since March.", ["lorlatinib"]),
        ("Alectinib is the planned drug; started 01/2024, PD 11/2025.", ["alectinib"]),
        ("On brigatinib, planning to continue.", ["brigatinib"]),
    ],
)
def test_a_tki_said_to_be_the_plan_is_not_received(text, tkis):
    assert extract_case(text).get("prior_tkis") == tkis


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Was the ALK fusion (FISH) retained on the liver core?", {}),
        ("Was ALK (IHC) still positive on the rebiopsy?", {}),
        ("Was G1202R (tissue) detected on the rebiopsy?", {}),
        ("Were brain mets (MRI) seen?", {}),
        ("Has she had brigatinib (2nd line)?", {}),
        ("Was she on alectinib (first line)?", {}),
        ("Lorlatinib after alectinib (G1202R)?", {}),
        ("Progressed on alectinib, lorlatinib (or brigatinib)?", {"prior_tkis": ["alectinib"]}),
        # controls: a case told before the question keeps its findings, brackets and all; a bracket that asks alone
        # asks alone
        ("PD on alectinib (G1202R on liver core), lorlatinib?",
         {"alk_mutations": ["G1202R"], "biopsy": "tissue", "prior_tkis": ["alectinib"]}),
        ("Alectinib since 2020 (PD now), lorlatinib?", {"prior_tkis": ["alectinib"]}),
        ("Alectinib 2020-2023 (G1202R?)", {"prior_tkis": ["alectinib"]}),
        ("On alectinib (since 2021). ECOG 1 (today). Lorlatinib or brigatinib?",
         {"prior_tkis": ["alectinib"], "ecog": 1}),
    ],
)
def test_a_bracket_inside_a_question_is_its_aside(text, expected):
    assert extract_case(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NGS to look for resistance mutations (G1202R etc)", {}),
        ("Rebiopsy to look for resistance mechanisms (G1202R, MET amp)", {}),
        ("We looked for resistance mutations (G1202R, L1196M) and found none.", {}),
        ("Liquid biopsy to check for bypass alterations (MET amp, RET fusion).", {}),
        ("Tissue NGS looking for ALK mutations (e.g., G1202R or I1171N) pending.", {"biopsy": "tissue"}),
        # controls: a result's bracket, a result after the heading or after the list, a result in the next sentence
        ("NGS showed resistance mutations (G1202R).", {"alk_mutations": ["G1202R"]}),
        ("Tested for resistance mutations: G1202R detected.", {"alk_mutations": ["G1202R"]}),
        ("Tested for resistance mutations (G1202R, L1196M): G1202R detected.", {"alk_mutations": ["G1202R"]}),
        ("Screened for resistance mutations (G1202R, L1196M) - none found. MET amp detected.",
         {"bypass_alterations": ["MET_amplification"]}),
        ("We tested for resistance mutations and found G1202R.", {"alk_mutations": ["G1202R"]}),
    ],
)
def test_the_examples_of_a_kind_looked_for_are_not_found(text, expected):
    assert extract_case(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No longer has brain mets.", {"brain_metastases": False}),
        ("She no longer has brain metastases after SRS.", {"brain_metastases": False}),
        ("She no longer has any headaches.", {"symptomatic": False}),
        ("She has brain mets, no longer symptomatic.", {"brain_metastases": True, "symptomatic": False}),
        ("Headaches resolved, no longer symptomatic.", {"symptomatic": False}),
        # controls: a TKI no longer taken was received; a finding stated after the denied one still reads
        ("No longer on alectinib.", {"prior_tkis": ["alectinib"]}),
        ("She is no longer on alectinib; started lorlatinib 2025.", {"prior_tkis": ["alectinib", "lorlatinib"]}),
        ("No longer has symptoms from the brain lesions; MRI shows 2 stable mets.", {"brain_metastases": True}),
        ("Brain mets no longer visible.", {"brain_metastases": False}),
    ],
)
def test_no_longer_denies_the_finding_now(text, expected):
    assert extract_case(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CYP3A inhibitors were discussed.", None),
        ("Strong CYP3A inhibitors should be avoided.", None),
        ("Counselled: CYP3A inhibitors to be avoided.", None),
        # controls: a keyed yes, a denial, one taken
        ("On strong CYP3A inhibitors: yes (itraconazole).", True),
        ("No CYP3A inhibitors.", False),
        ("Taking a strong CYP3A inhibitor.", True),
    ],
)
def test_cyp3a_inhibitors_only_talked_of_are_not_taken(text, expected):
    assert extract_case(text).get("strong_cyp3a_inhibitor") == expected
