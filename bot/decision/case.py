"""The case: what the assistant knows about one patient at progression, checked against case.schema.json.

The schema file is the contract (bot/schemas/case.schema.json, the project's copy of the interface). It is
compiled once, at import, into plain Python by fastjsonschema (a JSON Schema validator that generates code), so
checking a case costs a fraction of a decision. A test holds the compiled validator to jsonschema's verdict on
generated cases. The library's error is turned into one line a user can act on: the field, the value and what
the field allows.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import fastjsonschema

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
CASE_SCHEMA = json.loads((SCHEMA_DIR / "case.schema.json").read_text(encoding="utf-8"))
_check = fastjsonschema.compile(CASE_SCHEMA)


class CaseError(ValueError):
    """A case the schema rejects: the message names the field and what it allows."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _explain(err: fastjsonschema.JsonSchemaValueException, data: dict[str, Any]) -> CaseError:
    """The library's verdict in a user's words: 'ecog: 7 is out of range; allowed values: 0 to 4'."""
    rule, spec, value = err.rule, err.definition, err.value
    name = err.name.partition(".")[2] if "." in err.name else ""
    if rule == "additionalProperties":
        unknown = next(k for k in data if k not in _PROPERTIES)
        return CaseError(str(unknown), f"unknown field; allowed fields: {', '.join(FIELDS)}")
    if rule == "enum":
        shown = ", ".join("null" if a is None else str(a) for a in spec["enum"])
        return CaseError(name, f"{_show(value)} is not allowed; allowed values: {shown}")
    if rule in ("minimum", "maximum"):
        return CaseError(name, f"{_show(value)} is out of range; allowed values: {spec.get('minimum')} to "
                               f"{spec.get('maximum')}")
    if rule == "pattern":
        return CaseError(name, f"{_show(value)} does not match the pattern {spec['pattern']}")
    if rule == "uniqueItems":
        return CaseError(name, "items must be unique")
    if rule == "type":
        types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
        return CaseError(name, f"{_show(value)} has the wrong type; expected {' or '.join(types)}")
    return CaseError(name, f"{_show(value)} is not valid ({err.message})")  # pragma: no cover - not in the schema


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


def _typed(json_type: str) -> tuple[int, ...]:
    """The places in Case of the fields whose schema type includes ``json_type``."""
    return tuple(Case._fields.index(name) for name, spec in _PROPERTIES.items()
                 if json_type in (spec["type"] if isinstance(spec.get("type"), list) else [spec.get("type")]))


_LISTS, _INTEGERS = _typed("array"), _typed("integer")


def validate_case(data: Any) -> Case:
    """Check ``data`` against case.schema.json and return it as a Case; raise CaseError otherwise."""
    if isinstance(data, Case):
        return data
    if not isinstance(data, dict):
        raise CaseError("", f"a case is a JSON object of fields, not {type(data).__name__}")
    try:
        _check(data)
    except fastjsonschema.JsonSchemaValueException as err:
        raise _explain(err, data) from None
    values = list(map(data.get, Case._fields))
    for i in _LISTS:
        if type(values[i]) is list:
            values[i] = tuple(values[i])
    for i in _INTEGERS:
        if type(values[i]) is float:  # JSON counts 2.0 as an integer
            values[i] = int(values[i])
    return Case._make(values)


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case as a schema document, with unknown (None) fields left out."""
    out = {}
    for name in FIELDS:
        value = getattr(case, name)
        if value is not None:
            out[name] = list(value) if isinstance(value, tuple) else value
    return out
