"""Read a FHIR R4 Bundle with fhir.resources (6.1.0 parses R4 4.0.1 beside Rasa's pydantic 1) and check what the
models let through.

The models check structure and types but not the codes of required bindings: a Bundle whose Observation status
is "bogus" parses. `code_problems` checks every coded element against the allowed codes the models themselves
carry (`enum_values`); where the models list only the first few codes and a '+', the rest of the R4 value set is
added here (R4 4.0.1: observation-status, diagnostic-report-status).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from fhir.resources.bundle import Bundle
from fhir.resources.fhirabstractmodel import FHIRAbstractModel
from pydantic import ValidationError

_R4_EXTENDED = {
    ("Observation", "status"): (
        "registered",
        "preliminary",
        "final",
        "amended",
        "corrected",
        "cancelled",
        "entered-in-error",
        "unknown",
    ),
    ("DiagnosticReport", "status"): (
        "registered",
        "partial",
        "preliminary",
        "final",
        "amended",
        "corrected",
        "appended",
        "cancelled",
        "entered-in-error",
        "unknown",
    ),
}


class BundleError(ValueError):
    """A document that is not a usable FHIR R4 Bundle; the message says where and why, in one line."""


@dataclass(frozen=True)
class ParsedBundle:
    """The Bundle's resources as fhir.resources models, in Bundle order, with a lookup by 'Type/id'."""

    resources: tuple[Any, ...]  # resource models of many types, read by their attributes

    def of_type(self, *types: str) -> Iterator[Any]:
        return (r for r in self.resources if r.resource_type in types)

    def get(self, reference: str | None) -> Any:
        """The resource a relative reference ('Specimen/s1') or 'urn:uuid:…' full URL names, or None."""
        if not reference:
            return None
        for r in self.resources:
            if reference in (f"{r.resource_type}/{r.id}", f"urn:uuid:{r.id}"):
                return r
        return None


def _allowed(model: FHIRAbstractModel, name: str, extra: Mapping[str, Any]) -> tuple[str, ...] | None:
    values = extra.get("enum_values")
    if not values:
        return None
    if "+" in values:
        return _R4_EXTENDED.get((model.resource_type, name))
    return tuple(values)


def code_problems(model: FHIRAbstractModel, path: str = "") -> list[str]:
    """Every coded element whose value is outside its required R4 value set, as 'path: value'."""
    where = path or model.resource_type
    problems: list[str] = []
    for name, field in model.__fields__.items():
        value = getattr(model, name, None)
        if value is None:
            continue
        allowed = _allowed(model, name, field.field_info.extra)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            here = f"{where}.{name}" + (f"[{i}]" if isinstance(value, list) else "")
            if allowed is not None and isinstance(item, str) and item not in allowed:
                problems.append(f"{here}: {item!r} is not one of {', '.join(allowed)}")
            elif isinstance(item, FHIRAbstractModel):
                problems.extend(code_problems(item, here))
    return problems


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first["loc"] if p != "__root__")
    return f"{where or 'Bundle'}: {first['msg']}"


def parse_bundle(data: Any) -> ParsedBundle:
    """The Bundle's resources, or BundleError naming the first problem (never a partial result)."""
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        raise BundleError('expected a FHIR Bundle (a JSON object with "resourceType": "Bundle")')
    try:
        bundle = Bundle.parse_obj(data)
    except ValidationError as err:
        raise BundleError(f"not a valid FHIR R4 Bundle: {_first_error(err)}") from None
    problems = code_problems(bundle)
    if problems:
        raise BundleError(f"not a valid FHIR R4 Bundle: {problems[0]}")
    # fhir.resources types entry items as BundleEntryType (a pydantic field type), not the BundleEntry model
    resources = tuple(e.resource for e in bundle.entry or () if e.resource is not None)  # type: ignore[attr-defined]
    return ParsedBundle(resources)
