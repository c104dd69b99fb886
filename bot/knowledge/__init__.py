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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from bot.knowledge import models

try:  # the C loader is several times faster; PyYAML wheels ship it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

KNOWLEDGE_DIR = Path(__file__).resolve().parent
FILES = ("meta", "evidence", "drugs", "mutations", "bypass", "regimens", "caveats", "rules")

# The closed vocabularies of the files (their pydantic models in models.py hold the lists).
CALLS, GENERATIONS, LEVELS, REGIMEN_KINDS = models.CALLS, models.GENERATIONS, models.LEVELS, models.REGIMEN_KINDS
CONDITIONS, BYPASS_GROUPS, BLOCKS = models.CONDITIONS, models.BYPASS_GROUPS, models.BLOCKS
STATUSES, TRANSFORMATIONS = models.STATUSES, models.TRANSFORMATIONS

THREE_TO_ONE = {
    "Ala": "A",
    "Arg": "R",
    "Asn": "N",
    "Asp": "D",
    "Cys": "C",
    "Gln": "Q",
    "Glu": "E",
    "Gly": "G",
    "His": "H",
    "Ile": "I",
    "Leu": "L",
    "Lys": "K",
    "Met": "M",
    "Phe": "F",
    "Pro": "P",
    "Ser": "S",
    "Thr": "T",
    "Trp": "W",
    "Tyr": "Y",
    "Val": "V",
}
ONE_TO_THREE = {one: three for three, one in THREE_TO_ONE.items()}
_AA3 = "|".join(THREE_TO_ONE)
# One-letter protein change (G1202R, G1202del, T1151dup) or the insertion form used for ALK (1151Tins).
MUTATION_RE = re.compile(
    r"^(?P<ref>[A-Z])(?P<pos>[0-9]{2,4})(?P<alt>[A-Z]|del|dup|fs)$|^(?P<ipos>[0-9]{3,4})(?P<ins>[A-Z])ins$"
)
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
class Inducer:
    """A strong CYP3A inducer (drugs.yml strong_cyp3a_inducers): lorlatinib is contraindicated until it is stopped."""

    name: str
    names: tuple[str, ...]  # other spellings and short forms ("rifampin", "phenobarb")
    brands: tuple[str, ...]
    misspellings: tuple[str, ...]
    evidence: tuple[str, ...]  # the sources that class it as strong
    brand_evidence: tuple[str, ...] = ()  # the labels that give its brands

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every way it is written, its own name first."""
        return (self.name, *self.names, *self.brands, *self.misspellings)


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
    # Karnofsky score -> the ECOG grades each published table (meta.yml karnofsky_to_ecog) admits for it
    karnofsky_tables: Mapping[int, tuple[frozenset[int], ...]] = field(default_factory=dict)
    karnofsky_sources: tuple[str, ...] = ()  # the evidence keys of those tables
    strong_cyp3a_inducers: Mapping[str, Inducer] = field(default_factory=dict)  # drugs.yml strong_cyp3a_inducers

    def reference_residue(self, position: int) -> str | None:
        """ALK's wild-type residue at ``position`` where the stored segment covers it."""
        i = position - self.reference_start
        return self.reference_segment[i] if 0 <= i < len(self.reference_segment) else None

    @property
    def karnofsky_ecog(self) -> dict[int, int]:
        """The Karnofsky scores every published table puts on one and the same ECOG grade, with that grade."""
        common = {score: frozenset.intersection(*grades) for score, grades in self.karnofsky_tables.items()}
        return {score: min(g) for score, g in common.items() if len(g) == 1}

    def karnofsky_spread(self, *scores: int) -> tuple[int, int] | None:
        """The best and worst ECOG grades the published tables give ``scores`` (None for a score none lists)."""
        grades = [g for score in scores for table in self.karnofsky_tables.get(score, ()) for g in table]
        return (min(grades), max(grades)) if grades and all(s in self.karnofsky_tables for s in scores) else None

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
    _need(
        recorded == actual,
        "meta",
        "content_sha256",
        f"the knowledge files changed but knowledge_version {meta.get('knowledge_version')} was not "
        f"bumped (recorded hash {recorded[:12]}, files hash {actual[:12]}): bump knowledge_version, "
        "then run 'python -m bot kb-hash --write'",
    )


M = TypeVar("M", bound=models.Strict)


def _need(ok: object, file: str, entry: str, message: str) -> None:
    if not ok:
        raise KnowledgeError(file, entry, message)


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


def _parse(directory: Path, name: str, model: type[M]) -> M:
    """The file checked against its model (models.py); its first problem raised as a KnowledgeError."""
    try:
        return model.parse_obj(_read(directory, name))
    except ValidationError as err:
        entry, message = models.first_problem(err)
        raise KnowledgeError(name, entry, message) from None


class _Citations:
    """The cross-reference every file shares: each evidence key it cites is in evidence.yml."""

    def __init__(self, evidence: Mapping[str, Evidence]):
        self.evidence = evidence

    def __call__(self, keys: Iterable[str], file: str, entry: str) -> tuple[str, ...]:
        keys = tuple(keys)
        for key in keys:
            _need(key in self.evidence, file, entry, f"evidence key '{key}' is not in evidence.yml")
        return keys


def _prose(text: str) -> str:
    """A sentence as one line (YAML folded text keeps line breaks and double spaces)."""
    return " ".join(text.split())


def _load_evidence(f: models.EvidenceFile) -> dict[str, Evidence]:
    return {
        key: Evidence(key, e.citation, e.year, e.level, evidence_url(e.dict()), e.unverified)
        for key, e in f.evidence.items()
    }


def _load_drugs(f: models.DrugsFile, cite: _Citations) -> dict[str, Drug]:
    out = {}
    for name, d in f.drugs.items():
        notes = []
        for what in ("interactions", "toxicities"):
            items = getattr(d, what)
            for item in items:
                cite(item.evidence, "drugs", f"{name}.{what}.{item.id}")
            notes.append(tuple(item.dict() for item in items))
        out[name] = Drug(
            name,
            d.generation,
            tuple(d.brands),
            tuple(d.misspellings),
            d.dose_label,
            cite(d.evidence, "drugs", name),
            *notes,
        )
    return out


def _load_inducers(f: models.DrugsFile, cite: _Citations) -> dict[str, Inducer]:
    return {
        name: Inducer(
            name,
            tuple(e.names),
            tuple(e.brands),
            tuple(e.misspellings),
            cite(e.evidence, "drugs", f"strong_cyp3a_inducers.{name}"),
            cite(e.brand_evidence, "drugs", f"strong_cyp3a_inducers.{name}.brand_evidence"),
        )
        for name, e in f.strong_cyp3a_inducers.items()
    }


def _activity(
    act: Mapping[str, models.Cell], name: str, drugs: Mapping[str, Drug], cite: _Citations
) -> dict[str, Activity]:
    for drug in drugs:
        _need(drug in act, "mutations", name, f"no activity call for {drug} (every mutation x TKI cell is required)")
    out = {}
    for drug, cell in act.items():
        where = f"{name}.activity.{drug}"
        _need(drug in drugs, "mutations", where, f"'{drug}' is not a drug in drugs.yml")
        out[drug] = Activity(cell.call, cite(cell.evidence, "mutations", where))
    return out


def _load_mutations(f: models.MutationsFile, drugs: Mapping[str, Drug], protein: models.AlkProtein, cite: _Citations):
    length, start, segment = protein.length, protein.reference_start, protein.reference_segment
    mutations: dict[str, Mutation] = {}
    spellings: dict[str, str] = {}
    for name, m in f.mutations.items():
        parsed = parse_mutation(name)
        _need(parsed is not None, "mutations", name, "not a one-letter protein change (G1202R, 1151Tins, G1202del)")
        assert parsed is not None  # _need() raised otherwise
        ref, pos, _ = parsed
        _need(1 <= pos <= length, "mutations", name, f"residue {pos} is outside ALK's {length} amino acids")
        i = pos - start
        if ref is not None and 0 <= i < len(segment):
            _need(segment[i] == ref, "mutations", name, f"ALK has {segment[i]} at {pos}, not {ref}")
        else:
            _need(0 <= i < len(segment), "mutations", name, "position outside the stored ALK reference segment")
        for spelling in spellings_of(name) + [a for alias in m.aliases for a in spellings_of(alias)]:
            other = spellings.setdefault(spelling.upper(), name)
            _need(other == name, "mutations", name, f"spelling '{spelling}' is also used by {other}")
        mutations[name] = Mutation(
            name, m.region, _activity(m.activity, name, drugs, cite), m.note, tuple(m.aliases), (), m.rule
        )
    compounds: dict[frozenset[str], Mutation] = {}
    for name, cm in f.compound_mutations.items():
        activity = _activity(cm.activity, name, drugs, cite)
        if name == "default":
            default = activity
            continue
        for member in cm.members:
            parsed = parse_mutation(member)
            ref, pos = (parsed[0], parsed[1]) if parsed else (None, 0)
            wild = segment[pos - start] if 0 <= pos - start < len(segment) else None
            _need(
                member in mutations or (parsed is not None and wild is not None and ref in (None, wild)),
                "mutations",
                name,
                f"member '{member}' is neither a single-mutation entry nor a possible ALK change",
            )
        _need(frozenset(cm.members) not in compounds, "mutations", name, "the same pair is listed twice")
        compounds[frozenset(cm.members)] = Mutation(name, cm.region, activity, cm.note, (), tuple(cm.members))
    fb = f.second_generation_fallback
    for member in fb.mutations:
        _need(member in mutations, "mutations", "second_generation_fallback", f"'{member}' is not a mutation entry")
    for drug in fb.drugs:
        _need(
            drug in drugs and drugs[drug].generation == "2G",
            "mutations",
            "second_generation_fallback",
            f"'{drug}' is not a second-generation drug in drugs.yml",
        )
    fallback = SecondGenFallback(
        frozenset(fb.mutations), tuple(fb.drugs), cite(fb.evidence, "mutations", "second_generation_fallback")
    )
    return mutations, compounds, default, spellings, fallback


def _load_findings(entries: Mapping[Any, models.FindingEntry], cite: _Citations) -> dict[str, Finding]:
    return {
        fid: Finding(
            fid,
            f.label,
            tuple(f.names),
            _prose(f.implication),
            cite(f.evidence, "bypass", fid),
            getattr(f, "group", None),
            tuple(getattr(f, "avoid", ())),
        )
        for fid, f in entries.items()
    }


def _load_regimens(f: models.RegimensFile, drugs: Mapping[str, Drug], cite: _Citations) -> dict[str, Regimen]:
    out = {}
    for rid, r in f.regimens.items():
        _need(r.drug is None or r.drug in drugs, "regimens", rid, f"drug '{r.drug}' is not in drugs.yml")
        contra = tuple(
            Contraindication(
                k.when, _prose(k.reason), cite(k.evidence, "regimens", f"{rid}.contraindications"), k.unless, k.instead
            )
            for k in r.contraindications
        )
        out[rid] = Regimen(
            rid,
            r.label,
            r.kind,
            cite(r.evidence, "regimens", rid),
            r.drug,
            r.avoid_only,
            _prose(r.avoid_reason) if r.avoid_only and r.avoid_reason else None,
            contra,
            tuple((k.when, k.caveat) for k in r.cautions),
        )
    for rid, reg in out.items():
        for k in reg.contraindications:
            _need(
                k.instead is None or (k.instead in out and not out[k.instead].avoid_only),
                "regimens",
                rid,
                f"'instead: {k.instead}' is not a therapy that may be offered",
            )
    return out


def _load_caveats(f: models.CaveatsFile, cite: _Citations) -> dict[str, Caveat]:
    return {cid: Caveat(cid, _prose(v.text), cite(v.evidence, "caveats", cid)) for cid, v in f.caveats.items()}


def _load_rules(
    f: models.RulesFile, regimens: Mapping[str, Regimen], caveats: Mapping[str, Caveat], cite: _Citations
) -> dict[str, Rule]:
    out = {}
    for rid, r in f.rules.items():
        variants = {}
        for vname, v in r.variants.items():
            where = f"{rid}.variants.{vname}"
            for therapy in (*v.preferred, *v.alternatives):
                _need(therapy in regimens, "rules", where, f"therapy id '{therapy}' is not in regimens.yml")
                _need(not regimens[therapy].avoid_only, "rules", where, f"'{therapy}' may only be named in 'avoid'")
            for cav in v.caveats:
                _need(cav in caveats, "rules", where, f"caveat '{cav}' is not in caveats.yml")
            for therapy in v.avoid:
                _need(therapy in regimens, "rules", where, f"therapy id '{therapy}' is not in regimens.yml")
            variants[vname] = Variant(
                _prose(v.because),
                v.status,
                tuple(v.preferred),
                tuple(v.alternatives.items()),
                tuple(v.caveats),
                tuple(v.avoid),
            )
        out[rid] = Rule(rid, r.block, r.title, r.confidence, cite(r.evidence, "rules", rid), variants, r.witness)
    return out


def _load_karnofsky(meta: models.MetaFile, cite: _Citations) -> dict[int, tuple[frozenset[int], ...]]:
    """Karnofsky score -> the grades each table admits for it (one entry per table, in the file's order)."""
    sources = cite(meta.karnofsky_to_ecog, "meta", "karnofsky_to_ecog")
    out: dict[int, list[frozenset[int]]] = {}
    for source in sources:
        for row in meta.karnofsky_to_ecog[source]:
            for score in row.kps:
                out.setdefault(score, []).append(frozenset(row.ecog))
    return {score: tuple(grades) for score, grades in sorted(out.items())}


def load(directory: Path | str = KNOWLEDGE_DIR) -> KnowledgeBase:
    """Read and validate the knowledge base; raise KnowledgeError on the first problem found.

    Each file is checked against its model (models.py) first; then what ties the files together."""
    directory = Path(directory)
    meta = _parse(directory, "meta", models.MetaFile)
    evidence_file = _parse(directory, "evidence", models.EvidenceFile)
    drugs_file = _parse(directory, "drugs", models.DrugsFile)
    mutations_file = _parse(directory, "mutations", models.MutationsFile)
    bypass_file = _parse(directory, "bypass", models.BypassFile)
    regimens_file = _parse(directory, "regimens", models.RegimensFile)
    caveats_file = _parse(directory, "caveats", models.CaveatsFile)
    rules_file = _parse(directory, "rules", models.RulesFile)
    evidence = _load_evidence(evidence_file)
    cite = _Citations(evidence)
    drugs = _load_drugs(drugs_file, cite)
    protein = meta.alk_protein
    mutations, compounds, compound_default, spellings, fallback = _load_mutations(mutations_file, drugs, protein, cite)
    regimens = _load_regimens(regimens_file, drugs, cite)
    caveats = _load_caveats(caveats_file, cite)
    for rid, r in regimens.items():
        for _, cav in r.cautions:
            _need(cav in caveats, "regimens", rid, f"caution caveat '{cav}' is not in caveats.yml")
    bypass = _load_findings(bypass_file.bypass_alterations, cite)
    for bid, b in bypass.items():
        for therapy in b.avoid:
            _need(therapy in regimens, "bypass", bid, f"therapy id '{therapy}' is not in regimens.yml")
    return KnowledgeBase(
        version=meta.knowledge_version,
        content_sha256=meta.content_sha256,
        disclaimer=_prose(meta.disclaimer),
        alk_length=protein.length,
        kinase_domain=protein.kinase_domain or (1, protein.length),
        reference_start=protein.reference_start,
        reference_segment=protein.reference_segment,
        eu_regions=frozenset(meta.eu_regions),
        eu_label_first_tkis=frozenset(meta.eu_lorlatinib_label_first_tkis),
        evidence=evidence,
        drugs=drugs,
        mutations=mutations,
        compounds=compounds,
        compound_default=compound_default,
        fallback=fallback,
        bypass=bypass,
        transformations=_load_findings(bypass_file.transformations, cite),
        regimens=regimens,
        caveats=caveats,
        rules=_load_rules(rules_file, regimens, caveats, cite),
        spellings=spellings,
        karnofsky_tables=_load_karnofsky(meta, cite),
        karnofsky_sources=tuple(meta.karnofsky_to_ecog),
        strong_cyp3a_inducers=_load_inducers(drugs_file, cite),
    )


@lru_cache(maxsize=1)
def default() -> KnowledgeBase:
    """The project's knowledge base, loaded once per process."""
    return load(KNOWLEDGE_DIR)
