"""Property-based tests over the case schema: totality, determinism, schema validity, safety invariants.

Cases are generated from bot/schemas/case.schema.json itself (every field optional, every allowed value), with
mutation and bypass names drawn both from the knowledge base and from the schema's patterns, so that unknown and
impossible variants are exercised too.
"""
from __future__ import annotations

import json

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import knowledge
from bot.decision import CaseError, decide, validate_case
from bot.decision.case import CASE_SCHEMA

KB = knowledge.default()
PROPS = CASE_SCHEMA["properties"]
SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CHEMO = {rid for rid, r in KB.regimens.items() if r.kind in ("chemotherapy", "chemo_immunotherapy")}


def _value(name: str, spec: dict) -> st.SearchStrategy:
    if name == "alk_mutations":
        names = st.sampled_from(sorted(KB.mutations)) | st.from_regex(spec["items"]["pattern"], fullmatch=True)
        return st.none() | st.lists(names, max_size=3, unique=True)
    if name == "bypass_alterations":
        ids = st.sampled_from(sorted(KB.bypass)) | st.from_regex(spec["items"]["pattern"], fullmatch=True)
        return st.none() | st.lists(ids, max_size=3, unique=True)
    if name == "region":
        return st.none() | st.sampled_from(["EU", "US", "DE", "FR", "JP"]) | st.from_regex(r"\A[A-Z]{2}\Z")
    if "enum" in spec:
        return st.sampled_from(spec["enum"])
    types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    options = []
    for t in types:
        if t == "null":
            options.append(st.none())
        elif t == "boolean":
            options.append(st.booleans())
        elif t == "integer":
            options.append(st.integers(spec.get("minimum", -5), spec.get("maximum", 200)))
        elif t == "array":
            options.append(st.lists(st.sampled_from(spec["items"]["enum"]), max_size=4, unique=True))
    return st.one_of(options)


CASES = st.fixed_dictionaries({}, optional={name: _value(name, spec) for name, spec in PROPS.items()})
# Bias towards realistic cases: ALK-positive after a second-generation TKI, so the deeper rules are reached often.
REALISTIC = st.fixed_dictionaries(
    {"alk_positive": st.just(True),
     "prior_tkis": st.lists(st.sampled_from(["crizotinib", "alectinib", "brigatinib", "ceritinib", "ensartinib"]),
                            min_size=1, max_size=3, unique=True)},
    optional={name: _value(name, spec) for name, spec in PROPS.items() if name not in ("alk_positive", "prior_tkis")})
ANY_CASE = CASES | REALISTIC


def _offered(rec: dict) -> list[str]:
    return [o["therapy"] for o in rec["preferred"] + rec["alternatives"]]


@SETTINGS
@given(ANY_CASE)
def test_total_deterministic_and_schema_valid(case):
    from tests.decision.conftest import SCHEMAS
    first = json.dumps(decide(case), sort_keys=True)
    second = json.dumps(decide(json.loads(json.dumps(case))), sort_keys=True)
    assert first == second
    rec = json.loads(first)
    schema = json.loads((SCHEMAS / "recommendation.schema.json").read_text())
    jsonschema.validate(rec, schema)
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
def test_safety_invariants(case):
    rec = decide(case)
    offered = _offered(rec)
    # Never PD-(L)1 monotherapy, an EGFR TKI or anything else that may only be avoided.
    assert not {r for r in offered if KB.regimens[r].avoid_only}
    # Never a TKI the table marks resistant for a reported (known) mutation.
    known = [KB.canonical_mutation(m) for m in case.get("alk_mutations") or []]
    for name in filter(None, known):
        for drug, cell in KB.mutations[name].activity.items():
            if cell.call == "resistant":
                assert drug not in offered, f"{drug} offered despite {name}"
    # Never pemetrexed or bevacizumab regimens for squamous histology.
    if case.get("histology") == "squamous" or case.get("transformation") == "squamous":
        assert not {"platinum_pemetrexed", "abcp"} & set(offered)
    # Never chemotherapy for ECOG 3-4.
    if case.get("ecog") is not None and case["ecog"] >= 3:
        assert not CHEMO & set(offered)
    # After a second-generation TKI, another one is never the preferred choice.
    second_gen = {d for d, drug in KB.drugs.items() if drug.generation == "2G"}
    if second_gen & set(case.get("prior_tkis") or []):
        assert not second_gen & {o["therapy"] for o in rec["preferred"]}
    # Out-of-scope cases are recognised, never forced through the algorithm.
    if case.get("alk_positive") is False:
        assert rec["status"] == "out_of_scope"
    if "lorlatinib" in (case.get("prior_tkis") or []) and case.get("alk_positive") is True and not (
            case.get("alk_fusion_at_progression") is False and not case.get("alk_mutations")):
        assert rec["status"] == "out_of_scope"
    # A variant the engine cannot interpret never leads to a plain recommendation built on it.
    if any(k is None for k in known) and rec["rationale"][0]["rule"].startswith("M"):
        assert rec["rationale"][0]["rule"] == "M9"


JUNK = st.one_of(st.none(), st.booleans(), st.integers(-3, 120), st.floats(allow_nan=False, allow_infinity=False),
                 st.text(max_size=8), st.lists(st.text(max_size=6), max_size=3),
                 st.sampled_from(["systemic", "G1202R", "alectinib", "tissue", "EU", "Alecensa"]))
MAYBE_INVALID = st.dictionaries(st.sampled_from(sorted(PROPS) + ["patient_name", "ECOG"]), JUNK, max_size=6) | ANY_CASE


@settings(max_examples=800, deadline=None)
@given(MAYBE_INVALID)
def test_validator_agrees_with_jsonschema(doc):
    jsonschema_ok = jsonschema.Draft202012Validator(CASE_SCHEMA).is_valid(doc)
    try:
        validate_case(doc)
        ours_ok = True
    except CaseError as err:
        ours_ok = False
        assert str(err).strip() and "\n" not in str(err)
    assert ours_ok == jsonschema_ok, doc
