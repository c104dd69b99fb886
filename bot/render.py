"""Words for people: a recommendation as a clinician reads it in chat, and the one-line case read-back.

Rendering never decides anything: it only puts the decision module's document into sentences. The same text
serves the chat reply, ``python -m bot recommend --text`` and the web card's copy-to-clipboard summary.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from bot import knowledge

# How each case field is named when the assistant asks for it or lists it as missing.
FIELD_LABELS = {
    "alk_positive": "confirmed ALK rearrangement (IHC, FISH or NGS)",
    "alk_fusion_at_progression": "whether the ALK fusion was found again on the progression biopsy",
    "histology": "histology (adenocarcinoma, squamous, other NSCLC)",
    "prior_tkis": "ALK inhibitors received, in order",
    "current_therapy": "current therapy",
    "prior_chemotherapy": "prior chemotherapy",
    "prior_immunotherapy": "prior immunotherapy",
    "progression": "pattern of progression (systemic, oligoprogression, CNS-only, indolent, none)",
    "brain_metastases": "brain metastases",
    "cns_lesions": "CNS lesions: limited (suitable for radiosurgery) or extensive",
    "leptomeningeal": "leptomeningeal disease",
    "symptomatic": "whether the progression is symptomatic",
    "ecog": "ECOG performance status",
    "goals_of_care": "goals of care (disease-directed or comfort)",
    "biopsy": "resistance testing at this progression (tissue, plasma, both, none)",
    "alk_mutations": "ALK mutations found (or none)",
    "compound": "whether the ALK mutations are compound (in cis) or in separate clones",
    "bypass_alterations": "bypass alterations found, e.g. MET amplification (or none)",
    "transformation": "histologic transformation on re-biopsy (small-cell, squamous, none)",
    "pdl1_tps": "PD-L1 TPS",
    "strong_cyp3a_inducer": "whether the patient takes a strong CYP3A inducer (e.g. rifampicin, carbamazepine)",
    "comorbidities": "relevant comorbidities",
    "region": "country or region of treatment (for label and reimbursement)",
}

_PROGRESSION = {"systemic": "systemic progression", "oligoprogression": "oligoprogression",
                "cns_only": "CNS-only progression", "indolent": "indolent progression", "none": "no progression"}
_BIOPSY = {"tissue": "tissue NGS", "plasma": "plasma ctDNA", "tissue_and_plasma": "tissue and plasma NGS",
           "none": "no re-biopsy"}
_STATUS_HEAD = {
    "recommendation": "Recommendation",
    "needs_information": "Provisional: I need more information for a firm recommendation",
    "out_of_scope": "Outside this assistant's scope (progression on a second-generation ALK TKI, before lorlatinib)",
}


def _join(items: Iterable[str]) -> str:
    items = list(items)
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# Short names for a field when a change to it is shown ("Changed: prior TKIs alectinib → brigatinib").
SHORT_LABELS = {
    "alk_positive": "ALK status", "alk_fusion_at_progression": "ALK fusion at progression", "histology": "histology",
    "prior_tkis": "prior TKIs", "current_therapy": "current therapy", "prior_chemotherapy": "prior chemotherapy",
    "prior_immunotherapy": "prior immunotherapy", "progression": "progression", "brain_metastases": "brain metastases",
    "cns_lesions": "CNS lesions", "leptomeningeal": "leptomeningeal disease", "symptomatic": "symptomatic",
    "ecog": "ECOG", "goals_of_care": "goals of care", "biopsy": "re-biopsy", "alk_mutations": "ALK mutations",
    "compound": "mutations in cis", "bypass_alterations": "bypass alterations", "transformation": "transformation",
    "pdl1_tps": "PD-L1 TPS", "strong_cyp3a_inducer": "strong CYP3A inducer", "comorbidities": "comorbidities",
    "region": "region",
}
_VALUE_WORDS = {**_PROGRESSION, **_BIOPSY, "alk_positive": {True: "positive", False: "negative"}}


def value_text(field: str, value: Any) -> str:
    """A field's value in words, without the field's name: 'alectinib, brigatinib', 'tissue NGS', 'yes'."""
    if isinstance(value, bool):
        return _VALUE_WORDS.get(field, {}).get(value) or ("yes" if value else "no")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v).replace("_", " ") for v in value) or "none"
    if field in ("progression", "biopsy"):
        return _VALUE_WORDS.get(value, str(value))
    return str(value).replace("_", " ") + ("%" if field == "pdl1_tps" else "")


def finding_text(field: str, value: Any) -> str:
    """One finding as a phrase that names itself: 'ECOG 1', 'no ALK mutation', 'ALK-positive', 'tissue NGS'."""
    if isinstance(value, bool) and field in _FLAG_PHRASES:
        return _FLAG_PHRASES[field][value]
    if field == "prior_tkis":
        return ("prior TKIs " + " → ".join(value)) if value else "no prior ALK TKI"
    if field == "alk_mutations":
        return "ALK " + "/".join(value) if value else "no ALK mutation"
    if field == "bypass_alterations":
        return ", ".join(v.replace("_", " ") for v in value) if value else "no bypass alteration"
    if field == "transformation":
        return "no transformation" if value == "none" else value.replace("_", "-") + " transformation"
    if field in ("progression", "biopsy", "ecog", "histology"):
        return (f"ECOG {value}" if field == "ecog" else value_text(field, value))
    if field == "cns_lesions":
        return f"{value} CNS lesions"
    if field == "goals_of_care":
        return "comfort-focused goals" if value == "comfort" else "disease-directed goals"
    if field == "region":
        return f"treated in {value}"
    return f"{SHORT_LABELS.get(field, field)}: {value_text(field, value)}"


_FLAG_PHRASES = {
    "alk_positive": {True: "ALK-positive", False: "ALK-negative"},
    "alk_fusion_at_progression": {True: "ALK fusion found again at progression", False: "ALK fusion lost at progression"},
    "brain_metastases": {True: "brain metastases", False: "no brain metastases"},
    "leptomeningeal": {True: "leptomeningeal disease", False: "no leptomeningeal disease"},
    "symptomatic": {True: "symptomatic", False: "asymptomatic"},
    "compound": {True: "mutations in cis (compound)", False: "mutations in separate clones"},
    "strong_cyp3a_inducer": {True: "on a strong CYP3A inducer", False: "no strong CYP3A inducer"},
    "prior_chemotherapy": {True: "prior chemotherapy", False: "no prior chemotherapy"},
    "prior_immunotherapy": {True: "prior immunotherapy", False: "no prior immunotherapy"},
}
# The read-back's order after its head (TKIs → progression): what the re-biopsy showed, then the patient.
_READ_BACK = ("alk_mutations", "compound", "bypass_alterations", "transformation", "alk_fusion_at_progression",
              "ecog", "goals_of_care", "histology", "alk_positive", "strong_cyp3a_inducer", "prior_chemotherapy",
              "prior_immunotherapy", "pdl1_tps", "comorbidities", "current_therapy", "region")


def case_summary(case: Mapping[str, Any]) -> str:
    """The case in one line, naming every finding it holds, e.g. 'alectinib → systemic progression, tissue NGS:
    ALK G1202R, no bypass alteration, ECOG 1, ALK-positive'. Every finding that can drive the answer is named, so
    the clinician sees exactly what it was computed on."""
    tkis = case.get("prior_tkis")
    head = " → ".join(tkis) if tkis else ("no ALK TKI yet" if tkis == [] else "ALK TKIs not given")
    if case.get("progression"):
        head += " → " + _PROGRESSION[case["progression"]]
    cns = [finding_text(f, case[f]) for f in ("cns_lesions", "leptomeningeal", "symptomatic") if f in case]
    if case.get("brain_metastases") is not None and "cns_lesions" not in case:
        cns.insert(0, finding_text("brain_metastases", case["brain_metastases"]))
    if cns:
        head += " (" + ", ".join(cns) + ")"
    findings = [finding_text(f, case[f]) for f in _READ_BACK if case.get(f) is not None]
    if case.get("alk_positive") is None:
        findings.append("ALK status unconfirmed")
    if case.get("biopsy") not in (None, "none"):  # what the re-biopsy showed reads as its result
        return f"{head}, {_BIOPSY[case['biopsy']]}: " + ", ".join(findings)
    return ", ".join([head, *([_BIOPSY["none"]] if case.get("biopsy") else []), *findings])


def missing_text(fields: Iterable[str]) -> str:
    return "; ".join(FIELD_LABELS.get(f, f.replace("_", " ")) for f in fields)


def render_text(rec: Mapping[str, Any]) -> str:
    """The whole answer as plain text: what to give, why, what else, what not, caveats, evidence, version."""
    lines: list[str] = [_STATUS_HEAD[rec["status"]] + ":"]
    preferred = rec["preferred"]
    if preferred:
        for opt in preferred:
            lines.append(f"► {opt['label']}")
            lines.append(f"  Why: {opt['why']}")
    else:
        because = next((r["because"] for r in rec["rationale"]), "")
        lines.append(f"  {because}")
    if rec["alternatives"]:
        lines.append("Alternatives:")
        lines += [f"  • {opt['label']}: {opt['why']}" for opt in rec["alternatives"]]
    if rec["avoid"]:
        lines.append("Avoid:")
        lines += [f"  ✗ {a.get('label', a['therapy'])}: {a['reason']}" for a in rec["avoid"]]
    caveats = [c for c in rec["caveats"] if c["id"] != "disclaimer"]
    if caveats:
        lines.append("Caveats:")
        lines += [f"  ! {c['text']}" for c in caveats]
    if rec["missing"]:
        lines.append("Would change or strengthen the answer: " + missing_text(rec["missing"]) + ".")
    lines.append("Rule trace: " + " → ".join(f"{r['rule']}" for r in rec["rationale"]))
    lines += [f"  {r['rule']}: {r['because']}" for r in rec["rationale"]]
    if rec["evidence"]:
        lines.append("Evidence: " + "; ".join(f"[{e['id']}] {e.get('level', '')}".strip() for e in rec["evidence"]))
    lines.append(f"Knowledge base {rec['knowledge_version']}.")
    lines.append(next((c["text"] for c in rec["caveats"] if c["id"] == "disclaimer"), ""))
    return "\n".join(line for line in lines if line)


def preferred_sentence(rec: Mapping[str, Any]) -> str:
    """One sentence naming the preferred therapy (or why there is none), for the head of a chat reply."""
    names = _join(opt["label"] for opt in rec["preferred"])
    if rec["status"] == "out_of_scope":
        return "This case is outside my scope" + (f"; signposting: {names}." if names else ".")
    if rec["status"] == "needs_information":
        return (f"Provisionally: {names}. " if names else "") + "I need: " + missing_text(rec["missing"][:3]) + "."
    return f"Preferred: {names}."


def card_data(rec: Mapping[str, Any], case: Mapping[str, Any]) -> dict[str, Any]:
    """What travels with the answer's text (spec/README.md section 4), plus what a page needs to draw the card:
    the label of every therapy named, and the disclaimer. The chat and the CDS Hooks case link both send it."""
    kb = knowledge.default()
    named = {o["therapy"] for key in ("preferred", "alternatives", "avoid") for o in rec[key]}
    labels = {t: kb.regimens[t].label for t in sorted(named) if t in kb.regimens}
    return {"recommendation": rec, "case": case, "labels": labels, "disclaimer": kb.disclaimer}
