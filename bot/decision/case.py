"""The case: what the assistant knows about one patient at progression, checked against case.schema.json.

The schema file is the contract (bot/schemas/case.schema.json, the project's copy of the interface). A general
JSON-Schema validator costs more than a whole decision, so the schema is compiled once into plain checks for
the constructs it uses (type, enum, pattern, minimum/maximum, items, uniqueItems, additionalProperties). A test
holds this compiled validator to jsonschema's verdict on generated cases.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
CASE_SCHEMA = json.loads((SCHEMA_DIR / "case.schema.json").read_text(encoding="utf-8"))


class CaseError(ValueError):
    """A case the schema rejects: the message names the field and what it allows."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field


_JSON_TYPES: dict[str, Callable[[Any], bool]] = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    # JSON Schema counts 1.0 as an integer; validate_case turns it into 1.
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _compile(name: str, spec: Mapping[str, Any]) -> Callable[[Any], None]:
    """A function that raises CaseError when ``value`` breaks ``spec`` (one property of the schema)."""
    checks: list[Callable[[Any], None]] = []
    if "enum" in spec:
        allowed = spec["enum"]
        shown = ", ".join("null" if a is None else str(a) for a in allowed)

        def check_enum(v: Any) -> None:
            # 'True in [1]' is true in Python; JSON keeps booleans and numbers apart.
            if not any(v is a or (type(v) is type(a) and v == a) for a in allowed):
                raise CaseError(name, f"{_show(v)} is not allowed; allowed values: {shown}")
        checks.append(check_enum)
    if "type" in spec:
        types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
        tests = [_JSON_TYPES[t] for t in types]
        wanted = " or ".join(types)

        def check_type(v: Any) -> None:
            if not any(t(v) for t in tests):
                raise CaseError(name, f"{_show(v)} has the wrong type; expected {wanted}")
        checks.append(check_type)
    if "minimum" in spec or "maximum" in spec:
        lo, hi = spec.get("minimum"), spec.get("maximum")

        def check_range(v: Any) -> None:
            if isinstance(v, (int, float)) and not isinstance(v, bool) and (
                    (lo is not None and v < lo) or (hi is not None and v > hi)):
                raise CaseError(name, f"{_show(v)} is out of range; allowed values: {lo} to {hi}")
        checks.append(check_range)
    if "pattern" in spec:
        rx = re.compile(spec["pattern"])

        def check_pattern(v: Any) -> None:
            if isinstance(v, str) and not rx.search(v):
                raise CaseError(name, f"{_show(v)} does not match the pattern {spec['pattern']}")
        checks.append(check_pattern)
    if "items" in spec:
        item_check = _compile(name, spec["items"])
        unique = spec.get("uniqueItems", False)

        def check_items(v: Any) -> None:
            if isinstance(v, list):
                for i, item in enumerate(v):
                    try:
                        item_check(item)
                    except CaseError as err:
                        raise CaseError(f"{name}[{i}]", str(err).split(": ", 1)[1]) from None
                if unique and len({json.dumps(i, sort_keys=True) for i in v}) != len(v):
                    raise CaseError(name, "items must be unique")
        checks.append(check_items)

    def check(v: Any) -> None:
        for c in checks:
            c(v)
    return check


_PROPERTIES = CASE_SCHEMA["properties"]
_CHECKS = {name: _compile(name, spec) for name, spec in _PROPERTIES.items()}
FIELDS = tuple(_PROPERTIES)


@dataclass(frozen=True, slots=True)
class Case:
    """A schema-valid case. Absent fields are None (unknown); lists become tuples."""
    alk_positive: bool | None = None
    alk_fusion_at_progression: bool | None = None
    histology: str | None = None
    prior_tkis: tuple[str, ...] | None = None
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
    comorbidities: tuple[str, ...] | None = None
    region: str | None = None


assert set(Case.__dataclass_fields__) == set(FIELDS), "Case fields and case.schema.json disagree"


def validate_case(data: Any) -> Case:
    """Check ``data`` against case.schema.json and return it as a Case; raise CaseError otherwise."""
    if isinstance(data, Case):
        return data
    if not isinstance(data, dict):
        raise CaseError("", f"a case is a JSON object of fields, not {type(data).__name__}")
    values = {}
    for key, value in data.items():
        check = _CHECKS.get(key)
        if check is None:
            raise CaseError(str(key), f"unknown field; allowed fields: {', '.join(FIELDS)}")
        check(value)
        if isinstance(value, list):
            value = tuple(value)
        elif isinstance(value, float):
            value = int(value)
        values[key] = value
    return Case(**values)


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case as a schema document, with unknown (None) fields left out."""
    out = {}
    for name in FIELDS:
        value = getattr(case, name)
        if value is not None:
            out[name] = list(value) if isinstance(value, tuple) else value
    return out
