"""The extractor's vocabulary: the knowledge base's names plus data/vocabulary/clinical_phrases.yml.

Names (drugs with brands and misspellings, mutation spellings, bypass alterations, transformations) come from
data/knowledge, so a drug or mutation added there is understood in the chat without touching this code. Phrases
that are not names (progression patterns, biopsy types, negation cues) are the YAML file's regular expressions.
The result is plain data (JSON-serialisable), saved inside the spaCy pipeline by build.py.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import yaml

from bot import knowledge

PHRASES_FILE = Path(__file__).resolve().parents[2] / "data" / "vocabulary" / "clinical_phrases.yml"

AMINO = "ACDEFGHIKLMNPQRSTVWY"
THREE = "Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val"
# A protein change in one- or three-letter notation, with or without p. and brackets.
MUTATION_PATTERNS = [
    rf"(?:p\.)?\(?[{AMINO}]\d{{3,4}}(?:[{AMINO}]|del|dup|fs|\*)\)?",
    rf"(?:p\.)?\(?(?:{THREE})\d{{3,4}}(?:{THREE}|Ter|del|dup|fs)\)?",
    rf"(?:[{AMINO}])?\d{{4}}_?(?:[{AMINO}]\d{{4}})?ins[{AMINO}]+",
]
# Genes whose protein changes are not ALK's: "BRAF V600E", "EGFR T790M", "ROS1 G2032R".
OTHER_GENES = r"EGFR|KRAS|NRAS|HRAS|BRAF|PIK3CA|MET|TP53|HER2|ERBB2|MAP2K1|MEK1|KIT|RET|ROS1|NF2|STK11|KEAP1|IDH1"
DRUG_SHAPE = r"[a-z]{3,}(?:ti?n[ia]?b+|nib+|lisib|ciclib|rafenib)"  # how kinase inhibitors' names end


def _phrases() -> dict[str, Any]:
    return yaml.safe_load(PHRASES_FILE.read_text())


def table(kb: knowledge.KnowledgeBase | None = None) -> dict[str, Any]:
    """Everything the pipeline needs, as data: names for the entity ruler, regexes for the phrase component."""
    kb = kb or knowledge.default()
    raw = _phrases()
    names: list[dict[str, str]] = []
    for generic, drug in kb.drugs.items():
        for spelling in (generic, *drug.brands, *drug.misspellings):
            names.append({"label": "tki", "pattern": spelling, "id": generic})
    for finding in kb.bypass.values():
        names += [{"label": "bypass_alteration", "pattern": n, "id": finding.id} for n in finding.names]
    for finding in kb.transformations.values():
        names += [{"label": "transformation", "pattern": n, "id": finding.id} for n in finding.names]
    mutation_spellings = sorted(kb.spellings, key=len, reverse=True)
    regexes = [{"entity": p["entity"], "value": str(p["value"]), "negated_only": bool(p.get("negated_only")),
                "pattern": pattern} for p in raw["phrases"] for pattern in p["patterns"]]
    return {
        "names": names,
        "regexes": regexes,
        "mutations": [re.escape(s) for s in mutation_spellings] + MUTATION_PATTERNS,
        "other_genes": OTHER_GENES,
        "drug_shape": DRUG_SHAPE,
        "drug_spellings": sorted({n["pattern"].lower() for n in names if n["label"] == "tki"}),
        "negatable": raw["negatable"],
        "negation": raw["negation"],
        "candidate": raw["candidate"],
        "tki_negation": raw["tki_negation"],
        "kb_hash": kb.content_sha256,
    }


def fingerprint(data: dict[str, Any]) -> str:
    """Changes whenever the knowledge base or the phrase file does: a saved pipeline with another is stale."""
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
