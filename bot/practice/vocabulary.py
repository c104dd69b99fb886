"""The therapy a trainee chose, read from free text through the knowledge base's names and a phrasing table.

TKI names, brands and misspellings come from bot/knowledge/drugs.yml, so a drug the knowledge base learns is
understood here too; the other regimens' phrasings ("carbo/pem", "SRS", "BSC", "neladalkib") and the cue words
live in bot/practice/grading_vocabulary.yml. Nothing here knows any practice case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import yaml

from bot import knowledge
from bot.nlu import vocabulary as nlu_vocabulary
from bot.practice import models
from bot.practice.mentions import CHOSEN, CONDITIONAL, PRIOR, Cues, Mention, MentionReader, phrase_regex

VOCABULARY_FILE = Path(__file__).resolve().parent / "grading_vocabulary.yml"
REQUEST_INFORMATION = "request_information"  # asking for what is missing instead of naming a therapy
_TKI = "{tki}"


@dataclass(frozen=True)
class Choice:
    """The therapy (or family, or request_information) the answer chooses, and every therapy mention read."""
    therapy: str | None
    mentions: tuple[Mention, ...]

    def rejected(self) -> list[str]:
        return list(dict.fromkeys(m.value for m in self.mentions if m.reading == "rejected"))

    def prior(self) -> list[str]:
        return list(dict.fromkeys(m.value for m in self.mentions if m.reading == PRIOR))


def _cues(own: Mapping[str, Any], phrases: Mapping[str, Any]) -> dict[str, Any]:
    """The cue lists the grader reads an answer with: its own words for list boundaries, prior treatment and
    fallbacks, and the extractor's (bot/nlu/clinical_phrases.yml) for rejecting, choosing and supposing: a therapy is
    rejected after a negation cue ('not', 'instead of', 'avoid') or before one ('is contraindicated'), chosen after a
    candidate cue ('give', 'switch to', 'I'd go with'), and a fallback after a conditional one ('if', 'unless')."""
    def union(*sections: tuple[str, str], also: str = "") -> list[str]:
        found = [c for section, key in sections for c in phrases[section].get(key, ())]
        return list(dict.fromkeys([*found, *own.get(also, ())]))

    return {**own,
            "negation": union(("negation", "before"), ("tki_negation", "before"), ("rejected", "before")),
            "post_negation": union(("negation", "after"), ("tki_negation", "after"), ("rejected", "after")),
            "positive": union(("candidate", "before"), ("preferred", "before")),
            "conditional": union(("hypothetical", "conditional"), also="conditional")}


def _fail(entry: str, message: str) -> None:
    raise ValueError(f"bot/practice/{VOCABULARY_FILE.name}: {entry}: {message}")


class TherapyVocabulary:
    """Maps free text to therapy ids of the knowledge base (regimens.yml), families and request_information."""

    def __init__(self, raw: Mapping[str, Any], kb: knowledge.KnowledgeBase):
        self.kb = kb
        self.cues = Cues(_cues(raw.get("cues") or {}, nlu_vocabulary.table(kb)))
        tki_spellings = {rid: [r.drug, *kb.drugs[r.drug].brands, *kb.drugs[r.drug].misspellings]
                         for rid, r in kb.regimens.items() if r.kind == "alk_tki"}
        any_tki = "|".join(re.escape(s) for spellings in tki_spellings.values() for s in spellings)
        self.families = self._families(raw.get("families") or {})
        known = set(kb.regimens) | set(self.families) | {REQUEST_INFORMATION}
        phrases: list[tuple[re.Pattern[str], str]] = []
        for value, entries in (raw.get("therapies") or {}).items():
            if value not in known:
                _fail(f"therapies.{value}", "not a therapy id of regimens.yml, a family, or request_information")
            phrases += [(phrase_regex(p.replace(_TKI, f"(?:{any_tki})")), value) for p in entries]
        for value, entries in (raw.get("acronyms") or {}).items():
            if value not in known:
                _fail(f"acronyms.{value}", "not a therapy id of regimens.yml or a family")
            phrases += [(phrase_regex(re.escape(a), case_sensitive=True), value) for a in entries]
        for rid, spellings in tki_spellings.items():
            phrases += [(phrase_regex(re.escape(s)), rid) for s in spellings]
        self.reader = MentionReader(phrases, self.cues)
        self.merges = self._merges(raw.get("merges") or [], known)

    def _families(self, raw: Mapping[str, list[str]]) -> dict[str, tuple[str, ...]]:
        out = {}
        for name, members in raw.items():
            if name == "second_generation_tki":
                members = [rid for rid, r in self.kb.regimens.items()
                           if r.kind == "alk_tki" and self.kb.drugs[r.drug].generation == "2G"]
            for member in members:
                if member not in self.kb.regimens:
                    _fail(f"families.{name}", f"'{member}' is not a therapy id of regimens.yml")
            out[name] = tuple(members)
        return out

    @staticmethod
    def _merges(raw: list[Mapping[str, Any]], known: set[str]) -> list[tuple[tuple[str, ...], str]]:
        out = []
        for i, merge in enumerate(raw):
            parts, becomes = tuple(merge.get("when_all") or ()), merge.get("becomes")
            for part in (*parts, becomes):
                if not (part in known or (isinstance(part, str) and part.startswith("kind:")
                                          and part[5:] in knowledge.REGIMEN_KINDS)):
                    _fail(f"merges[{i}]", f"'{part}' is not a therapy id, family or kind:<regimen kind>")
            out.append((parts, becomes))
        return out

    def _satisfies(self, part: str, value: str) -> bool:
        if part.startswith("kind:"):
            regimen = self.kb.regimens.get(value)
            return regimen is not None and regimen.kind == part[5:]
        return part == value

    def choice(self, text: str) -> Choice:
        """The first therapy chosen (merged with its partners, e.g. 'SRS and continue alectinib'). Asking for
        information counts only when no therapy is chosen alongside it ('re-biopsy and a trial' chooses the
        trial), and a conditional fallback only when nothing is chosen outright."""
        mentions = tuple(self.reader.read(text))
        tiers = [[m for m in mentions if m.reading == reading and (m.value == REQUEST_INFORMATION) == request]
                 for reading in (CHOSEN, CONDITIONAL) for request in (False, True)]
        picked = next((tier for tier in tiers if tier), [])
        if not picked:
            return Choice(None, mentions)
        values = [m.value for m in picked]
        for parts, becomes in self.merges:
            hits = [next((i for i, v in enumerate(values) if self._satisfies(p, v)), None) for p in parts]
            if None not in hits and len(set(hits)) == len(hits):
                first = min(hits)
                values = [becomes if i == first else v for i, v in enumerate(values) if i == first or i not in hits]
        return Choice(values[0], mentions)


@lru_cache(maxsize=1)
def default() -> TherapyVocabulary:
    """The project's therapy vocabulary over the project's knowledge base, built once per process."""
    raw = models.checked(models.GradingVocabulary, yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8")),
                         VOCABULARY_FILE.name)
    return TherapyVocabulary(raw, knowledge.default())
