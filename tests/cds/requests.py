"""CDS Hooks requests built from the test Bundles (tests/fhir/bundles), as an EHR would send them: each prefetch
key holds a searchset Bundle of that key's resources (or the Patient itself)."""
from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import jsonschema

from bot.cds.service import PREFETCH

BUNDLES = Path(__file__).resolve().parents[1] / "fhir" / "bundles"
SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "bot" / "schemas" / "cds-hooks-response.schema.json").read_text())
KEY_TYPES = {"conditions": "Condition", "observations": "Observation", "medicationStatements": "MedicationStatement",
             "medicationRequests": "MedicationRequest", "specimens": "Specimen"}


def validate(document: dict[str, Any], part: str | None = None) -> None:
    """Fails unless ``document`` is a CDS Hooks 2.0 response (``part='discovery'``: a discovery response)."""
    schema = SCHEMA if part is None else {"$ref": f"#/$defs/{part}", "$defs": SCHEMA["$defs"]}
    jsonschema.Draft202012Validator(schema).validate(document)


def prefetch(bundle_name: str) -> dict[str, Any]:
    resources = [e["resource"] for e in json.loads((BUNDLES / f"{bundle_name}.json").read_text())["entry"]]
    out: dict[str, Any] = {"patient": next(r for r in resources if r["resourceType"] == "Patient")}
    for key, kind in KEY_TYPES.items():
        out[key] = {"resourceType": "Bundle", "type": "searchset",
                    "entry": [{"resource": r} for r in resources if r["resourceType"] == kind]}
    assert set(out) == set(PREFETCH)
    return out


def patient_view(bundle_name: str = "V01") -> dict[str, Any]:
    return {"hook": "patient-view", "hookInstance": str(uuid.uuid4()), "fhirServer": "https://ehr.example.org/fhir",
            "context": {"userId": "Practitioner/onc1", "patientId": "p1"}, "prefetch": prefetch(bundle_name)}


def draft_order(text: str, rid: str = "draft-1") -> dict[str, Any]:
    return {"resourceType": "MedicationRequest", "id": rid, "status": "draft", "intent": "order",
            "subject": {"reference": "Patient/p1"}, "medicationCodeableConcept": {"text": text}}


def order_select(order: dict[str, Any], bundle_name: str = "V01") -> dict[str, Any]:
    body = patient_view(bundle_name)
    body["hook"] = "order-select"
    body["context"].update(selections=[f"MedicationRequest/{order['id']}"],
                           draftOrders={"resourceType": "Bundle", "type": "collection", "entry": [{"resource": order}]})
    # the EHR's MedicationRequest search also returns the unsigned draft: it must not count as a TKI received
    body["prefetch"]["medicationRequests"]["entry"].append({"resource": order})
    return body
