"""Property-based tests: totality, determinism, schema validity, and the safety invariants of issue 17.

Two case generators: one draws every field uniformly from bot/schemas/case.schema.json (unknown, impossible and
contradictory values included), the other (tests/decision/strategies.py) draws clinically shaped cases from the
knowledge base so that every rule decides a fair share of them; the share each rule gets is printed and held to a
floor. The safety invariants are checked against what the knowledge base itself forbids for the case (its
mutation table, single and compound rows, and the regimens' contraindications), worked out here independently of
the engine's own filter, so that a filter that is skipped or incomplete shows.
"""
from __future__ import annotations

import re

import json
from collections import Counter
from typing import Any, Mapping

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.decision import CaseError, case_to_dict, decide, validate_case
from bot.decision.case import CASE_SCHEMA
from tests.decision import strategies as gen
from tests.decision.conftest import SCHEMAS

KB = gen.KB
PROPS = CASE_SCHEMA["properties"]
SETTINGS = settings(gen.PROFILE)
CHEMO_KINDS = ("chemotherapy", "chemo_immunotherapy")
SMALL_CELL = ("small_cell", "small_cell_mixed")
REC_VALIDATOR = jsonschema.Draft202012Validator(json.loads((SCHEMAS / "recommendation.schema.json").read_text()))
CASE_VALIDATOR = jsonschema.Draft202012Validator(CASE_SCHEMA)


def _value(name: str, spec: dict) -> st.SearchStrategy:
    if name == "alk_mutations":
        names = st.sampled_from(sorted(KB.mutations)) | st.from_regex(spec["items"]["pattern"], fullmatch=True)
        return st.none() | st.lists(names, max_size=3, unique=True)
    if name == "bypass_alterations":
        ids = st.sampled_from(sorted(KB.bypass)) | st.from_regex(spec["items"]["pattern"], fullmatch=True)
        return st.none() | st.lists(ids, max_size=3, unique=True)
    return gen.schema_value(name)


SCHEMA_CASES = st.fixed_dictionaries({}, optional={name: _value(name, spec) for name, spec in PROPS.items()})
ANY_CASE = SCHEMA_CASES | gen.CASES


# ---- what the knowledge base forbids for a case (the oracle) -----------------------------------------------------

def _holds(when: str, case: Mapping[str, Any]) -> bool:
    """Whether a condition that regimens.yml names (contraindications, 'unless') holds for the case, read from the
    case fields' definitions in case.schema.json; a condition this does not know raises KeyError."""
    ecog, transformation = case.get("ecog"), case.get("transformation")
    current, progression = case.get("current_therapy"), case.get("progression")
    comorbid = set(case.get("comorbidities") or ())
    prior = case.get("prior_tkis") or []
    conditions = {
        "squamous": case.get("histology") == "squamous" or transformation == "squamous",
        "ecog_3_4": ecog is not None and ecog >= 3,
        "small_cell_ecog3_disease_driven": ecog == 3 and transformation in SMALL_CELL
                                           and case.get("goals_of_care") == "disease_directed",
        "prior_immunotherapy": case.get("prior_immunotherapy") is True,
        "prior_chemotherapy": case.get("prior_chemotherapy") is True,
        "progressing_on_chemotherapy": current == "chemotherapy" and progression != "none",
        "progressing_on_chemo_immunotherapy": current == "chemo_immunotherapy" and progression != "none",
        "no_current_therapy": current == "none" or (current is None and bool(prior)
                                                     and prior[-1] in (case.get("intolerant_tkis") or [])),
        "current_tki_resistant": bool(set(_current_regimens(case)) & set(_resistant_regimens(case))),
        "cyp3a_inducer_unstoppable": case.get("strong_cyp3a_inducer") is True
                                     and case.get("cyp3a_inducer_stoppable") is False,
        "strong_cyp3a_inhibitor": case.get("strong_cyp3a_inhibitor") is True,
        "pregnant": case.get("pregnancy_status") == "pregnant",
        "childbearing_potential": case.get("pregnancy_status") == "childbearing_potential",
        **{c: c in comorbid for c in gen.enum_of("comorbidities")},
    }
    return conditions[when]


def _tki_regimens(drug: str) -> list[str]:
    return [rid for rid, r in KB.regimens.items() if r.kind == "alk_tki" and r.drug == drug]


def _mutation_names(case: Mapping[str, Any]) -> list[str]:
    """The reported mutations, canonical where the knowledge base knows the spelling, as given otherwise."""
    return [KB.canonical_mutation(m) or m for m in case.get("alk_mutations") or []]


def _compound_members(names: list[str]) -> list[str]:
    """The reported mutations that can sit in a compound: tabled ones, and possible changes inside ALK's kinase
    domain. A variant outside the kinase domain (A20P) or at a residue ALK does not have is flagged, not a member."""
    low, high = KB.kinase_domain
    members = []
    for name in names:
        found = re.match(r"([A-Z]?)(\d+)", name)
        if name in KB.mutations:
            members.append(name)
        elif found and low <= int(found[2]) <= high and found[1] in ("", KB.reference_residue(int(found[2]))):
            members.append(name)
    return members


def _resistance_rows(case: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """The mutation-table rows that apply: each tabled single mutation, each tabled compound pair among the
    reported mutations (unless they are stated to be separate clones), and the table's default row for a
    compound stated in cis that is not a tabled pair."""
    names = _mutation_names(case)
    rows = [(n, KB.mutations[n].activity) for n in names if n in KB.mutations]
    members = _compound_members(names)
    if len(members) >= 2 and case.get("compound") is not False:
        pairs = [(key, entry) for key, entry in KB.compounds.items() if key <= set(names)]
        rows += [("+".join(sorted(key)), entry.activity) for key, entry in pairs]
        if case.get("compound") is True and frozenset(members) not in KB.compounds:
            rows.append(("compound (default row)", KB.compound_default))
    return rows


def _current_regimens(case: Mapping[str, Any]) -> list[str]:
    """The regimen the disease is progressing on, when the case names it."""
    current = case.get("current_therapy")
    prior = case.get("prior_tkis") or []
    if current in (None, "alk_tki") and prior:
        return _tki_regimens(prior[-1])
    if current == "chemo_immunotherapy":
        return [rid for rid, r in KB.regimens.items() if r.kind == "chemo_immunotherapy"]
    return []


def _resistant_regimens(case: Mapping[str, Any]) -> dict[str, str]:
    """TKI regimen -> the mutation-table row (single or compound) that marks it resistant."""
    out = {}
    for label, activity in _resistance_rows(case):
        for drug, cell in activity.items():
            if cell.call == "resistant":
                out.update((rid, label) for rid in _tki_regimens(drug))
    return out


def forbidden(case: Mapping[str, Any]) -> dict[str, str]:
    """therapy id -> why the knowledge base forbids offering it for this case."""
    out: dict[str, str] = {}
    poor_ps = _holds("ecog_3_4", case)
    small_cell_exception = _holds("small_cell_ecog3_disease_driven", case)
    for rid, reg in KB.regimens.items():
        if reg.avoid_only:
            out[rid] = "may only be avoided"
        for k in reg.contraindications:
            unless = getattr(k, "unless", None)
            if _holds(k.when, case) and not (unless and _holds(unless, case)):
                out[rid] = f"contraindicated ({k.when})"
        if reg.kind in CHEMO_KINDS and poor_ps and not (rid == "platinum_etoposide" and small_cell_exception):
            out[rid] = "chemotherapy at ECOG 3-4"
    for rid, label in _resistant_regimens(case).items():
        out[rid] = f"resistant to {label} in the mutation table"
    if case.get("progression") == "systemic":
        for rid in _current_regimens(case):
            out[rid] = "the disease is progressing on it"
        out["continue_current_therapy"] = "the disease is progressing on the current therapy"
    return out


def offered(rec: Mapping[str, Any], case: Mapping[str, Any]) -> list[str]:
    """Therapy ids offered, counting 'continue the current therapy' as offering the current TKI again."""
    ids = [o["therapy"] for o in rec["preferred"] + rec["alternatives"]]
    continues = {"continue_current_therapy", "local_therapy_continue_tki"} & set(ids)
    if continues and case.get("current_therapy") in (None, "alk_tki"):
        ids += [rid for rid in _current_regimens(case) if rid not in ids]
    return ids


# ---- the invariants ----------------------------------------------------------------------------------------------

@SETTINGS
@given(ANY_CASE)
def test_total_deterministic_and_schema_valid(case):
    first = json.dumps(decide(case), sort_keys=True)
    second = json.dumps(decide(json.loads(json.dumps(case))), sort_keys=True)
    assert first == second
    rec = json.loads(first)
    REC_VALIDATOR.validate(rec)
    assert rec["knowledge_version"] == KB.version
    assert rec["rationale"], "every answer carries its rule trace"
    assert any(c["id"] == "disclaimer" for c in rec["caveats"])
    cited = {k for group in ("preferred", "alternatives", "avoid", "caveats") for item in rec[group]
             for k in item.get("evidence", [])}
    assert cited <= {e["id"] for e in rec["evidence"]}
    if rec["status"] == "recommendation":
        assert rec["preferred"]


@SETTINGS
@given(ANY_CASE)
def test_nothing_is_both_offered_and_avoided(case):
    rec = decide(case)
    both = set(offered(rec, case)) & {a["therapy"] for a in rec["avoid"]}
    assert not both, f"offered and listed under avoid: {sorted(both)}"


@SETTINGS
@given(ANY_CASE)
def test_nothing_the_knowledge_base_forbids_is_offered(case):
    rec = decide(case)
    bad = forbidden(case)
    hits = {t: bad[t] for t in offered(rec, case) if t in bad}
    assert not hits, f"offered although forbidden: {hits}"


@SETTINGS
@given(gen.CASES)
def test_needs_information_still_names_a_provisional_option(case):
    """Asking for a finding is no reason to name nothing: an ALK-positive case that needs information still gets a
    provisional option. Not when the findings contradict each other (rule C0): no option can be judged safe on
    them until the contradiction is resolved."""
    rec = decide(case)
    if rec["status"] == "needs_information" and case.get("alk_positive") is True \
            and rec["rationale"][0]["rule"] != "C0":
        assert rec["preferred"], "a needs_information answer for an ALK-positive case names a provisional option"
        assert rec["missing"], "and says what it needs"


@SETTINGS
@given(ANY_CASE)
def test_scope_and_sequencing(case):
    rec = decide(case)
    preferred = {o["therapy"] for o in rec["preferred"]}
    # After a second-generation TKI, another one is never the preferred choice.
    second_gen = {d for d, drug in KB.drugs.items() if drug.generation == "2G"}
    if second_gen & set(case.get("prior_tkis") or []):
        assert not {rid for d in second_gen for rid in _tki_regimens(d)} & preferred
    # ALK-negative cases are recognised, never forced through the algorithm.
    if case.get("alk_positive") is False:
        assert rec["status"] == "out_of_scope"
    # A variant the engine cannot interpret (in no row of the mutation table, single or a reported compound pair)
    # never leads to a plain recommendation built on it.
    names = _mutation_names(case)
    in_pairs = {m for key in KB.compounds if key <= set(names) and case.get("compound") is not False for m in key}
    if any(n not in KB.mutations and n not in in_pairs for n in names) and rec["rationale"][0]["rule"].startswith("M"):
        assert rec["rationale"][0]["rule"] == "M9"


def test_every_contraindication_condition_is_understood_by_the_oracle():
    """A condition added to regimens.yml must be added to _holds, or the invariant above would skip it."""
    conditions = {c for r in KB.regimens.values() for k in r.contraindications
                  for c in (k.when, getattr(k, "unless", None)) if c}
    for when in sorted(conditions):
        _holds(when, {})  # KeyError names a condition the oracle does not know


def test_every_rule_decides_a_fair_share_of_generated_cases():
    """The knowledge-base generator reaches every deciding rule; the distribution is printed (pytest -s)."""
    seen: Counter[str] = Counter()
    statuses: Counter[str] = Counter()

    @settings(SETTINGS, max_examples=max(SETTINGS.max_examples, 2000))  # shares settle over more cases
    @given(gen.CASES)
    def record(case):
        rec = decide(case)
        seen[gen.deciding_rule(rec)] += 1
        statuses[rec["status"]] += 1

    record()
    total = sum(seen.values())
    table = "\n".join(f"  {rid:4} {seen[rid]:5} {seen[rid] / total:6.1%}" for rid in gen.deciding_rules())
    print(f"\nDeciding rule over {total} generated cases:\n{table}\n  statuses: {dict(statuses)}")
    thin = {rid: seen[rid] for rid in gen.deciding_rules() if seen[rid] < gen.RULE_FLOOR * total}
    assert not thin, f"rules deciding under {gen.RULE_FLOOR:.0%} of {total} cases: {thin}\n{table}"


@SETTINGS
@given(gen.CASES)
def test_a_case_survives_the_round_trip_through_the_validator(case):
    assert case_to_dict(validate_case(case)) == {k: v for k, v in case.items() if v is not None}


JUNK = st.one_of(st.none(), st.booleans(), st.integers(-3, 120), st.floats(allow_nan=False, allow_infinity=False),
                 st.text(max_size=8), st.lists(st.text(max_size=6), max_size=3),
                 st.sampled_from(["systemic", "G1202R", "alectinib", "tissue", "EU", "Alecensa"]))
MAYBE_INVALID = st.dictionaries(st.sampled_from(sorted(PROPS) + ["patient_name", "ECOG"]), JUNK, max_size=6) | ANY_CASE


def test_a_pattern_field_refuses_a_final_newline():
    with pytest.raises(CaseError, match="region"):
        validate_case({"region": "EU\n"})


@SETTINGS
@given(MAYBE_INVALID)
def test_validator_agrees_with_jsonschema(doc):
    # JSON Schema patterns are ECMA-262 regular expressions, where '$' is the end of the text; jsonschema uses
    # Python's re.search, whose '$' also matches before a final newline ("EU\n"). The compiled validator follows
    # the standard, so such a string counts as invalid here.
    jsonschema_ok = CASE_VALIDATOR.is_valid(doc) and not any(
        isinstance(v, str) and v.endswith("\n") for value in doc.values()
        for v in (value if isinstance(value, list) else [value]))
    try:
        validate_case(doc)
        ours_ok = True
    except CaseError as err:
        ours_ok = False
        assert str(err).strip() and "\n" not in str(err)
    assert ours_ok == jsonschema_ok, doc
