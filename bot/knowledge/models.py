"""The shape of each knowledge-base file (``bot/knowledge/*.yml``), as pydantic models (pydantic 1, as Rasa 3.6 pins).

A model says what one file may hold: which keys, of which type, which words a closed field allows, what must not be
empty. Unknown keys are refused (a misspelt key is an error, not a silent default). What needs two files or
several entries at once (an evidence key resolves, a therapy id exists, every mutation x TKI cell is present, a
mutation is possible for ALK) is checked by the loader (``bot/knowledge/__init__.py``) after these models pass.
:func:`first_problem` turns pydantic's error into the loader's "file: entry: message" form.
"""

from __future__ import annotations

import re
from typing import Any, Literal, get_args

from pydantic import BaseModel, Extra, StrictBool, StrictInt, StrictStr, ValidationError, root_validator, validator

Call = Literal["sensitive", "intermediate", "resistant", "unknown"]
Generation = Literal["1G", "2G", "3G", "unclassified"]
Level = Literal[
    "guideline",
    "regulatory",
    "phase 3",
    "phase 2",
    "retrospective",
    "case report",
    "preclinical",
    "review",
    "consensus",
    "registry",
    "press",
    "not citable",
]
RegimenKind = Literal[
    "alk_tki",
    "chemotherapy",
    "chemo_immunotherapy",
    "immunotherapy",
    "targeted",
    "local",
    "continue",
    "trial",
    "referral",
    "supportive",
]
# Case conditions that regimens' contraindications and cautions name (the engine computes them from the case).
Condition = Literal[
    "squamous",
    "ecog_3_4",
    "small_cell_ecog3_disease_driven",
    "renal_impairment",
    "interstitial_lung_disease",
    "hepatic_impairment",
    "diabetes",
    "hyperlipidemia",
    "cardiovascular_disease",
    "psychiatric_history",
    "prior_immunotherapy",
    "prior_chemotherapy",
    "progressing_on_chemotherapy",
    "progressing_on_chemo_immunotherapy",
    "no_current_therapy",
    "current_tki_resistant",
    "cyp3a_inducer_unstoppable",
    "strong_cyp3a_inhibitor",
    "pregnant",
    "childbearing_potential",
]
# met: rule M5; other: rule M6; no_implication: a caveat only; unconfirmed: a caveat asking for confirmation.
BypassGroup = Literal["met", "other", "no_implication", "unconfirmed"]
Block = Literal["scope", "consistency", "performance", "histology", "pattern", "resistance", "modifier"]
Status = Literal["recommendation", "needs_information", "out_of_scope"]
Transformation = Literal["small_cell", "small_cell_mixed", "squamous"]

CALLS, GENERATIONS, LEVELS = get_args(Call), get_args(Generation), get_args(Level)
REGIMEN_KINDS, CONDITIONS, BYPASS_GROUPS = get_args(RegimenKind), get_args(Condition), get_args(BypassGroup)
BLOCKS, STATUSES, TRANSFORMATIONS = get_args(Block), get_args(Status), get_args(Transformation)


class Strict(BaseModel):
    """A file's entry: unknown keys are refused; values are never coerced (a number is not text)."""

    class Config:
        extra = Extra.forbid
        allow_mutation = False


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be non-empty text")
    return value.strip()


def _prose(value: Any) -> str:
    return " ".join(_text(value).split())


def _cites(keys: list[str]) -> list[str]:
    if not keys:
        raise ValueError("must cite at least one evidence key")
    return keys


def not_empty(*fields: str, says: str) -> Any:
    """A validator: the fields (lists or mappings) hold at least one item; ``says`` what is wrong otherwise."""

    def check(value: Any) -> Any:
        if not value:
            raise ValueError(says)
        return value

    return validator(*fields, allow_reuse=True)(check)


def filled(*fields: str) -> Any:
    """A validator: the sections hold at least one entry."""
    return not_empty(*fields, says="missing or empty section")


def ids(section: str, pattern: str, rule: str) -> Any:
    """A validator: every entry name of ``section`` matches ``pattern`` (the ids other files and the engine use)."""

    def check(entries: dict[str, Any]) -> dict[str, Any]:
        for name in entries:
            if not re.fullmatch(pattern, name):
                raise ValueError(f"{name}: {rule}")
        return entries

    return validator(section, allow_reuse=True)(check)


def _entry_cites(values: dict[str, Any]) -> None:
    if not values["evidence"]:
        raise ValueError("'evidence' must cite at least one evidence key")


def texts(*fields: str, one_line: bool = False) -> Any:
    """A validator: the fields are non-empty text (surrounding space removed; ``one_line``: every run of white
    space made one space, as YAML's folded text keeps line breaks)."""
    return validator(*fields, pre=True, allow_reuse=True)(_prose if one_line else _text)


def cites(*fields: str) -> Any:
    """A validator: the evidence lists cite at least one key (whether each resolves is the loader's check)."""
    return validator(*fields, allow_reuse=True)(_cites)


# ---- meta.yml ------------------------------------------------------------------------------------------------------


class AlkProtein(Strict):
    length: StrictInt
    kinase_domain: tuple[StrictInt, StrictInt] | None = None
    reference_start: StrictInt
    reference_segment: StrictStr

    @validator("reference_segment")
    def _residues(cls, value: str) -> str:
        return "".join(value.split())


KARNOFSKY_SCORES = tuple(range(10, 101, 10))  # KPS 0 is death, which no ECOG grade of the case schema holds


class KarnofskyGroup(Strict):
    """One row of a published Karnofsky -> ECOG table: these scores, these grades."""

    kps: list[StrictInt]
    ecog: list[StrictInt]

    @validator("kps")
    def _scores(cls, value: list[int]) -> list[int]:
        if not value or any(s not in KARNOFSKY_SCORES for s in value):
            raise ValueError("Karnofsky scores are 10-100 in tens")
        return value

    @validator("ecog")
    def _grades(cls, value: list[int]) -> list[int]:
        if not value or any(not 0 <= g <= 4 for g in value):
            raise ValueError("ECOG grades are 0-4")
        return value


class MetaFile(Strict):
    knowledge_version: StrictStr
    content_sha256: StrictStr = ""
    disclaimer: str
    alk_protein: AlkProtein
    eu_lorlatinib_label_first_tkis: list[StrictStr] = []
    eu_regions: list[StrictStr] = []
    karnofsky_to_ecog: dict[StrictStr, list[KarnofskyGroup]] = {}  # evidence key -> that source's table

    _disclaimer = texts("disclaimer")

    @validator("karnofsky_to_ecog")
    def _whole_tables(cls, tables: dict[str, list[KarnofskyGroup]]) -> dict[str, list[KarnofskyGroup]]:
        for source, rows in tables.items():
            scores = sorted(s for row in rows for s in row.kps)
            if scores != list(KARNOFSKY_SCORES):
                raise ValueError(f"{source}: a table lists every Karnofsky score 10-100 once")
        return tables

    @validator("knowledge_version", pre=True)
    def _version(cls, value: Any) -> str:
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", value):
            raise ValueError("must look like 2026.11.0")
        return value


# ---- evidence.yml --------------------------------------------------------------------------------------------------


class EvidenceEntry(Strict):
    citation: str
    year: StrictInt | None = None
    level: Level
    doi: StrictStr | None = None
    pmid: StrictStr | None = None
    pmc: StrictStr | None = None
    nct: StrictStr | None = None
    unverified: StrictBool = False

    _citation = texts("citation")


class EvidenceFile(Strict):
    evidence: dict[StrictStr, EvidenceEntry]

    _filled = filled("evidence")


# ---- drugs.yml -----------------------------------------------------------------------------------------------------


class DrugNote(Strict):
    """An interaction or a toxicity of a drug."""

    id: StrictStr
    text: str
    evidence: list[StrictStr]

    _text = texts("text")
    _cites = cites("evidence")


class DrugEntry(Strict):
    generation: Generation
    brands: list[StrictStr] = []
    misspellings: list[StrictStr] = []
    dose_label: str
    notes: StrictStr | None = None
    evidence: list[StrictStr]
    interactions: list[DrugNote] = []
    toxicities: list[DrugNote] = []

    _dose_label = texts("dose_label")

    @root_validator(skip_on_failure=True)
    def _classified_drugs_cite(cls, values: dict[str, Any]) -> dict[str, Any]:
        if values["generation"] != "unclassified":
            _entry_cites(values)
        return values


class InducerEntry(Strict):
    """A strong CYP3A inducer (lorlatinib's contraindication, rule X3): the other names clinicians write for it
    (other spellings and short forms, brands, common misspellings), the sources that class it as strong, and the
    labels that give its brand names (``brand_evidence``: what a brand is a brand of is a fact like any other)."""

    names: list[StrictStr] = []
    brands: list[StrictStr] = []
    brand_evidence: list[StrictStr] = []
    misspellings: list[StrictStr] = []
    evidence: list[StrictStr]

    _cites = cites("evidence")

    @root_validator(skip_on_failure=True)
    def _brand_sources_name_brands(cls, values: dict[str, Any]) -> dict[str, Any]:
        if values["brand_evidence"] and not values["brands"]:
            raise ValueError("brand_evidence without brands")
        return values


class DrugsFile(Strict):
    drugs: dict[StrictStr, DrugEntry]
    strong_cyp3a_inducers: dict[StrictStr, InducerEntry]

    _filled = filled("drugs", "strong_cyp3a_inducers")


# ---- mutations.yml -------------------------------------------------------------------------------------------------


class Cell(Strict):
    """One mutation x TKI call; a call other than unknown cites evidence."""

    call: Call
    evidence: list[StrictStr] = []

    @root_validator(skip_on_failure=True)
    def _known_calls_cite(cls, values: dict[str, Any]) -> dict[str, Any]:
        if values["call"] != "unknown":
            _entry_cites(values)
        return values


class MutationEntry(Strict):
    region: str
    rule: Literal["M1", "M2"] | None = None
    note: StrictStr | None = None
    aliases: list[StrictStr] = []
    activity: dict[StrictStr, Cell]

    _region = texts("region")


class CompoundEntry(Strict):
    members: list[StrictStr] = []  # empty only for the 'default' entry
    region: str
    note: StrictStr | None = None
    activity: dict[StrictStr, Cell]

    _region = texts("region")


class Fallback(Strict):
    mutations: list[StrictStr] = []
    drugs: list[StrictStr] = []
    evidence: list[StrictStr]

    _cites = cites("evidence")


class MutationsFile(Strict):
    mutations: dict[StrictStr, MutationEntry]
    second_generation_fallback: Fallback
    compound_mutations: dict[StrictStr, CompoundEntry]

    _filled = filled("mutations", "compound_mutations")

    @validator("compound_mutations")
    def _pairs(cls, entries: dict[str, CompoundEntry]) -> dict[str, CompoundEntry]:
        if "default" not in entries:
            raise ValueError("a 'default' compound entry is required")
        for name, entry in entries.items():
            if name != "default" and len(entry.members) < 2:
                raise ValueError(f"{name}: a compound entry lists at least two members")
        return entries


# ---- bypass.yml ----------------------------------------------------------------------------------------------------


class FindingEntry(Strict):
    """A bypass alteration or a histologic transformation: its label, how reports write it, what it implies."""

    label: str
    names: list[StrictStr]
    implication: str
    evidence: list[StrictStr]

    _texts = texts("label", "implication")
    _cites = cites("evidence")
    _named = not_empty("names", says="must list how reports write it")


class BypassEntry(FindingEntry):
    group: BypassGroup
    avoid: list[StrictStr] = []  # therapies (regimens.yml) listed under 'avoid' when this finding is reported


class BypassFile(Strict):
    bypass_alterations: dict[StrictStr, BypassEntry]
    transformations: dict[Transformation, FindingEntry]

    _filled = filled("bypass_alterations", "transformations")
    _ids = ids("bypass_alterations", r"[A-Za-z0-9_]+", "ids are letters, digits and _")


# ---- regimens.yml --------------------------------------------------------------------------------------------------


class Contraindication(Strict):
    when: Condition
    unless: Condition | None = None  # a condition that lifts the contraindication
    instead: StrictStr | None = None  # the therapy that takes this one's place (checked by the loader)
    reason: str
    evidence: list[StrictStr]

    _reason = texts("reason")
    _cites = cites("evidence")


class Caution(Strict):
    when: Condition
    caveat: StrictStr  # a caveat id of caveats.yml (checked by the loader)


class RegimenEntry(Strict):
    label: str
    kind: RegimenKind
    drug: StrictStr | None = None
    evidence: list[StrictStr]
    avoid_only: StrictBool = False
    avoid_reason: str | None = None
    contraindications: list[Contraindication] = []
    cautions: list[Caution] = []

    _texts = texts("label")
    _cites = cites("evidence")

    @validator("avoid_reason", pre=True)
    def _reason(cls, value: Any) -> str | None:
        return None if value is None else _text(value)

    @root_validator(skip_on_failure=True)
    def _drug_and_reason(cls, values: dict[str, Any]) -> dict[str, Any]:
        if (values["drug"] is not None) != (values["kind"] == "alk_tki"):
            raise ValueError("an alk_tki regimen names its drug, others none")
        if values["avoid_only"] and not values["avoid_reason"]:
            raise ValueError("'avoid_reason' must be non-empty text for an avoid_only therapy")
        return values


class RegimensFile(Strict):
    regimens: dict[StrictStr, RegimenEntry]

    _filled = filled("regimens")
    _ids = ids("regimens", r"[a-z0-9_]+", "therapy ids are lower-case, digits and _")


# ---- caveats.yml ---------------------------------------------------------------------------------------------------


class CaveatEntry(Strict):
    text: str
    evidence: list[StrictStr]

    _text = texts("text")


class CaveatsFile(Strict):
    caveats: dict[StrictStr, CaveatEntry]

    _filled = filled("caveats")

    @validator("caveats")
    def _cited(cls, entries: dict[str, CaveatEntry]) -> dict[str, CaveatEntry]:
        for cid, entry in entries.items():
            if cid != "contradiction" and not entry.evidence:  # the contradiction caveat quotes the case itself
                raise ValueError(f"{cid}: 'evidence' must cite at least one evidence key")
        return entries


# ---- rules.yml -----------------------------------------------------------------------------------------------------


class Variant(Strict):
    because: str
    status: Status = "recommendation"
    preferred: list[StrictStr] = []
    alternatives: dict[StrictStr, str] = {}  # therapy -> why, in order
    caveats: list[StrictStr] = []
    avoid: list[StrictStr] = []

    _because = texts("because")

    @validator("alternatives", pre=True)
    def _why(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for therapy, why in value.items():
                if not isinstance(why, str) or not why.strip():
                    raise ValueError(f"{therapy}: 'why' must be non-empty text")
        return value


class RuleEntry(Strict):
    block: Block
    title: str
    confidence: str
    evidence: list[StrictStr]
    variants: dict[StrictStr, Variant]
    witness: dict[StrictStr, Any]

    _texts = texts("title", "confidence")
    _some = not_empty("variants", says="must hold at least one variant")

    @root_validator(skip_on_failure=True)
    def _deciding_rules_cite(cls, values: dict[str, Any]) -> dict[str, Any]:
        if values["block"] != "consistency":  # a contradiction rule cites the case, not the literature
            _entry_cites(values)
        return values


class RulesFile(Strict):
    rules: dict[StrictStr, RuleEntry]

    _filled = filled("rules")


FILE_MODELS: dict[str, type[Strict]] = {
    "meta": MetaFile,
    "evidence": EvidenceFile,
    "drugs": DrugsFile,
    "mutations": MutationsFile,
    "bypass": BypassFile,
    "regimens": RegimensFile,
    "caveats": CaveatsFile,
    "rules": RulesFile,
}


# Sections whose keys are the file's entries (a drug, a mutation, a rule): an error is named after the entry.
ENTRY_SECTIONS = frozenset(
    {
        "evidence",
        "drugs",
        "strong_cyp3a_inducers",
        "mutations",
        "compound_mutations",
        "bypass_alterations",
        "transformations",
        "regimens",
        "caveats",
        "rules",
    }
)


def _path(parts: list[Any]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts).lstrip(".")


def first_problem(err: ValidationError, sections: frozenset[str] = ENTRY_SECTIONS) -> tuple[str, str]:
    """(entry, message) of the first error pydantic found, in the loader's words: the entry is the path below the
    file's section (``L1196M.activity.lorlatinib``; ``sections`` are the keys whose entries are named), the
    message names the key at fault (``'call' must be one of sensitive, ...``)."""
    error = err.errors()[0]
    loc, kind, msg = list(error["loc"]), error["type"], error["msg"]
    whole = bool(loc) and loc[-1] == "__root__"  # a check of the entry as a whole
    named = bool(loc) and loc[-1] == "__key__"  # the entry's name itself is refused
    if whole or named:
        loc = loc[:-1]
    if len(loc) > 1 and loc[0] in sections:
        loc = loc[1:]
    if kind in ("value_error.missing", "value_error.extra") and len(loc) == 1:  # a key of the file itself
        loc = ["(file)", *loc]
    if named:  # pydantic names the section, and the refused name only in the error's context
        entry, key = str((error.get("ctx") or {}).get("given", _path(loc))), ""
    elif whole or len(loc) <= 1 or isinstance(loc[-1], int):  # an item of a list is named by its place
        entry, key = _path(loc) or "(file)", ""
    else:
        entry, key = _path(loc[:-1]), str(loc[-1])
    if kind == "value_error.const":
        allowed = ", ".join(str(p) for p in (error.get("ctx") or {})["permitted"])
        message = (
            f"'{key}' must be one of {allowed}"
            if key
            else f"not an allowed name; allowed: {allowed}"
            if named
            else f"must be one of {allowed}"
        )
    elif kind == "value_error.missing":
        message = f"'{key}' is required" if key else "required but missing"
    elif kind == "value_error.extra":
        message = f"unknown key '{key}'"
    elif kind == "type_error.dict":
        message = f"'{key}' must be a mapping" if key else "expected a mapping"
    elif key:
        message = f"'{key}': {msg}" if kind.startswith("type_error") else f"'{key}' {msg}"
    else:
        message = msg
        if len(loc) == 1 and re.match(r"[^\s:]+: ", msg):  # a check over a section's entries names the entry
            entry, message = msg.split(": ", 1)
    return entry, message


def check_shape(model: type[BaseModel], raw: Any, path: str) -> Any:
    """``raw`` unchanged if it has the shape ``model`` describes; otherwise a ValueError naming the file (``path``,
    from the project's root) and the entry. For a table whose reader takes the plain mapping."""
    try:
        model.parse_obj(raw)
    except ValidationError as err:
        entry, message = first_problem(err, frozenset())
        raise ValueError(f"{path}: {entry}: {message}") from None
    return raw
