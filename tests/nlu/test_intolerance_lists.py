"""A stop for toxicity said of a list of TKIs applies to each ("Alectinib and brigatinib stopped for pneumonitis",
"alectinib/brigatinib discontinued due to hepatitis", "alectinib, then brigatinib, both stopped for rash"); a stop
whose reason is given per TKI ("alectinib stopped for progression and brigatinib for pneumonitis") marks only the
one stopped for toxicity; a sequence with no plural ("alectinib, then brigatinib stopped for rash") marks the last."""

from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor

read = extractor.extract_case

PAIRS = [("alectinib", "brigatinib"), ("Crizotinib", "ceritinib"), ("Alecensa", "Alunbrig"), ("crizotinib", "alectinib")]
GENERIC = {"Alecensa": "alectinib", "Alunbrig": "brigatinib", "Crizotinib": "crizotinib"}
LISTED = ["{a} and {b}", "{a}/{b}", "{a} & {b}", "{a}, then {b}, both", "{a} then {b}, each", "Both {a} and {b}",
          "{a} and {b} were both", "{a} and later {b} were each"]
STOPPED = ["stopped for pneumonitis", "discontinued due to hepatotoxicity", "stopped because of grade 3 rash",
           "d/c'd for transaminitis", "discontinued for intolerable myalgia"]


def _g(name: str) -> str:
    return GENERIC.get(name, name.lower())


@pytest.mark.parametrize("text,tkis", [
    (listed.format(a=a, b=b) + " " + stop, [_g(a), _g(b)])
    for (a, b), listed, stop in itertools.product(PAIRS, LISTED, STOPPED)
])
def test_a_stop_for_toxicity_said_of_a_list_marks_each(text, tkis):
    case = read(text)
    assert sorted(case.get("intolerant_tkis", [])) == sorted(tkis), (text, case)


@pytest.mark.parametrize("text,intolerant", [
    ("alectinib stopped for progression and brigatinib for pneumonitis", ["brigatinib"]),
    ("alectinib stopped for PD and brigatinib for hepatotoxicity", ["brigatinib"]),
    ("Alectinib discontinued at progression, brigatinib for grade 3 rash", ["brigatinib"]),
    ("crizotinib stopped for rash and alectinib for progression", ["crizotinib"]),
    ("alectinib stopped for pneumonitis, brigatinib for PD", ["alectinib"]),
    ("alectinib, then brigatinib stopped for rash", ["brigatinib"]),
    ("alectinib 2 years, then brigatinib discontinued due to pneumonitis", ["brigatinib"]),
    ("alectinib or brigatinib stopped for pneumonitis?", []),
    ("PD on alectinib; brigatinib stopped for pneumonitis", ["brigatinib"]),
    ("alectinib and brigatinib stopped for progression", []),
    ("alectinib and brigatinib stopped for progression, not toxicity", []),
    ("switched from alectinib to brigatinib for pneumonitis", ["alectinib"]),
    ("crizotinib -> alectinib for transaminitis", ["crizotinib"]),
    ("Alectinib replaced by brigatinib because of myalgia", ["alectinib"]),
    ("intolerant of crizotinib/alectinib", ["crizotinib", "alectinib"]),
])
def test_each_stop_goes_to_its_own_tki(text, intolerant):
    case = read(text)
    assert sorted(case.get("intolerant_tkis") or []) == sorted(intolerant), (text, case)
