"""A negation reaches the whole of a list of findings of one kind, or of one group closed by and/or/nor ("negative
for G1202R, L1196M and MET amp"), before or after the list ("G1202R and MET amp not detected"), and stops at a
finding of another group or at a positive word after an unclosed list (issue 15: the case changes only when the
clinician states a finding, and a denied finding is never read as present); a TKI planned on a condition is
supposed, not received. Each case is built from several cues, list shapes and findings of each
kind, so that a rule that only fits one sentence fails."""
from __future__ import annotations

import itertools

import pytest

from bot.nlu import extractor
from bot.nlu.entity import HYPOTHETICAL, NEGATED
from tests.nlu.reads import assert_reads, assert_reads_exactly, assert_reads_excluding

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
MOLECULAR = {"alk_mutations", "bypass_alterations"}


def _one_list(denied: str, denied_field: str, field: str) -> bool:
    """The denied item and the list make one denied list: both molecular, and the denied item names one finding."""
    return {denied_field, field} <= MOLECULAR and "mutation" not in denied and "alteration" not in denied


MIXED = [
    (f"{denied}, {listed}{tail}", denied_field, absent, field, values)
    for (denied, denied_field, absent), (listed, field, values), tail in itertools.product(FIRST_DENIED, STATED, TAILS)
    if denied_field != field and not _one_list(denied, denied_field, field)
]
# A specific molecular finding denied, then a closed list of other molecular findings: one denied list, whatever
# word ends it ("negative for MET amp, G1202R and L1196M detected" is read as none of them: an ambiguous list is
# left for the clinician to restate, never read as present).
ONE_DENIED_LIST = [
    f"{denied}, {listed}{tail}"
    for (denied, denied_field, _), (listed, field, _), tail in itertools.product(FIRST_DENIED, STATED, TAILS)
    if denied_field != field and _one_list(denied, denied_field, field)
]


@pytest.mark.parametrize("text", ONE_DENIED_LIST)
def test_a_closed_list_of_molecular_findings_after_a_negation_is_wholly_denied(text):
    found = [e for e in extractor.load().entities(text) if e.entity in ("alk_mutation", "bypass_alteration")]
    assert len(found) >= 3 and all(e.role == NEGATED for e in found), [(e.text, e.role) for e in found]
    case = extractor.extract_case(text)
    assert not case.get("alk_mutations") and not case.get("bypass_alterations")


# A negation after the list covers every item of a closed list or of one ended by a colon.
@pytest.mark.parametrize("text", [
    "G1202R and L1196M not detected", "G1202R and MET amplification not detected",
    "MET amplification and G1202R were not detected", "G1202R, L1196M or MET amp: not detected",
    "KRAS G12C, MET amp and RET fusion: negative", "L1196M or I1171N not found", "G1202R & MET amp absent",
])
def test_a_negation_after_a_closed_list_denies_every_item(text):
    found = [e for e in extractor.load().entities(text) if e.entity in ("alk_mutation", "bypass_alteration")]
    assert len(found) >= 2 and all(e.role == NEGATED for e in found), [(e.text, e.role) for e in found]
    assert not extractor.extract_case(text).get("alk_mutations")


@pytest.mark.parametrize("text,fields", [
    ("brain mets and LMD absent", {"brain_metastases": False, "leptomeningeal": False}),
    ("ALK G1202R 12%, MET amp not detected", {"alk_mutations": ["G1202R"]}),  # a measured result, then a denial
    ("G1202R detected; MET amp not detected", {"alk_mutations": ["G1202R"]}),
    ("no MET amp, G1202R detected", {"alk_mutations": ["G1202R"]}),  # no closing conjunction: a new statement
    ("alectinib PD, G1202R and L1196M, MET amp neg", {"prior_tkis": ["alectinib"], "alk_mutations": ["G1202R", "L1196M"]}),
])
def test_a_negation_after_a_list_stops_where_the_list_does(text, fields):
    assert_reads_exactly(text, fields)


@pytest.mark.parametrize("text,denied_field,absent,field,values", MIXED, ids=[m[0] for m in MIXED])
def test_a_negation_stops_at_a_list_of_another_kind(text, denied_field, absent, field, values):
    case = extractor.extract_case(text)
    assert case.get(denied_field) == absent
    if " or " in text:  # the list the negation stops at is of alternatives: none of them is stated (safety3 forms)
        assert field not in case, (text, case)
    else:
        assert sorted(case[field]) == sorted(values)


# Past a comma, a positive word after the list ends the negation for the list it closes: only what came before
# the comma stays denied.
@pytest.mark.parametrize("text,fields", [
    ("negative for G1202R, L1196M present", {"alk_mutations": ["L1196M"]}),
    ("negative for MET amp, RET fusion detected", {"bypass_alterations": ["RET_fusion"]}),
])
def test_a_positive_word_after_an_unclosed_list_ends_the_negation(text, fields):
    assert_reads_exactly(text, fields)


# Closed by and/or/nor, the list is denied whatever word ends it: "no X, Y or Z found" finds none of them (these
# were once read as Y and Z present).
@pytest.mark.parametrize("text", [
    "negative for MET amp, RET fusion and KRAS G12C detected", "no MET amp, KRAS G12C or RET fusion found",
    "no G1202R, L1196M and I1171N seen", "negative for G1202R, L1196M and MET amp",
    "no G1202R, L1196M or MET amplification", "no evidence of G1202R, MET amp or RET fusion on tissue",
])
def test_a_closed_list_after_a_negation_is_denied_whatever_ends_it(text):
    case = extractor.extract_case(text)
    assert not case.get("alk_mutations") and not case.get("bypass_alterations"), case


@pytest.mark.parametrize("text,fields", [
    ("not systemic, only the brain", {"progression": "cns_only"}),  # a correction, not a list
    ("not crizotinib, alectinib", {"prior_tkis": ["alectinib"]}),
    ("no brain mets, leptomeningeal disease or headaches",  # one list of the CNS group: the headaches are denied too
     {"brain_metastases": False, "leptomeningeal": False, "symptomatic": False}),
])
def test_a_comma_without_a_list_word_or_a_change_of_kind_is_not_a_list(text, fields):
    assert_reads(text, fields)


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
    assert_reads(text, {field: present})


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
    assert_reads(text, {"prior_tkis": ["alectinib"]})
    assert_reads_excluding(text, "alk_mutations", ["G1202R"])


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
    assert_reads(text, {"prior_tkis": tkis})


@pytest.mark.parametrize("text, field", [
    ("Nothing that suggests brain mets", "brain_metastases"),
    ("nothing to suggest brain metastases on the MRI", "brain_metastases"),
    ("MRI head: nothing suggestive of intracranial metastases", "brain_metastases"),
    ("No evidence to suggest LMD", "leptomeningeal"),
    ("no features suggestive of small cell transformation on the core", "transformation"),
    ("Histology not in keeping with small cell transformation", "transformation"),
    ("no findings to suggest leptomeningeal disease", "leptomeningeal"),
])
def test_a_denial_through_what_a_finding_would_suggest_is_never_read_present(text, field):
    """A reader's denial names what the images or cells would suggest, not the finding itself."""
    fields = extractor.extract_case(text)
    assert fields.get(field) not in (True, "sclc", "squamous", "mixed"), (text, fields)


@pytest.mark.parametrize("text, fields", [
    ("MRI suggests brain mets", {"brain_metastases": True}),
    ("findings suggestive of leptomeningeal disease", {"leptomeningeal": True}),
])
def test_what_suggests_a_finding_still_states_it(text, fields):
    assert_reads(text, fields)


# ---- a list with items the reader does not know ----------------------------------------------------------------

# A denial reaches over a list past words the reader does not know (symptoms and signs it has no finding for), when
# the list is closed by "or"/"nor" or by a conjunction after a comma, to the finding at its end or in its middle; it
# stops at a clause ("but", ";", a dash, "she has", a predicate "nausea improved") and at "and" without a comma.
DENIALS = ["no", "denies", "without", "no evidence of", "nil"]
UNKNOWN = [("photophobia", "diplopia"), ("neck stiffness", "unsteadiness"), ("new weakness", "blurred vision"),
           ("worsening nausea", "facial droop")]
SYMPTOMS = ["seizures", "headache", "confusion"]
DENIED_PAST_UNKNOWN = ["{cue} {u} or {f}", "{cue} {u}, {v} or {f}", "{cue} {u}, {v}, or {f}", "{cue} {u}, {v} and {f}",
                       "{cue} {u} nor {f}", "{cue} {f}, {u} or {v}", "{cue} {u}, {f} or {v}"]


@pytest.mark.parametrize("text", [
    shape.format(cue=cue, u=u, v=v, f=f)
    for cue, (u, v), f, shape in itertools.product(DENIALS, UNKNOWN, SYMPTOMS, DENIED_PAST_UNKNOWN)
    if not (cue == "without" and "nor" in shape)
])
def test_a_denial_reaches_a_symptom_past_items_it_does_not_know(text):
    found = [e for e in extractor.load().entities(text) if e.entity == "symptomatic"]
    assert found and all(e.role == NEGATED for e in found), [(e.text, e.role) for e in found]
    assert_reads(text, {"symptomatic": False})


@pytest.mark.parametrize("text,field,absent", [
    ("no neck stiffness or leptomeningeal disease", "leptomeningeal", False),
    ("no weakness, numbness or brain mets", "brain_metastases", False),
    ("no photophobia, diplopia or brain metastases", "brain_metastases", False),
    ("negative for EGFR, NTRK or MET amp", "bypass_alterations", None),
    ("no MET amp (FISH) or KRAS G12C", "bypass_alterations", None),  # a remark in brackets inside the list
])
def test_a_denial_reaches_other_findings_past_items_it_does_not_know(text, field, absent):
    assert_reads(text, {field: absent})


STOPPED = ["{cue} {u} but {f}", "{cue} {u}; {f}", "{cue} {u} - {f}", "{cue} {u}, she has {f}",
           "{cue} {u}, {v} improved, {f}", "{cue} {u}, {v} is better, or {f}", "{cue} {u} and new {f}",
           "{cue} {u}, {f} since Monday", "{cue} {u}, {v}. {f}", "{cue} {u}, has had {f}"]


@pytest.mark.parametrize("text", [
    shape.format(cue=cue, u=u, v=v, f=f)
    for cue, (u, v), f, shape in itertools.product(DENIALS, UNKNOWN[:2], SYMPTOMS, STOPPED)
])
def test_a_denial_past_items_it_does_not_know_stops_at_a_clause(text):
    """"no headache but new weakness" does not deny the weakness: the symptom after the clause is stated."""
    assert_reads(text, {"symptomatic": True})
