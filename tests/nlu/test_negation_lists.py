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


# ---- a test or a reader that did not find it: the finding is stated absent ---------------------------------------

# (what the clinician writes, field, its value when stated absent, its value when stated present, the test that
# looked for it)
LOOKED_FOR = [
    ("SCLC", "transformation", "none", "small_cell", "the rebiopsy"),
    ("small-cell transformation", "transformation", "none", "small_cell", "histology of the liver core"),
    ("G1202R", "alk_mutations", [], ["G1202R"], "repeat tissue NGS"),
    ("ALK G1202R", "alk_mutations", [], ["G1202R"], "plasma NGS"),
    ("MET amplification", "bypass_alterations", [], ["MET_amplification"], "FISH"),
    ("brain metastases", "brain_metastases", False, True, "MRI brain"),
    ("leptomeningeal disease", "leptomeningeal", False, True, "the contrast MRI"),
]
ENTITY = {"transformation": "transformation", "alk_mutations": "alk_mutation", "bypass_alterations": "bypass_alteration",
          "brain_metastases": "brain_metastases", "leptomeningeal": "leptomeningeal"}
NOT_FOUND_BEFORE = ["failed to show", "failed to demonstrate", "failed to reveal", "failed to identify",
                    "did not show", "did not demonstrate", "did not reveal", "didn't reveal", "does not demonstrate",
                    "has not shown", "could not identify", "showed no evidence of", "was without evidence of"]
NOT_FOUND_AFTER = ["not seen", "absent", "excluded", "could not be demonstrated", "was not shown",
                   "has been excluded", "could not be identified"]
NOT_FOUND = [
    (f"{test} {cue} {words}", field, absent)
    for words, field, absent, _, test in LOOKED_FOR
    for cue in NOT_FOUND_BEFORE
] + [
    (f"{words[0].upper()}{words[1:]} {cue} on {test.removeprefix('the ')}", field, absent)
    for words, field, absent, _, test in LOOKED_FOR
    for cue in NOT_FOUND_AFTER
]


@pytest.mark.parametrize("text,field,absent", NOT_FOUND, ids=[n[0] for n in NOT_FOUND])
def test_a_finding_a_test_did_not_find_is_absent(text, field, absent):
    found = [e for e in extractor.load().entities(text) if e.entity == ENTITY[field]]
    assert found and all(e.role == NEGATED for e in found), [(e.text, e.role) for e in found]
    case = extractor.extract_case(text)
    # one alteration denied says nothing of the rest of its list: the list stays unset, never holds it
    assert (case.get(field, []) if isinstance(absent, list) else case.get(field)) == absent


# Near-misses: the cue is spent on something else before a clause break; the finding after it is stated present.
SPENT_ON = ["a response", "any shrinkage of the liver lesions", "viable tumour"]
THEN = ["; {f} detected", ", but {f} present", ". {f} on the same sample", " and {f} was found"]
REACHES_NOTHING = [
    (f"{test} {cue} {spent}{then.format(f=words)}", field, present)
    for (words, field, _, present, test), cue, spent, then in itertools.product(
        LOOKED_FOR, ["failed to show", "did not reveal", "failed to demonstrate"], SPENT_ON, THEN
    )
]


@pytest.mark.parametrize("text,field,present", REACHES_NOTHING, ids=[r[0] for r in REACHES_NOTHING])
def test_a_not_found_cue_spent_before_the_finding_leaves_it_present(text, field, present):
    assert extractor.extract_case(text).get(field) == present


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
