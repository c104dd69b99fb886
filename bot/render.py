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


def case_summary(case: Mapping[str, Any]) -> str:
    """The case in one line, e.g. 'alectinib → systemic progression, tissue NGS: ALK G1202R, ECOG 1'."""
    parts: list[str] = []
    tkis = case.get("prior_tkis")
    head = " → ".join(tkis) if tkis else ("no ALK TKI yet" if tkis == [] else "ALK TKIs not given")
    if case.get("progression"):
        head += " → " + _PROGRESSION[case["progression"]]
    parts.append(head)
    cns = [w for w, on in (("limited CNS lesions", case.get("cns_lesions") == "limited"),
                           ("extensive CNS lesions", case.get("cns_lesions") == "extensive"),
                           ("leptomeningeal", case.get("leptomeningeal") is True),
                           ("symptomatic", case.get("symptomatic") is True),
                           ("asymptomatic", case.get("symptomatic") is False)) if on]
    if cns:
        parts[-1] += " (" + ", ".join(cns) + ")"
    if case.get("biopsy"):
        findings = []
        muts = case.get("alk_mutations")
        if muts:
            link = " in cis" if case.get("compound") is True else " (separate clones)" if case.get("compound") is False else ""
            findings.append("ALK " + "/".join(muts) + link)
        elif muts == []:
            findings.append("no ALK mutation")
        bypass = case.get("bypass_alterations")
        if bypass:
            findings.append(", ".join(b.replace("_", " ") for b in bypass))
        elif bypass == [] and muts == []:
            findings[-1] = "no ALK mutation or bypass"
        if case.get("transformation") not in (None, "none"):
            findings.append(case["transformation"].replace("_", "-") + " transformation")
        text = _BIOPSY[case["biopsy"]]
        parts.append(text + (": " + ", ".join(findings) if findings else ""))
    if case.get("ecog") is not None:
        parts.append(f"ECOG {case['ecog']}")
    if case.get("goals_of_care") == "comfort":
        parts.append("comfort-focused goals")
    if case.get("histology"):
        parts.append(case["histology"].replace("_", " "))
    if case.get("alk_positive") is False:
        parts.append("ALK-negative")
    elif case.get("alk_positive") is None:
        parts.append("ALK status unconfirmed")
    if case.get("strong_cyp3a_inducer"):
        parts.append("on a strong CYP3A inducer")
    if case.get("region"):
        parts.append(f"treated in {case['region']}")
    return ", ".join(parts)


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
