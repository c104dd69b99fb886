"""FHIR R4 / mCODE Bundle -> case document, with the resource behind every field and a list of what was not used.

The rule is the chat's rule: a field is filled only from a finding the mapping understands (a recognised code, or
a name from the knowledge base in a coded element's text); anything else is listed under `unmapped` with the
reason, never guessed. Free text (notes, report conclusions) is never read. Fields the clinical branch adds
(intolerant_tkis, pregnancy_status, alk_fusion_specimen, MET_gain) are filled only when the case schema has them.

Timing: genomic results dated on or after the start of the most recent ALK TKI count as testing at this
progression (biopsy, resistance mutations, bypass alterations); an ALK fusion before it confirms ALK positivity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot import knowledge
from bot.decision import FIELDS
from bot.fhir import codes
from bot.fhir.bundle import ParsedBundle

MUTATION = re.compile(r"^([A-Z][0-9]{2,4}([A-Z]|del|dup|fs)|[0-9]{3,4}[A-Z]ins)$")
PATTERNS = ("systemic", "oligoprogression", "cns_only", "indolent")
TOXICITY_WORDS = ("toxicity", "adverse", "intoleran", "side effect")
COMORBIDITY_WORDS = {
    "renal impairment": "renal_impairment",
    "chronic kidney disease": "renal_impairment",
    "hepatic impairment": "hepatic_impairment",
    "interstitial lung disease": "interstitial_lung_disease",
    "diabetes": "diabetes",
    "hyperlipid": "hyperlipidemia",
}
VOID = ("cancelled", "entered-in-error")
READ = {
    "Patient",
    "Condition",
    "Observation",
    "MedicationStatement",
    "MedicationRequest",
    "MedicationAdministration",
    "Medication",
    "Specimen",
}


@dataclass
class Import:
    """The case, where each field came from, what the Bundle held that was not used, and conflicts found."""

    case: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, list[str]] = field(default_factory=dict)
    unmapped: list[dict[str, str]] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def set(self, name: str, value: Any, source: str) -> None:
        self.case[name] = value
        self.provenance.setdefault(name, []).append(source)

    def add(self, name: str, value: str, source: str) -> None:
        values = self.case.setdefault(name, [])
        if value not in values:
            values.append(value)
        self.provenance.setdefault(name, []).append(source)

    def skip(self, resource: Any, what: str, reason: str) -> None:
        self.unmapped.append({"resource": ref(resource), "what": what, "reason": reason})

    def as_dict(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "provenance": self.provenance,
            "unmapped": self.unmapped,
            "conflicts": self.conflicts,
            "absent": [f for f in FIELDS if f not in self.case],
        }


def ref(resource: Any) -> str:
    return f"{resource.resource_type}/{resource.id}"


def _codings(concept: Any) -> list[Any]:
    return list(getattr(concept, "coding", None) or []) if concept is not None else []


def _texts(concept: Any) -> list[str]:
    if concept is None:
        return []
    return [t.lower() for t in [getattr(concept, "text", None), *(c.display for c in _codings(concept))] if t]


def _code(concept: Any, system: str) -> str | None:
    return next((c.code for c in _codings(concept) if c.system == system and c.code), None)


def _is(concept: Any, system: str, code: str) -> bool:
    return any(c.system == system and c.code == code for c in _codings(concept))


def _date(resource: Any) -> str | None:
    """When a resource happened (start of its period), as an ISO date for ordering; None when not recorded."""
    for name in ("effectivePeriod", "effectiveDateTime", "authoredOn", "onsetDateTime", "recordedDate", "issued"):
        value = getattr(resource, name, None)
        if value is not None:
            value = getattr(value, "start", value)
            if value is not None:
                return str(value)[:10]
    return None


def _live(resource: Any) -> bool:
    return getattr(resource, "status", None) not in VOID


class Mapper:
    """One pass over a parsed Bundle; `run()` returns the Import."""

    def __init__(self, bundle: ParsedBundle, kb: knowledge.KnowledgeBase):
        self.bundle, self.kb, self.out = bundle, kb, Import()
        self.progression_start: str | None = None
        self._panel: dict[str, dict[str, set[str]]] = {}  # specimen kind -> ALK, bypass, tested, sources

    def run(self) -> Import:
        self.medications()
        self.genomics()
        self.ecog()
        self.disease_status()
        self.conditions()
        self.pregnancy()
        self.region()
        self.unread()
        return self.out

    def unread(self) -> None:
        """List what the mapping never looks at, so a reader sees the whole Bundle was accounted for."""
        known = {codes.ECOG, codes.VARIANT_ASSESSMENT, codes.DISEASE_STATUS, codes.PREGNANCY_STATUS}
        for r in self.bundle.resources:
            if r.resource_type == "Observation" and not any(_is(r.code, codes.LOINC, c) for c in known):
                self.out.skip(r, "observation", "an observation code the mapping does not read")
            elif r.resource_type not in READ:
                self.out.skip(r, r.resource_type, "a resource type the mapping does not read (free text is never read)")

    # ---- ALK TKIs -------------------------------------------------------------------------------------------------
    def _tki(self, resource: Any) -> tuple[str | None, str]:
        concept = getattr(resource, "medicationCodeableConcept", None)
        reference = getattr(resource, "medicationReference", None)
        if concept is None and reference is not None:
            concept = getattr(self.bundle.get(reference.reference), "code", None)
        return alk_tki(concept, self.kb)

    def medications(self) -> None:
        found: list[tuple[str | None, int, str, Any, str]] = []
        for i, r in enumerate(
            self.bundle.of_type("MedicationStatement", "MedicationRequest", "MedicationAdministration")
        ):
            if r.status in (*VOID, "draft") or getattr(r, "intent", "order") in ("proposal", "plan", "option"):
                self.out.skip(r, "medication", "a draft, proposal or void record is not a treatment received")
                continue
            drug, how = self._tki(r)
            if drug is None:
                self.out.skip(r, "medication", "not an ALK TKI the knowledge base names (other drugs are not used)")
                continue
            found.append((_date(r), i, drug, r, how))
            reasons = [t for reason in self._status_reasons(r) for t in _texts(reason)]
            if any(w in t for t in reasons for w in TOXICITY_WORDS):
                if "intolerant_tkis" in FIELDS:
                    self.out.add("intolerant_tkis", drug, f"{ref(r)} statusReason (toxicity)")
                else:
                    self.out.skip(r, "statusReason: toxicity", "the case schema has no intolerant_tkis field yet")
        if not found:
            return
        undated = [t[3] for t in found if t[0] is None]
        for r in undated:
            self.out.skip(r, "date", "no start date: the order of ALK TKIs falls back to the Bundle's order")
        ordered = found if undated else sorted(found, key=lambda t: (t[0], t[1]))
        for when, _, drug, r, how in ordered:
            self.out.add("prior_tkis", drug, f"{ref(r)} ({how}, {when or 'undated'})")
        dated = [t[0] for t in found if t[0]]
        self.progression_start = max(dated) if dated else None
        last = ordered[-1][3]
        if getattr(last, "status", None) == "active":
            self.out.set("current_therapy", "alk_tki", f"{ref(last)} status active")

    @staticmethod
    def _status_reasons(resource: Any) -> list[Any]:
        reason = getattr(resource, "statusReason", None)
        return reason if isinstance(reason, list) else [reason] if reason is not None else []

    # ---- genomics -------------------------------------------------------------------------------------------------
    def _components(self, obs: Any) -> dict[str, Any]:
        return {c: comp for comp in obs.component or () for c in (_code(comp.code, codes.LOINC),) if c}

    def _gene(self, comps: dict[str, Any]) -> str | None:
        concept = getattr(comps.get(codes.GENE_STUDIED), "valueCodeableConcept", None)
        code = _code(concept, codes.HGNC)
        if code in codes.GENES:
            return codes.GENES[code]
        text = getattr(concept, "text", None) or next((c.display or c.code for c in _codings(concept)), None)
        return text.strip().upper() if text else None

    def _specimen(self, obs: Any) -> str | None:
        specimen = self.bundle.get(getattr(obs.specimen, "reference", None)) if obs.specimen else None
        return next(
            (
                codes.SPECIMEN[c.code]
                for c in _codings(getattr(specimen, "type", None))
                if c.system == codes.SNOMED and c.code in codes.SPECIMEN
            ),
            None,
        )

    @staticmethod
    def _variant_texts(comps: dict[str, Any]) -> list[str]:
        out: list[str] = []
        for key in (codes.DISCRETE_VARIANT, "48019-4"):
            comp = comps.get(key)
            if comp is not None:
                out += _texts(comp.valueCodeableConcept) + ([comp.valueString.lower()] if comp.valueString else [])
        return out

    def _protein_change(self, comps: dict[str, Any]) -> str | None:
        comp = comps.get(codes.AMINO_ACID_CHANGE)
        if comp is None:
            return None
        concept = comp.valueCodeableConcept
        raw = (
            comp.valueString
            or next((c.code for c in _codings(concept) if c.code), None)
            or getattr(concept, "text", None)
        )
        if not raw:
            return None
        change = raw.split(":")[-1]
        return self.kb.canonical_mutation(change) or knowledge.normalise_mutation(change)

    def genomics(self) -> None:
        for obs in self.bundle.of_type("Observation"):
            if not _is(obs.code, codes.LOINC, codes.VARIANT_ASSESSMENT) or not _live(obs):
                continue
            comps = self._components(obs)
            gene, when, kind = self._gene(comps), _date(obs), self._specimen(obs)
            present = _is(obs.valueCodeableConcept, codes.LOINC, codes.PRESENT)
            absent = _is(obs.valueCodeableConcept, codes.LOINC, codes.ABSENT)
            if gene is None or not (present or absent):
                self.out.skip(obs, "genetic variant", "no gene studied, or no Present/Absent value: not used")
                continue
            texts = self._variant_texts(comps)
            fusion = any("fusion" in t or "rearrangement" in t for t in texts)
            at_progression = bool(when and self.progression_start and when >= self.progression_start)
            if gene == "ALK" and fusion:
                self._alk_fusion(obs, present, at_progression, kind)
                continue
            if not at_progression:
                self.out.skip(
                    obs,
                    f"{gene} result",
                    "dated before the most recent ALK TKI (or undated): not testing at this progression",
                )
                continue
            if kind is None:
                self.out.skip(obs, f"{gene} result", "specimen missing or not coded as tissue or plasma")
                continue
            panel = self._panel.setdefault(kind, {"ALK": set(), "bypass": set(), "tested": set(), "sources": set()})
            panel["tested"].add("ALK" if gene == "ALK" else "bypass")
            panel["sources"].add(ref(obs))
            if absent:
                self._negative(gene, obs, kind)
            elif gene == "ALK":
                self._alk_mutation(obs, comps, kind, panel)
            else:
                self._bypass(obs, gene, comps, texts, kind, panel)
        self._biopsy()

    def _alk_fusion(self, obs: Any, present: bool, at_progression: bool, kind: str | None) -> None:
        """At this progression the fusion counts as found if any specimen shows it; the specimen named is tissue
        whenever tissue was tested (only a tissue result that loses the fusion questions ALK status)."""
        if present:
            self.out.set("alk_positive", True, f"{ref(obs)} (ALK fusion present)")
        if not at_progression:
            return
        found = present or bool(self.out.case.get("alk_fusion_at_progression"))
        self.out.set(
            "alk_fusion_at_progression",
            found,
            f"{ref(obs)} ({'present' if present else 'absent'}, {kind or 'specimen not coded'})",
        )
        if kind and "alk_fusion_specimen" in FIELDS and self.out.case.get("alk_fusion_specimen") != "tissue":
            self.out.set("alk_fusion_specimen", kind, f"{ref(obs)} specimen")

    def _negative(self, gene: str, obs: Any, kind: str) -> None:
        name = "alk_mutations" if gene == "ALK" else "bypass_alterations"
        self.out.case.setdefault(name, [])
        self.out.provenance.setdefault(name, []).append(f"{ref(obs)} ({gene} absent, {kind})")

    def _alk_mutation(self, obs: Any, comps: dict[str, Any], kind: str, panel: dict[str, set[str]]) -> None:
        change = self._protein_change(comps)
        if change is None or not MUTATION.match(change):
            self.out.skip(obs, "ALK variant", "no amino-acid change (p.HGVS) the mapping can read: not guessed")
            return
        panel["ALK"].add(change)
        self.out.add("alk_mutations", change, f"{ref(obs)} ({kind})")

    def _bypass(
        self, obs: Any, gene: str, comps: dict[str, Any], texts: list[str], kind: str, panel: dict[str, set[str]]
    ) -> None:
        change = self._protein_change(comps)
        candidates = texts + [t.lower() for t in _interpretations(obs)]
        if change:
            candidates += [f"{gene} {change}".lower(), f"{gene} mutation".lower()]
        best: tuple[int, str] | None = None
        for finding in self.kb.bypass.values():
            for name in finding.names:
                n = name.lower()
                if n.startswith(gene.lower()) and any(
                    n == c or re.search(rf"\b{re.escape(n)}\b", c) for c in candidates
                ):
                    best = max(best or (0, ""), (len(n), finding.id))
        copies = self._copy_number(comps) if gene == "MET" else None
        if best is None and copies is not None:
            # a bare MET copy number: the text reader's thresholds (README Limitations), never a looser one
            from bot.nlu.extractor import met_copy_number_call  # the reader's vocabulary only when needed

            call = met_copy_number_call(copies)
            if call is not None and call in self.kb.bypass:
                best = (0, call)
        if best is None:
            self.out.skip(
                obs,
                f"{gene} result",
                "no call the knowledge base names (e.g. a copy number without "
                "the laboratory's amplification call): not guessed",
            )
            return
        panel["bypass"].add(best[1])
        self.out.add("bypass_alterations", best[1], f"{ref(obs)} ({kind})")

    @staticmethod
    def _copy_number(comps: dict[str, Any]) -> float | None:
        """The copy number (LOINC 82155-3) a variant Observation reports, if any."""
        comp = comps.get(codes.COPY_NUMBER)
        quantity = getattr(comp, "valueQuantity", None)
        value = getattr(quantity, "value", None) if quantity is not None else getattr(comp, "valueInteger", None)
        return float(value) if value is not None else None

    def _biopsy(self) -> None:
        kinds = sorted(self._panel)
        if not kinds:
            return
        value = "tissue_and_plasma" if len(kinds) == 2 else kinds[0]
        for kind in kinds:
            for source in sorted(self._panel[kind]["sources"]):
                self.out.set("biopsy", value, f"{source} ({kind} specimen, at this progression)")
        if len(kinds) == 2:
            tissue, plasma = self._panel["tissue"], self._panel["plasma"]
            for key in ("ALK", "bypass"):
                if key in tissue["tested"] and key in plasma["tested"] and tissue[key] != plasma[key]:
                    self.out.conflicts.append(
                        f"tissue and plasma disagree on {'ALK mutations' if key == 'ALK' else 'bypass alterations'}: "
                        f"tissue {', '.join(sorted(tissue[key])) or 'none'}; "
                        f"plasma {', '.join(sorted(plasma[key])) or 'none'}"
                        " (both are kept)"
                    )

    # ---- observations -------------------------------------------------------------------------------------------
    def _latest(self, code: str) -> list[Any]:
        found = [o for o in self.bundle.of_type("Observation") if _is(o.code, codes.LOINC, code) and _live(o)]
        return sorted(found, key=lambda o: _date(o) or "", reverse=True)

    def ecog(self) -> None:
        for i, obs in enumerate(self._latest(codes.ECOG)):
            if i == 0 and isinstance(obs.valueInteger, int) and 0 <= obs.valueInteger <= 4:
                self.out.set("ecog", obs.valueInteger, f"{ref(obs)} valueInteger ({_date(obs) or 'undated'})")
            else:
                self.out.skip(obs, "ECOG", "an older ECOG, or no integer 0-4 value" if i else "no integer 0-4 value")

    def disease_status(self) -> None:
        found = self._latest(codes.DISEASE_STATUS)
        if not found:
            return
        obs = found[0]
        status = next(
            (
                codes.DISEASE_STATUS_VALUES[c.code]
                for c in _codings(obs.valueCodeableConcept)
                if c.system == codes.SNOMED and c.code in codes.DISEASE_STATUS_VALUES
            ),
            None,
        )
        if status in ("improved", "stable", "no_evidence_of_disease"):
            self.out.set("progression", "none", f"{ref(obs)} value {status}")
            return
        pattern = next(
            (
                c.code
                for comp in obs.component or ()
                for c in _codings(comp.valueCodeableConcept)
                if c.system == codes.PATTERN_SYSTEM and c.code in PATTERNS
            ),
            None,
        )
        if status == "worsened" and pattern:
            self.out.set("progression", pattern, f"{ref(obs)} value worsened, pattern component {pattern}")
        else:
            self.out.skip(
                obs,
                "CancerDiseaseStatus",
                "progression without a recorded pattern (systemic, "
                "oligoprogression, cns_only, indolent), or an unknown status: not guessed",
            )

    def pregnancy(self) -> None:
        for obs in self._latest(codes.PREGNANCY_STATUS)[:1]:
            if "pregnancy_status" in FIELDS and _is(obs.valueCodeableConcept, codes.SNOMED, codes.PREGNANT):
                self.out.set("pregnancy_status", "pregnant", f"{ref(obs)} value {codes.PREGNANT}")
            else:
                self.out.skip(
                    obs,
                    "pregnancy status",
                    "only 'pregnant' maps to a case value (and only once the "
                    "case schema has pregnancy_status); 'not pregnant' says nothing of childbearing potential",
                )

    def region(self) -> None:
        for patient in self.bundle.of_type("Patient"):
            country = next((a.country for a in patient.address or () if a.country), None)
            if country and re.fullmatch(r"[A-Z]{2}", country):
                self.out.set("region", country, f"{ref(patient)} address.country")

    # ---- conditions ---------------------------------------------------------------------------------------------
    def conditions(self) -> None:
        cancers: list[Any] = []
        for c in self.bundle.of_type("Condition"):
            if any(x.url == codes.HISTOLOGY_EXTENSION for x in c.extension or ()):
                cancers.append(c)
                continue
            status = _code(c.clinicalStatus, "http://terminology.hl7.org/CodeSystem/condition-clinical") or "active"
            if _is(c.code, codes.SNOMED, codes.BRAIN_METASTASES) and status == "active":
                self.out.set("brain_metastases", True, f"{ref(c)} (SNOMED {codes.BRAIN_METASTASES})")
                continue
            comorbidity = next(
                (
                    codes.COMORBIDITY_CODES[x.code]
                    for x in _codings(c.code)
                    if x.system == codes.SNOMED and x.code in codes.COMORBIDITY_CODES
                ),
                None,
            )
            how = "SNOMED code"
            if comorbidity is None:
                comorbidity = next((v for t in _texts(c.code) for k, v in COMORBIDITY_WORDS.items() if k in t), None)
                how = "name"
            if comorbidity and status == "active":
                self.out.add("comorbidities", comorbidity, f"{ref(c)} ({how})")
            else:
                self.out.skip(c, "condition", "not a comorbidity the case records, or not active")
        cancers.sort(key=lambda c: _date(c) or "")
        for i, c in enumerate(cancers):
            morphology = next(x.valueCodeableConcept for x in c.extension if x.url == codes.HISTOLOGY_EXTENSION)
            later = bool(i and self.progression_start and (_date(c) or "") >= self.progression_start)
            if later:
                self._transformation(c, morphology)
            elif i == 0:
                self._histology(c, morphology)
            else:
                self.out.skip(c, "cancer condition", "a second cancer condition before the most recent TKI")

    def _histology(self, condition: Any, morphology: Any) -> None:
        code = _code(morphology, codes.SNOMED)
        if code in codes.HISTOLOGY:
            self.out.set("histology", codes.HISTOLOGY[code], f"{ref(condition)} morphology SNOMED {code}")
        elif any("squamous" in t for t in _texts(morphology)):
            self.out.set("histology", "squamous", f"{ref(condition)} morphology (name)")
        else:
            self.out.skip(condition, "histology", "a morphology the mapping does not know: not guessed")

    def _transformation(self, condition: Any, morphology: Any) -> None:
        texts = _texts(morphology)
        if any("small cell" in t for t in texts):
            mixed = any(w in t for t in texts for w in ("combined", "mixed"))
            self.out.set(
                "transformation",
                "small_cell_mixed" if mixed else "small_cell",
                f"{ref(condition)} morphology at progression (name)",
            )
        elif any("squamous" in t for t in texts):
            self.out.set("transformation", "squamous", f"{ref(condition)} morphology at progression (name)")
        else:
            self.out.skip(condition, "morphology at progression", "not a transformation the case records")


def alk_tki(concept: Any, kb: knowledge.KnowledgeBase) -> tuple[str | None, str]:
    """The ALK TKI a medication concept names (by a confirmed RxNorm code, else by a generic or brand name the
    knowledge base lists) and how it was recognised; (None, "") for any other medicine."""
    code = _code(concept, codes.RXNORM)
    if code in codes.RXNORM_TKIS:
        return codes.RXNORM_TKIS[code], f"RxNorm {code}"
    names = {n.lower(): d.name for d in kb.drugs.values() for n in (d.name, *d.brands)}
    for text in _texts(concept):
        for word in re.findall(r"[a-z]+", text):
            if word in names:
                return names[word], f"name '{word}'"
    return None, ""


def _interpretations(obs: Any) -> Iterable[str]:
    return [t for concept in obs.interpretation or () for t in _texts(concept)]


def map_bundle(bundle: ParsedBundle, kb: knowledge.KnowledgeBase | None = None) -> Import:
    """The case a Bundle supports, with provenance; see the module docstring for the rules."""
    return Mapper(bundle, kb or knowledge.default()).run()
