"""Words for people: a recommendation as a clinician reads it in chat, and the one-line case read-back.

Rendering never decides anything: it only puts the decision module's document into sentences. One view of the
answer (:func:`card_view`) serves the chat reply, ``python -m bot recommend --text``, the web page's card and its
"Copy to note" text, so they cannot drift apart. The view speaks to clinicians: the engine's bookkeeping words
(rule ids in sentences, "mutation table", "conflict register", "(unverified)") are turned into plain words, a
sentence shared by several preferred options is said once, and the avoid entries every ALK relapse carries are
folded into one line unless the case makes them relevant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

import yaml

from bot import knowledge
from bot.decision import decide

# How each case field is named when the assistant asks for it or lists it as missing.
FIELD_LABELS = {
    "alk_positive": "confirmed ALK rearrangement (IHC, FISH or NGS)",
    "alk_fusion_at_progression": "whether the ALK fusion was found again on the progression biopsy",
    "alk_fusion_specimen": "whether that fusion result came from tissue or from plasma (ctDNA)",
    "histology": "histology (adenocarcinoma, squamous, other NSCLC)",
    "prior_tkis": "ALK inhibitors received, in order",
    "intolerant_tkis": "ALK inhibitors stopped for toxicity rather than progression (or none)",
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
    "cyp3a_inducer_stoppable": "whether the strong CYP3A inducer can be stopped or switched before lorlatinib",
    "strong_cyp3a_inhibitor": "whether the patient takes a strong CYP3A inhibitor (e.g. itraconazole, clarithromycin)",
    "pregnancy_status": "pregnancy or childbearing potential",
    "comorbidities": "relevant comorbidities",
    "region": "country or region of treatment (for label and reimbursement)",
}

_PROGRESSION = {
    "systemic": "systemic progression",
    "oligoprogression": "oligoprogression",
    "cns_only": "CNS-only progression",
    "indolent": "indolent progression",
    "none": "no progression",
}
_BIOPSY = {
    "tissue": "tissue NGS",
    "plasma": "plasma ctDNA",
    "tissue_and_plasma": "tissue and plasma NGS",
    "none": "no re-biopsy",
}
_STATUS_HEAD = {
    "recommendation": "Recommendation",
    "needs_information": "Provisional: I need more information for a firm recommendation",
    "out_of_scope": "Outside this assistant's scope (progression on a second-generation ALK TKI, before lorlatinib)",
}


CONFIDENCE_MEANING = {
    "high": "consistent trial or guideline evidence; specialists would generally agree",
    "moderate": "smaller studies or expert consensus; specialists may reasonably differ",
    "low": "limited or indirect evidence; worth discussing at the tumour board",
}
KEY_EVIDENCE = 3  # sources shown first: the deciding rule's; the rest are folded
NOTE_CITATIONS = 3
# The engine's bookkeeping words, and what a clinician reads instead (applied in this order).
_JARGON = (
    (re.compile(r"On the other findings \([A-Z]\d+\):\s*"), ""),
    (re.compile(r"\s*\((?:[GCPHSMX]\d+(?:\s*[,/]\s*)?)+\)"), ""),
    (re.compile(r"\s*\(conflict register[^)]*\)", re.IGNORECASE), ""),
    (re.compile(r"\bconflict register\b", re.IGNORECASE), "list of conflicting sources"),
    (re.compile(r"\s+in the mutation table\b"), " in laboratory and clinical data"),
    (re.compile(r"\bthe mutation table\b"), "the resistance data"),
    (re.compile(r"\s*\(unverified\)"), " (preliminary)"),
)
_NCT = re.compile(r"\bNCT\d{8}\b")
_SCOPE_MEANS = (
    "This assistant covers ALK-positive NSCLC progressing on a second-generation ALK inhibitor, before "
    "lorlatinib. This case is outside that, so it gives no firm recommendation: {because}"
)
_SCOPE_INSTEAD = {
    "alk_negative": "confirm the ALK result; if the tumour is ALK-negative, follow the guideline for NSCLC without "
    "a targetable driver and discuss at the tumour board.",
    "after_lorlatinib": "a centre running ALK-inhibitor trials and the molecular tumour board; the options listed "
    "below are signposts, not a recommendation.",
    "other": "the molecular tumour board or a thoracic oncology centre; the options listed below, if any, are "
    "signposts, not a recommendation.",
}


def clinician(text: str) -> str:
    """A sentence from the engine or the knowledge base in words a clinician uses (no rule ids, no internal
    register names)."""
    for pattern, plain in _JARGON:
        text = pattern.sub(plain, text)
    return text


def _join(items: Iterable[str]) -> str:
    items = list(items)
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# Short names for a field when a change to it is shown ("Changed: prior TKIs alectinib → brigatinib").
SHORT_LABELS = {
    "alk_positive": "ALK status",
    "alk_fusion_at_progression": "ALK fusion at progression",
    "histology": "histology",
    "prior_tkis": "prior TKIs",
    "current_therapy": "current therapy",
    "prior_chemotherapy": "prior chemotherapy",
    "prior_immunotherapy": "prior immunotherapy",
    "progression": "progression",
    "brain_metastases": "brain metastases",
    "cns_lesions": "CNS lesions",
    "leptomeningeal": "leptomeningeal disease",
    "symptomatic": "symptomatic",
    "ecog": "ECOG",
    "goals_of_care": "goals of care",
    "biopsy": "re-biopsy",
    "alk_mutations": "ALK mutations",
    "compound": "mutations in cis",
    "bypass_alterations": "bypass alterations",
    "transformation": "transformation",
    "pdl1_tps": "PD-L1 TPS",
    "strong_cyp3a_inducer": "strong CYP3A inducer",
    "comorbidities": "comorbidities",
    "region": "region",
}
_VALUE_WORDS: dict[str, Any] = {"alk_positive": {True: "positive", False: "negative"}}


def value_text(field: str, value: Any) -> str:
    """A field's value in words, without the field's name: 'alectinib, brigatinib', 'tissue NGS', 'yes'."""
    if isinstance(value, bool):
        return _VALUE_WORDS.get(field, {}).get(value) or ("yes" if value else "no")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v).replace("_", " ") for v in value) or "none"
    if field in ("progression", "biopsy"):  # each its own words: both have a "none" (progression none was said
        return (_PROGRESSION if field == "progression" else _BIOPSY).get(value, str(value))  # as "no re-biopsy")
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
        return f"ECOG {value}" if field == "ecog" else value_text(field, value)
    if field == "cns_lesions":
        return f"{value} CNS lesions"
    if field == "goals_of_care":
        return "comfort-focused goals" if value == "comfort" else "disease-directed goals"
    if field == "region":
        return f"treated in {value}"
    return f"{SHORT_LABELS.get(field, field)}: {value_text(field, value)}"


_FLAG_PHRASES = {
    "alk_positive": {True: "ALK-positive", False: "ALK-negative"},
    "alk_fusion_at_progression": {
        True: "ALK fusion found again at progression",
        False: "ALK fusion lost at progression",
    },
    "brain_metastases": {True: "brain metastases", False: "no brain metastases"},
    "leptomeningeal": {True: "leptomeningeal disease", False: "no leptomeningeal disease"},
    "symptomatic": {True: "symptomatic", False: "asymptomatic"},
    "compound": {True: "mutations in cis (compound)", False: "mutations in separate clones"},
    "strong_cyp3a_inducer": {True: "on a strong CYP3A inducer", False: "no strong CYP3A inducer"},
    "prior_chemotherapy": {True: "prior chemotherapy", False: "no prior chemotherapy"},
    "prior_immunotherapy": {True: "prior immunotherapy", False: "no prior immunotherapy"},
}
# The read-back's order after its head (TKIs → progression): what the re-biopsy showed, then the patient.
_READ_BACK = (
    "alk_mutations",
    "compound",
    "bypass_alterations",
    "transformation",
    "alk_fusion_at_progression",
    "ecog",
    "goals_of_care",
    "histology",
    "alk_positive",
    "strong_cyp3a_inducer",
    "prior_chemotherapy",
    "prior_immunotherapy",
    "pdl1_tps",
    "comorbidities",
    "current_therapy",
    "region",
)


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


def field_label(field: str) -> str:
    """How a case field is named to a clinician ("the ECOG performance status")."""
    return FIELD_LABELS.get(field, field.replace("_", " "))


def missing_text(fields: Iterable[str]) -> str:
    return "; ".join(field_label(f) for f in fields)


def render_text(rec: Mapping[str, Any], case: Mapping[str, Any] | None = None) -> str:
    """The whole answer as plain text: what to give, why, what else, what not, caveats, evidence, version.
    Built from :func:`card_view`, so the chat reply and the page's card say the same thing."""
    view = card_view(rec, case or {})
    lines: list[str] = [view["headline"] + ":"]
    if view["scope"]:
        lines += [f"  {view['scope']['means']}", f"  Where to go instead: {view['scope']['instead']}"]
    for group in view["preferred"]:
        lines += [f"► {label}" for label in group["labels"]]
        lines.append(f"  Why: {group['why']}")
    if not view["preferred"] and not view["scope"]:
        lines.append(f"  {view['reason']}")
    if view["confidence"]:
        conf = view["confidence"]
        lines.append(f"Confidence: {conf['level']} ({conf['meaning']}).")
    if view["alternatives"]:
        lines.append("Alternatives:")
        for group in view["alternatives"]:
            lines += [f"  • {label}" for label in group["labels"]]
            lines.append(f"    {group['why']}")
    if view["avoid"] or view["routine_avoid"]:
        lines.append("Avoid:")
        lines += [f"  ✗ {_join(g['labels'])}: {g['reason']}" for g in view["avoid"]]
        if view["routine_avoid"]:
            lines.append(f"  ✗ {routine_avoid_line(view)}")
    if view["caveats"]:
        lines.append("Caveats:")
        lines += [f"  ! {text}" for text in view["caveats"]]
    if view["missing"]:
        lines.append("Would change or strengthen the answer: " + "; ".join(view["missing"]) + ".")
    lines.append("Rule trace: " + " → ".join(step["rule"] for step in view["trace"]))
    lines += [f"  {step['rule']}: {step['because']}" for step in view["trace"]]
    evidence = view["key_evidence"] + view["more_evidence"]
    if evidence:
        lines.append("Evidence: " + "; ".join(f"[{e['id']}] {e['level']}".strip() for e in evidence))
    lines.append(f"Knowledge base {view['knowledge_version']}.")
    lines.append(view["disclaimer"])
    return "\n".join(line for line in lines if line)


def preferred_sentence(rec: Mapping[str, Any]) -> str:
    """One sentence naming the preferred therapy (or why there is none), for the head of a chat reply."""
    names = _join(opt["label"] for opt in rec["preferred"])
    if rec["status"] == "out_of_scope":
        return "This case is outside my scope" + (f"; signposting: {names}." if names else ".")
    if rec["status"] == "needs_information":
        return (f"Provisionally: {names}. " if names else "") + "I need: " + missing_text(rec["missing"][:3]) + "."
    return f"Preferred: {names}."


@lru_cache(maxsize=1)
def _registry_ids() -> dict[str, str]:
    """Evidence key → trial registry number (NCT), from evidence.yml's `nct` fields and citations: the engine's
    single link prefers the DOI, and a trial entry should also link to its registry record."""
    raw = yaml.safe_load((knowledge.KNOWLEDGE_DIR / "evidence.yml").read_text(encoding="utf-8")) or {}
    entries = raw.get("evidence", raw) if isinstance(raw, dict) else {}
    out = {}
    for key, entry in entries.items():
        if not isinstance(entry, dict):
            continue
        found = entry.get("nct") or next(iter(_NCT.findall(str(entry.get("citation", "")))), None)
        if found:
            out[key] = str(found)
    return out


@lru_cache(maxsize=1)
def _routine_avoid() -> dict[str, str]:
    """The avoid entries (therapy → reason) every in-scope answer carries, found by asking the engine for each
    rule's witness case: derived, so they follow the knowledge base when it changes."""
    kb = knowledge.default()
    common: set[tuple[str, str]] | None = None
    for rule in kb.rules.values():
        rec = decide(dict(rule.witness))
        if rec["status"] == "out_of_scope":
            continue
        entries = {(a["therapy"], a["reason"]) for a in rec["avoid"]}
        common = entries if common is None else common & entries
    return dict(sorted(common or set()))


def _relevant(therapy: str, case: Mapping[str, Any]) -> bool:
    """Whether the case makes a routine avoid entry worth spelling out: a high PD-L1 tempts PD-(L)1 therapy."""
    return "pd" in therapy and (case.get("pdl1_tps") or 0) >= 50


def _evidence_item(e: Mapping[str, Any]) -> dict[str, Any]:
    level = str(e.get("level", ""))
    item = {
        "id": e["id"],
        "citation": e["citation"],
        "level": clinician(level).strip(),
        "year": e.get("year"),
        "url": e.get("url"),
    }
    nct = _registry_ids().get(e["id"])
    if nct:
        item["registry"] = {"id": nct, "url": f"https://clinicaltrials.gov/study/{nct}"}
    return item


def _scope_kind(case: Mapping[str, Any]) -> str:
    if case.get("alk_positive") is False:
        return "alk_negative"
    if "lorlatinib" in (case.get("prior_tkis") or []):
        return "after_lorlatinib"
    return "other"


def _grouped(options: Iterable[Mapping[str, Any]], text_key: str) -> list[dict[str, Any]]:
    """Options that share their sentence, said once: [{labels, therapies, <text_key>}] in first-seen order."""
    groups: list[dict[str, Any]] = []
    for opt in options:
        text = clinician(opt[text_key])
        same = next((g for g in groups if g[text_key] == text), None)
        if same is None:
            same = {"labels": [], "therapies": [], text_key: text}
            groups.append(same)
        same["labels"].append(opt.get("label", opt["therapy"]))
        same["therapies"].append(opt["therapy"])
    return groups


def card_view(rec: Mapping[str, Any], case: Mapping[str, Any]) -> dict[str, Any]:
    """The answer as a clinician reads it: the page draws it, the chat text and the note are written from it."""
    kb = knowledge.default()
    deciding = rec["rationale"][0] if rec["rationale"] else None
    alk_negative = case.get("alk_positive") is False
    routine = _routine_avoid()
    avoid, folded = [], []
    for a in rec["avoid"]:
        if routine.get(a["therapy"]) == a["reason"] and not _relevant(a["therapy"], case):
            if not alk_negative:  # ALK-specific advice means nothing for an ALK-negative tumour
                folded.append(a)
        else:
            avoid.append(a)
    evidence = [_evidence_item(e) for e in rec["evidence"]]
    key_ids = list(dict.fromkeys(deciding["evidence"] if deciding else []))[:KEY_EVIDENCE]
    key = sorted((e for e in evidence if e["id"] in key_ids), key=lambda e: key_ids.index(e["id"]))
    scope = None
    if rec["status"] == "out_of_scope":
        because = clinician(deciding["because"]) if deciding else ""
        scope = {
            "kind": _scope_kind(case),
            "means": _SCOPE_MEANS.format(because=because),
            "instead": _SCOPE_INSTEAD[_scope_kind(case)],
        }
    confidence = None
    if deciding and deciding.get("confidence") in CONFIDENCE_MEANING and rec["status"] != "out_of_scope":
        confidence = {
            "level": deciding["confidence"],
            "meaning": CONFIDENCE_MEANING[deciding["confidence"]],
            "rule": deciding["rule"],
            "title": clinician(deciding.get("title", "")),
        }
    view = {
        "status": rec["status"],
        "headline": _STATUS_HEAD[rec["status"]],
        "scope": scope,
        "preferred": _grouped(rec["preferred"], "why"),
        "reason": clinician(deciding["because"]) if deciding else "",
        "confidence": confidence,
        "alternatives": _grouped(rec["alternatives"], "why"),
        "avoid": _grouped(avoid, "reason"),
        "routine_avoid": [
            {"therapy": a["therapy"], "label": a.get("label", a["therapy"]), "reason": clinician(a["reason"])}
            for a in folded
        ],
        "caveats": [clinician(c["text"]) for c in rec["caveats"] if c["id"] != "disclaimer"],
        "missing": [FIELD_LABELS.get(f, f.replace("_", " ")) for f in rec["missing"]],
        "trace": [
            {"rule": r["rule"], "title": clinician(r.get("title", "")), "because": clinician(r["because"])}
            for r in rec["rationale"]
        ],
        "key_evidence": key,
        "more_evidence": [e for e in evidence if e["id"] not in key_ids],
        "knowledge_version": rec["knowledge_version"],
        "disclaimer": next((c["text"] for c in rec["caveats"] if c["id"] == "disclaimer"), kb.disclaimer),
    }
    return view


def routine_avoid_line(view: Mapping[str, Any]) -> str:
    """The folded avoid entries in one line."""
    return "As in every ALK-positive relapse: " + _join(a["label"] for a in view["routine_avoid"]) + "."


def note_text(rec: Mapping[str, Any], case: Mapping[str, Any], day: date | None = None) -> str:
    """What a clinician pastes into the patient's note: the case read-back, the date, the knowledge-base version,
    the answer and the key citations; no rule codes (they mean nothing in a note)."""
    view = card_view(rec, case)
    lines = [
        f"ALK-positive NSCLC, next line after a second-generation ALK inhibitor: decision support, "
        f"{(day or date.today()).isoformat()}",
        f"Case: {case_summary(case)}.",
    ]
    if view["scope"]:
        lines += [
            f"Outside the assistant's scope: {view['reason']}",
            f"Where to go instead: {view['scope']['instead']}",
        ]
    for group in view["preferred"]:
        lines.append(
            ("Suggested: " if view["scope"] else "Recommended: ") + " or ".join(group["labels"]) + f". {group['why']}"
        )
    if view["confidence"]:
        lines.append(f"Confidence: {view['confidence']['level']} ({view['confidence']['meaning']}).")
    if view["alternatives"]:
        lines.append("Alternatives: " + "; ".join(label for g in view["alternatives"] for label in g["labels"]) + ".")
    for group in view["avoid"]:
        lines.append(f"Avoid: {_join(group['labels'])} ({group['reason'].rstrip('.')}).")
    cited = (view["key_evidence"] + view["more_evidence"])[:NOTE_CITATIONS]
    if cited:
        lines.append(
            "Key evidence: "
            + "; ".join(e["citation"] + (f" ({e['registry']['id']})" if e.get("registry") else "") for e in cited)
            + "."
        )
    lines.append(f"Knowledge base {view['knowledge_version']}. {view['disclaimer']}")
    return "\n".join(lines)


def card_data(rec: Mapping[str, Any], case: Mapping[str, Any]) -> dict[str, Any]:
    """What travels with the answer's text (spec/README.md section 4), plus what a page needs to draw the card:
    the label of every therapy named, the disclaimer, the clinician's view of the answer (:func:`card_view`) and
    the text "Copy to note" puts in the patient's note. The chat and the CDS Hooks case link both send it."""
    kb = knowledge.default()
    named = {o["therapy"] for key in ("preferred", "alternatives", "avoid") for o in rec[key]}
    labels = {t: kb.regimens[t].label for t in sorted(named) if t in kb.regimens}
    return {
        "recommendation": rec,
        "case": case,
        "labels": labels,
        "disclaimer": kb.disclaimer,
        "card": card_view(rec, case),
        "note": note_text(rec, case),
    }
