"""The extractor's vocabulary: the knowledge base's names plus bot/nlu/clinical_phrases.yml.

Names (drugs with brands and misspellings, mutation spellings, bypass alterations, transformations) come from
bot/knowledge, so a drug or mutation added there is understood in the chat without touching this code. Phrases
that are not names (progression patterns, biopsy types, negation and question cues) are the YAML file's regular
expressions. Where a phrase of the file reads a knowledge-base name more precisely ("MET gain" is a low-level gain,
not an amplification), the phrase decides. The result is plain data (JSON-serialisable): `python -m bot.nlu.build`
checks it compiles and saves it for inspection.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot import knowledge
from bot.nlu import compiled, models, when

try:  # the C loader reads the phrase file about ten times faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader

PHRASES_FILE = Path(__file__).resolve().parent / "clinical_phrases.yml"

AMINO = "ACDEFGHIKLMNPQRSTVWY"
THREE = "Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val"
# A protein change in one- or three-letter notation, with or without p. and brackets.
MUTATION_PATTERNS = [
    rf"(?:p\.)?\(?[{AMINO}]\d{{3,4}}(?:[{AMINO}]|del|dup|fs|\*)\)?",
    rf"(?:p\.)?\(?(?:{THREE})\d{{3,4}}(?:{THREE}|Ter|del|dup|fs)\)?",
    rf"(?:[{AMINO}])?\d{{4}}_?(?:[{AMINO}]\d{{4}})?ins[{AMINO}]+",
    rf"(?:p\.)?\(?(?:{THREE})\d{{4}}_(?:{THREE})\d{{4}}ins(?:{THREE})+\)?",
]
# Notations shaped like a variant that the patterns above cannot read: other letters, cDNA or genomic positions,
# full-width digits, nonsense and frameshift forms. They are reported back, never guessed.
VARIANT_SHAPES = [
    r"(?:p\.)?\(?[A-Za-z]\d{3,5}(?:[A-Za-z]{1,3}|\*|fs\*?\d*|X)\)?",
    r"(?:p\.)?\(?[A-Za-z][０-９\d]*[０-９][０-９\d]*[A-Za-z*]\w*\)?",
    # a residue typed with a letter for a digit ("G12O2R", "I1l71N"), or without the amino acid it became ("L1196",
    # "ALK G1202"): mutation-like, not readable as a change
    r"[A-Z](?=[\dOoIl]*[OoIl])(?=[\dOoIl]*\d)[\dOoIl]{4}[A-Z]",
    r"[ACDEFGHIKLMNPQRSTVWY]1[0-4]\d\d",
    r"[cgn]\.[\-*]?\d+(?:[+\-_]\d+)*(?:[ACGTacgt]>[ACGTacgt]|del\w*|dup\w*|ins\w*)",
]
DRUG_SHAPE = r"[a-z]{3,}(?:ti?n[ia]?b+|nib+|lisib|ciclib|rafenib)"  # how kinase inhibitors' names end


def _phrases() -> dict[str, Any]:
    return models.checked(yaml.load(PHRASES_FILE.read_text(encoding="utf-8"), Loader=_Loader))


_DEFINE = compiled.kept(r"\{([A-Z][A-Z0-9_]*)\}")


def _expand(pattern: str, defines: dict[str, str], shorthand: dict[str, str] | None = None) -> str:
    """The pattern with each {NAME} replaced by its fragment, and each word of ``shorthand`` (written as a whole word)
    by the word or its shorthand."""
    for _ in range(len(defines) + 1):  # a fragment may name others, in any order
        expanded = _DEFINE.sub(lambda m: f"(?:{defines[m.group(1)]})" if m.group(1) in defines else m.group(), pattern)
        if expanded == pattern:
            break
        pattern = expanded
    for word, short in (shorthand or {}).items():
        pattern = re.sub(rf"(?<![\w\\]){re.escape(word)}(?![\w])", f"(?:{word}|{short})", pattern)
    return pattern


@lru_cache(maxsize=1)
def _defines() -> dict[str, str]:
    raw = yaml.load(PHRASES_FILE.read_text(encoding="utf-8"), Loader=_Loader)
    return {k: str(v) for k, v in (raw.get("defines") or {}).items()}


def define(name: str) -> str:
    """A fragment of the phrase file's `defines`, expanded, for a pattern the code builds itself (the earlier time's
    words DXNOUN and DXADV in key_value.py, reader.py and context/timing.py): one list, there and in the phrases. Not
    the fragments the table adds from the knowledge base ({TKI}, {INDUCERS}, {SITES})."""
    defines = _defines()
    if name not in defines:
        raise KeyError(f"{PHRASES_FILE.name} defines no {name}")
    return _expand("{" + name + "}", defines)


def name_pattern(name: str) -> str:
    """A knowledge-base name as a pattern that also reads it written without its full stops, apostrophes or hyphens
    ("St. John's wort" as "St Johns wort", "fos-phenytoin" as "fosphenytoin")."""
    return re.escape(name).replace("'", "['\u2019]?").replace(r"\.", r"\.?").replace(r"\-", "[- ]?")


def _alteration_genes(kb: knowledge.KnowledgeBase, genes: str, aliases: dict[str, str]) -> dict[str, list[str]]:
    """Each bypass alteration's genes, in lower case under their one name (``aliases``): the genes (``genes``, a
    pattern) its knowledge-base names name, and its id's first part."""
    gene = compiled.kept(rf"\b(?:{genes})\b", re.IGNORECASE)
    out = {}
    for finding in kb.bypass.values():
        found = {finding.id.split("_")[0].lower()} | {
            m.group().lower() for n in finding.names for m in gene.finditer(n)
        }
        out[finding.id] = sorted({aliases.get(g, g) for g in found})
    return out


def inducer_names(kb: knowledge.KnowledgeBase) -> str:
    """Every name of the knowledge base's strong CYP3A inducers (drugs.yml strong_cyp3a_inducers) as one
    alternation, longest first (ties by name, so the table's fingerprint is stable)."""
    names = sorted({n for i in kb.strong_cyp3a_inducers.values() for n in i.spellings}, key=lambda s: (-len(s), s))
    return "|".join(name_pattern(n) for n in names)


def _overridden(name: dict[str, str], regexes: dict[str, list[re.Pattern[str]]]) -> bool:
    """A name that one of the phrase file's patterns for the same entity reads as a whole (the phrase decides)."""
    return any(r.fullmatch(name["pattern"]) for r in regexes.get(name["label"], ()))


def _strings(data: Any) -> list[str]:
    """Every string a parsed YAML document holds (keys and values)."""
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return [data] if isinstance(data, str) else []


def _therapy_phrases() -> dict[str, Any]:
    return dict(yaml.load((PHRASES_FILE.parent / "therapy_phrases.yml").read_text(encoding="utf-8"), Loader=_Loader))


def _typo_tolerance(
    raw: dict[str, Any], kb: knowledge.KnowledgeBase, names: list[dict[str, str]], defines: dict[str, str]
) -> dict[str, Any]:
    """The typo-tolerant vocabulary (typist.py): the ALK inhibitors' names and brands and the phrase file's drugs and
    key words as terms; every word the phrase files and the knowledge base's names hold as known words, never
    corrected."""
    spec = raw.get("typo_tolerance") or {}
    therapy = _therapy_phrases()
    inducers = [n for i in kb.strong_cyp3a_inducers.values() for n in i.spellings]
    strings = [n["pattern"] for n in names] + _strings(raw) + _strings(therapy) + list(kb.spellings) + inducers
    known = sorted({w for s in strings for w in re.findall(r"[a-z]+", s.lower())} - set(spec.get("not_typos", ())))
    drugs = sorted({s.lower() for generic, d in kb.drugs.items() for s in (generic, *d.brands)})
    drugs += sorted(
        {n.lower() for i in kb.strong_cyp3a_inducers.values() for n in (i.name, *i.names, *i.brands) if n.isalpha()}
    )
    return {
        "drugs": drugs + [str(d) for d in spec.get("drugs", ())],
        "words": [str(w) for w in spec.get("words", ())],
        "known": known,
        "not_typos": [str(w) for w in spec.get("not_typos", ())],
        "short_words": {str(w): [str(s) for s in slips] for w, slips in (spec.get("short_words") or {}).items()},
        "zero_count": [_expand(str(c), defines) for c in spec.get("zero_count", ())],
        # (brain18) translated clinical words read as their English (typist.translated)
        "translated": [[_expand(str(p), defines), str(r)] for p, r in raw.get("translated_terms") or ()],
    }


def _correction(raw: dict[str, Any], defines: dict[str, str]) -> dict[str, Any]:
    """The correction cues (corrections.py; with choice_cues and choice_adds, the grader's retracted choices in
    therapies.py), their fragments expanded, with the regions' names as bare values of a corrected region."""
    spec = raw.get("correction") or {}
    bare = {k: [[str(v), str(p)] for v, p in rows] for k, rows in (spec.get("bare") or {}).items()}
    bare["region"] = [
        [str(code), "|".join(str(s) for s in names)] for code, names in (raw.get("regions") or {}).items()
    ]
    return {
        "cues": [_expand(str(c), defines) for c in spec.get("cues", ())],
        "adds": [str(a) for a in spec.get("adds", ())],
        "choice_cues": [str(c) for c in spec.get("choice_cues", ())],
        "choice_adds": [str(a) for a in spec.get("choice_adds", ())],
        "score_slip": [str(a) for a in spec.get("score_slip", ())],  # (safe20) Context._score_slip
        "score_slip_then": [str(a) for a in spec.get("score_slip_then", ())],
        "score_slip_name": [str(a) for a in spec.get("score_slip_name", ())],
        "bare": bare,
    }


def table(kb: knowledge.KnowledgeBase | None = None) -> dict[str, Any]:
    """Everything the reader needs, as data: names, phrase regexes, mutation shapes and the cue words. For the
    project's own knowledge base (no ``kb`` given), the table kept from an earlier run when its inputs are unchanged
    (``kept_table``)."""
    return build(kb) if kb is not None else kept_table(cache_file())


# What the table is made of: the phrase files, the knowledge base's files, and the code that reads them into it.
def _inputs() -> list[Path]:
    here = Path(__file__).resolve().parent
    kb_dir = Path(knowledge.KNOWLEDGE_DIR)
    return [
        PHRASES_FILE,
        PHRASES_FILE.parent / "therapy_phrases.yml",
        *(kb_dir / f"{name}.yml" for name in knowledge.FILES),
        here / "vocabulary.py",
        here / "models.py",
        Path(knowledge.__file__).resolve(),
        Path(knowledge.models.__file__).resolve(),
    ]


def inputs_fingerprint() -> str:
    """Changes whenever a byte of the table's inputs does (``_inputs``). A missing input is hashed as missing: the
    build then fails as it always did, and nothing is kept under that key."""
    return compiled.files_fingerprint((path.name, path) for path in _inputs())


def cache_file() -> Path:
    return compiled.CACHE_DIR / f"vocabulary-{compiled.TAG}.marshal"


def kept_table(path: Path) -> dict[str, Any]:
    """The table of the project's knowledge base and phrase files, built once and kept in ``path`` (var/cache) with
    the fingerprint of its inputs, so `python -m bot extract` does not expand the phrase file's thousand patterns at
    every start. Read back only under the fingerprint of the inputs as they are now (a phrase, a knowledge-base entry
    or this code changed: built afresh, and kept again); a missing, damaged or foreign file is built afresh; the file
    is written whole or not at all (compiled.keep). marshal holds only data, never code to run
    (tests/nlu/test_vocabulary_cache.py)."""
    key = inputs_fingerprint()
    try:
        loaded = marshal.loads(path.read_bytes())
        if isinstance(loaded, tuple) and len(loaded) == 2 and loaded[0] == key and isinstance(loaded[1], dict):
            return loaded[1]
    except (OSError, ValueError, EOFError, TypeError):
        pass
    built = build(knowledge.default())
    if inputs_fingerprint() == key:  # not kept when an input changed while it was built
        compiled.keep(path, (key, built))
    return built


def build(kb: knowledge.KnowledgeBase) -> dict[str, Any]:
    """The table for ``kb`` and the phrase files, built afresh."""
    raw = _phrases()
    defines = {k: str(v) for k, v in (raw.get("defines") or {}).items()}
    shorthand = {k: str(v) for k, v in (raw.get("word_shorthand") or {}).items()}
    # brands of other-class drugs read wherever their generic name is, as the shorthand is ("prior Keytruda")
    for generic, brand in (raw.get("drug_brands") or {}).items():
        shorthand[generic] = f"{shorthand[generic]}|{brand}" if generic in shorthand else str(brand)
    site_groups = {k: str(v) for k, v in (raw.get("site_groups") or {}).items()}
    defines["SITES"] = "|".join(f"(?:{v})" for v in site_groups.values())
    defines["WRITTENDATE"] = (
        when.DATE_TEXT
    )  # a written date, as bot/nlu/when.py reads one ("2024", "05.2024", "Mar 2024")
    names: list[dict[str, str]] = []
    for generic, drug in kb.drugs.items():
        for spelling in (generic, *drug.brands, *drug.misspellings):
            names.append({"label": "tki", "pattern": spelling, "id": generic})
    for generic, spellings in (raw.get("tki_shorthand") or {}).items():
        if generic not in kb.drugs:
            raise ValueError(f"{PHRASES_FILE.name}: tki_shorthand names {generic!r}, not a drug of the knowledge base")
        names += [{"label": "tki", "pattern": str(s), "id": generic} for s in spellings]
    # a bypass alteration's names, also under the other names of the gene they open with (gene_aliases: "c-MET
    # amplification" as "MET amplification", so that "no c-MET amplification" is denied whole)
    others: dict[str, list[str]] = {}
    for alias, gene in (raw.get("gene_aliases") or {}).items():
        others.setdefault(str(gene).lower(), []).append(str(alias))
    for finding in kb.bypass.values():
        for n in finding.names:
            first, _, rest = n.partition(" ")
            spellings = [n] + [
                f"{alias.upper() if alias.isalnum() else alias} {rest}"
                for alias in others.get(first.lower(), ())
                if rest
            ]
            names += [{"label": "bypass_alteration", "pattern": s, "id": finding.id} for s in dict.fromkeys(spellings)]
    for finding in kb.transformations.values():
        names += [{"label": "transformation", "pattern": n, "id": finding.id} for n in finding.names]
    # longest first; ties by name, not by the set's order (which changes from one process to the next and made the
    # table's fingerprint differ between `make nlu` and the server, so the saved pipeline was never the one used)
    tki_spellings = sorted({n["pattern"] for n in names if n["label"] == "tki"}, key=lambda s: (-len(s), s))
    defines["TKI"] = "|".join(re.escape(s) for s in tki_spellings)
    defines["INDUCERS"] = inducer_names(kb)
    regexes = [
        {
            "entity": p["entity"],
            "value": str(p["value"]),
            "negated_only": bool(p.get("negated_only")),
            "refused_only": bool(p.get("refused_only")),
            "gene_denial": bool(p.get("gene_denial")),
            "stated_absent": bool(p.get("stated_absent")),
            "not_other_genes": bool(p.get("not_other_genes")),
            "sites": bool(p.get("sites")),
            "pattern": _expand(pattern, defines, shorthand),
        }
        for p in raw["phrases"]
        for pattern in p["patterns"]
    ]
    name_like = raw.get("name_like_shorthand") or {}
    drug_context = {
        "spellings": sorted(str(s).lower() for s in name_like.get("spellings", ())),
        "word_like": sorted(str(s).lower() for s in name_like.get("word_like", ())),
        "before": [_expand(str(c), defines) for c in name_like.get("before", ())],
        "after": [_expand(str(c), defines) for c in name_like.get("after", ())],
    }
    regexes += _region_regexes(raw)
    aliases = {str(k).lower(): str(v).lower() for k, v in (raw.get("gene_aliases") or {}).items()}
    labels = {n["label"] for n in names}
    by_label: dict[str, list[re.Pattern[str]]] = {}
    for r in regexes:
        if r["entity"] in labels:
            by_label.setdefault(r["entity"], []).append(compiled.kept(r["pattern"], re.IGNORECASE))
    cues = {
        section: {
            k: [_expand(c, defines, shorthand) for c in v] if isinstance(v, list) else v
            for k, v in raw[section].items()
        }
        for section in (
            "negation",
            "candidate",
            "tki_negation",
            "hypothetical",
            "other_people",
            "intolerance",
            "no_longer",
            "rejected",
            "preferred",
            "prior",
            "fallback",
            "therapy_clause",
            "proposal",
        )
    }
    # expanded with the fragments only: these sit in fixed frames of context/, where the word shorthand would widen
    # them ("treated with" read as "treated with|w/")
    cues |= {
        section: {k: [_expand(str(c), defines) for c in v] for k, v in raw[section].items()}
        for section in ("list_words", "treatment_order", "toxicity_reason", "retraction")
    }
    return {
        "key_value": _key_value(raw, defines, shorthand),
        "names": [n for n in names if not _overridden(n, by_label)],
        "regexes": regexes,
        "mutations": [re.escape(s) for s in sorted(kb.spellings, key=len, reverse=True)] + MUTATION_PATTERNS,
        "variant_shapes": VARIANT_SHAPES,
        # genes whose protein changes are not ALK's ("BRAF V600E", "ROS1 G2032R"), nor their mutations denied ("no TP53
        # or KRAS mutations": a phrase flagged `not_other_genes`, reader.Reader._another_genes), nor the genes a
        # denial beside a bypass alteration found names (context/timing.py): the phrase file's panel genes
        "other_genes": _expand("{PANELGENE}", defines),
        # any other gene's symbol, by its shape (capitals with a digit: "DNMT3A", "NOTCH2"), written in capitals
        "gene_symbol": _expand("{GENESYMBOL}", defines),
        # one gene under two names (the phrase file's gene_aliases: "ERBB2" is HER2's), the name's lower case
        "gene_aliases": aliases,
        # the genes of each bypass alteration, each under its one name: the ones its names in the knowledge base name
        # ("ERBB2 amplification", "MEK1 mutation") and its id's (HER2_activation: her2)
        "alteration_genes": _alteration_genes(kb, _expand("{PANELGENE}", defines), aliases),
        # the ALK test methods' words, IHC's, FISH's and sequencing's (the discordance reply names the method of each
        # reading: actions/case_state.py)
        "alk_test_methods": {
            "ihc": _expand("{ALKIHC}", defines),
            "fish": _expand("{ALKFISH}", defines),
            "ngs": _expand("{ALKNGS}", defines),
        },
        "drug_shape": DRUG_SHAPE,
        "drug_spellings": sorted({s.lower() for s in tki_spellings}),
        # (safety9) brand names of other-class drugs (therapy_phrases.yml brands): reported as unknown drugs, as
        # their generic names are, so that each is named back as not an ALK inhibitor
        "other_brands": sorted({b.lower() for bs in (_therapy_phrases().get("brands") or {}).values() for b in bs}),
        "site_groups": site_groups,
        "name_like_shorthand": drug_context,
        "not_negatable": raw["not_negatable"],
        # the words that say where the patient is treated ("treated ... in", "lives in"): a region after them is the
        # patient's even in a sentence that states a rule in general (context/)
        "region_context": str(raw.get("region_context") or ""),
        "unchanged_when_new": raw["unchanged_when_new"],
        "after_copulas": [_expand(str(c), defines) for c in raw["after_copulas"]],
        "list_kinds": {str(k): [str(e) for e in v] for k, v in raw["list_kinds"].items()},
        "list_groups": {str(k): [str(e) for e in v] for k, v in raw["list_groups"].items()},
        **cues,
        "typo_tolerance": _typo_tolerance(raw, kb, names, defines),
        "correction": _correction(raw, defines),
        "tick_boxes": {k: [str(c) for c in v] for k, v in raw["tick_boxes"].items()},
        "kinase_domain": list(kb.kinase_domain),
        "karnofsky_ecog": {str(score): grade for score, grade in sorted(kb.karnofsky_ecog.items())},
        "kb_hash": kb.content_sha256,
    }


_KEY_VALUE_CUES = (
    "present",
    "absent",
    "result",
    "not_done",
    "pending",
    "hedges",
    "trailing",
    "elsewhere",
    "placeholder",
)


def _key_value(raw: dict[str, Any], defines: dict[str, str], shorthand: dict[str, str]) -> dict[str, Any]:
    """The key-value table (key_value.py) with its fragments expanded; a key's `values: regions` reads the value as
    the names of the regions, `values: region_codes` also as a region's code written as the whole value ("IT")."""
    kv = raw["key_value"]
    regions = {str(code): "|".join(str(s) for s in spellings) for code, spellings in (raw.get("regions") or {}).items()}
    keys = []
    for k in kv["keys"]:
        values = (
            {code: rf"{names}|(?-i:^{code}(?=\s*(?:$|[(,])))" for code, names in regions.items()}
            if k.get("values") == "region_codes"
            else regions
            if k.get("values") == "regions"
            else (k.get("values") or {})
        )
        keys.append(
            {
                **{f: str(k[f]) for f in ("entity", "present", "absent") if k.get(f) is not None},
                "keys": [_expand(str(p), defines, shorthand) for p in k["keys"]],
                # a list, not a mapping: the first value that reads wins, and the saved pipeline sorts mappings
                "values": [[str(v), _expand(str(p), defines, shorthand)] for v, p in values.items()],
                "number": k.get("number"),
                "implied": bool(k.get("implied")),
                "not_done": bool(k.get("not_done")),
                "result": bool(k.get("result")),
                "unless_after": _expand(str(k["unless_after"]), defines) if k.get("unless_after") else None,
                "absent_beside": (
                    {
                        "pattern": _expand(str(k["absent_beside"]["pattern"]), defines),
                        "value": str(k["absent_beside"]["value"]),
                    }
                    if k.get("absent_beside")
                    else None
                ),
            }
        )
    cues: dict[str, Any] = {c: [_expand(str(p), defines, shorthand) for p in kv[c]] for c in _KEY_VALUE_CUES}
    cues["denies"] = {
        side: [_expand(str(p), defines, shorthand) for p in kv["denies"][side]] for side in ("before", "after")
    }
    cues["taken"] = {side: _expand(str(p), defines, shorthand) for side, p in kv["taken"].items()}
    step = kv.get("next_step") or {}  # (ther9) a later clause's plan of the next local treatment (key_value.py)
    cues["next_step"] = {
        "entities": [str(e) for e in step.get("entities", [])],
        "words": [_expand(str(p), defines, shorthand) for p in step.get("words", [])],
    }
    return {**cues, "number": str(kv["number"]), "keys": keys}


def _region_regexes(raw: dict[str, Any]) -> list[dict[str, Any]]:
    """Where the patient is treated: each region's names after the words that say so ("treated in Germany"), before
    "-based", the patient ("a UK patient") or the words that say so ("Almaty, treated there"), gone back to for
    treatment ("will return to Lagos for treatment"), or as an item of a case summary ("49M, ALK+ NSCLC,
    Australia.", "1L (China)", "ECOG 1. Netherlands.", "japan" alone; not in brackets right after the diagnosis and its
    date, `region_item_not`: "dx 2020 (Beijing)"); "us", also a word and an abbreviation ("ultrasound (US)"), only as
    the last item after a comma."""
    context = str(raw.get("region_context") or "")
    site, hospital = str(raw.get("region_site") or ""), str(raw.get("region_hospital") or "")
    after = str(raw.get("region_after") or "")
    not_item = "".join(rf"(?<!\b{w})" for w in raw.get("region_item_not") or [])
    item_lead = rf"(?:(?<=[;,(.\n])|(?<=\s[-\u2013])|^){not_item}"
    back, back_for = str(raw.get("region_return") or ""), str(raw.get("region_return_for") or "")
    systems = {str(code): [str(s) for s in names] for code, names in (raw.get("region_systems") or {}).items()}
    out = []
    for code, spellings in (raw.get("regions") or {}).items():
        names = "|".join(str(s) for s in spellings)
        items = "|".join(str(s) for s in spellings if str(s) != "us")
        last = "|".join(str(s) for s in spellings if str(s) == "us")
        patterns = [
            rf"{context}(?P<at>{names})",
            rf"(?P<at>{names})[- ]based",
            rf"(?<![\w-])(?P<at>{items}) (?:patient|pt|man|woman|gentleman|lady)(?![\w-])",  # "a UK patient"
            rf"{item_lead}\s*(?:in (?:the )?)?(?P<at>{items})(?=\s*(?:[;,):\n]|\.(?:\s|$)|$))",
            rf"{site}(?P<at>{items})(?: [\w'-]+){{0,3}} {hospital}",  # "..., Seoul National University Hospital"
            rf"(?<![\w-])(?P<at>{items}){after}",  # "from Almaty (Kazakhstan), treated there"
            rf"{back}(?P<at>{items}){back_for}",  # "he will return to Lagos for treatment"
        ]
        patterns += [rf"(?P<at>{s})" for s in systems.get(code, [])]
        if last:
            patterns.append(rf"(?<=[,;])\s*(?P<at>{last})(?=\s*\.?\s*(?:\n|$))")
        for pattern in patterns:
            out.append(
                {"entity": "region", "value": str(code), "negated_only": False, "sites": False, "pattern": pattern}
            )
    return out


def fingerprint(data: dict[str, Any]) -> str:
    """Changes whenever the knowledge base or the phrase file does, their order included: where two entries match the
    same words, the one first in the table wins, so a table reordered reads differently."""
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:16]
