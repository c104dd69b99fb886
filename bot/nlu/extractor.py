"""The clinical entity extractor: a spaCy 3.4 pipeline of the entity ruler and two components of our own.

    entity_ruler      the knowledge base's names (drugs, brands, misspellings, bypass alterations, transformations)
    clinical_phrases  regular-expression findings: mutations in any notation, ECOG, PD-L1, progression patterns,
                      biopsy types, CNS facts, ...; overlaps resolved longest-first, names before phrases
    clinical_context  roles: `negated` for findings stated absent ("no MET amp", "G1202R not detected"),
                      `candidate` for a TKI named as an option ("should we give lorlatinib?")

The Rasa component (rasa_component.py), the actions and `python -m bot extract` all call `load().entities(text)`;
`case_fields` turns entities (ours or Rasa's dicts) into case.schema.json fields with one set of rules.
(No `from __future__ import annotations` here: spaCy resolves the factories' type hints at run time.)
"""

import difflib
import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from bot import knowledge
from bot.nlu import vocabulary

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = ROOT / "var" / "nlu" / "clinical"
TABLE_FILE = "table.json"
MAX_CHARS = 20000  # longer texts are cut here: the chat refuses them before, this only bounds the work

NEGATED, CANDIDATE = "negated", "candidate"
# Facts stated inside another finding's phrase ("2 small asymptomatic brain mets"): they don't compete for the text.
OVERLAYS = frozenset({"symptomatic", "brain_metastases"})
ENTITIES = ("tki", "alk_mutation", "bypass_alteration", "progression_pattern", "biopsy_type", "transformation", "ecog",
            "unknown_drug", "histology", "brain_metastases", "leptomeningeal", "cns_lesions", "compound",
            "symptomatic", "alk_status", "cyp3a_inducer", "pdl1_tps", "prior_chemotherapy", "prior_immunotherapy",
            "comorbidity", "goals_of_care")
_ECOG = re.compile(r"\b(?:ecog(?:\s*ps)?|who\s*ps|ps|performance\s+status)\s*(?:of|is|was|to|now|=|:|score)?\s*([0-4])"
                   r"(?![\d.%]|\s*(?:mm|cm|%))", re.IGNORECASE)
_PDL1 = re.compile(r"\b(?:pd-?l1(?:\s*(?:tps|expression))?|tps)\s*(?:of|is|was|=|:)?\s*(\d{1,3})\s*%", re.IGNORECASE)
# What may stand between a negation cue and the findings it covers ("negative for ALK, MET or other bypass").
_LIST_GAP = re.compile(r"^(?:[\s,/&:]|\b(?:and|or|nor|other|any|the|a|an|of|alk|for|detectable|evidence|significant|"
                       r"known|resistance|mutations?|alterations?|amplification|amp|fusion|was|were|is|are|seen|"
                       r"found|on|ngs|tissue|plasma|ctdna)\b)*$", re.IGNORECASE)


@dataclass(frozen=True)
class Entity:
    entity: str
    value: str
    start: int
    end: int
    text: str
    role: str | None = None

    def as_rasa(self) -> dict[str, Any]:
        out = {"entity": self.entity, "value": self.value, "start": self.start, "end": self.end}
        return {**out, "role": self.role} if self.role else out


if not Doc.has_extension("clinical"):
    Doc.set_extension("clinical", default=None)


class _TableComponent:
    """A component whose data (the vocabulary table) is saved with the pipeline."""

    def __init__(self) -> None:
        self.table: dict[str, Any] = {}

    def set_table(self, table: dict[str, Any]) -> None:
        self.table = table
        self._compile()

    def _compile(self) -> None:  # pragma: no cover - overridden
        pass

    def to_disk(self, path: Path, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / TABLE_FILE).write_text(json.dumps(self.table, sort_keys=True))

    def from_disk(self, path: Path, exclude: Iterable[str] = ()) -> "_TableComponent":
        self.set_table(json.loads((Path(path) / TABLE_FILE).read_text()))
        return self


def _words(cues: Iterable[str]) -> str:
    return "|".join(f"(?:{c})" for c in cues)


class ClinicalPhrases(_TableComponent):
    def _compile(self) -> None:
        t = self.table
        self.regexes = [(re.compile(rf"(?<![\w+]){r['pattern']}(?![\w])", re.IGNORECASE), r) for r in t["regexes"]]
        self.mutation = re.compile(rf"(?<![\w.]){_words(t['mutations'])}(?![\w])", re.IGNORECASE)
        self.other_gene = re.compile(rf"\b(?:{t['other_genes']})\s*(?:p\.)?\s*[:\-]?\s*$", re.IGNORECASE)
        self.drug_shape = re.compile(t["drug_shape"], re.IGNORECASE)
        self.word = re.compile(r"\b[a-z]{5,}\b", re.IGNORECASE)
        self.drugs = frozenset(t["drug_spellings"])
        self.drug_prefixes = frozenset(d[:5] for d in self.drugs if len(d) >= 7)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        found: list[tuple[int, int, str, str, int, bool]] = []  # start, end, entity, value, priority, negated_only
        for ent in doc.ents:
            found.append((ent.start_char, ent.end_char, ent.label_, ent.ent_id_, 0, False))
        for m in self.mutation.finditer(text):
            if not self.other_gene.search(text[max(0, m.start() - 14):m.start()]):
                found.append((m.start(), m.end(), "alk_mutation", _mutation_value(m.group()), 1, False))
        for m in _ECOG.finditer(text):
            found.append((m.start(), m.end(), "ecog", m.group(1), 1, False))
        for m in _PDL1.finditer(text):
            if int(m.group(1)) <= 100:
                found.append((m.start(), m.end(), "pdl1_tps", str(int(m.group(1))), 1, False))
        for regex, row in self.regexes:
            for m in regex.finditer(text):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), row["entity"], row["value"], 2, row["negated_only"]))
        for m in self.word.finditer(text):
            word = m.group().lower()
            if word not in self.drugs and (self.drug_shape.fullmatch(word) or word[:5] in self.drug_prefixes):
                found.append((m.start(), m.end(), "unknown_drug", m.group(), 3, False))
        chosen: list[tuple[int, int, str, str, int, bool]] = []
        for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[4], f[0])):
            rivals = [c for c in chosen if (c[2] in OVERLAYS) == (item[2] in OVERLAYS)]
            if all(item[1] <= c[0] or item[0] >= c[1] for c in rivals):
                chosen.append(item)
        doc._.clinical = [dict(start=s, end=e, entity=ent, value=v, negated_only=n)
                          for s, e, ent, v, _, n in sorted(chosen)]
        return doc


def _mutation_value(text: str) -> str:
    kb = knowledge.default()
    return kb.canonical_mutation(text) or knowledge.normalise_mutation(text) or text.upper()


class ClinicalContext(_TableComponent):
    def _compile(self) -> None:
        t = self.table
        self.negatable = frozenset(t["negatable"])
        self.neg_before = re.compile(rf"(?<![\w-])(?:{_words(t['negation']['before'])})(?![\w])", re.IGNORECASE)
        self.neg_after = re.compile(rf"^\s*(?:[:=-]\s*|\b(?:is|was|were|are)\s+)?(?:{_words(t['negation']['after'])})"
                                    r"(?![\w])", re.IGNORECASE)
        self.found_after = re.compile(rf"^\s*(?:[:=-]\s*|\b(?:is|was|were|are)\s+)?(?:{_words(t['negation']['found_after'])})"
                                      r"(?![\w])", re.IGNORECASE)
        self.breaks = re.compile(_words(t["negation"]["breaks"]), re.IGNORECASE)
        self.cand_before = re.compile(rf"(?<![\w])(?:{_words(t['candidate']['before'])})\s+(?:\w+\s+)?$",
                                      re.IGNORECASE)
        self.cand_after = re.compile(rf"^\s*(?:{_words(t['candidate']['after'])})", re.IGNORECASE)
        self.tki_neg = re.compile(rf"(?<![\w])(?:{_words(t['tki_negation']['before'])})\s+(?:\w+\s+)?$",
                                  re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        text, found = doc.text, doc._.clinical or []
        result = []
        for i, item in enumerate(found):
            role = None
            if item["entity"] in self.negatable and self._negated(text, found, i):
                role = NEGATED
            elif item["entity"] in ("tki", "biopsy_type"):
                before = text[max(0, item["start"] - 40):item["start"]]
                if self.tki_neg.search(before):
                    role = NEGATED
                elif item["entity"] == "tki" and self.cand_before.search(before) or self.cand_after.match(text[item["end"]:item["end"] + 20]):
                    role = CANDIDATE
            if item["negated_only"] and role != NEGATED:
                continue
            result.append(Entity(item["entity"], item["value"], item["start"], item["end"],
                                 text[item["start"]:item["end"]], role))
        doc._.clinical = _chronological(text, result)
        return doc

    def _negated(self, text: str, found: list[dict[str, Any]], i: int) -> bool:
        item = found[i]
        after = text[item["end"]:item["end"] + 40]
        if self.neg_after.match(after):
            return True
        # the nearest cue before the finding, in the same clause, with only other findings and list words between
        start = max(0, item["start"] - 160)
        window = text[start:item["start"]]
        cues = list(self.neg_before.finditer(window))
        if not cues:
            return False
        cue = cues[-1]
        gap_start = start + cue.end()
        gap = text[gap_start:item["start"]]
        for other in found[:i]:  # blank out the findings listed between the cue and this one
            if other["start"] >= gap_start:
                a, b = other["start"] - gap_start, other["end"] - gap_start
                gap = gap[:a] + " " * (b - a) + gap[b:]
        if "," in gap and self.found_after.match(after):  # "negative for X, KRAS G12C detected": a new item
            return False
        return not self.breaks.search(gap) and bool(_LIST_GAP.match(gap))


_AFTER = re.compile(r"^\s*(?:after|following|post[- ]?|which followed|having failed)\s*$", re.IGNORECASE)


def _chronological(text: str, found: list[Entity]) -> list[Entity]:
    """TKIs in the order given, except 'lorlatinib after alectinib', which names the later one first."""
    out = list(found)
    tkis = [i for i, e in enumerate(out) if e.entity == "tki"]
    for a, b in zip(tkis, tkis[1:]):
        if _AFTER.match(text[out[a].end:out[b].start]):
            out[a], out[b] = out[b], out[a]
    return out


@Language.factory("clinical_phrases")
def make_phrases(nlp: Language, name: str) -> ClinicalPhrases:
    return ClinicalPhrases()


@Language.factory("clinical_context")
def make_context(nlp: Language, name: str) -> ClinicalContext:
    return ClinicalContext()


# ---- the pipeline --------------------------------------------------------------------------------------------------

def build_pipeline(table: dict[str, Any] | None = None) -> Language:
    """spacy.blank('en') + entity_ruler (names) + clinical_phrases + clinical_context, from the knowledge base."""
    table = table or vocabulary.table()
    nlp = spacy.blank("en")
    nlp.max_length = MAX_CHARS + 1
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    ruler.add_patterns(table["names"])
    nlp.add_pipe("clinical_phrases").set_table(table)
    nlp.add_pipe("clinical_context").set_table(table)
    nlp.meta["clinical_fingerprint"] = vocabulary.fingerprint(table)
    return nlp


class Extractor:
    def __init__(self, nlp: Language):
        self.nlp = nlp
        self._last: tuple[str, tuple[Entity, ...]] = ("", ())

    def entities(self, text: str) -> list[Entity]:
        """The findings in ``text``. The Rasa components ask twice per message (entities, then features): the last
        text's answer is kept."""
        text = text[:MAX_CHARS]
        last_text, last = self._last
        if text != last_text:
            last = tuple(self.nlp(text)._.clinical)
            self._last = (text, last)
        return list(last)


@lru_cache(maxsize=4)
def load(path: str | Path | None = None) -> Extractor:
    """The saved pipeline, or (if missing or built from another knowledge base) one built now in memory."""
    path = Path(path or DEFAULT_PATH)
    expected = vocabulary.fingerprint(vocabulary.table())
    meta = path / "meta.json"
    if meta.exists():
        if json.loads(meta.read_text()).get("clinical_fingerprint") == expected:
            return Extractor(spacy.load(path))
        log.warning("the clinical pipeline at %s is stale (knowledge base or phrases changed): building it in memory; "
                    "run `make nlu` to rebuild it on disk", path)
    else:
        log.info("no clinical pipeline at %s: building it in memory", path)
    return Extractor(build_pipeline())


# ---- entities -> case fields ---------------------------------------------------------------------------------------

_BOOL = {"true": True, "false": False}
_SIMPLE = {"progression_pattern": "progression", "histology": "histology", "cns_lesions": "cns_lesions",
           "goals_of_care": "goals_of_care"}
_FLAGS = {"brain_metastases": "brain_metastases", "leptomeningeal": "leptomeningeal",
          "cyp3a_inducer": "strong_cyp3a_inducer", "prior_chemotherapy": "prior_chemotherapy",
          "prior_immunotherapy": "prior_immunotherapy"}


def case_fields(entities: Iterable[Mapping[str, Any] | Entity]) -> dict[str, Any]:
    """Case fields (case.schema.json) stated by the entities; later statements win, absent fields are left out."""
    out: dict[str, Any] = {}
    tkis: list[str] = []
    findings: dict[str, list[str]] = {"alk_mutations": [], "bypass_alterations": []}
    tested: set[str] = set()
    biopsies: list[str] = []
    comorbidities: list[str] = []
    for e in entities:
        e = e if isinstance(e, Mapping) else e.as_rasa()
        name, value, role = e.get("entity"), str(e.get("value")), e.get("role")
        if name == "tki":
            if role is None and value not in tkis:
                tkis.append(value)
        elif name in ("alk_mutation", "bypass_alteration"):
            key = "alk_mutations" if name == "alk_mutation" else "bypass_alterations"
            tested.add(key)
            if role != NEGATED and value != "none" and value not in findings[key]:
                findings[key].append(value)
        elif name == "transformation":
            out["transformation"] = "none" if role == NEGATED else value
        elif name == "biopsy_type" and role != NEGATED:
            biopsies.append(value)
        elif name == "ecog" and value.isdigit() and int(value) <= 4:
            out["ecog"] = int(value)
        elif name == "pdl1_tps" and value.isdigit() and int(value) <= 100:
            out["pdl1_tps"] = int(value)
        elif name in _SIMPLE:
            out[_SIMPLE[name]] = value
        elif name in _FLAGS:
            out[_FLAGS[name]] = role != NEGATED and _BOOL.get(value, True)
        elif name in ("compound", "symptomatic") and value in _BOOL:
            out[name] = _BOOL[value]
        elif name == "alk_status":
            if value in ("positive", "negative"):
                out["alk_positive"] = value == "positive"
            elif value in ("fusion_present", "fusion_lost"):
                out["alk_fusion_at_progression"] = value == "fusion_present"
                out.setdefault("alk_positive", True)
        elif name == "comorbidity" and role != NEGATED and value not in comorbidities:
            comorbidities.append(value)
    if tkis:
        out["prior_tkis"] = tkis
    if out.get("cns_lesions"):  # a count or extent of brain lesions says there are brain metastases
        out.setdefault("brain_metastases", True)
    for key in tested:
        out[key] = findings[key]
    if biopsies:
        kinds = set(biopsies) - {"none"}
        out["biopsy"] = ("tissue_and_plasma" if {"tissue", "plasma"} <= kinds or "tissue_and_plasma" in kinds
                         else biopsies[-1] if not kinds else next(b for b in reversed(biopsies) if b != "none"))
    if comorbidities:
        out["comorbidities"] = comorbidities
    return out


def extract_case(text: str) -> dict[str, Any]:
    """The partial case a free text states (spec/README.md section 2, `python -m bot extract`)."""
    return case_fields(load().entities(text))


def did_you_mean(word: str) -> str | None:
    """The ALK inhibitor a mistyped name most likely means, or None when nothing is close."""
    kb = knowledge.default()
    spellings = {s.lower(): generic for generic, d in kb.drugs.items() for s in (generic, *d.brands, *d.misspellings)}
    close = difflib.get_close_matches(word.lower(), list(spellings), n=1, cutoff=0.75)
    return spellings[close[0]] if close else None
