"""Writes the test Bundles in tests/fhir/bundles/ (run once by hand: `python -m tests.fhir.write_bundles`).

The Bundles follow the mCODE / Genomics Reporting profiles with codes typed here literally (not imported from
bot.fhir.codes, so a wrong code in the mapper's table fails the tests); README "FHIR R4 / mCODE import" says where
each code was checked. Dates: ALK fusion at diagnosis 2021-01-10, first TKI 2021-02-01, progression biopsy 2023-03-15.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "bundles"
LOINC, SCT = "http://loinc.org", "http://snomed.info/sct"
RXNORM, HGNC = "http://www.nlm.nih.gov/research/umls/rxnorm", "http://www.genenames.org/geneId"
PATTERN = "https://alk-assistant.example.org/fhir/CodeSystem/progression-pattern"
MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
GENOMICS = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/variant"
PATIENT = {"reference": "Patient/p1"}
GENES = {"ALK": "HGNC:427", "MET": "HGNC:7029", "EGFR": "HGNC:3236"}


def cc(system: str | None, code: str | None, display: str | None = None, text: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if code:
        out["coding"] = [{k: v for k, v in (("system", system), ("code", code), ("display", display)) if v}]
    if text:
        out["text"] = text
    return out


def patient(country: str | None = None, gender: str = "female") -> dict[str, Any]:
    p: dict[str, Any] = {"resourceType": "Patient", "id": "p1", "gender": gender, "birthDate": "1968-05-02"}
    if country:
        p["address"] = [{"country": country}]
    return p


def primary_cancer(morphology: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Condition", "id": "primary", "meta": {"profile": [MCODE + "mcode-primary-cancer-condition"]},
            "extension": [{"url": MCODE + "mcode-histology-morphology-behavior", "valueCodeableConcept": morphology}],
            "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
            "code": cc(SCT, "254637007", "Non-small cell lung cancer (disorder)"),
            "bodySite": [cc(SCT, "39607008", "Lung structure (body structure)")],
            "subject": PATIENT, "onsetDateTime": "2021-01-05"}


ADENO = cc(SCT, "35917007", "Adenocarcinoma")


def condition(rid: str, code: dict[str, Any], onset: str = "2020-06-01") -> dict[str, Any]:
    return {"resourceType": "Condition", "id": rid, "subject": PATIENT, "onsetDateTime": onset, "code": code,
            "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active")}


def tki(rid: str, medication: dict[str, Any], start: str, end: str | None = None, status: str = "completed",
        kind: str = "MedicationStatement", reason: str | None = None) -> dict[str, Any]:
    r: dict[str, Any] = {"resourceType": kind, "id": rid, "status": status, "subject": PATIENT,
                         "medicationCodeableConcept": medication}
    if kind == "MedicationRequest":
        r.update(intent="order", authoredOn=start)
    else:
        r["effectivePeriod"] = {"start": start, **({"end": end} if end else {})}
    if reason:
        r["statusReason"] = [cc(None, None, text=reason)] if kind == "MedicationStatement" else cc(None, None, text=reason)
    return r


ALECTINIB = cc(RXNORM, "1727479", "alectinib 150 MG Oral Capsule")
BRIGATINIB = cc(None, None, text="Alunbrig (brigatinib) 180 mg tablet")  # RxNorm code unconfirmed: name only
LORLATINIB = cc(None, None, text="Lorbrena 100 mg tablet")  # RxNorm code unconfirmed: name only


def ecog(value: int, when: str = "2023-03-10") -> dict[str, Any]:
    return {"resourceType": "Observation", "id": "ecog", "status": "final",
            "meta": {"profile": [MCODE + "mcode-ecog-performance-status"]},
            "code": cc(LOINC, "89247-1", "ECOG Performance Status score"), "subject": PATIENT,
            "effectiveDateTime": when, "valueInteger": value}


def disease_status(pattern: str | None, value: str = "271299001") -> dict[str, Any]:
    r: dict[str, Any] = {"resourceType": "Observation", "id": "status", "status": "final",
                         "meta": {"profile": [MCODE + "mcode-cancer-disease-status"]},
                         "code": cc(LOINC, "97509-4", "Cancer Disease Progression"), "subject": PATIENT,
                         "focus": [{"reference": "Condition/primary"}], "effectiveDateTime": "2023-03-01",
                         "valueCodeableConcept": cc(SCT, value, "Patient's condition worsened (finding)")}
    if pattern:
        r["component"] = [{"code": cc(None, None, text="Pattern of progression"),
                           "valueCodeableConcept": cc(PATTERN, pattern)}]
    return r


def specimen(kind: str) -> dict[str, Any]:
    code, display = {"tissue": ("119376003", "Tissue specimen"), "plasma": ("119361006", "Plasma specimen")}[kind]
    return {"resourceType": "Specimen", "id": kind, "subject": PATIENT, "type": cc(SCT, code, display),
            "collection": {"collectedDateTime": "2023-03-15"}}


def variant(rid: str, gene: str, kind: str | None, present: bool = True, when: str = "2023-03-15",
            protein: str | None = None, called: str | None = None, copies: float | None = None) -> dict[str, Any]:
    """A Genomics Reporting 'Variant' Observation (LOINC 69548-6) for ``gene`` on the ``kind`` specimen."""
    value = cc(LOINC, "LA9633-4", "Present") if present else cc(LOINC, "LA9634-2", "Absent")
    comps = [{"code": cc(LOINC, "48018-6", "Gene studied [ID]"),
              "valueCodeableConcept": cc(HGNC, GENES[gene], gene) if gene in GENES else cc(None, None, text=gene)}]
    if protein:
        comps.append({"code": cc(LOINC, "48005-3", "Amino acid change (pHGVS)"),
                      "valueCodeableConcept": cc("http://varnomen.hgvs.org", protein)})
    if called:
        comps.append({"code": cc(LOINC, "81252-9", "Discrete genetic variant"),
                      "valueCodeableConcept": cc(None, None, text=called)})
    if copies is not None:
        comps.append({"code": cc(LOINC, "82155-3", "Genomic structural variant copy number"),
                      "valueQuantity": {"value": copies, "system": "http://unitsofmeasure.org", "code": "1"}})
    r = {"resourceType": "Observation", "id": rid, "status": "final", "meta": {"profile": [GENOMICS]},
         "category": [cc("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")],
         "code": cc(LOINC, "69548-6", "Genetic variant assessment"), "subject": PATIENT,
         "effectiveDateTime": when, "valueCodeableConcept": value, "method": cc(LOINC, "LA26398-0", "Sequencing"),
         "component": comps}
    if kind:
        r["specimen"] = {"reference": f"Specimen/{kind}"}
    return r


DIAGNOSIS_FUSION = variant("fusion-dx", "ALK", "tissue", when="2021-01-10", called="EML4-ALK fusion")


def base(pattern: str | None, tkis: list[dict[str, Any]], morphology: dict[str, Any] = ADENO,
         country: str | None = None) -> list[dict[str, Any]]:
    return [patient(country), primary_cancer(morphology), DIAGNOSIS_FUSION, *tkis, disease_status(pattern)]


def alectinib(status: str = "active", end: str | None = None) -> dict[str, Any]:
    return tki("alectinib", ALECTINIB, "2021-02-01", end, status)


TISSUE_NEGATIVE = [specimen("tissue"), variant("alk-neg", "ALK", "tissue", present=False),
                   variant("met-neg", "MET", "tissue", present=False)]

BUNDLES: dict[str, list[dict[str, Any]]] = {
    "V01": base("systemic", [alectinib()], country="DE") + [
        ecog(1), specimen("tissue"), variant("alk-g1202r", "ALK", "tissue", protein="NP_004295.2:p.Gly1202Arg"),
        variant("met-neg", "MET", "tissue", present=False)],
    "V05": base("systemic", [alectinib()]) + [
        ecog(0), *TISSUE_NEGATIVE, variant("fusion-pd", "ALK", "tissue", called="EML4-ALK fusion"),
        {"resourceType": "Observation", "id": "pregnancy", "status": "final", "subject": PATIENT,
         "code": cc(LOINC, "82810-3", "Pregnancy status"), "effectiveDateTime": "2023-03-10",
         "valueCodeableConcept": cc(SCT, "60001007", "Not pregnant")}],
    "V07": base("systemic", [alectinib()]) + [ecog(1)],
    "V11": base("systemic", [tki("lorlatinib", LORLATINIB, "2021-02-01", status="active")]) + [ecog(1)],
    "V15": base("systemic", [alectinib()]) + [
        ecog(1), *TISSUE_NEGATIVE,
        {**primary_cancer(cc(None, None, text="Small cell carcinoma")), "id": "transformed",
         "onsetDateTime": "2023-03-15"}],
    "V17": base("cns_only", [alectinib()]) + [
        ecog(0), condition("brain-mets", cc(SCT, "94225005", "Secondary malignant neoplasm of brain"), "2023-03-01")],
    "V20": base("oligoprogression", [tki("brigatinib", BRIGATINIB, "2021-02-01", status="active",
                                         kind="MedicationRequest")]) + [
        ecog(0), condition("ckd", cc(None, None, text="Chronic kidney disease stage 3"))],
    "V24": base("systemic", [alectinib()]) + [
        ecog(4), {"resourceType": "Goal", "id": "comfort", "lifecycleStatus": "active", "subject": PATIENT,
                  "description": cc(None, None, text="Comfort-focused care")}],
    "plasma_tissue_disagree": base("systemic", [alectinib()]) + [
        ecog(1), specimen("tissue"), specimen("plasma"),
        variant("alk-tissue", "ALK", "tissue", protein="NP_004295.2:p.Gly1202Arg"),
        variant("alk-plasma", "ALK", "plasma", present=False),
        variant("met-tissue", "MET", "tissue", present=False),
        variant("met-plasma", "MET", "plasma", called="MET amplification", copies=8),
        variant("fusion-plasma", "ALK", "plasma", present=False, called="EML4-ALK fusion")],
    "tkis_wrong_order": base("systemic", [
        tki("brigatinib", BRIGATINIB, "2022-06-01", status="active", kind="MedicationRequest"),
        tki("alectinib", ALECTINIB, "2021-02-01", "2022-05-20", "stopped", reason="Stopped for toxicity (myalgia)")]) + [
        ecog(1), condition("ild", cc(SCT, "233703007", "Interstitial lung disease")),
        specimen("tissue"), variant("alk-g1202r", "ALK", "tissue", when="2023-03-15", protein="p.G1202R")],
    "variant_in_free_text": base("systemic", [alectinib()]) + [
        ecog(1), specimen("tissue"),
        {**variant("alk-text", "ALK", "tissue"), "note": [{"text": "ALK G1202R detected"}]},
        {"resourceType": "DiagnosticReport", "id": "ngs", "status": "final", "subject": PATIENT,
         "code": cc(LOINC, "51969-4", "Genetic analysis report"), "effectiveDateTime": "2023-03-15",
         "conclusion": "Tissue NGS: ALK G1202R; no MET amplification."}],
    "missing_ecog": base("systemic", [alectinib()]) + [
        specimen("tissue"), variant("alk-g1202r", "ALK", "tissue", protein="NP_004295.2:p.Gly1202Arg"),
        variant("met-cn", "MET", "tissue", copies=6),
        {"resourceType": "Observation", "id": "pregnancy", "status": "final", "subject": PATIENT,
         "code": cc(LOINC, "82810-3", "Pregnancy status"), "effectiveDateTime": "2023-03-10",
         "valueCodeableConcept": cc(SCT, "77386006", "Pregnant")}],
}


def bundle(name: str, resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "id": name.replace("_", "-"), "type": "collection",
            "entry": [{"fullUrl": f"http://example.org/fhir/{r['resourceType']}/{r['id']}", "resource": r}
                      for r in resources]}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, resources in BUNDLES.items():
        (OUT / f"{name}.json").write_text(json.dumps(bundle(name, resources), indent=1) + "\n")
    print(f"{len(BUNDLES)} bundles written to {OUT}")


if __name__ == "__main__":
    main()
