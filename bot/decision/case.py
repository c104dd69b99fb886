"""The case: what the assistant knows about one patient at progression, checked against case.schema.json.

The schema file is the contract (bot/schemas/case.schema.json, the project's copy of the interface). A general
JSON-Schema validator costs more than a whole decision, so the schema is compiled once into plain checks for
the constructs it uses (type, enum, pattern, minimum/maximum, items, uniqueItems, additionalProperties). A test
holds this compiled validator to jsonschema's verdict on generated cases.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable, Mapping, NamedTuple

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
CASE_SCHEMA = json.loads((SCHEMA_DIR / "case.schema.json").read_text(encoding="utf-8"))


class CaseError(ValueError):
    """A case the schema rejects: the message names the field and what it allows."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_test(types: list[str]) -> Callable[[Any], bool]:
    """A predicate for JSON types (JSON keeps booleans apart from numbers, and counts 1.0 as an integer)."""
    allowed = set(types)

    def ok(v: Any) -> bool:
        t = type(v)
        if v is None:
            return "null" in allowed
        if t is bool:
            return "boolean" in allowed
        if t is int:
            return "integer" in allowed
        if t is float:
            return "integer" in allowed and v.is_integer()
        if t is str:
            return "string" in allowed
        if t is list:
            return "array" in allowed
        if t is dict:
            return "object" in allowed
        return False
    return ok


def _compile(name: str, spec: Mapping[str, Any]) -> Callable[[Any], None]:
    """A function that raises CaseError when ``value`` breaks ``spec`` (one property of the schema)."""
    checks: list[Callable[[Any], None]] = []
    items = spec.get("items")
    if (spec.get("type") in ("array", ["array", "null"]) and isinstance(items, dict) and set(items) == {"enum"}
            and all(type(a) is str for a in items["enum"])):  # a list of names (prior_tkis, comorbidities, ...)
        allowed = frozenset(items["enum"])
        nullable, unique = spec["type"] != "array", spec.get("uniqueItems", False)
        slow = _compile(name, {k: v for k, v in spec.items() if k != "items"} | {"items": dict(items, type="string")})

        def check_names(v: Any) -> None:
            if type(v) is list:
                try:
                    if allowed.issuperset(v) and (not unique or len(set(v)) == len(v)):
                        return
                except TypeError:  # an unhashable item: the detailed check names it
                    pass
            elif v is None and nullable:
                return
            slow(v)  # raises with the precise message
        return check_names
    if spec.get("type") == ["boolean", "null"] and len(spec) <= 2:  # the commonest shape, checked in one step

        def check_flag(v: Any) -> None:
            if v is not None and v is not True and v is not False:
                raise CaseError(name, f"{_show(v)} has the wrong type; expected boolean or null")
        return check_flag
    if "enum" in spec:
        allowed = frozenset((type(a), a) for a in spec["enum"])  # type-tagged: True is not 1
        shown = ", ".join("null" if a is None else str(a) for a in spec["enum"])

        def check_enum(v: Any) -> None:
            try:
                ok = (type(v), v) in allowed
            except TypeError:  # unhashable (a list or an object)
                ok = False
            if not ok:
                raise CaseError(name, f"{_show(v)} is not allowed; allowed values: {shown}")
        checks.append(check_enum)
    if "type" in spec:
        types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
        type_ok, wanted = _type_test(types), " or ".join(types)

        def check_type(v: Any) -> None:
            if not type_ok(v):
                raise CaseError(name, f"{_show(v)} has the wrong type; expected {wanted}")
        checks.append(check_type)
    if "minimum" in spec or "maximum" in spec:
        lo, hi = spec.get("minimum"), spec.get("maximum")

        def check_range(v: Any) -> None:
            if type(v) in (int, float) and ((lo is not None and v < lo) or (hi is not None and v > hi)):
                raise CaseError(name, f"{_show(v)} is out of range; allowed values: {lo} to {hi}")
        checks.append(check_range)
    if "pattern" in spec:
        search = re.compile(spec["pattern"]).search

        def check_pattern(v: Any) -> None:
            if type(v) is str and not search(v):
                raise CaseError(name, f"{_show(v)} does not match the pattern {spec['pattern']}")
        checks.append(check_pattern)
    if "items" in spec:
        item_check = _compile(name, spec["items"])
        unique = spec.get("uniqueItems", False)

        def check_items(v: Any) -> None:
            if type(v) is not list:
                return
            for i, item in enumerate(v):
                try:
                    item_check(item)
                except CaseError as err:
                    raise CaseError(f"{name}[{i}]", str(err).split(": ", 1)[1]) from None
            if unique and len(v) > 1:
                try:
                    distinct = len({(type(i), i) for i in v})
                except TypeError:
                    distinct = len({json.dumps(i, sort_keys=True) for i in v})
                if distinct != len(v):
                    raise CaseError(name, "items must be unique")
        checks.append(check_items)
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks

        def check_both(v: Any) -> None:
            first(v)
            second(v)
        return check_both

    def check(v: Any) -> None:
        for c in checks:
            c(v)
    return check


_PROPERTIES = CASE_SCHEMA["properties"]
FIELDS = tuple(_PROPERTIES)


class Case(NamedTuple):
    """A schema-valid case. Absent fields are None (unknown); lists become tuples. Immutable."""
    alk_positive: bool | None = None
    alk_fusion_at_progression: bool | None = None
    alk_fusion_specimen: str | None = None
    histology: str | None = None
    prior_tkis: tuple[str, ...] | None = None
    intolerant_tkis: tuple[str, ...] | None = None
    current_therapy: str | None = None
    prior_chemotherapy: bool | None = None
    prior_immunotherapy: bool | None = None
    progression: str | None = None
    brain_metastases: bool | None = None
    cns_lesions: str | None = None
    leptomeningeal: bool | None = None
    symptomatic: bool | None = None
    ecog: int | None = None
    goals_of_care: str | None = None
    biopsy: str | None = None
    alk_mutations: tuple[str, ...] | None = None
    compound: bool | None = None
    bypass_alterations: tuple[str, ...] | None = None
    transformation: str | None = None
    pdl1_tps: int | None = None
    strong_cyp3a_inducer: bool | None = None
    cyp3a_inducer_stoppable: bool | None = None
    strong_cyp3a_inhibitor: bool | None = None
    comorbidities: tuple[str, ...] | None = None
    pregnancy_status: str | None = None
    region: str | None = None


assert set(Case._fields) == set(FIELDS), "Case fields and case.schema.json disagree"
_CHECKS = {name: (_compile(name, _PROPERTIES[name]), i) for i, name in enumerate(Case._fields)}


def validate_case(data: Any) -> Case:
    """Check ``data`` against case.schema.json and return it as a Case; raise CaseError otherwise."""
    if isinstance(data, Case):
        return data
    if not isinstance(data, dict):
        raise CaseError("", f"a case is a JSON object of fields, not {type(data).__name__}")
    values = [None] * len(FIELDS)
    for key, value in data.items():
        try:
            check, index = _CHECKS[key]
        except (KeyError, TypeError):
            raise CaseError(str(key), f"unknown field; allowed fields: {', '.join(FIELDS)}") from None
        check(value)
        if type(value) is list:
            value = tuple(value)
        elif type(value) is float:
            value = int(value)
        values[index] = value
    return Case._make(values)


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case as a schema document, with unknown (None) fields left out."""
    out = {}
    for name in FIELDS:
        value = getattr(case, name)
        if value is not None:
            out[name] = list(value) if isinstance(value, tuple) else value
    return out
