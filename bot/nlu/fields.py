"""Entities → case fields (case.schema.json), with one set of rules for our entities and Rasa's entity dicts.

Only statements count: a finding in the role `candidate` or `hypothetical` never becomes a field, a `negated`
one only ever as absent. A field stated both ways in one message ("MET amplified, MET not amplified"; "systemic
progression, no progression"; "ECOG 1. ... ECOG 2") is a conflict: it is reported by `conflicts` and left out of
`case_fields`, never settled by word order. Where one statement refines another ("SCLC transformation ... combined
small cell and adenocarcinoma"; brain progression beside liver and bone progression) the more specific or more
extensive one is the reading, by the precedence lists below.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from bot.nlu.entity import NEGATED, Entity, as_dict
from bot.nlu.reader import SITES

# entity -> list field; the lists marked tested mean "tested, none found" when stated empty: only by a denial of the
# whole class ("no ALK mutation", "no bypass drivers"), never by one item stated absent ("G1202R not detected" says
# nothing of the other mutations)
LISTS = {
    "tki": "prior_tkis",
    "alk_mutation": "alk_mutations",
    "bypass_alteration": "bypass_alterations",
    "comorbidity": "comorbidities",
    "intolerant_tki": "intolerant_tkis",
}
TESTED = frozenset({"alk_mutations", "bypass_alterations"})
# the tested lists whose finding beside the whole class denied is a contradiction (_found_and_denied)
BOTH_WAYS = frozenset({"alk_mutations", "bypass_alterations"})
NONE_STATED = frozenset(
    {"comorbidities", "intolerant_tkis", "prior_tkis"}
)  # stated empty only by a denial of the class
BOOLEANS = {
    "brain_metastases": "brain_metastases",
    "leptomeningeal": "leptomeningeal",
    "symptomatic": "symptomatic",
    "compound": "compound",
    "cyp3a_inducer": "strong_cyp3a_inducer",
    "cyp3a_inhibitor": "strong_cyp3a_inhibitor",
    "prior_chemotherapy": "prior_chemotherapy",
    "prior_immunotherapy": "prior_immunotherapy",
}
SINGLES = {
    "progression_pattern": "progression",
    "histology": "histology",
    "cns_lesions": "cns_lesions",
    "goals_of_care": "goals_of_care",
    "pregnancy": "pregnancy_status",
    "transformation": "transformation",
    "region": "region",
    "current_therapy": "current_therapy",
}
NUMBERS = {"ecog": ("ecog", 4), "pdl1_tps": ("pdl1_tps", 100)}
# When two values of a field are both stated, the first in its list is the reading; any other pair is a conflict.
PRECEDENCE = {
    "progression": ("systemic", "cns_only", "oligoprogression", "indolent"),
    "cns_lesions": ("extensive", "limited"),  # one small lesion named beside ">10 smaller lesions"
    "transformation": ("small_cell_mixed", "small_cell"),
    "pregnancy_status": ("pregnant", "childbearing_potential"),
}
# In a list, a finding that refines another stands for both: MET amplification stated beside a MET gain ("MET
# amplification (FISH MET/CEP7 ratio 3.1)": the report's call beside a number the definitions disagree on)
REFINES = {"bypass_alterations": {"MET_amplification": "MET_gain"}}
OLIGO_SITES = 4  # the most extracranial site groups progressing read as oligoprogression (beside the rest controlled)
HALVES = frozenset(  # progression values never fields on their own
    {
        "cns_progressing",
        "body_controlled",
        "rest_controlled",
        "body_not_progressing",
        "one_site",
        "cns_controlled",
        "cns_known",
        "many_lesions",
        "extent",  # (safe11) sites listed or lesions counted many, no growth said: systemic only beside "progressing"
        "progressing",  # (prog2) a progression stated with no site: no pattern, the form asks it
        "lesion_growing",  # (prog3) a lesion said new or growing, no site group read: the rest beside it is oligo
        "sites_controlled",  # (prog7) two or more sites named controlled: the rest beside a site named progressing
        "site_controlled",  # (prog9) a site keyed controlled ("Nodes: SD"): none only with nothing progressing
        "scan_stable",  # (prog9) a body scan dated and said stable ("CT 11/20: stable"): the same
    }
)
# progression values that say no site progresses (Context: beside them a response is not told as history)
NOT_PROGRESSING = frozenset(
    {
        "none",
        "body_controlled",
        "rest_controlled",
        "body_not_progressing",
        "cns_controlled",
        "cns_known",
        "sites_controlled",
        "site_controlled",
        "scan_stable",
    }
)
_ALK_STATUS = {
    "positive": ("alk_positive", True),
    "negative": ("alk_positive", False),
    "fusion_present": ("alk_fusion_at_progression", True),
    "fusion_lost": ("alk_fusion_at_progression", False),
}
# the fusion at progression read with its specimen ("ALK FISH still positive", "ALK fusion not detected in plasma")
for _truth, _word in ((True, "present"), (False, "lost")):
    for _specimen in ("tissue", "plasma", "csf"):
        _ALK_STATUS[f"fusion_{_word}_{_specimen}"] = ("alk_fusion_at_progression", _truth)
# (lead14) a fusion read on the cerebrospinal fluid's ctDNA ("CSF from lumbar drain: ALK fusion on ctDNA"): neither
# specimen of the schema, and none inferred from another test beside it ("... Plasma negative")
_CSF = "csf"
SPECIMENS = ("tissue", "plasma")
# a result that states a whole class tested and absent (field, value, stated present): "Guardant360 showed no
# detectable ALK alterations" (no fusion and no ALK mutation, on plasma), "ctDNA negative", "rebx panel: no alterations
# besides the ALK fusion"
_NOTHING_FOUND = {
    "nothing_besides": (("alk_mutations", "none", False), ("bypass_alterations", "none", False)),
    "negative_plasma": (
        ("biopsy", "plasma", True),
        ("alk_mutations", "none", False),
        ("bypass_alterations", "none", False),
    ),
    **{
        f"no_alk_alteration_{specimen}": (
            ("alk_fusion_at_progression", False, True),
            ("alk_fusion_specimen", specimen, True),
            ("biopsy", specimen, True),
            ("alk_mutations", "none", False),
        )
        for specimen in SPECIMENS
    },
}
_CURRENT = "_current"  # which of chemotherapy and immunotherapy is given now
# one extracranial site progressing, or a progression naming none: no pattern, yet no "none" beside it
_SITE_PROGRESSING = "_site_progressing"
_UNPLACED = "_unplaced"  # a histology of this progression the knowledge base does not place (LCNEC)
_DENIED = "denied"  # a symptom denied: no symptoms unless another one is stated
_STOPPABLE = {"stoppable": True, "must_continue": False}  # said of a strong CYP3A inducer named before


def _statements(entities: Iterable[Mapping[str, Any] | Entity]) -> Iterable[tuple[str, Any, bool]]:
    """(field, value, stated present) for every stated finding."""
    found = [as_dict(e) for e in entities]
    # (trust4) an ALK resistance mutation found says the tumour is ALK-driven: beside it, ALK "not detected" is the
    # fusion's result on that specimen ("EML4-ALK not detected, ALK G1202R 0.2%"), no negative diagnosis
    # (safe12) so does the fusion found on a specimen ("Liquid biopsy: ALK fusion detected. Tissue biopsy: ALK
    # negative."): the negative beside it is the fusion's result too, stated both ways, never a negative diagnosis
    alk_driven = any(
        (e.get("entity") == "alk_mutation" and str(e.get("value")) != "none")
        or (e.get("entity") == "alk_status" and str(e.get("value")).startswith("fusion_present"))
        for e in found
        if e.get("role") is None
    )
    # (cns10) whether the inducer can be stopped is said of one this patient takes: not of a relative's ("Her father
    # was on phenytoin; his neurologist could switch him to levetiracetam") nor of one supposed
    inducer_taken = any(
        e.get("entity") == "cyp3a_inducer" and e.get("role") is None and str(e.get("value")) == "true" for e in found
    )
    for e in found:
        name, value, role = e.get("entity"), str(e.get("value")), e.get("role")
        if role not in (None, NEGATED):
            continue
        present = role != NEGATED
        if name == "alk_status" and alk_driven and (value, present) in (("positive", False), ("negative", True)):
            name, value, present = "alk_status", "fusion_lost", True
        if name in LISTS:
            yield LISTS[name], value, present
        elif name in ("prior_chemotherapy", "prior_immunotherapy") and value == "current" and present:
            yield BOOLEANS[name], True, True  # on it now: received, and the current therapy (read in _read)
            yield _CURRENT, name, True
        elif name == "cyp3a_inducer" and value in _STOPPABLE:
            if present and inducer_taken:
                yield "cyp3a_inducer_stoppable", _STOPPABLE[value], True
        elif name == "symptomatic" and value == "true" and not present:  # "no headaches": one symptom denied
            yield "symptomatic", _DENIED, True
        elif name in BOOLEANS and value in ("true", "false"):
            yield BOOLEANS[name], (value == "true") == present, True
        elif name == "alk_status" and value in _NOTHING_FOUND:
            if present:  # stated denied, it says nothing either way
                yield from _NOTHING_FOUND[value]
        elif name == "alk_status" and value in _ALK_STATUS:
            field, truth = _ALK_STATUS[value]
            yield field, truth == present, True
            if value.endswith(SPECIMENS):  # the result says the specimen, and that it was tested
                yield "alk_fusion_specimen", value.rsplit("_", 1)[1], True
                yield "biopsy", value.rsplit("_", 1)[1], True
        elif name == "transformation" and not present:
            yield "transformation", "none", True
        elif name == "unplaced_finding" and present:
            yield _UNPLACED, value, True
        elif name in SINGLES and present:
            yield SINGLES[name], value, True
        elif name in NUMBERS and present and value.isdigit() and int(value) <= NUMBERS[name][1]:
            yield NUMBERS[name][0], int(value), True
        elif name == "biopsy_type" and present:
            yield "biopsy", value, True
        if name == "cns_lesions" and present:  # a count or extent of brain lesions says there are brain metastases
            yield "brain_metastases", True, True


def _named(items: list[str]) -> list[str]:
    """The items of a list other than a stated "none" (a form's field answered none: the list stated empty)."""
    return [v for v in items if v != "none"]


def _read(entities: Iterable[Mapping[str, Any] | Entity]) -> tuple[dict[str, Any], list[str]]:
    entities = list(entities)
    lists: dict[str, list[str]] = defaultdict(list)
    absent: dict[str, set[str]] = defaultdict(set)
    values: dict[str, list[Any]] = defaultdict(list)
    for field, value, present in _statements(entities):
        if field in LISTS.values():
            lists.setdefault(field, [])
            if not present:
                absent[field].add(value)
            elif value not in lists[field]:
                lists[field].append(value)
        elif value not in values[field]:
            values[field].append(value)
    out: dict[str, Any] = {}
    clashes: list[str] = []
    for field, value in _found_on_one_specimen(entities):
        absent[field].discard(value)
    for field, items in lists.items():
        if set(items) & absent[field] or (field in BOTH_WAYS and _found_and_denied(entities, field, items, absent)):
            clashes.append(field)
        elif field in TESTED:  # tested: what was found, or none when the whole class is denied ("no ALK mutation")
            found = [v for v in items if v != "none"]
            refined = {REFINES.get(field, {}).get(v) for v in found}
            found = [v for v in found if v not in refined]
            if found or "none" in items or "none" in absent[field]:
                out[field] = found
        elif field in NONE_STATED and "none" in absent[field] | set(items) and not _named(items):
            # "no significant comorbidities"; a form's field answered none ("TKI intolerance: nil", key_value.py)
            out[field] = []
        elif _named(items):
            out[field] = _named(items)
    if _CURRENT in values:  # chemotherapy now, with immunotherapy or not; immunotherapy alone is no enum value
        now = values.pop(_CURRENT)
        if "prior_chemotherapy" in now:
            given = "chemo_immunotherapy" if "prior_immunotherapy" in now else "chemotherapy"
            values["current_therapy"] = list(dict.fromkeys([*values.get("current_therapy", ()), given]))
    if values.pop(_UNPLACED, None) and values.get("transformation") == ["none"]:
        # "rebx: LCNEC, no small-cell component": a transformation, though not one the knowledge base names; "none"
        # would say there is none (the LCNEC is named back and the transformation left unset)
        del values["transformation"]
    if values.get("histology") == ["squamous"] and values.get("transformation") == ["squamous"]:
        # "squamous cell carcinoma, dx 2022 ... Rebiopsy (liver): squamous cell carcinoma": the histology it had, no
        # transformation told (left unset and asked)
        del values["transformation"]
    if _DENIED in values.get("symptomatic", ()):  # "mild headache, no focal deficits": the symptom stated stands
        stated = [v for v in values["symptomatic"] if v != _DENIED]
        values["symptomatic"] = stated if True in stated else list(dict.fromkeys([*stated, False]))
    if values.get("leptomeningeal") == [True] and "limited" in values.get("cns_lesions", ()):
        # "two parenchymal lesions and new leptomeningeal enhancement": few lesions, yet the CNS disease is not
        # limited to lesions radiosurgery can treat; the extent is left unread (S3 reads the leptomeningeal disease)
        values["cns_lesions"].remove("limited")
        if not values["cns_lesions"]:
            del values["cns_lesions"]
    if set(values.get("alk_fusion_at_progression", ())) == {True, False} and _fusion_kept_on_tissue(entities):
        # (fusion2) the fusion not found in plasma, found on tissue ("Plasma at PD: ALK fusion not detected. Tissue at
        # PD (liver): EML4-ALK present"): the tissue decides (the schema: a plasma negative is usually low shedding)
        values["alk_fusion_at_progression"] = [True]
        values["alk_fusion_specimen"] = ["tissue"]
    if len(values.get("alk_fusion_at_progression", ())) == 1 and set(SPECIMENS) <= set(
        values.get("alk_fusion_specimen", ())
    ) | _fusion_specimens(entities):
        # (cns7) one fusion result told on plasma and on tissue both ("liquid biopsy: ALK fusion detected; lung core:
        # ALK fusion", "Guardant360: EML4-ALK; the node biopsy: EML4-ALK retained"): the tissue's, as the schema infers
        # it from tissue and plasma both
        values["alk_fusion_specimen"] = ["tissue"]
    cns_disease = any(True in values.get(f, ()) for f in ("brain_metastases", "leptomeningeal"))
    progression = values.get("progression", [])
    if (
        progression
        and "sites_controlled" not in progression
        and len({g for v in progression if str(v).startswith(SITES) for g in v[len(SITES) :].split("+")}) == 1
        and _keyed_controlled(entities) >= 2
        and not cns_disease
    ):
        # (prog20) one site keyed progressing and two or more keyed controlled ("Liver: PD. Lung: SD. Nodes: SD."): the
        # rest named, as a list of sites said stable in a sentence reads (sites_controlled); with two or more keyed
        # progressing it stays as it read (systemic); (lead12) not beside brain or meningeal disease, whose keys do
        # not feed the pattern ("Liver: PD. Brain: PD. Lung: SD. Nodes: SD." read oligoprogression): asked
        progression.append("sites_controlled")
    if "progression" in values:
        values["progression"] = _progression(values["progression"], cns_disease)
        if not values["progression"]:
            del values["progression"]
    for field, stated in values.items():
        if field == "biopsy":
            out[field] = _biopsy(stated)
        elif len(stated) == 1:
            out[field] = stated[0]
        elif set(stated) <= set(PRECEDENCE.get(field, ())):
            out[field] = next(v for v in PRECEDENCE[field] if v in stated)
        else:
            clashes.append(field)
    if "alk_fusion_at_progression" in out and "alk_fusion_specimen" not in [*out, *clashes]:
        # else this progression's one kind of specimen, as the schema infers it ("Progression biopsy (pleura) ...
        # RNA: EML4-ALK v3"); not from tissue and plasma both
        specimen = _fusion_specimen(entities) or (out.get("biopsy") if out.get("biopsy") in SPECIMENS else None)
        if specimen and specimen != _CSF:
            out["alk_fusion_specimen"] = specimen
    return out, sorted(clashes)


def _fusion_specimen(entities: Iterable[Mapping[str, Any] | Entity]) -> str | None:
    """The specimen of a fusion result whose words do not name it: the re-biopsy stated nearest before it (within
    150 characters), else right after it (60), when that is one kind ("Rebiopsy: ALK fusion retained", "Guardant: ALK
    fusion not detected")."""
    found = [as_dict(e) for e in entities]
    fusion = [
        e
        for e in found
        if e.get("entity") == "alk_status"
        and str(e.get("value")).startswith("fusion_")
        and e.get("role") in (None, NEGATED)
    ]
    if fusion and str(fusion[0].get("value")).endswith(f"_{_CSF}"):
        return _CSF  # (lead14) the CSF's: no specimen of the schema, none inferred
    return _specimen_of(fusion[0], _specimens(found), looking_after=True) if fusion else None


def _fusion_specimens(entities: Iterable[Mapping[str, Any] | Entity]) -> set[str | None]:
    """The specimen of every fusion result: the one its words name, else the one named nearest before it."""
    found = [as_dict(e) for e in entities]
    specimens = _specimens(found)
    return {
        value.rsplit("_", 1)[1] if value.endswith(SPECIMENS) else _specimen_of(e, specimens)
        for e in found
        if e.get("entity") == "alk_status"
        and (value := str(e.get("value"))).startswith("fusion_")
        and e.get("role") in (None, NEGATED)
    }


def _fusion_kept_on_tissue(entities: Iterable[Mapping[str, Any] | Entity]) -> bool:
    """Every fusion result said lost is on plasma and one said found is on tissue, each by the specimen its words
    name or else the one named nearest before it; no ALK alteration on a specimen is its fusion lost there ("plasma
    first (no ALK alteration), then a lung core: EML4-ALK fusion")."""
    found = [as_dict(e) for e in entities]
    specimens = _specimens(found)
    where: dict[bool, set[str | None]] = {True: set(), False: set()}
    for e in found:
        value = str(e.get("value"))
        if e.get("entity") == "alk_status" and value.startswith("no_alk_alteration_") and e.get("role") is None:
            where[False].add(value.rsplit("_", 1)[1])
            continue
        if e.get("entity") != "alk_status" or not value.startswith("fusion_") or e.get("role") not in (None, NEGATED):
            continue
        kept = value.startswith("fusion_present") == (e.get("role") is None)
        named = value.rsplit("_", 1)[1] if value.endswith(SPECIMENS) else _specimen_of(e, specimens)
        where[kept].add(named)
    return where[False] == {"plasma"} and "tissue" in where[True]


def _specimens(found: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [e for e in found if e.get("role") is None and _named_specimen(e)]


def _specimen_of(e: Mapping[str, Any], specimens: list[Mapping[str, Any]], looking_after: bool = False) -> str | None:
    """The specimen named nearest before the finding ``e`` (within 150 characters: "tissue: EML4-ALK; plasma:
    I1171N"), else, ``looking_after``, right after it (60)."""
    at = int(e.get("start", 0))
    before = [s for s in specimens if at - 150 <= int(s.get("end", 0)) <= at]
    after = [s for s in specimens if at <= int(s.get("start", 0)) <= at + 60] if looking_after else []
    near = max(before, key=lambda s: int(s.get("end", 0))) if before else (after[0] if after else None)
    return _named_specimen(near) if near else None


@lru_cache(maxsize=1)
def _co_findings() -> frozenset[str]:
    """The off-target findings the knowledge base lists as co-mutations with no implication of their own (bypass.yml
    group no_implication: TP53): "no bypass drivers" beside one does not deny it."""
    from bot import knowledge

    return frozenset(k for k, v in knowledge.default().bypass.items() if v.group == "no_implication")


def _found_and_denied(
    entities: list[Mapping[str, Any] | Entity], field: str, items: list[str], absent: dict[str, set[str]]
) -> bool:
    """A finding of the class found beside the whole class denied, in one message with no time to tell them apart
    ("NGS: ALK G1202R; no ALK mutation detected": Context._timed_results keeps both only when no time is told): a
    contradiction, named back and asked about; not when each is stated under its own specimen ("Tissue: G1202R.
    Plasma: no ALK mutation detected": found on one, not on the other)."""
    if "none" not in absent[field] or not [v for v in items if v != "none" and v not in _co_findings()]:
        return False
    found = [as_dict(e) for e in entities]
    specimens = _specimens(found)
    where: dict[bool, set[str | None]] = {True: set(), False: set()}
    for e in found:
        if LISTS.get(str(e.get("entity"))) == field and e.get("role") in (None, NEGATED):
            if e.get("role") is None and str(e.get("value")) not in ("none", *_co_findings()):
                where[True].add(_specimen_of(e, specimens))
            elif e.get("role") == NEGATED and str(e.get("value")) == "none":
                where[False].add(_specimen_of(e, specimens))
    return None in where[True] | where[False] or bool(where[True] & where[False])


def _found_on_one_specimen(entities: list[Mapping[str, Any] | Entity]) -> set[tuple[str, str]]:
    """The list findings stated present under one specimen and absent under the other ("Tissue: MET amplification
    (FISH) | Plasma: MET amplification not detected"): found, not a contradiction. Each statement's specimen is the
    one named nearest before it; a statement with none named keeps the contradiction."""
    found = [as_dict(e) for e in entities]
    specimens = _specimens(found)
    where: dict[tuple[str, str], dict[bool, set[str | None]]] = defaultdict(lambda: {True: set(), False: set()})
    for e in found:
        if e.get("entity") in LISTS and e.get("role") in (None, NEGATED):
            key = (LISTS[str(e.get("entity"))], str(e.get("value")))
            where[key][e.get("role") is None].add(_specimen_of(e, specimens))
    return {
        key
        for key, sides in where.items()
        if sides[True] and sides[False] and None not in sides[True] | sides[False] and not sides[True] & sides[False]
    }


def _named_specimen(e: Mapping[str, Any]) -> str | None:
    """The specimen an entity names: a biopsy, or a result that says its specimen ("ctDNA negative")."""
    value = str(e.get("value"))
    if e.get("entity") == "biopsy_type":
        return value if value in SPECIMENS else None
    if e.get("entity") == "alk_status" and not value.startswith("fusion_") and value.endswith(SPECIMENS):
        return value.rsplit("_", 1)[1]
    return None


def _keyed_controlled(entities: list[Mapping[str, Any] | Entity]) -> int:
    """How many site keys are answered controlled ("Lung: SD", "Nodes: stable"), none denied or another's."""
    return len(
        {
            d.get("start")
            for d in map(as_dict, entities)
            if d.get("entity") == "progression_pattern" and d.get("value") == "site_controlled" and not d.get("role")
        }
    )


def _progression(stated: list[str], cns_disease: bool = False) -> list[str]:
    """The patterns stated, with the halves read together: brain progression with the body controlled, not
    progressing or the rest controlled is CNS-only, and so is the body controlled beside brain or leptomeningeal
    disease stated present (``cns_disease``: "two lesions appeared, SRS given; systemic lesions controlled") unless
    the brain is said to respond or to be stable, or the brain disease is known from before ("Known brain mets.
    Extracranial disease stable.": nothing says the brain progresses). The body's half alone ("extracranial disease
    stable", "no extracranial progression") is no pattern; beside a brain response ("complete intracranial
    response, extracranial disease stable") with no site progressing it is none: nothing progresses, and so is the
    rest controlled beside a brain response and no extracranial site progressing. The rest controlled beside
    extracranial lesions, or one lesion said to be the only one progressing (unless it is a brain lesion: brain
    progression and no extracranial site), is oligoprogression, unless the growth is said slow (indolent); brain
    progression alone is no pattern (brain_metastases says it). Progression at two or more extracranial site groups
    ("sites:...") with nothing else said is systemic; one group alone is no pattern."""
    sites = {g for v in stated if v.startswith(SITES) for g in v[len(SITES) :].split("+")}
    stated = [v for v in stated if not v.startswith(SITES)]
    if "sites_controlled" in stated and sites and "cns_progressing" not in stated:
        # (prog7) extracranial sites named controlled ("new liver mets, lungs and nodes unchanged") are the rest
        # beside a site named progressing; beside a progression that names no site or the brain, nothing is said of
        # the rest of the disease
        stated = [*stated, "rest_controlled"]
    out = [v for v in stated if v not in HALVES]
    # lesions counted with no organ ("many lesions"): the body's, unless the brain or the body says otherwise
    if "many_lesions" in stated:
        if not ({"cns_progressing", "body_controlled", "body_not_progressing"} & set(stated) or "cns_only" in out):
            out.append("systemic")
        elif cns_disease:  # "progress in brain, many lesions, body is stable": the brain's lesions
            stated = [*stated, "cns_progressing"]
    if (
        "extent" in stated
        and "progressing" in stated
        and "cns_only" not in out
        and not {"cns_progressing", "body_controlled", "body_not_progressing", "rest_controlled"} & set(stated)
    ):
        # (safe11) "PD: multiple liver and bone metastases": a progression with no site, its extent told beside it
        out.append("systemic")
    if "cns_progressing" in stated and out == ["none"] and not sites:
        # "CT: SD. MRI: 2 new brain mets": the brain alone progresses (not beside a body site: "liver and brain
        # progression" is no CNS-only progression)
        out = []
        stated = [*stated, "body_controlled"]
    brain = "cns_progressing" in stated
    if (brain or "cns_only" in out) and {"body_controlled", "body_not_progressing"} & set(stated) and "none" in out:
        out.remove("none")  # "brain-only PD, CT CAP stable": the stable scan is the body's
    responding = "cns_controlled" in stated and not brain
    known = "cns_known" in stated and not brain  # "known brain mets": no progression said of them
    # recall8: the rest controlled beside CNS disease and no extracranial site ("stable lung disease but new
    # leptomeningeal enhancement", "new LMD; rest of disease stable") is CNS-only too
    rest = {"body_controlled"} | ({"rest_controlled"} if not sites and "one_site" not in stated else set())
    body = {"body_controlled", "body_not_progressing"} & set(stated)
    if brain and sites and (body or "rest_controlled" in stated):
        # (safety3) new brain lesions beside an extracranial site progressing, "the rest" controlled ("MRI brain: 2 new
        # lesions. New liver mets, rest unchanged"): the rest is what the brain and that site are not, neither CNS-only
        # nor oligoprogression (extracranial); no pattern, as the same without the rest reads ("2 new brain lesions and
        # new liver mets"); the form asks. So too with the body said controlled beside that site ("New liver mets. CT
        # body otherwise stable. MRI brain: 2 new lesions."): a site outside the brain progresses, never CNS-only
        pass
    elif (brain and (body or "rest_controlled" in stated)) or (
        cns_disease and not responding and not known and rest & set(stated)
    ):
        out.append("cns_only")
    elif (
        "indolent" not in out
        and len(sites) <= OLIGO_SITES
        and (
            (
                "rest_controlled" in stated
                and (sites or (not responding and {"progressing", "lesion_growing"} & set(stated)))
            )
            or ("one_site" in stated and (sites or not brain))
        )
    ):  # "complete intracranial response, stable elsewhere": the rest is what the brain is not, no lesion grows; the
        # few sites' growth said slow is indolent ("slow growth of one node, the rest stable"); (oligo) five or more
        # extracranial site groups growing are never a few, whatever the rest does: systemic below. (prog3) "the rest"
        # controlled in a message that tells nothing progressing ("The rest is stable.", "CT: stable. Rest
        # unchanged.", "new 6 mm liver lesion, indeterminate; rest stable") is no pattern: the rest of nothing told
        # (a follow-up to a site named progressing in the message before is read with it: case_state)
        out.append("oligoprogression")
    elif not out and len(sites) >= 2:
        out.append("systemic")
    elif (
        not out
        and not sites
        and responding
        and {"body_controlled", "body_not_progressing", "rest_controlled"} & set(stated)
    ):  # recall8: "complete intracranial response and stable body disease": nothing progresses
        out.append("none")
    if (
        out in ([], ["none"])
        and not sites
        and not cns_disease
        and {"site_controlled", "scan_stable"} & set(stated)
        and set(stated) <= NOT_PROGRESSING | {"none"}
        and "cns_known" not in stated
    ):
        # (prog9) sites keyed controlled, or body scans dated and said stable, and nothing progressing ("Liver: SD.
        # Bone: SD.", "CT 11/2025: Stable. MRI 11/2025: Stable."): nothing progresses
        out = ["none"]
    if "cns_only" in out and sites:
        # (lead) a CNS-only progression told beside a site outside the brain progressing ("Isolated brain progression.
        # Update: PET shows new bone lesions.", "CNS-only progression was suspected, but CT shows new liver mets too"):
        # never CNS-only alone; stated both ways, asked about (it read CNS-only)
        out.append("systemic" if len(sites) >= 2 else _SITE_PROGRESSING)
    if out == ["none"] and (sites or "progressing" in stated):
        # (prog, prog2) no progression beside a site said to progress, told before or after it ("stable disease, new
        # liver and bone mets", "New liver mets; stable disease."), or beside a progression that names no site ("PD;
        # stable disease"), with no time or date telling them apart (Context drops the earlier of the two when one
        # does: "SD x 18 months, now PD in bone", "PD in 2 lung sites, SBRT; 12/2025: CT stable", "PD on crizotinib;
        # now stable on alectinib"): never none; stated both ways, asked about (two site groups: systemic against
        # none, one or none named: no pattern against it)
        out.append("systemic" if len(sites) >= 2 else _SITE_PROGRESSING)
    return list(dict.fromkeys(out))


def _biopsy(stated: list[str]) -> str:
    kinds = set(stated) - {"none"}
    if "tissue_and_plasma" in kinds or {"tissue", "plasma"} <= kinds:
        return "tissue_and_plasma"
    return next(iter(kinds)) if kinds else "none"


def case_fields(entities: Iterable[Mapping[str, Any] | Entity]) -> dict[str, Any]:
    """Case fields stated by the entities; absent and conflicting fields are left out. prior_tkis keep the order
    the entities come in (the extractor gives them in treatment order, the current therapy last)."""
    return _read(entities)[0]


def progressing(entities: Iterable[Mapping[str, Any] | Entity]) -> bool:
    """The entities state that this patient's disease progresses, pattern read or not: a progression stated, not
    denied, supposed, asked about or a relative's ("... then progression in the liver": one site, no pattern; "new
    liver mets; stable disease": stated both ways; "progressed on alectinib", "PD on brigatinib": no site, the
    half "progressing"). The dialogue clears a recorded "none" by it."""
    return any(
        d.get("entity") == "progression_pattern"
        and not d.get("role")
        and d.get("value") not in NOT_PROGRESSING | {"lesion_growing"}
        for d in map(as_dict, entities)
    )


def conflicts(entities: Iterable[Mapping[str, Any] | Entity]) -> list[str]:
    """The case fields stated both ways, or with two values where one is expected, in the same message."""
    return _read(list(entities))[1]
