"""Load and check the clinical knowledge base (``bot/knowledge/*.yml``).

The knowledge base is reviewed data; this module is the only reader of it. Loading validates everything a
clinician's question could trip over later (every evidence key resolves, every therapy id exists, every
mutation x TKI cell is present, mutation names are possible for ALK) and raises :class:`KnowledgeError`
naming the file and the entry at fault. Nothing here imports Rasa, spaCy or SQLAlchemy: the decision module
and the NLU extractor both build on it.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import yaml

try:  # the C loader is several times faster; PyYAML wheels ship it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

KNOWLEDGE_DIR = Path(__file__).resolve().parent
FILES = ("meta", "evidence", "drugs", "mutations", "bypass", "regimens", "caveats", "rules")

CALLS = ("sensitive", "intermediate", "resistant", "unknown")
GENERATIONS = ("1G", "2G", "3G", "unclassified")
LEVELS = ("guideline", "regulatory", "phase 3", "phase 2", "retrospective", "case report", "preclinical",
          "review", "consensus", "registry", "press", "not citable")
REGIMEN_KINDS = ("alk_tki", "chemotherapy", "chemo_immunotherapy", "immunotherapy", "targeted", "local",
                 "continue", "trial", "referral", "supportive")
# Case conditions that regimens' contraindications and cautions name (the engine computes them from the case).
CONDITIONS = ("squamous", "ecog_3_4", "small_cell_ecog3_disease_driven", "renal_impairment", "interstitial_lung_disease",
              "hepatic_impairment", "diabetes", "hyperlipidemia", "cardiovascular_disease", "psychiatric_history",
              "prior_immunotherapy", "prior_chemotherapy", "progressing_on_chemotherapy",
              "progressing_on_chemo_immunotherapy", "no_current_therapy", "current_tki_resistant",
              "cyp3a_inducer_unstoppable", "strong_cyp3a_inhibitor", "pregnant", "childbearing_potential")
# met: rule M5; other: rule M6; no_implication: a caveat only; unconfirmed: a caveat asking for confirmation.
BYPASS_GROUPS = ("met", "other", "no_implication", "unconfirmed")
BLOCKS = ("scope", "consistency", "performance", "histology", "pattern", "resistance", "modifier")
STATUSES = ("recommendation", "needs_information", "out_of_scope")
TRANSFORMATIONS = ("small_cell", "small_cell_mixed", "squamous")

THREE_TO_ONE = {
    "Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E", "Gly": "G", "His": "H",
    "Ile": "I", "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F", "Pro": "P", "Ser": "S", "Thr": "T", "Trp": "W",
    "Tyr": "Y", "Val": "V",
}
ONE_TO_THREE = {one: three for three, one in THREE_TO_ONE.items()}
_AA3 = "|".join(THREE_TO_ONE)
# One-letter protein change (G1202R, G1202del, T1151dup) or the insertion form used for ALK (1151Tins).
MUTATION_RE = re.compile(r"^(?P<ref>[A-Z])(?P<pos>[0-9]{2,4})(?P<alt>[A-Z]|del|dup|fs)$|^(?P<ipos>[0-9]{3,4})(?P<ins>[A-Z])ins$")
_THREE_RE = re.compile(rf"^(?P<ref>{_AA3})(?P<pos>[0-9]{{2,4}})(?P<alt>{_AA3}|del|dup|fs)$", re.IGNORECASE)


class KnowledgeError(ValueError):
    """The knowledge base is broken: the message names the file and the entry."""

    def __init__(self, file: str, entry: str, message: str):
        super().__init__(f"bot/knowledge/{file}.yml: {entry}: {message}")
        self.file, self.entry = file, entry


@dataclass(frozen=True)
class Evidence:
    key: str
    citation: str
    year: int | None
    level: str
    url: str | None
    unverified: bool = False


@dataclass(frozen=True)
class Activity:
    call: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Mutation:
    name: str
    region: str
    activity: Mapping[str, Activity]
    note: str | None = None
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # compound entries only
    rule: str | None = None  # the resistance rule a single mutation decides by (M1 when not named)


@dataclass(frozen=True)
class Drug:
    name: str
    generation: str
    brands: tuple[str, ...]
    misspellings: tuple[str, ...]
    dose_label: str
    evidence: tuple[str, ...]
    interactions: tuple[Mapping[str, Any], ...] = ()
    toxicities: tuple[Mapping[str, Any], ...] = ()


@dataclass(frozen=True)
class Contraindication:
    when: str
    reason: str
    evidence: tuple[str, ...]
    unless: str | None = None  # a condition that lifts the contraindication
    instead: str | None = None  # the therapy that takes this one's place


@dataclass(frozen=True)
class Regimen:
    id: str
    label: str
    kind: str
    evidence: tuple[str, ...]
    drug: str | None = None
    avoid_only: bool = False
    avoid_reason: str | None = None
    contraindications: tuple[Contraindication, ...] = ()
    cautions: tuple[tuple[str, str], ...] = ()  # (condition, caveat id)


@dataclass(frozen=True)
class Finding:
    """A bypass alteration or a histologic transformation."""
    id: str
    label: str
    names: tuple[str, ...]
    implication: str
    evidence: tuple[str, ...]
    group: str | None = None
    avoid: tuple[str, ...] = ()  # therapies (regimens.yml) to list under 'avoid' when this finding is reported


@dataclass(frozen=True)
class Caveat:
    id: str
    text: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Variant:
    because: str
    status: str = "recommendation"
    preferred: tuple[str, ...] = ()
    alternatives: tuple[tuple[str, str], ...] = ()  # (therapy, why)
    caveats: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()  # therapies listed under 'avoid' (with the regimen's avoid_reason) when it fires


@dataclass(frozen=True)
class Rule:
    id: str
    block: str
    title: str
    confidence: str
    evidence: tuple[str, ...]
    variants: Mapping[str, Variant]
    witness: Mapping[str, Any]


@dataclass(frozen=True)
class SecondGenFallback:
    """knowledge.md 3.3 rule 3: a mutation-consistent second-generation TKI only if lorlatinib cannot be used."""
    mutations: frozenset[str]
    drugs: tuple[str, ...]
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class KnowledgeBase:
    version: str
    content_sha256: str
    disclaimer: str
    alk_length: int
    kinase_domain: tuple[int, int]
    reference_start: int
    reference_segment: str
    eu_regions: frozenset[str]
    eu_label_first_tkis: frozenset[str]  # first ALK TKIs the EU lorlatinib label names (X5 when another came first)
    evidence: Mapping[str, Evidence]
    drugs: Mapping[str, Drug]
    mutations: Mapping[str, Mutation]
    compounds: Mapping[frozenset[str], Mutation]
    compound_default: Mapping[str, Activity]
    fallback: SecondGenFallback
    bypass: Mapping[str, Finding]
    transformations: Mapping[str, Finding]
    regimens: Mapping[str, Regimen]
    caveats: Mapping[str, Caveat]
    rules: Mapping[str, Rule]  # in check order
    spellings: Mapping[str, str] = field(default_factory=dict)  # upper-cased spelling -> canonical mutation

    def reference_residue(self, position: int) -> str | None:
        """ALK's wild-type residue at ``position`` where the stored segment covers it."""
        i = position - self.reference_start
        return self.reference_segment[i] if 0 <= i < len(self.reference_segment) else None

    def canonical_mutation(self, text: str) -> str | None:
        """The knowledge base's name for a mutation however it is written, or None if it does not know it."""
        normal = normalise_mutation(text)
        return self.spellings.get((normal or text).upper())


def normalise_mutation(text: str) -> str | None:
    """One-letter notation for a protein change written in one- or three-letter form, with or without 'p.'.

    Returns None when the text is not a protein change at all. Does not check that ALK has the residue.
    """
    t = text.strip().replace(" ", "")
    if t[:2].lower() == "p.":
        t = t[2:]
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1]
    m = _THREE_RE.match(t)
    if m:
        ref = THREE_TO_ONE[m["ref"].capitalize()]
        alt = m["alt"]
        alt = THREE_TO_ONE.get(alt.capitalize(), alt.lower())
        return f"{ref}{m['pos']}{alt}"
    u = t.upper()
    for suffix in ("DEL", "DUP", "INS", "FS"):
        if u.endswith(suffix):
            u = u[: -len(suffix)] + suffix.lower()
            break
    return u if MUTATION_RE.match(u) else None


def parse_mutation(name: str) -> tuple[str | None, int, str] | None:
    """(reference residue or None for insertions, position, change) of a one-letter mutation name."""
    m = MUTATION_RE.match(name)
    if not m:
        return None
    if m["ipos"]:
        return None, int(m["ipos"]), m["ins"] + "ins"
    return m["ref"], int(m["pos"]), m["alt"]


def spellings_of(name: str) -> list[str]:
    """The spellings a report may use for a one-letter mutation name: G1202R, p.G1202R, Gly1202Arg, ..."""
    out = [name, f"p.{name}"]
    ref, pos, alt = parse_mutation(name) or (None, 0, "")
    if ref:
        three = f"{ONE_TO_THREE[ref]}{pos}{ONE_TO_THREE.get(alt, alt)}"
        out += [three, f"p.{three}"]
    return out


def evidence_url(entry: Mapping[str, Any]) -> str | None:
    if entry.get("doi"):
        return f"https://doi.org/{entry['doi']}"
    if entry.get("pmid"):
        return f"https://pubmed.ncbi.nlm.nih.gov/{entry['pmid']}/"
    if entry.get("pmc"):
        return f"https://www.ncbi.nlm.nih.gov/pmc/articles/{entry['pmc']}/"
    if entry.get("nct"):
        return f"https://clinicaltrials.gov/study/{entry['nct']}"
    return None


def content_hash(directory: Path = KNOWLEDGE_DIR) -> str:
    """SHA-256 over the knowledge files' content (the parsed YAML, so comments and layout do not count), ignoring
    meta.yml's own content_sha256."""
    h = hashlib.sha256()
    for name in FILES:
        data = yaml.load((directory / f"{name}.yml").read_text(encoding="utf-8"), Loader=_Loader)
        if name == "meta" and isinstance(data, dict):
            data = {k: v for k, v in data.items() if k != "content_sha256"}
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
        h.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    return h.hexdigest()


def check_content_hash(directory: Path | str = KNOWLEDGE_DIR) -> None:
    """Refuse a knowledge base whose files differ from the content_sha256 that meta.yml records.

    Every answer names its knowledge_version, so two different contents must never share one: a content change
    without a new version (and a re-hash) is an error, found here rather than in an audit afterwards."""
    directory = Path(directory)
    meta = _read(directory, "meta")
    recorded, actual = str(meta.get("content_sha256", "")), content_hash(directory)
    _Checker.need(recorded == actual, "meta", "content_sha256",
                  f"the knowledge files changed but knowledge_version {meta.get('knowledge_version')} was not "
                  f"bumped (recorded hash {recorded[:12]}, files hash {actual[:12]}): bump knowledge_version, "
                  "then run 'python -m bot kb-hash --write'")


class _Checker:
    """Small helpers that turn a malformed entry into a KnowledgeError naming file and entry."""

    def __init__(self, evidence_keys: set[str]):
        self.evidence_keys = evidence_keys

    @staticmethod
    def need(ok: object, file: str, entry: str, message: str) -> None:
        if not ok:
            raise KnowledgeError(file, entry, message)

    def mapping(self, value: Any, file: str, entry: str) -> Mapping[str, Any]:
        self.need(isinstance(value, dict), file, entry, f"expected a mapping, found {type(value).__name__}")
        return value

    def text(self, value: Any, file: str, entry: str, what: str) -> str:
        self.need(isinstance(value, str) and value.strip() != "", file, entry, f"'{what}' must be non-empty text")
        return value.strip()

    def keys(self, value: Any, file: str, entry: str, what: str = "evidence", required: bool = True) -> tuple[str, ...]:
        self.need(isinstance(value, list), file, entry, f"'{what}' must be a list of evidence keys")
        self.need(not required or len(value) > 0, file, entry, f"'{what}' must cite at least one evidence key")
        for key in value:
            self.need(key in self.evidence_keys, file, entry, f"evidence key '{key}' is not in evidence.yml")
        return tuple(value)


def _read(directory: Path, name: str) -> Mapping[str, Any]:
    path = directory / f"{name}.yml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except FileNotFoundError:
        raise KnowledgeError(name, "(file)", f"missing: {path}") from None
    except yaml.YAMLError as err:
        raise KnowledgeError(name, "(file)", f"not valid YAML: {err}") from None
    if not isinstance(data, dict):
        raise KnowledgeError(name, "(file)", "expected a mapping at the top level")
    return data


def _section(data: Mapping[str, Any], file: str, key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise KnowledgeError(file, key, "missing or empty section")
    return value


def _load_evidence(data: Mapping[str, Any]) -> dict[str, Evidence]:
    out = {}
    for key, e in _section(data, "evidence", "evidence").items():
        _Checker.need(isinstance(e, dict), "evidence", key, "expected a mapping")
        _Checker.need(isinstance(e.get("citation"), str) and e["citation"].strip() != "", "evidence", key,
                      "'citation' must be non-empty text")
        _Checker.need(e.get("level") in LEVELS, "evidence", key, f"'level' must be one of {', '.join(LEVELS)}")
        out[key] = Evidence(key, e["citation"], e.get("year"), e["level"], evidence_url(e), bool(e.get("unverified")))
    return out


def _load_drugs(data: Mapping[str, Any], c: _Checker) -> dict[str, Drug]:
    out = {}
    for name, d in _section(data, "drugs", "drugs").items():
        c.mapping(d, "drugs", name)
        c.need(d.get("generation") in GENERATIONS, "drugs", name, f"'generation' must be one of {', '.join(GENERATIONS)}")
        required = d["generation"] != "unclassified"
        extras = []
        for what in ("interactions", "toxicities"):
            items = d.get(what) or []
            for item in items:
                c.need(isinstance(item, dict) and "id" in item, "drugs", name, f"each of '{what}' needs an id")
                c.text(item.get("text"), "drugs", f"{name}.{what}.{item['id']}", "text")
                c.keys(item.get("evidence"), "drugs", f"{name}.{what}.{item['id']}")
            extras.append(tuple(items))
        out[name] = Drug(name, d["generation"], tuple(d.get("brands") or ()), tuple(d.get("misspellings") or ()),
                         c.text(d.get("dose_label"), "drugs", name, "dose_label"),
                         c.keys(d.get("evidence"), "drugs", name, required=required), *extras)
    return out


def _activity(entry: Mapping[str, Any], name: str, drugs: Mapping[str, Drug], c: _Checker) -> dict[str, Activity]:
    act = c.mapping(entry.get("activity"), "mutations", f"{name}.activity")
    for drug in drugs:
        c.need(drug in act, "mutations", name, f"no activity call for {drug} (every mutation x TKI cell is required)")
    out = {}
    for drug, cell in act.items():
        where = f"{name}.activity.{drug}"
        c.need(drug in drugs, "mutations", where, f"'{drug}' is not a drug in drugs.yml")
        c.need(isinstance(cell, dict) and cell.get("call") in CALLS, "mutations", where,
               f"'call' must be one of {', '.join(CALLS)}")
        out[drug] = Activity(cell["call"], c.keys(cell.get("evidence", []), "mutations", where,
                                                  required=cell["call"] != "unknown"))
    return out


def _load_mutations(data: Mapping[str, Any], drugs: Mapping[str, Drug], meta: Mapping[str, Any], c: _Checker):
    length = meta["length"]
    start, segment = meta["reference_start"], meta["reference_segment"]
    mutations: dict[str, Mutation] = {}
    spellings: dict[str, str] = {}
    for name, m in _section(data, "mutations", "mutations").items():
        c.mapping(m, "mutations", name)
        parsed = parse_mutation(name)
        c.need(parsed is not None, "mutations", name, "not a one-letter protein change (G1202R, 1151Tins, G1202del)")
        assert parsed is not None  # need() raised otherwise
        ref, pos, _ = parsed
        c.need(1 <= pos <= length, "mutations", name, f"residue {pos} is outside ALK's {length} amino acids")
        i = pos - start
        if ref is not None and 0 <= i < len(segment):
            c.need(segment[i] == ref, "mutations", name, f"ALK has {segment[i]} at {pos}, not {ref}")
        else:
            c.need(0 <= i < len(segment), "mutations", name, "position outside the stored ALK reference segment")
        aliases = tuple(m.get("aliases") or ())
        for spelling in spellings_of(name) + [a for alias in aliases for a in spellings_of(alias)]:
            other = spellings.setdefault(spelling.upper(), name)
            c.need(other == name, "mutations", name, f"spelling '{spelling}' is also used by {other}")
        c.need(m.get("rule") in (None, "M1", "M2"), "mutations", name, "'rule' must be M1 or M2")
        mutations[name] = Mutation(name, c.text(m.get("region"), "mutations", name, "region"),
                                   _activity(m, name, drugs, c), m.get("note"), aliases, (), m.get("rule"))
    compounds: dict[frozenset[str], Mutation] = {}
    default = None
    for name, m in _section(data, "mutations", "compound_mutations").items():
        c.mapping(m, "mutations", name)
        activity = _activity(m, name, drugs, c)
        if name == "default":
            default = activity
            continue
        members = tuple(m.get("members") or ())
        c.need(len(members) >= 2, "mutations", name, "a compound entry lists at least two members")
        for member in members:
            parsed = parse_mutation(member)
            ref, pos = (parsed[0], parsed[1]) if parsed else (None, 0)
            wild = segment[pos - start] if 0 <= pos - start < len(segment) else None
            c.need(member in mutations or (parsed is not None and wild is not None and ref in (None, wild)),
                   "mutations", name, f"member '{member}' is neither a single-mutation entry nor a possible ALK change")
        c.need(frozenset(members) not in compounds, "mutations", name, "the same pair is listed twice")
        compounds[frozenset(members)] = Mutation(name, c.text(m.get("region"), "mutations", name, "region"),
                                                 activity, m.get("note"), (), members)
    c.need(default is not None, "mutations", "compound_mutations", "a 'default' compound entry is required")
    fb = c.mapping(data.get("second_generation_fallback"), "mutations", "second_generation_fallback")
    for member in fb.get("mutations") or ():
        c.need(member in mutations, "mutations", "second_generation_fallback", f"'{member}' is not a mutation entry")
    for drug in fb.get("drugs") or ():
        c.need(drug in drugs and drugs[drug].generation == "2G", "mutations", "second_generation_fallback",
               f"'{drug}' is not a second-generation drug in drugs.yml")
    fallback = SecondGenFallback(frozenset(fb.get("mutations") or ()), tuple(fb.get("drugs") or ()),
                                 c.keys(fb.get("evidence"), "mutations", "second_generation_fallback"))
    return mutations, compounds, default, spellings, fallback


def _load_findings(data: Mapping[str, Any], section: str, allowed_ids: tuple[str, ...] | None, c: _Checker):
    out = {}
    for fid, f in _section(data, "bypass", section).items():
        c.mapping(f, "bypass", fid)
        c.need(re.fullmatch(r"[A-Za-z0-9_]+", fid) is not None, "bypass", fid, "ids are letters, digits and _")
        if allowed_ids is not None:
            c.need(fid in allowed_ids, "bypass", fid, f"transformations are {', '.join(allowed_ids)}")
        else:
            c.need(f.get("group") in BYPASS_GROUPS, "bypass", fid, f"'group' must be one of {', '.join(BYPASS_GROUPS)}")
        names = f.get("names")
        c.need(isinstance(names, list) and names, "bypass", fid, "'names' must list how reports write it")
        out[fid] = Finding(fid, c.text(f.get("label"), "bypass", fid, "label"), tuple(names),
                           " ".join(c.text(f.get("implication"), "bypass", fid, "implication").split()),
                           c.keys(f.get("evidence"), "bypass", fid), f.get("group"), tuple(f.get("avoid") or ()))
    return out


def _load_regimens(data: Mapping[str, Any], drugs: Mapping[str, Drug], c: _Checker) -> dict[str, Regimen]:
    out = {}
    for rid, r in _section(data, "regimens", "regimens").items():
        c.mapping(r, "regimens", rid)
        c.need(re.fullmatch(r"[a-z0-9_]+", rid) is not None, "regimens", rid, "therapy ids are lower-case, digits and _")
        c.need(r.get("kind") in REGIMEN_KINDS, "regimens", rid, f"'kind' must be one of {', '.join(REGIMEN_KINDS)}")
        drug = r.get("drug")
        c.need((drug is not None) == (r["kind"] == "alk_tki"), "regimens", rid, "an alk_tki regimen names its drug, others none")
        c.need(drug is None or drug in drugs, "regimens", rid, f"drug '{drug}' is not in drugs.yml")
        contra = []
        for k in r.get("contraindications") or ():
            c.need(isinstance(k, dict) and k.get("when") in CONDITIONS and k.get("unless") in (None, *CONDITIONS),
                   "regimens", rid, f"contraindication 'when' and 'unless' must be one of {', '.join(CONDITIONS)}")
            contra.append(Contraindication(k["when"], " ".join(c.text(k.get("reason"), "regimens", rid, "reason").split()),
                                           c.keys(k.get("evidence"), "regimens", f"{rid}.contraindications"),
                                           k.get("unless"), k.get("instead")))
        cautions = []
        for k in r.get("cautions") or ():
            c.need(isinstance(k, dict) and k.get("when") in CONDITIONS and isinstance(k.get("caveat"), str),
                   "regimens", rid, f"a caution names a condition ({', '.join(CONDITIONS)}) and a caveat id")
            cautions.append((k["when"], k["caveat"]))
        avoid_only = bool(r.get("avoid_only"))
        reason = " ".join(c.text(r.get("avoid_reason"), "regimens", rid, "avoid_reason").split()) if avoid_only else None
        out[rid] = Regimen(rid, c.text(r.get("label"), "regimens", rid, "label"), r["kind"],
                           c.keys(r.get("evidence"), "regimens", rid), drug, avoid_only, reason, tuple(contra),
                           tuple(cautions))
    for rid, r in out.items():
        for k in r.contraindications:
            c.need(k.instead is None or (k.instead in out and not out[k.instead].avoid_only), "regimens", rid,
                   f"'instead: {k.instead}' is not a therapy that may be offered")
    return out


def _load_caveats(data: Mapping[str, Any], c: _Checker) -> dict[str, Caveat]:
    out = {}
    for cid, v in _section(data, "caveats", "caveats").items():
        c.mapping(v, "caveats", cid)
        out[cid] = Caveat(cid, " ".join(c.text(v.get("text"), "caveats", cid, "text").split()),
                          c.keys(v.get("evidence"), "caveats", cid, required=cid != "contradiction"))
    return out


def _load_rules(data: Mapping[str, Any], regimens: Mapping[str, Regimen], caveats: Mapping[str, Caveat],
                c: _Checker) -> dict[str, Rule]:
    out = {}
    for rid, r in _section(data, "rules", "rules").items():
        c.mapping(r, "rules", rid)
        c.need(r.get("block") in BLOCKS, "rules", rid, f"'block' must be one of {', '.join(BLOCKS)}")
        variants = {}
        for vname, v in c.mapping(r.get("variants"), "rules", f"{rid}.variants").items():
            where = f"{rid}.variants.{vname}"
            c.mapping(v, "rules", where)
            c.need(v.get("status", "recommendation") in STATUSES, "rules", where, f"'status' must be one of {', '.join(STATUSES)}")
            preferred = tuple(v.get("preferred") or ())
            alternatives = tuple((v.get("alternatives") or {}).items())
            for therapy in preferred + tuple(t for t, _ in alternatives):
                c.need(therapy in regimens, "rules", where, f"therapy id '{therapy}' is not in regimens.yml")
                c.need(not regimens[therapy].avoid_only, "rules", where, f"'{therapy}' may only be named in 'avoid'")
            for therapy, why in alternatives:
                c.text(why, "rules", f"{where}.alternatives.{therapy}", "why")
            for cav in v.get("caveats") or ():
                c.need(cav in caveats, "rules", where, f"caveat '{cav}' is not in caveats.yml")
            for therapy in v.get("avoid") or ():
                c.need(therapy in regimens, "rules", where, f"therapy id '{therapy}' is not in regimens.yml")
            variants[vname] = Variant(" ".join(c.text(v.get("because"), "rules", where, "because").split()),
                                      v.get("status", "recommendation"), preferred, alternatives,
                                      tuple(v.get("caveats") or ()), tuple(v.get("avoid") or ()))
        c.need(bool(variants), "rules", rid, "a rule needs at least one variant")
        out[rid] = Rule(rid, r["block"], c.text(r.get("title"), "rules", rid, "title"),
                        c.text(r.get("confidence"), "rules", rid, "confidence"),
                        c.keys(r.get("evidence"), "rules", rid, required=r["block"] != "consistency"),
                        variants, c.mapping(r.get("witness"), "rules", f"{rid}.witness"))
    return out


def load(directory: Path | str = KNOWLEDGE_DIR) -> KnowledgeBase:
    """Read and validate the knowledge base; raise KnowledgeError on the first problem found."""
    directory = Path(directory)
    raw = {name: _read(directory, name) for name in FILES}
    meta = raw["meta"]
    version = str(meta.get("knowledge_version", ""))
    _Checker.need(re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", version) is not None, "meta", "knowledge_version",
                  "must look like 2026.11.0")
    protein = meta.get("alk_protein") or {}
    _Checker.need(isinstance(protein.get("length"), int) and isinstance(protein.get("reference_start"), int)
                  and isinstance(protein.get("reference_segment"), str), "meta", "alk_protein",
                  "needs length, reference_start and reference_segment")
    protein = dict(protein, reference_segment="".join(protein["reference_segment"].split()))
    evidence = _load_evidence(raw["evidence"])
    c = _Checker(set(evidence))
    drugs = _load_drugs(raw["drugs"], c)
    mutations, compounds, compound_default, spellings, fallback = _load_mutations(raw["mutations"], drugs, protein, c)
    regimens = _load_regimens(raw["regimens"], drugs, c)
    caveats = _load_caveats(raw["caveats"], c)
    for rid, r in regimens.items():
        for _, cav in r.cautions:
            c.need(cav in caveats, "regimens", rid, f"caution caveat '{cav}' is not in caveats.yml")
    bypass = _load_findings(raw["bypass"], "bypass_alterations", None, c)
    for bid, b in bypass.items():
        for therapy in b.avoid:
            c.need(therapy in regimens, "bypass", bid, f"therapy id '{therapy}' is not in regimens.yml")
    return KnowledgeBase(
        version=version,
        content_sha256=str(meta.get("content_sha256", "")),
        disclaimer=" ".join(c.text(meta.get("disclaimer"), "meta", "disclaimer", "disclaimer").split()),
        alk_length=protein["length"],
        kinase_domain=tuple(protein.get("kinase_domain", (1, protein["length"]))),
        reference_start=protein["reference_start"],
        reference_segment=protein["reference_segment"],
        eu_regions=frozenset(meta.get("eu_regions") or ()),
        eu_label_first_tkis=frozenset(meta.get("eu_lorlatinib_label_first_tkis") or ()),
        evidence=evidence,
        drugs=drugs,
        mutations=mutations,
        compounds=compounds,
        compound_default=compound_default,
        fallback=fallback,
        bypass=bypass,
        transformations=_load_findings(raw["bypass"], "transformations", TRANSFORMATIONS, c),
        regimens=regimens,
        caveats=caveats,
        rules=_load_rules(raw["rules"], regimens, caveats, c),
        spellings=spellings,
    )


@lru_cache(maxsize=1)
def default() -> KnowledgeBase:
    """The project's knowledge base, loaded once per process."""
    return load(KNOWLEDGE_DIR)
