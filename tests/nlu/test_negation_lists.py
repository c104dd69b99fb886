"""A negation reaches the whole of a list of findings of one kind, and stops at a finding of another kind or at a
positive word after the list (issue 15: the case changes only when the clinician states a finding); a TKI planned
on a condition is supposed, not received. Each case is built from several cues, list shapes and findings of each
kind, so that a rule that only fits one sentence fails."""
from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor
from bot.nlu.entity import HYPOTHETICAL, NEGATED

# (entity, field, [(words, value)...]): three findings of one kind, written as a clinician would
KINDS = [
    ("bypass_alteration", "bypass_alterations",
     [("MET amp", "MET_amplification"), ("RET fusion", "RET_fusion"), ("KRAS G12C", "KRAS_G12C")]),
    ("alk_mutation", "alk_mutations", [("G1202R", "G1202R"), ("L1196M", "L1196M"), ("I1171N", "I1171N")]),
    ("tki", "prior_tkis", [("brigatinib", "brigatinib"), ("ceritinib", "ceritinib"), ("lorlatinib", "lorlatinib")]),
]
CUES = {
    "bypass_alteration": ["negative for", "no", "no evidence of"],
    "alk_mutation": ["negative for", "no", "no evidence of"],
    "tki": ["never received", "no prior", "did not receive"],
}
SHAPES = ["{a}, {b} and {c}", "{a}, {b} or {c}", "{a}, {b}, and {c}", "{a}, {b} nor {c}", "{a}, {b}, {c} or {d}"]
DENIED_LISTS = [
    (entity, field, cue + " " + shape.format(a=items[0][0], b=items[1][0], c=items[2][0], d=items[0][0]))
    for (entity, field, items), shape in itertools.product(KINDS, SHAPES)
    for cue in CUES[entity]
    if not (entity == "tki" and "nor" in shape)  # "never received X, Y nor Z" is not English
]


@pytest.mark.parametrize("entity,field,text", DENIED_LISTS, ids=[d[2] for d in DENIED_LISTS])
def test_a_denied_list_of_one_kind_is_wholly_absent(entity, field, text):
    found = [e for e in extractor.load().entities(text) if e.entity == entity]
    assert len(found) >= 3
    assert all(e.role == NEGATED for e in found), [(e.text, e.role) for e in found]
    assert extractor.extract_case(text).get(field, []) == []


# A denied finding of one kind, then a list of another kind the clinician states present: the negation stops at
# the first finding of the other kind ("no headaches, G1202R and L1196M on tissue").
FIRST_DENIED = [
    ("no headaches", "symptomatic", False),
    ("no brain mets", "brain_metastases", False),
    # one alteration denied states nothing of the list; a whole class denied states it tested and empty
    ("negative for MET amp", "bypass_alterations", None),
    ("no G1202R", "alk_mutations", None),
    ("no bypass alteration", "bypass_alterations", []),
    ("no ALK mutation", "alk_mutations", []),
]
STATED = [
    ("G1202R and L1196M", "alk_mutations", ["G1202R", "L1196M"]),
    ("G1202R, L1196M or I1171N", "alk_mutations", ["G1202R", "L1196M", "I1171N"]),
    ("MET amp and RET fusion", "bypass_alterations", ["MET_amplification", "RET_fusion"]),
    ("KRAS G12C, MET amp and RET fusion", "bypass_alterations", ["KRAS_G12C", "MET_amplification", "RET_fusion"]),
]
TAILS = ["", " on tissue", " detected", " found on NGS", " present"]
MIXED = [
    (f"{denied}, {listed}{tail}", denied_field, absent, field, values)
    for (denied, denied_field, absent), (listed, field, values), tail in itertools.product(FIRST_DENIED, STATED, TAILS)
    if denied_field != field
]


@pytest.mark.parametrize("text,denied_field,absent,field,values", MIXED, ids=[m[0] for m in MIXED])
def test_a_negation_stops_at_a_list_of_another_kind(text, denied_field, absent, field, values):
    case = extractor.extract_case(text)
    assert case.get(denied_field) == absent
    assert sorted(case[field]) == sorted(values)


# Past a comma, a positive word after the list ends the negation for the list it closes: only what came before
# the comma stays denied.
@pytest.mark.parametrize("text,fields", [
    ("negative for MET amp, RET fusion and KRAS G12C detected",
     {"bypass_alterations": ["RET_fusion", "KRAS_G12C"]}),
    ("no MET amp, KRAS G12C or RET fusion found", {"bypass_alterations": ["KRAS_G12C", "RET_fusion"]}),
    ("no G1202R, L1196M and I1171N seen", {"alk_mutations": ["L1196M", "I1171N"]}),
    ("negative for G1202R, L1196M present", {"alk_mutations": ["L1196M"]}),
])
def test_a_positive_word_after_the_list_ends_the_negation(text, fields):
    assert extractor.extract_case(text) == fields


@pytest.mark.parametrize("text,fields", [
    ("not systemic, only the brain", {"progression": "cns_only"}),  # a correction, not a list
    ("not crizotinib, alectinib", {"prior_tkis": ["alectinib"]}),
    ("no brain mets, leptomeningeal disease or headaches",
     {"brain_metastases": False, "leptomeningeal": False, "symptomatic": True}),
])
def test_a_comma_without_a_list_word_or_a_change_of_kind_is_not_a_list(text, fields):
    case = extractor.extract_case(text)
    assert {k: case.get(k) for k in fields} == fields


# ---- a TKI planned on a finding is supposed, not received ----------------------------------------------------

PLANS = [
    "Progressed on alectinib, lorlatinib if G1202R is found",
    "Progressed on alectinib, lorlatinib should G1202R be found",
    "progressed on alectinib, lorlatinib 100 mg if G1202R confirmed",
    "on alectinib; would give lorlatinib if a G1202R turns up",
    "progressed on alectinib, plan lorlatinib pending NGS",
    "alectinib 2021-2024, lorlatinib if G1202R on rebiopsy",
    "alectinib first line, then lorlatinib depending on the NGS result",
    "alectinib then lorlatinib if G1202R",
    "progressed on alectinib; lorlatinib in case of G1202R",
    "progressed on alectinib, will start lorlatinib unless G1202R is absent",
]


@pytest.mark.parametrize("text", PLANS)
def test_a_tki_planned_on_a_finding_is_not_received(text):
    tkis = {e.value: e.role for e in extractor.load().entities(text) if e.entity == "tki"}
    assert tkis["alectinib"] is None
    assert tkis["lorlatinib"] in (HYPOTHETICAL, "candidate")
    assert extractor.extract_case(text).get("prior_tkis") == ["alectinib"]
    assert "G1202R" not in extractor.extract_case(text).get("alk_mutations", [])


HISTORIES = [
    ("alectinib since 2021, lorlatinib from 2024 after G1202R was found", ["alectinib", "lorlatinib"]),
    ("alectinib, then lorlatinib once G1202R was found in 2024", ["alectinib", "lorlatinib"]),
    ("alectinib until 2024; lorlatinib since G1202R was detected", ["alectinib", "lorlatinib"]),
    ("alectinib 600 mg bid if tolerated", ["alectinib"]),
    ("crizotinib, alectinib, lorlatinib because of G1202R", ["crizotinib", "alectinib", "lorlatinib"]),
    ("alectinib then lorlatinib when G1202R emerged", ["alectinib", "lorlatinib"]),
    ("continue alectinib unless progression", ["alectinib"]),  # "unless" and "pending" plan only after a plan word
    ("alectinib subject to dose reduction", ["alectinib"]),
]


@pytest.mark.parametrize("text,tkis", HISTORIES, ids=[h[0] for h in HISTORIES])
def test_a_real_history_stays_received(text, tkis):
    assert extractor.extract_case(text)["prior_tkis"] == tkis
