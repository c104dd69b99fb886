"""Hypothesis strategies for cases, built from the knowledge base and the case schema at run time.

Why not draw every field uniformly from the schema: such cases end mostly in 'needs_information' or out of
scope, so the deeper rules (the resistance block, compound pairs, post-lorlatinib care) are reached a few times in
a thousand. Here each field is drawn from what the knowledge base knows (its mutations, compound pairs,
TKIs and their generations, bypass ids, transformations, regimens), weighted towards complete ALK-positive cases
after a second-generation TKI, while keeping a share of unknown, impossible and contradictory findings. A field the
schema gains later (and this module does not name) is still drawn, from its schema definition, so new case fields
are exercised without editing this file.

``deciding_rule`` and ``RULE_FLOOR`` let a test print which rule decides the generated cases and hold each rule to a
minimum share (tests/decision/test_properties.py).
"""
from __future__ import annotations

import os
from typing import Any, Iterable, Mapping

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from bot import knowledge
from bot.decision.case import CASE_SCHEMA

KB = knowledge.default()
PROPS: Mapping[str, Mapping[str, Any]] = CASE_SCHEMA["properties"]

# Fixed, derandomised runs in `make test` (the same cases every time, no example database); `make mutation`
# uses a short one (each mutant reruns the tests); HYPOTHESIS_PROFILE=explore searches longer while developing.
_QUIET = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much]}
settings.register_profile("ci", max_examples=400, derandomize=True, database=None, **_QUIET)
settings.register_profile("mutation", max_examples=60, derandomize=True, database=None, **_QUIET)
settings.register_profile("explore", max_examples=5000, **_QUIET)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The least share of generated cases each deciding rule must get (a rule below it is barely tested).
RULE_FLOOR = 0.01  # 20 of 2,000


_MEMO: dict[tuple, st.SearchStrategy] = {}


def weighted(pairs: Iterable[tuple[Any, int]]) -> st.SearchStrategy:
    """A value drawn with the given integer weights (the first one is where shrinking goes).

    Memoised: hypothesis validates each new strategy object, which would cost more than the draw itself."""
    key = tuple(pairs)
    if key not in _MEMO:
        _MEMO[key] = st.sampled_from([value for value, weight in key for _ in range(weight)])
    return _MEMO[key]


def one_of_values(values: Iterable[Any]) -> st.SearchStrategy:
    """One of ``values``, equally likely (memoised like :func:`weighted`)."""
    return weighted((v, 1) for v in values)


def enum_of(name: str) -> list[Any]:
    """The values the schema allows for ``name`` (or its items), null left out."""
    spec = PROPS[name]
    values = spec.get("enum") or spec.get("items", {}).get("enum") or []
    return [v for v in values if v is not None]


def from_enum(name: str, weights: Mapping[Any, int], default_weight: int = 1) -> st.SearchStrategy:
    """A schema enum value with the given weights; values the schema adds later get ``default_weight``."""
    key = ("enum", name, tuple(sorted(weights.items(), key=repr)), default_weight)
    if key not in _MEMO:
        _MEMO[key] = weighted((v, weights.get(v, default_weight)) for v in [*enum_of(name), None])
    return _MEMO[key]


def schema_value(name: str) -> st.SearchStrategy:
    """Any value the schema allows for a field this module has no clinical weighting for."""
    if ("schema", name) not in _MEMO:
        _MEMO[("schema", name)] = _schema_value(name)
    return _MEMO[("schema", name)]


def _schema_value(name: str) -> st.SearchStrategy:
    spec = PROPS[name]
    if "enum" in spec:
        return st.sampled_from([None, *enum_of(name)])
    types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    options: list[st.SearchStrategy] = []
    for t in types:
        if t == "null":
            options.append(st.none())
        elif t == "boolean":
            options.append(st.booleans())
        elif t == "integer":
            options.append(st.integers(spec.get("minimum", 0), spec.get("maximum", 100)))
        elif t == "array" and "enum" in spec.get("items", {}):
            options.append(st.lists(st.sampled_from(spec["items"]["enum"]), max_size=3, unique=True))
        elif t == "string" and "pattern" in spec:
            options.append(st.from_regex(spec["pattern"], fullmatch=True))
    return st.one_of(options)


# ---- the knowledge base's vocabulary ---------------------------------------------------------------------------

TKIS = [t for t in enum_of("prior_tkis") if t in KB.drugs]
_GEN_ORDER = {"1G": 0, "2G": 1, "unclassified": 1, "3G": 2}
BY_GENERATION = {g: sorted(t for t in TKIS if KB.drugs[t].generation == g) for g in _GEN_ORDER}
MUTATIONS = sorted(KB.mutations)


def _weight(name: str) -> int:
    """How often a single mutation is drawn: the more TKIs the table marks it resistant to, and an unknown
    lorlatinib call, the more the safety filter has to do, so the more often it is drawn."""
    calls = [a.call for a in KB.mutations[name].activity.values()]
    return 1 + calls.count("resistant") ** 3 + 3 * (KB.mutations[name].activity["lorlatinib"].call == "unknown")


SINGLE = weighted((name, _weight(name)) for name in MUTATIONS)
# Every compound pair of the table, with members in both orders (the engine must not depend on the order).
PAIRS = sorted(tuple(sorted(entry.members or key)) for key, entry in KB.compounds.items())
BYPASS = sorted(KB.bypass)
TRANSFORMATIONS = [t for t in enum_of("transformation")]


def _mutation_at(position: int, wrong_reference: bool) -> str:
    """A substitution at ``position``: with ALK's own residue (plausible, untabled) or another one (impossible)."""
    wild = KB.reference_residue(position) or "A"
    ref = "W" if wrong_reference and wild != "W" else ("Y" if wrong_reference else wild)
    return f"{ref}{position}{'P' if wild != 'P' else 'A'}"


UNTABLED = st.integers(*KB.kinase_domain).map(lambda p: _mutation_at(p, False)).filter(
    lambda m: KB.canonical_mutation(m) is None)
IMPOSSIBLE = st.one_of(st.integers(*KB.kinase_domain).map(lambda p: _mutation_at(p, True)),
                       st.integers(KB.alk_length + 1, 9999).map(lambda p: f"G{p}R"))
OUTSIDE_KINASE = st.integers(20, KB.kinase_domain[0] - 1).map(lambda p: _mutation_at(p, False)).filter(
    lambda m: KB.canonical_mutation(m) is None)


ANY_HISTORY = st.lists(st.sampled_from(TKIS), min_size=1, max_size=4, unique=True)
TWO_SECOND_GEN = st.lists(st.sampled_from(BY_GENERATION["2G"]), min_size=2, max_size=2, unique=True)
TWO_MUTATIONS = st.lists(st.sampled_from(MUTATIONS), min_size=2, max_size=2, unique=True)
THREE_MUTATIONS = st.lists(st.sampled_from(MUTATIONS), min_size=2, max_size=3, unique=True)
MAYBE_ONE_MUTATION = st.lists(st.sampled_from(MUTATIONS), max_size=1)
PDL1 = st.none() | st.integers(0, 100)
COMORBIDITIES = st.none() | st.lists(st.sampled_from(enum_of("comorbidities")), max_size=3, unique=True)
REGION = st.none() | st.sampled_from(sorted(KB.eu_regions | {"US", "JP", "CN", "GB"}))


# Treatment-history shapes and their weights; 'unclassified' only while drugs.yml has TKIs of no known generation.
HISTORY_SHAPES = weighted((shape, w) for shape, w in [
    ("after_2g", 44), ("crizotinib_then_2g", 16), ("after_lorlatinib", 10), ("two_2g", 5), ("crizotinib_only", 4),
    ("unclassified", 4), ("unknown", 4), ("lorlatinib_first", 2), ("none", 2), ("any_order", 2)]
    if shape != "unclassified" or BY_GENERATION["unclassified"])


@st.composite
def prior_tkis(draw) -> list[str] | None:
    """A treatment history in the order ALK TKIs are given: 1G, then 2G-class, then lorlatinib."""
    shape = draw(HISTORY_SHAPES)
    first, second, unclassified, third = (BY_GENERATION[g] for g in ("1G", "2G", "unclassified", "3G"))
    pick = lambda pool: draw(one_of_values(pool))  # noqa: E731
    if shape == "unknown":
        return None
    if shape == "none":
        return []
    if shape == "any_order":
        return draw(ANY_HISTORY)
    if shape == "crizotinib_only":
        return [pick(first)]
    if shape == "lorlatinib_first":
        return [pick(third)]
    if shape == "unclassified":
        return ([pick(first)] if draw(st.booleans()) else []) + [pick(unclassified)]
    if shape == "two_2g":
        return draw(TWO_SECOND_GEN)
    history = [pick(first)] if shape == "crizotinib_then_2g" else []
    history.append(pick(second + unclassified) if shape == "after_lorlatinib" else pick(second))
    if shape == "after_lorlatinib":
        if draw(st.booleans()) and history[0] not in first:
            history.insert(0, pick(first))
        history.append(pick(third))
    return history


_BYPASS_GROUPS = {group: sorted(b for b in BYPASS if KB.bypass[b].group == group)
                  for group in sorted({f.group for f in KB.bypass.values()})}
# One bypass alteration: a group first (so the few MET ids are not swamped by the many others), then an id.
ONE_BYPASS = weighted([(g, {"met": 8, "other": 6}.get(g, 2)) for g in _BYPASS_GROUPS]).flatmap(
    lambda g: one_of_values(_BYPASS_GROUPS[g]))
TWO_BYPASS = st.lists(ONE_BYPASS, min_size=2, max_size=2, unique=True)
UNTABLED_BYPASS = st.from_regex(PROPS["bypass_alterations"]["items"]["pattern"], fullmatch=True).filter(
    lambda b: b.lower() not in {k.lower() for k in BYPASS})
NOTHING = one_of_values([(), None])  # tested and none found, or not known


@st.composite
def alk_mutations(draw) -> list[str]:
    """At least one reported ALK mutation: tabled singles and compound pairs mostly, some unknown or impossible."""
    shape = draw(weighted([("single", 60), ("pair", 22), ("two", 10), ("untabled", 6), ("impossible", 5),
                           ("outside_kinase", 3), ("three", 4)]))
    if shape == "single":
        return [draw(SINGLE)]
    if shape == "pair":
        pair = list(draw(one_of_values(PAIRS)))
        return pair[::-1] if draw(st.booleans()) else pair
    if shape in ("two", "three"):
        return draw(TWO_MUTATIONS if shape == "two" else THREE_MUTATIONS)
    odd = {"untabled": UNTABLED, "impossible": IMPOSSIBLE, "outside_kinase": OUTSIDE_KINASE}[shape]
    return [draw(odd)] + draw(MAYBE_ONE_MUTATION)


@st.composite
def bypass_alterations(draw) -> list[str]:
    """At least one reported bypass alteration: a tabled id mostly, sometimes two, rarely one the KB lacks."""
    shape = draw(weighted([("one", 12), ("two", 2), ("untabled", 1)]))
    if shape == "one":
        return [draw(ONE_BYPASS)]
    return draw(TWO_BYPASS) if shape == "two" else [draw(UNTABLED_BYPASS)]


@st.composite
def findings(draw, biopsy: str | None) -> dict[str, Any]:
    """What resistance testing reported: ALK mutations (with the compound flag) and bypass alterations.

    Drawn as one picture (mutations only, bypass only, both, nothing) so that each resistance rule gets cases
    where its finding is the only one. Without a re-biopsy mostly nothing is reported (anything else is a
    contradiction, which the consistency rule handles); plasma often finds nothing (low tumour shedding)."""
    weights = {"mutations": 50, "bypass": 30, "nothing": 22, "both": 8}
    if biopsy == "none":
        weights = {"nothing": 20, "mutations": 2, "bypass": 2, "both": 1}
    elif biopsy == "plasma":
        weights = dict(weights, nothing=80)
    picture = draw(weighted(weights.items()))
    out: dict[str, Any] = {"alk_mutations": draw(NOTHING), "bypass_alterations": draw(NOTHING)}
    if picture in ("mutations", "both"):
        out["alk_mutations"] = draw(alk_mutations())
    if picture in ("bypass", "both"):
        out["bypass_alterations"] = draw(bypass_alterations())
    several = len(out["alk_mutations"] or ()) >= 2
    out["compound"] = draw(weighted([(True, 5), (None, 3), (False, 2)] if several else
                                    [(None, 12), (False, 2), (True, 1)]))
    return {k: list(v) if isinstance(v, tuple) else v for k, v in out.items()}




@st.composite
def cases(draw) -> dict[str, Any]:
    """One case: ALK-positive after a second-generation TKI most often, every rule's territory reached."""
    c: dict[str, Any] = {
        "alk_positive": draw(weighted([(True, 92), (None, 4), (False, 4)])),
        "alk_fusion_at_progression": draw(weighted([(True, 55), (None, 40), (False, 5)])),
        "histology": draw(from_enum("histology", {"adenocarcinoma": 60, "squamous": 12, "other_nsclc": 8, None: 20})),
        "prior_tkis": draw(prior_tkis()),
        "current_therapy": draw(from_enum("current_therapy", {None: 55, "alk_tki": 25, "chemotherapy": 7,
                                                              "chemo_immunotherapy": 5, "none": 8}, 3)),
        "prior_chemotherapy": draw(weighted([(None, 6), (False, 3), (True, 2)])),
        "prior_immunotherapy": draw(weighted([(None, 6), (False, 3), (True, 2)])),
        "progression": draw(from_enum("progression", {"systemic": 52, "oligoprogression": 9, "cns_only": 15,
                                                      "indolent": 7, "none": 6, None: 5}, 6)),
        "ecog": draw(weighted([(1, 30), (0, 22), (2, 20), (3, 8), (4, 6), (None, 3)])),
        "biopsy": draw(from_enum("biopsy", {"tissue": 44, "tissue_and_plasma": 15, "plasma": 24, "none": 10,
                                            None: 10})),
        "transformation": draw(from_enum("transformation", {"none": 58, None: 20, "small_cell": 6,
                                                            "small_cell_mixed": 4, "squamous": 7}, 3)),
        "pdl1_tps": draw(PDL1),
        "strong_cyp3a_inducer": draw(weighted([(False, 6), (None, 5), (True, 2)])),
        "comorbidities": draw(COMORBIDITIES),
        "region": draw(REGION),
    }
    poor_ps = c["ecog"] is not None and c["ecog"] >= 3
    c["goals_of_care"] = draw(from_enum("goals_of_care", {None: 3, "disease_directed": 3, "comfort": 4} if poor_ps
                                        else {None: 6, "disease_directed": 3, "comfort": 1}))
    if c["progression"] == "cns_only":
        c["brain_metastases"] = draw(weighted([(True, 17), (None, 2), (False, 1)]))
        c["cns_lesions"] = draw(from_enum("cns_lesions", {"limited": 5, "extensive": 3, None: 2}))
        c["leptomeningeal"] = draw(weighted([(False, 6), (True, 2), (None, 2)]))
        c["symptomatic"] = draw(weighted([(False, 5), (True, 3), (None, 2)]))
    else:
        c["brain_metastases"] = draw(weighted([(None, 5), (False, 4), (True, 3)]))
        if c["brain_metastases"]:
            c["cns_lesions"] = draw(from_enum("cns_lesions", {}))
            c["leptomeningeal"] = draw(one_of_values([None, False, True]))
        c["symptomatic"] = draw(weighted([(None, 5), (False, 4), (True, 1)]))
    c.update(draw(findings(c["biopsy"])))
    if "intolerant_tkis" in PROPS and c["prior_tkis"]:  # a TKI stopped for toxicity is one the patient had
        which = draw(weighted([(None, 6), ("none", 2), ("last", 2), ("first", 1)]))
        c["intolerant_tkis"] = {"none": [], "last": [c["prior_tkis"][-1]], "first": [c["prior_tkis"][0]]}.get(which)
    if "cyp3a_inducer_stoppable" in PROPS:
        c["cyp3a_inducer_stoppable"] = draw(weighted([(None, 1), (True, 1), (False, 1)])) \
            if c["strong_cyp3a_inducer"] else None
    if c["biopsy"] == "none" and draw(weighted([(True, 4), (False, 1)])):
        c["transformation"] = draw(one_of_values([None, "none"]))
    # Fields the schema has and this module does not weight (new ones included), drawn from the schema.
    for name in PROPS:
        if name not in c and name not in ("brain_metastases", "cns_lesions", "leptomeningeal"):
            c[name] = draw(schema_value(name))
    return {k: v for k, v in c.items() if v is not None and k in PROPS}


CASES = cases()


def deciding_rule(rec: Mapping[str, Any]) -> str:
    """The rule that decided the answer: the first in the rule trace (modifiers come after it)."""
    return rec["rationale"][0]["rule"]


def deciding_rules() -> list[str]:
    """Every rule of the knowledge base that can decide a case (modifiers only add to an answer)."""
    return [rid for rid, rule in KB.rules.items() if rule.block != "modifier"]
