"""Key findings: what a trainee should name for a case, and which findings a free-text answer names.

The key findings of a case follow from the rules that fired on it (decide()'s rationale) and a table, per rule,
of the case fields that are its key findings (bot/practice/grading_findings.yml): M2 -> the ALK mutation, S1 ->
oligoprogression, P2 -> ECOG 3-4 and comfort goals. Nothing is written per case. The finder reads the answer
with the clinical extractor the chat uses (bot/nlu: mutations in every notation it reads, and every field it
states), so what the assistant understands in a case it also credits in an answer, and with the table's phrases
and the knowledge base's names (mutation regions, bypass and transformation names); a finding the answer states
absent ("no MET amplification") is skipped, read with the extractor's negation (bot.nlu.extractor.stated_absent),
and a TKI named as already given ("after alectinib") is read with the extractor's therapy roles
(bot.nlu.therapies): the mutation grammar, the negation cues and the role cues are the extractor's, once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot import knowledge
from bot.decision import FIELDS
from bot.nlu import therapies
from bot.nlu.extractor import NEGATED, case_fields, load, stated_absent
from bot.nlu.therapies import INTOLERANT, PRIOR, TherapyChoice, phrase_regex
from bot.nlu.vocabulary import inducer_names
from bot.practice import models

FINDINGS_FILE = Path(__file__).resolve().parent / "grading_findings.yml"


@dataclass(frozen=True)
class KeyFinding:
    """A finding the trainee should name, the rule it comes from, and how feedback words it."""

    id: str
    rule: str
    field: str | None
    label: str


def _fail(entry: str, message: str) -> None:
    raise ValueError(f"bot/practice/{FINDINGS_FILE.name}: {entry}: {message}")


def _gene(bypass_id: str) -> str:
    return bypass_id.split("_")[0].upper()


class FindingTable:
    """The rule -> key-finding table, labels, hints, and the finder over free text."""

    def __init__(self, raw: Mapping[str, Any], kb: knowledge.KnowledgeBase, reader: therapies.TherapyReader):
        self.kb, self.therapies = kb, reader
        self.rules = self._rules(raw.get("key_findings") or {})
        self.buckets = {
            f: {v: name for name, values in b.items() for v in values} for f, b in (raw.get("buckets") or {}).items()
        }
        self.labels: Mapping[str, str] = raw.get("labels") or {}
        self.hints: Mapping[str, str] = raw.get("hints") or {}
        self.general_hints: Sequence[str] = raw.get("general_hints") or ()
        self.phrases = self._phrases(raw.get("finder") or {})

    def _rules(self, raw: Mapping[str, Any]) -> dict[str, list[Mapping[str, Any]]]:
        for rid in self.kb.rules:
            if rid not in raw:
                _fail("key_findings", f"rule {rid} has no entry (use [] for none)")
        for rid, entries in raw.items():
            if rid not in self.kb.rules:
                _fail(f"key_findings.{rid}", "not a rule id of rules.yml")
            for entry in entries:
                if not ("finding" in entry or entry.get("field") in FIELDS):
                    _fail(f"key_findings.{rid}", f"{entry} names neither a case field nor a finding")
        return dict(raw)

    def _phrases(self, raw: Mapping[str, list[str]]) -> list[tuple[re.Pattern[str], str]]:
        """The table's phrases plus the knowledge base's names for bypass alterations, transformations, strong CYP3A
        inducers and mutation regions ('solvent front' -> G1202R)."""
        out = [(phrase_regex(p), fid) for fid, phrases in raw.items() for p in phrases]
        for bid, finding in self.kb.bypass.items():
            out += [(phrase_regex(re.escape(n)), f"bypass_alterations:{bid}") for n in (*finding.names, finding.label)]
            out.append((phrase_regex(re.escape(_gene(bid)), case_sensitive=True), f"bypass_alterations:{_gene(bid)}"))
        for tid, finding in self.kb.transformations.items():
            out += [(phrase_regex(re.escape(n)), f"transformation:{tid}") for n in (*finding.names, finding.label)]
        out.append((phrase_regex(inducer_names(self.kb)), "strong_cyp3a_inducer:true"))
        regions: dict[str, list[str]] = {}
        for name, mutation in self.kb.mutations.items():
            if "(" not in mutation.region:
                regions.setdefault(mutation.region, []).append(name)
        for region, names in regions.items():
            longer = [r for r in regions if r != region and r.startswith(region)]
            guard = "".join(f"(?!{re.escape(r[len(region) :])})" for r in longer)
            pattern = phrase_regex(re.escape(region).replace(r"\ ", "[- ]") + guard)
            out += [(pattern, f"alk_mutations:{n}") for n in names]
        return out

    # ---- what the trainee should name --------------------------------------------------------------------------

    def _values(self, field: str, value: Any) -> list[tuple[Any, str]]:
        """(raw value, finding value) pairs of one case field: a list gives its elements, or 'none' when empty."""
        if isinstance(value, (list, tuple)):
            return [(v, str(v)) for v in value] if value else [("none", "none")]
        if isinstance(value, bool):
            return [(value, "true" if value else "false")]
        if value is None:
            return [(None, "unknown")]
        if field == "region" and value in self.kb.eu_regions:
            return [(value, "EU")]
        return [(value, self.buckets.get(field, {}).get(value, str(value)))]

    def label(self, finding_id: str) -> str:
        field, _, value = finding_id.partition(":")
        template = self.labels.get(finding_id) or self.labels.get(field) or finding_id
        label = value.replace("_", " ")
        if field == "bypass_alterations" and value in self.kb.bypass:
            label = self.kb.bypass[value].label
        elif field == "transformation" and value in self.kb.transformations:
            label = self.kb.transformations[value].label
        return template.format(value=value.replace("_", " "), label=label)

    def key_findings(self, case: Mapping[str, Any], rules_fired: Iterable[str]) -> list[KeyFinding]:
        """The findings the fired rules rest on, in rule order, each once."""
        out: dict[str, KeyFinding] = {}
        for rid in rules_fired:
            for entry in self.rules.get(rid, ()):
                if "finding" in entry:
                    ids = [(entry["finding"], None)]
                else:
                    field = entry["field"]
                    when = entry.get("when")
                    ids = [
                        (entry.get("as") or f"{field}:{shown}", field)
                        for raw, shown in self._values(field, case.get(field))
                        if when is None or raw in when or (raw is None and None in when)
                    ]
                for fid, field in ids:
                    out.setdefault(fid, KeyFinding(fid, rid, field, self.label(fid)))
        return list(out.values())

    def hint_for(self, finding: KeyFinding) -> str:
        return (
            self.hints.get(finding.id)
            or self.hints.get(finding.id.split(":")[0])
            or self.hints.get(finding.field or "", "Look again at the case summary.")
        )

    # ---- what the trainee named ----------------------------------------------------------------------------------

    def cited(self, text: str, choice: TherapyChoice | None = None) -> set[str]:
        """Finding ids the answer names (as present): what the chat's own extractor reads in it (mutations in any
        notation it reads, and every field it states), the phrase table and the knowledge base's names, and the
        TKIs the answer names as given or as not tolerated (the extractor's therapy roles; ``choice``: the answer
        already read). A finding the words around it state absent is left out, read with the extractor's negation."""
        text = text.replace("\u2019", "'")
        matches = [(m.start(), m.end(), fid) for pattern, fid in self.phrases for m in pattern.finditer(text)]
        absent = stated_absent(text, [(a, b) for a, b, _ in matches])
        out = {fid for a, b, fid in matches if (a, b) not in absent}
        entities = load().entities(text)
        out.update(
            f"alk_mutations:{e.value}"
            for e in entities
            if e.entity == "alk_mutation" and e.value != "none" and e.role != NEGATED
        )
        # every ECOG value named, also a range ("ECOG 3-4"), which as a case field is a conflict
        out.update(
            f"ecog:{shown}" for e in entities if e.entity == "ecog" for _, shown in self._values("ecog", int(e.value))
        )
        # the fields the answer states (a drug named is the answer, not a prior TKI)
        for field, value in case_fields(entities).items():
            if field != "prior_tkis":
                out.update(f"{field}:{shown}" for _, shown in self._values(field, value))
        for mention in (choice or self.therapies.choice(text)).mentions:
            regimen = self.kb.regimens.get(mention.value)
            if mention.role in (PRIOR, INTOLERANT) and regimen is not None and regimen.drug:
                out.add(f"prior_tkis:{regimen.drug}")  # one not tolerated was given too
                if mention.role == INTOLERANT:
                    out.add(f"intolerant_tkis:{regimen.drug}")
        return out

    @staticmethod
    def named(key: KeyFinding, cited: set[str]) -> bool:
        """A bypass alteration counts when its gene is named (the mechanism is what matters: 'KRAS' for KRAS G12C)."""
        if key.id in cited:
            return True
        if key.id.startswith("bypass_alterations:") and not key.id.endswith(":none"):
            gene = _gene(key.id.split(":", 1)[1])
            return any(
                c.startswith("bypass_alterations:") and _gene(c.split(":", 1)[1]) == gene and not c.endswith(":none")
                for c in cited
            )
        return False


@lru_cache(maxsize=1)
def default() -> FindingTable:
    """The project's finding table over the project's knowledge base, built once per process."""
    raw = models.checked(
        models.GradingFindings, yaml.safe_load(FINDINGS_FILE.read_text(encoding="utf-8")), FINDINGS_FILE.name
    )
    return FindingTable(raw, knowledge.default(), therapies.load())
