"""The decision engine: the ordered rules of the knowledge base applied to one case.

Like a decision table with a FIRST hit policy followed by COLLECT rows: scope, consistency, performance status,
histology, intolerance, pattern of progression and resistance findings are checked in that order and the first rule
that applies decides (its variant in rules.yml gives the options and caveats); then every modifier (X1-X7) adds
caveats and 'avoid' entries. Safety filters run before the modifiers and are not optional: a TKI the mutation table
marks resistant (single rows, listed compound pairs and the compound default alike), a first- or second-generation
TKI for a compound whose pair call is not active, a TKI already failed or not tolerated, a regimen a case condition
contraindicates (regimens.yml: histology, performance status, renal impairment, ILD, the regimen the disease is
progressing on, an inducer that cannot be stopped, ...), or a therapy that may only be avoided never reaches
'preferred' or 'alternatives'. The engine holds no clinical content of its own: names, swaps and lists live in
bot/knowledge. The rule trace is the rationale.

Pure and deterministic: no I/O after the knowledge base is loaded, no clock, no randomness, no set iteration
order in the output.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import Any, NamedTuple

from bot import knowledge
from bot.decision.case import Case, validate_case

Recommendation = dict  # a recommendation.schema.json document

# The order the rules are checked in; rules.yml lists them in the same order (checked at start-up).
RULE_ORDER = (
    "G0",
    "G1",
    "G2",
    "C0",
    "P1",
    "P2",
    "H1",
    "T1",
    "S1",
    "S2",
    "S3",
    "S4",
    "S5",
    "M9",
    "M3",
    "M2",
    "M1",
    "M5",
    "M6",
    "M7",
    "M4",
    "M8",
    "X1",
    "X2",
    "X3",
    "X4",
    "X5",
    "X6",
    "X7",
)
# Caveats the engine attaches by name (besides those each rule variant lists).
ENGINE_CAVEATS = (
    "plasma_only_mutation",
    "co_occurring_bypass",
    "bypass_no_implication",
    "bypass_unconfirmed",
    "unknown_variant",
    "unknown_bypass",
    "mutation_note",
    "second_gen_switch",
    "l1198f_crizotinib",
    "lorlatinib_call_unknown",
    "plasma_fusion_not_detected",
    "compound_uncertain",
    "contradiction",
)
ACTIVE = ("sensitive", "intermediate")
CHEMO_KINDS = ("chemotherapy", "chemo_immunotherapy")
SMALL_CELL = ("small_cell", "small_cell_mixed")
CONTINUE_KINDS = ("continue", "local")  # options that keep the running therapy going
_RANK = {"recommendation": 0, "needs_information": 1, "out_of_scope": 2}
_BIOPSY_WORDS: dict[str | None, str] = {
    "tissue": "tissue",
    "plasma": "plasma",
    "tissue_and_plasma": "tissue and plasma",
}
# The specimen of alk_fusion_at_progression when the case does not say: inferred from the biopsy (case schema).
_FUSION_SPECIMEN: dict[str | None, str] = {"plasma": "plasma", "tissue": "tissue", "tissue_and_plasma": "tissue"}
_NO_PROGRESSION = "none"


class _Words:
    """Placeholder values for one sentence: the sentence's own, then the case's (computed only when a sentence
    asks for one), then '?'."""

    __slots__ = ("own", "run")

    def __init__(self, own: Mapping[str, str], run: _Run):
        self.own, self.run = own, run

    def __getitem__(self, key: str) -> str:
        value = self.own.get(key)
        return value if value is not None else self.run.fill.get(key, "?")


class _Step(NamedTuple):
    """A rule variant resolved once per knowledge base (Engine.steps), so that applying it looks nothing up."""

    because: str
    templated: bool  # the sentence has {placeholders} to fill from the case
    status: str
    rank: int
    preferred: tuple[str, ...]
    alternatives: tuple[tuple[str, str], ...]
    avoid: tuple[tuple[str, str, tuple[str, ...]], ...]  # (therapy, reason, evidence)
    caveats: tuple[tuple[str, str, tuple[str, ...], bool], ...]  # (caveat id, text, evidence, templated)


@dataclass
class _Flag:
    """A reported finding the engine cannot interpret."""

    given: str
    problem: str
    impossible: bool


class _Run:
    """The state of one decision as the rules are applied."""

    __slots__ = (
        "_fill",
        "after_lorlatinib",
        "alternatives",
        "avoid",
        "bypass",
        "case",
        "caveats",
        "compound",
        "conditions",
        "decider",
        "flags",
        "kb",
        "known",
        "members",
        "optional",
        "preferred",
        "required",
        "rows",
        "status",
        "steps",
        "trace",
        "unknown_bypass",
        "untabled",
        "why",
        "withhold",
    )

    def __init__(self, case: Case, kb: knowledge.KnowledgeBase, steps: Mapping[tuple[str, str], _Step]):
        self.case, self.kb, self.steps = case, kb, steps
        self._fill: dict[str, str] | None = None
        self.known: list[str] = []  # reported mutations with a row in the mutation table, canonical names
        self.untabled: list[str] = []  # reported mutations possible for ALK's kinase domain but without a row
        self.flags: list[_Flag] = []
        self.bypass: dict[str, list[str]] = {"met": [], "other": [], "no_implication": [], "unconfirmed": []}
        self.unknown_bypass: list[str] = []
        self.status = "recommendation"
        self.required: list[str] = []
        self.optional: list[str] = []
        self.trace: list[tuple[str, str]] = []  # (rule id, because)
        self.preferred: list[str] = []
        self.why: dict[str, str] = {}
        self.alternatives: list[str] = []
        self.caveats: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.avoid: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.withhold = False  # ALK status unconfirmed: no ALK-directed option is offered
        self.after_lorlatinib = False  # rule G1's context: lorlatinib already given
        self.conditions: set[str] = set()  # the case conditions regimens' contraindications and cautions name
        self.decider: str | None = None  # the rule that set the preferred options
        # Set once the mutations are read (_start): the reported mutations that can be members of a compound
        # (tabled, or possible but untabled), and whether the compound rule applies (two or more of them, in cis
        # or of unknown phase).
        self.members: list[str] = []
        self.compound = False
        self.rows: list[tuple[str, Mapping[str, knowledge.Activity]]] | None = None  # the table rows reached (cache)

    @property
    def fill(self) -> dict[str, str]:
        """The case's words for sentence placeholders, computed the first time a sentence needs them."""
        if self._fill is None:
            c, kb = self.case, self.kb
            prior = c.prior_tkis
            labels = [kb.bypass[b].label for b in self.bypass["met"] + self.bypass["other"]]
            self._fill = {
                "tkis": " then ".join(prior) if prior else "none recorded",
                "last_tki": prior[-1] if prior else "the current ALK TKI",
                "first_tki": prior[0] if prior else "?",
                "ecog": str(c.ecog),
                "biopsy": _BIOPSY_WORDS.get(c.biopsy, "resistance"),
                "region": c.region or "?",
                "mutations": "ALK " + _join(self.known) if self.known else "no ALK mutation",
                "bypass": _join(labels) if labels else "no bypass alteration",
            }
        return self._fill

    def need(self, name: str) -> None:
        """A field that must be known before the answer is a recommendation."""
        if self.status == "recommendation":
            self.status = "needs_information"
        if name not in self.required:
            self.required.append(name)

    def would_help(self, name: str) -> None:
        """A field that would strengthen the answer without being required."""
        if name not in self.optional:
            self.optional.append(name)

    def fmt(self, template: str, fill: Mapping[str, str]) -> str:
        if "{" not in template:
            return template
        return template.format_map(_Words(fill, self))

    def caveat(self, cid: str, key: str | None = None, **fill: str) -> None:
        name = f"{cid}:{key}" if key else cid
        if name not in self.caveats:
            cav = self.kb.caveats[cid]
            self.caveats[name] = (self.fmt(cav.text, fill), cav.evidence)

    def add_avoid(self, therapy: str, reason: str, evidence: tuple[str, ...]) -> None:
        """'Avoid' ``therapy``; a second reason for it is appended to the first, with its evidence."""
        if therapy in self.avoid:
            old_reason, old_evidence = self.avoid[therapy]
            if reason not in old_reason:
                reason = f"{old_reason} {reason}"
            evidence = _unique((*old_evidence, *evidence))
        self.avoid[therapy] = (reason, evidence)

    def avoid_regimen(self, therapy: str) -> None:
        reg = self.kb.regimens[therapy]
        self.add_avoid(therapy, reg.avoid_reason or reg.label, reg.evidence)

    def apply(self, rule_id: str, variant: str = "default", secondary: bool = False, **fill: str) -> bool:
        """Record that ``rule_id`` fired; a deciding rule sets the options, a secondary one adds alternatives."""
        v = self.steps[rule_id, variant]
        because = self.fmt(v.because, fill) if v.templated else v.because
        self.trace.append((rule_id, because))
        if v.rank > _RANK[self.status]:
            self.status = v.status
        why = self.why
        if secondary:
            for therapy in v.preferred:
                self.alternatives.append(therapy)
                why.setdefault(therapy, f"On the other findings ({rule_id}): {because}")
        elif v.preferred:
            if self.decider is None:
                self.decider = rule_id
            self.preferred.extend(v.preferred)
            for therapy in v.preferred:
                why.setdefault(therapy, because)
        for therapy, reason, evidence in v.avoid:
            self.add_avoid(therapy, reason, evidence)
        for therapy, text in v.alternatives:
            self.alternatives.append(therapy)
            why.setdefault(therapy, text)
        caveats = self.caveats
        for cid, text, evidence, templated in v.caveats:
            if cid not in caveats:
                caveats[cid] = (self.fmt(text, {}) if templated else text, evidence)
        return True


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _sensitive(rows: list[tuple[str, Mapping[str, knowledge.Activity]]], drug: str) -> bool:
    """Some table row the findings reach calls ``drug`` sensitive and none calls it resistant."""
    calls = [row[drug].call for _, row in rows]
    return "sensitive" in calls and "resistant" not in calls


def _running_tki(c: Case) -> str | None:
    """The ALK TKI the patient is on now (the last one given, unless another therapy runs or it was stopped for
    toxicity), or None."""
    prior = c.prior_tkis
    if not prior or c.current_therapy not in (None, "alk_tki"):
        return None
    if c.current_therapy is None and prior[-1] in (c.intolerant_tkis or ()):
        return None
    return prior[-1]


def _join(items: Iterable[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else "none"


class Engine:
    """Applies one knowledge base's rules. Build once (it checks the rules); call :meth:`decide` many times."""

    def __init__(self, kb: knowledge.KnowledgeBase):
        self.kb = kb
        if tuple(kb.rules) != RULE_ORDER:
            raise knowledge.KnowledgeError(
                "rules", "(order)", f"rules must be {', '.join(RULE_ORDER)} in that order; found {', '.join(kb.rules)}"
            )
        for cid in ENGINE_CAVEATS:
            if cid not in kb.caveats:
                raise knowledge.KnowledgeError("caveats", cid, "the engine uses this caveat; it is missing")
        for rid in ("molecular_tumor_board", "lorlatinib", "crizotinib", *kb.fallback.drugs):
            if rid not in kb.regimens:
                raise knowledge.KnowledgeError("regimens", rid, "the engine uses this therapy id; it is missing")
        self.second_gen = frozenset(d for d, drug in kb.drugs.items() if drug.generation == "2G")
        self.early_gen = frozenset(d for d, drug in kb.drugs.items() if drug.generation in ("1G", "2G"))
        self.bypass_ids = {b.lower(): b for b in kb.bypass}
        self.tki_regimen = {r.drug: rid for rid, r in kb.regimens.items() if r.kind == "alk_tki"}
        self.poor_ps_contraindications = [
            (rid, k) for rid, r in kb.regimens.items() for k in r.contraindications if k.when == "ecog_3_4"
        ]
        self._option_evidence: dict[tuple[str | None, str], tuple[str, ...]] = {}  # a memo of fixed unions
        self.lorlatinib_cautions = frozenset(cond for cond, _ in kb.regimens["lorlatinib"].cautions)
        # Each table row's resistant cells, found once: id(row) -> ((drug, evidence), ...).
        rows = [m.activity for m in kb.mutations.values()] + [m.activity for m in kb.compounds.values()]
        self._row_resistant = {
            id(row): tuple((d, cell.evidence) for d, cell in row.items() if cell.call == "resistant")
            for row in rows + [kb.compound_default]
        }
        # One tabled mutation alone (the commonest finding): its 'avoid' entries for resistant TKIs, built once.
        self._resistant_alone = {
            (name, id(m.activity)): tuple(
                (self.tki_regimen[d], f"Resistant to {name} in the mutation table.", _unique(ev))
                for d, ev in self._row_resistant[id(m.activity)]
                if d in self.tki_regimen
            )
            for name, m in kb.mutations.items()
        }
        self._notes = {name: " ".join(m.note.split()) for name, m in kb.mutations.items() if m.note}
        self._caution_conditions = {rid: frozenset(cond for cond, _ in r.cautions) for rid, r in kb.regimens.items()}
        self.lorlatinib_toxicities = [
            (f"lorlatinib_{t['id']}", (" ".join(t["text"].split()), tuple(t["evidence"])))
            for t in kb.drugs["lorlatinib"].toxicities
        ]
        self.steps = {
            (rid, vname): self._step(v) for rid, rule in kb.rules.items() for vname, v in rule.variants.items()
        }
        # The fixed parts of output items, built once (copied into each document, never shared).
        self._rule_items = {rid: (r.title, r.confidence, r.evidence) for rid, r in kb.rules.items()}
        self._labels = {rid: r.label for rid, r in kb.regimens.items()}
        self._evidence_items = {key: self._evidence_item(e) for key, e in kb.evidence.items()}
        self._check_witnesses()

    def _step(self, v: knowledge.Variant) -> _Step:
        kb = self.kb
        avoid = tuple(
            (t, kb.regimens[t].avoid_reason or kb.regimens[t].label, kb.regimens[t].evidence) for t in v.avoid
        )
        caveats = tuple(
            (cid, kb.caveats[cid].text, kb.caveats[cid].evidence, "{" in kb.caveats[cid].text) for cid in v.caveats
        )
        return _Step(
            v.because, "{" in v.because, v.status, _RANK[v.status], v.preferred, v.alternatives, avoid, caveats
        )

    @staticmethod
    def _evidence_item(e: knowledge.Evidence) -> dict[str, Any]:
        item: dict[str, Any] = {
            "id": e.key,
            "citation": e.citation,
            "level": e.level + (" (unverified)" if e.unverified else ""),
        }
        if e.year is not None:
            item["year"] = e.year
        if e.url:
            item["url"] = e.url
        return item

    def _check_witnesses(self) -> None:
        """Every rule must be reachable: its witness case fires it (the 'no unreachable rule' check)."""
        for rid, rule in self.kb.rules.items():
            try:
                fired = [r["rule"] for r in self.decide(rule.witness)["rationale"]]
            except ValueError as err:
                raise knowledge.KnowledgeError("rules", f"{rid}.witness", f"not a valid case: {err}") from None
            if rid not in fired:
                raise knowledge.KnowledgeError(
                    "rules", f"{rid}.witness", f"the witness case does not reach {rid} (fired: {', '.join(fired)})"
                )

    # ---- facts -------------------------------------------------------------------------------------------------

    def _start(self, case: Case) -> _Run:
        kb = self.kb
        run = _Run(case, kb, self.steps)
        for given in case.alk_mutations or ():
            name = kb.spellings.get(given.upper())
            if name is not None:
                if name not in run.known:
                    run.known.append(name)
                continue
            ref, pos, _ = knowledge.parse_mutation(given) or (None, 0, "")
            wild = kb.reference_residue(pos)
            if pos > kb.alk_length:
                run.flags.append(_Flag(given, f"residue {pos} is beyond ALK's {kb.alk_length:,} amino acids", True))
            elif ref is not None and wild is not None and wild != ref:
                run.flags.append(_Flag(given, f"ALK has {wild}, not {ref}, at residue {pos}", True))
            elif not kb.kinase_domain[0] <= pos <= kb.kinase_domain[1]:
                run.flags.append(_Flag(given, "it lies outside the ALK kinase domain", False))
            else:
                run.flags.append(_Flag(given, "it is not in the knowledge base", False))
                run.untabled.append(given)
        for given in case.bypass_alterations or ():
            bid = self.bypass_ids.get(given.lower())
            if bid is None:
                run.unknown_bypass.append(given)
            else:
                group = kb.bypass[bid].group
                assert group is not None  # every bypass finding has one (checked when the knowledge base loads)
                run.bypass[group].append(bid)
        if run.known or run.untabled:
            run.members = run.known + run.untabled
            run.compound = len(run.members) >= 2 and case.compound is not False
        run.conditions = self._conditions(case)
        return run

    @staticmethod
    def _conditions(c: Case) -> set[str]:
        """The case conditions that regimens' contraindications and cautions name (knowledge.CONDITIONS)."""
        out = set(c.comorbidities or ())
        if c.histology == "squamous" or c.transformation == "squamous":
            out.add("squamous")
        if c.ecog is not None and c.ecog >= 3:
            out.add("ecog_3_4")
            if c.ecog == 3 and c.transformation in SMALL_CELL and c.goals_of_care == "disease_directed":
                out.add("small_cell_ecog3_disease_driven")
        if c.prior_immunotherapy:
            out.add("prior_immunotherapy")
        if c.prior_chemotherapy:
            out.add("prior_chemotherapy")
        if c.progression != _NO_PROGRESSION and c.current_therapy in CHEMO_KINDS:
            out.add(f"progressing_on_{c.current_therapy}")
        if c.current_therapy == "none" or (
            c.current_therapy is None and c.prior_tkis and c.prior_tkis[-1] in (c.intolerant_tkis or ())
        ):
            out.add("no_current_therapy")
        if c.strong_cyp3a_inducer and c.cyp3a_inducer_stoppable is False:
            out.add("cyp3a_inducer_unstoppable")
        if c.strong_cyp3a_inhibitor:
            out.add("strong_cyp3a_inhibitor")
        if c.pregnancy_status in ("pregnant", "childbearing_potential"):
            out.add(c.pregnancy_status)
        return out

    # ---- deciding blocks, in order -------------------------------------------------------------------------------

    def _scope(self, run: _Run) -> bool:
        c = run.case
        if c.alk_positive is False:
            return run.apply("G0", "negative")
        if c.alk_positive is None:
            run.need("alk_positive")
            run.withhold = True
            run.apply("G0", "unknown")
        if c.alk_fusion_at_progression is False and not c.alk_mutations:
            specimen = c.alk_fusion_specimen or _FUSION_SPECIMEN.get(c.biopsy)
            if specimen == "plasma":  # ctDNA that misses the fusion is low shedding, not ALK loss
                run.caveat("plasma_fusion_not_detected")
            else:
                if specimen is None:
                    run.need("alk_fusion_specimen")
                run.need("alk_fusion_at_progression")
                return run.apply("G0", "discordant")
        prior = c.prior_tkis
        if prior is None:
            run.need("prior_tkis")
            return False
        if "lorlatinib" in prior:
            run.after_lorlatinib = True
            run.apply("G1", "context")
            return False
        if not self.second_gen.intersection(prior):
            return run.apply("G2", "crizotinib_only" if prior else "none")
        return False

    def _consistency(self, run: _Run) -> bool:
        c = run.case
        if (
            c.biopsy != "none"
            and c.compound is not True
            and c.brain_metastases is not False
            and not (c.progression == "indolent" and c.symptomatic)
            and not c.intolerant_tkis
        ):
            return False  # none of the contradictions below can hold
        problems: list[tuple[str, tuple[str, ...]]] = []
        if c.biopsy == "none":
            reported = [
                name
                for name, value in (("ALK mutations", c.alk_mutations), ("bypass alterations", c.bypass_alterations))
                if value
            ]
            if c.transformation not in (None, "none"):
                reported.append("a transformation")
            if reported:
                problems.append(
                    (
                        f"no re-biopsy was done, yet {_join(reported)} reported",
                        ("biopsy", "alk_mutations", "bypass_alterations", "transformation"),
                    )
                )
        if c.compound is True and len(c.alk_mutations or ()) < 2:
            problems.append(
                (
                    "compound mutations are stated but fewer than two ALK mutations are listed",
                    ("compound", "alk_mutations"),
                )
            )
        if c.brain_metastases is False and (
            c.progression == "cns_only" or c.cns_lesions is not None or c.leptomeningeal is True
        ):
            problems.append(
                (
                    "CNS disease is described, yet brain metastases are recorded as absent",
                    ("brain_metastases", "progression", "cns_lesions"),
                )
            )
        if c.progression == "indolent" and c.symptomatic is True:
            problems.append(
                (
                    "progression is called indolent (asymptomatic), yet the patient is symptomatic",
                    ("progression", "symptomatic"),
                )
            )
        if c.intolerant_tkis and c.prior_tkis is not None and not set(c.intolerant_tkis) <= set(c.prior_tkis):
            problems.append(
                ("a TKI stopped for intolerance is not among the TKIs received", ("intolerant_tkis", "prior_tkis"))
            )
        if not problems:
            return False
        detail = "; ".join(p for p, _ in problems)
        for _, fields in problems:
            for name in fields:
                if name == "biopsy" or getattr(c, name) is not None:
                    run.need(name)
        run.caveat("contradiction", detail=detail[0].upper() + detail[1:] + ".")
        return run.apply("C0", detail=detail)

    def _performance(self, run: _Run) -> bool:
        c = run.case
        if c.ecog is None:
            run.need("ecog")
            return False
        if c.ecog < 3:
            return False
        if c.goals_of_care == "comfort":
            return run.apply("P2")
        if c.goals_of_care is None:
            run.need("goals_of_care")
        if c.transformation in SMALL_CELL:  # the histology rule decides, with its performance-status variants
            return False
        return run.apply("P1", "after_lorlatinib" if run.after_lorlatinib else c.goals_of_care or "unknown")

    def _histology(self, run: _Run) -> bool:
        c = run.case
        if c.transformation in SMALL_CELL:
            if c.ecog is not None and c.ecog >= 3:
                poor = "small_cell_ecog3_disease_driven" in run.conditions
                return run.apply("H1", "small_cell_poor_ps" if poor else "small_cell_frail")
            return run.apply("H1", c.transformation)
        if c.transformation is None and c.biopsy in ("tissue", "tissue_and_plasma"):
            run.would_help("transformation")
        return False

    def _intolerance(self, run: _Run) -> bool:
        """T1: the last TKI was stopped for toxicity and nothing runs now: another ALK TKI, not the resistance path."""
        c = run.case
        if run.after_lorlatinib or not c.prior_tkis:
            return False
        if c.prior_tkis[-1] not in (c.intolerant_tkis or ()):
            return False
        if c.current_therapy not in (None, "none"):
            return False
        return run.apply("T1")

    def _pattern(self, run: _Run) -> bool:
        c = run.case
        after = run.after_lorlatinib

        def variant(name: str) -> str:
            return "after_lorlatinib" if after else name

        pattern = c.progression
        if pattern is None:
            run.need("progression")
            return False
        if pattern == "oligoprogression":
            return run.apply("S1", variant("default"))
        if pattern == "indolent":
            return run.apply("S4", variant("default"))
        if pattern == _NO_PROGRESSION:
            if c.current_therapy in CHEMO_KINDS:
                return run.apply("S5", "chemotherapy")
            if "no_current_therapy" in run.conditions:
                if c.intolerant_tkis is None:
                    run.need("intolerant_tkis")
                return run.apply("S5", "off_therapy")
            return run.apply("S5", variant("tki"))
        if pattern != "cns_only":
            return False
        if c.leptomeningeal:
            return run.apply("S3", variant("leptomeningeal"))
        if c.cns_lesions == "extensive" or c.symptomatic:
            detail = [
                w for w, on in (("extensive", c.cns_lesions == "extensive"), ("symptomatic", c.symptomatic)) if on
            ]
            return run.apply("S3", variant("default"), cns_detail=" and ".join(detail))
        for name in ("cns_lesions", "leptomeningeal", "symptomatic"):
            if getattr(c, name) is None:
                run.need(name)
        if c.cns_lesions == "limited":
            unsure = c.leptomeningeal is None or c.symptomatic is None
            return run.apply("S2", variant("unconfirmed" if unsure else "default"))
        return run.apply("S3", variant("uncharacterised"))

    def _resistance(self, run: _Run) -> bool:
        c = run.case
        for f in run.flags:
            run.caveat("unknown_variant", f.given, variant=f.given, problem=f.problem[0].upper() + f.problem[1:] + ".")
        for given in run.unknown_bypass:
            run.caveat("unknown_bypass", given, variant=given)
        if run.bypass["no_implication"] or run.bypass["unconfirmed"]:
            self._bypass_caveats(run)
        if run.after_lorlatinib:
            return self._after_lorlatinib(run)
        if c.biopsy is None:
            if not (c.alk_mutations or c.bypass_alterations):
                run.need("biopsy")
                return run.apply("M8", "pending")
            run.would_help("biopsy")  # findings were reported, so something was tested; the sample type is unsaid
        if c.biopsy == "none":
            return run.apply("M8", "none")
        impossible = [f for f in run.flags if f.impossible]
        # An untabled member of a listed compound pair is interpreted by the pair's row (M3), not flagged by M9.
        listed = run.compound and frozenset(run.members) in self.kb.compounds
        shown = impossible or [f for f in run.flags if not (listed and f.given in run.untabled)]
        if impossible:
            run.need("alk_mutations")
        if shown:
            run.apply(
                "M9",
                "impossible" if impossible else "unknown",
                variants=_join(f.given for f in shown),
                problem="; ".join(f.problem for f in shown),
            )
        elif run.unknown_bypass and not run.compound:
            run.apply("M9", "unknown", variants=_join(run.unknown_bypass), problem="not a known bypass alteration")
        else:
            return self._molecular(run, secondary=False)
        return self._molecular(run, secondary=True)

    def _bypass_caveats(self, run: _Run) -> None:
        kb = self.kb
        for b in run.bypass["no_implication"]:
            run.caveat("bypass_no_implication", b, bypass=kb.bypass[b].label)
        for b in run.bypass["unconfirmed"]:
            run.caveat("bypass_unconfirmed", b, bypass=kb.bypass[b].label, implication=kb.bypass[b].implication)

    def _mutation_caveats(self, run: _Run) -> None:
        c = run.case
        if run.bypass["met"] or run.bypass["other"]:
            run.caveat("co_occurring_bypass")
        for name in run.known:
            note = self._notes.get(name)
            if note:
                run.caveat("mutation_note", name, variant=name, note=note)
        if c.biopsy == "plasma":
            run.caveat("plasma_only_mutation")

    def _molecular(self, run: _Run, secondary: bool) -> bool:
        """M3, M2, M1, M5, M6, M7, M4 on the findings the knowledge base can interpret."""
        c, kb = run.case, self.kb
        if run.compound:
            self._mutation_caveats(run)
            if c.compound is None:
                run.need("compound")
            return run.apply("M3", "compound" if c.compound else "unknown_phase", secondary)
        if run.known:
            self._mutation_caveats(run)
            for name in run.known:
                if kb.mutations[name].activity["lorlatinib"].call == "unknown":
                    run.caveat("lorlatinib_call_unknown", name, variant=name)
            rule = "M2" if any(kb.mutations[m].rule == "M2" for m in run.known) else "M1"
            run.apply(rule, secondary=secondary)
            self._second_gen_fallback(run)
            return True
        if run.bypass["met"]:
            return run.apply("M5", secondary=secondary)
        if run.bypass["other"]:
            run.apply("M6", secondary=secondary)
            run.caveat("bypass_no_validated")
            return True
        if c.biopsy == "plasma":
            if c.alk_mutations is None and c.bypass_alterations is None:
                run.need("alk_mutations")
                return run.apply("M8", "pending", secondary)
            run.need("biopsy")
            return run.apply("M7", secondary=secondary)
        pending = False
        for name in ("alk_mutations", "bypass_alterations"):
            if getattr(c, name) is None:
                run.need(name)
                pending = True
        if c.alk_fusion_at_progression is None:
            run.would_help("alk_fusion_at_progression")
        return run.apply("M4", "pending" if pending else "default", secondary)

    def _after_lorlatinib(self, run: _Run) -> bool:
        """After lorlatinib: MET still routes to dual inhibition; otherwise a trial (G1), with crizotinib put to a
        tumour board where the table calls a reported finding crizotinib-sensitive (re-sensitisation)."""
        if run.bypass["met"]:
            return run.apply("M5")
        run.apply("G1")
        if run.compound:
            run.caveat("compound_uncertain")
        if _sensitive(self._table_rows(run), "crizotinib"):
            for therapy in ("molecular_tumor_board", "crizotinib"):
                run.alternatives.append(therapy)
                run.why.setdefault(therapy, self.kb.caveats["l1198f_crizotinib"].text)
            run.caveat("l1198f_crizotinib")
        return True

    def _second_gen_fallback(self, run: _Run) -> None:
        fb = self.kb.fallback
        if not set(run.known) <= fb.mutations:
            return
        prior = run.case.prior_tkis or ()
        for drug in fb.drugs:
            if drug in prior:
                continue
            if all(self.kb.mutations[m].activity[drug].call in ACTIVE for m in run.known):
                run.alternatives.append(drug)
                run.why.setdefault(
                    drug,
                    f"Only if lorlatinib cannot be used: active against {_join(run.known)}, "
                    "with modest benefit after a second-generation TKI.",
                )
                run.caveat("second_gen_switch")

    # ---- safety filters and modifiers ------------------------------------------------------------------------------

    def _table_rows(self, run: _Run) -> list[tuple[str, Mapping[str, knowledge.Activity]]]:
        """(label, activity row) for every table row the reported mutations reach: each single row, and for a
        compound every listed pair among the members plus the compound default (or, in cis, the exact pair alone)."""
        if run.rows is not None:
            return run.rows
        kb, c = self.kb, run.case
        rows: list[tuple[str, Mapping[str, knowledge.Activity]]] = []
        exact = None
        if run.compound:
            suffix = " (compound)" if c.compound else " (if in cis)"
            members = frozenset(run.members)
            exact = kb.compounds.get(members)
            if exact is not None:
                rows.append((exact.name + suffix, exact.activity))
            else:
                rows.extend((e.name + suffix, e.activity) for pair, e in kb.compounds.items() if pair <= members)
                rows.append(("+".join(run.members) + suffix, kb.compound_default))
        if exact is None or c.compound is not True:  # in cis, a listed pair's row replaces its members' rows
            rows[:0] = [(m, kb.mutations[m].activity) for m in run.known]
        run.rows = rows
        return rows

    def _avoid_resistant(self, run: _Run, rows: list[tuple[str, Mapping[str, knowledge.Activity]]]) -> None:
        """Every TKI a table row the findings reach marks resistant goes to 'avoid', named or not."""
        if len(rows) == 1:
            alone = self._resistant_alone.get((rows[0][0], id(rows[0][1])))
            if alone is not None:
                for therapy, reason, evidence in alone:
                    run.add_avoid(therapy, reason, evidence)
                return
        resistant: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for label, row in rows:
            for drug, evidence in self._row_resistant[id(row)]:
                resistant.setdefault(drug, []).append((label, evidence))
        for drug, hits in resistant.items():
            if drug in self.tki_regimen:  # drugs without a regimen are never offered here
                run.add_avoid(
                    self.tki_regimen[drug],
                    f"Resistant to {_join(h[0] for h in hits)} in the mutation table.",
                    _unique(e for h in hits for e in h[1]),
                )

    def _tki_block(self, run: _Run, drug: str) -> tuple[str, tuple[str, ...]] | None:
        """Why the TKI ``drug`` may not be offered here (besides a resistant call), or None. Asked only for a TKI
        a rule names, so that the common case costs nothing."""
        kb, c = self.kb, run.case
        if run.compound and drug in self.early_gen:  # one member's sensitivity never carries to the pair
            exact = kb.compounds.get(frozenset(run.members))
            if (exact.activity if exact is not None else kb.compound_default)[drug].call not in ACTIVE:
                return (
                    "Two or more ALK mutations (compound or of unknown phase): one member's sensitivity does not "
                    "carry to the pair, and the pair's call for it is not active.",
                    kb.compound_default[drug].evidence or ("YODA2018",),
                )
        prior = c.prior_tkis or ()
        intolerant = c.intolerant_tkis or ()
        if drug not in prior and drug not in intolerant:
            return None
        evidence = kb.regimens[self.tki_regimen[drug]].evidence
        if drug in intolerant:
            return "Stopped for toxicity before.", evidence
        if drug == prior[-1]:  # the last one may be resumed only when nothing progresses
            return None if c.progression == _NO_PROGRESSION else ("The disease is progressing on it.", evidence)
        if run.members and _sensitive(self._table_rows(run), drug):  # an earlier TKI a finding re-sensitises to
            return None
        return "Already given: the disease progressed on it.", evidence

    def _filter(self, run: _Run) -> None:
        kb, c = self.kb, run.case
        if run.members:
            self._avoid_resistant(run, self._table_rows(run))
        for group in ("met", "other"):
            for b in run.bypass[group]:
                for therapy in kb.bypass[b].avoid:
                    run.avoid_regimen(therapy)
        running = _running_tki(c)
        if running is not None and self.tki_regimen.get(running) in run.avoid:
            run.conditions.add("current_tki_resistant")
        holding = run.conditions
        if "ecog_3_4" in holding:  # P1/P2: no cytotoxic chemotherapy or immunotherapy, said outright
            for therapy, k in self.poor_ps_contraindications:
                if k.unless not in holding:
                    run.add_avoid(therapy, k.reason, k.evidence)
        had_preferred = bool(run.preferred)
        seen: set[str] = set()
        run.preferred, run.alternatives = (
            self._keep(run, slot, holding, seen) for slot in (run.preferred, run.alternatives)
        )
        # X1: after a second-generation TKI, another one is never the preferred choice.
        x1 = bool(self.second_gen.intersection(c.prior_tkis or ()))
        if x1:
            demoted = [t for t in run.preferred if kb.regimens[t].drug in self.second_gen]
            run.preferred = [t for t in run.preferred if t not in demoted]
            run.alternatives = demoted + run.alternatives
        if had_preferred and not run.preferred:
            promoted = next(
                (t for t in run.alternatives if not (x1 and kb.regimens[t].drug in self.second_gen)),
                "molecular_tumor_board",
            )
            if promoted in run.alternatives:
                run.alternatives.remove(promoted)
            run.preferred = [promoted]
            why = run.why.get(promoted, kb.regimens[promoted].label)
            run.why[promoted] = (
                "The options the rule names are resistant or contraindicated here; " + why[0].lower() + why[1:]
            )

    def _keep(self, run: _Run, therapies: list[str], holding: set[str], seen: set[str]) -> list[str]:
        """The therapies that may be offered, in order, once; the blocked or contraindicated ones go to 'avoid',
        each replaced by its 'instead' therapy (regimens.yml) where that one may be given."""
        kept = []
        prior, intolerant = run.case.prior_tkis or (), run.case.intolerant_tkis or ()
        compound = run.compound
        for therapy in therapies:
            reg = self.kb.regimens[therapy]
            if therapy in seen or reg.avoid_only or therapy in run.avoid:
                continue
            if reg.drug is not None and (compound or reg.drug in prior or reg.drug in intolerant):
                block = self._tki_block(run, reg.drug)
                if block is not None:
                    run.add_avoid(therapy, *block)
                    continue
            contra = None
            if holding:
                for k in reg.contraindications:
                    if k.when in holding and k.unless not in holding:
                        contra = k
                        break
            if contra is None:
                seen.add(therapy)
                kept.append(therapy)
                continue
            run.add_avoid(therapy, contra.reason, contra.evidence)
            if contra.instead is not None:
                run.why.setdefault(
                    contra.instead, f"In place of {reg.label[0].lower() + reg.label[1:]}: {contra.reason}"
                )
                kept.extend(self._keep(run, [contra.instead], holding, seen))
        return kept

    def _modifiers(self, run: _Run) -> None:
        kb, c = self.kb, run.case
        run.apply("X1")
        if "squamous" in run.conditions:
            run.apply(
                "X2", histology_detail="Squamous histology" if c.histology == "squamous" else "Squamous transformation"
            )
        if c.progression == "systemic":
            self._cns_weighting(run)
        offered = set(run.preferred) | set(run.alternatives)
        if c.strong_cyp3a_inducer is not False or c.strong_cyp3a_inhibitor:
            self._cyp3a(run, offered)
        if "lorlatinib" in run.preferred:
            named = sorted(self.lorlatinib_cautions.intersection(c.comorbidities or ()))
            run.apply(
                "X4",
                comorbidity_detail=(", all the more with " + _join(n.replace("_", " ") for n in named))
                if named
                else "",
            )
            for cid, caveat in self.lorlatinib_toxicities:
                run.caveats.setdefault(cid, caveat)
        prior = c.prior_tkis or ()
        if "lorlatinib" in offered and prior and prior[0] not in kb.eu_label_first_tkis:
            if c.region in kb.eu_regions:
                run.apply("X5")
            elif c.region is None:
                run.would_help("region")
        if run.conditions:
            self._cautions(run)
        if c.histology is None and any(kb.regimens[t].kind in CHEMO_KINDS for t in offered):
            run.would_help("histology")

    def _cns_weighting(self, run: _Run) -> None:
        """X6: brain or leptomeningeal disease with systemic progression puts lorlatinib ahead of chemotherapy."""
        c = run.case
        if not (c.brain_metastases or c.leptomeningeal or c.cns_lesions):
            return
        if "lorlatinib" not in run.preferred and "lorlatinib" not in run.alternatives:
            return
        run.apply("X6")
        if (
            run.preferred
            and run.preferred[0] != "lorlatinib"
            and self.kb.regimens[run.preferred[0]].kind in CHEMO_KINDS
        ):
            run.alternatives.remove("lorlatinib")
            run.alternatives[:0] = run.preferred
            run.preferred = ["lorlatinib"]
            run.why["lorlatinib"] = run.trace[-1][1]

    def _cyp3a(self, run: _Run, offered: set[str]) -> None:
        """X3: an inducer that cannot be stopped has already removed lorlatinib (its contraindication); one that can
        be stopped, or may be, is said in lorlatinib's own sentence and as the first caveat."""
        c = run.case
        if c.strong_cyp3a_inducer and "cyp3a_inducer_unstoppable" in run.conditions and "lorlatinib" in run.avoid:
            run.apply("X3", "unstoppable")
        elif c.strong_cyp3a_inducer and "lorlatinib" in offered:
            if c.cyp3a_inducer_stoppable is None:
                run.need("cyp3a_inducer_stoppable")
            run.apply("X3", "unknown" if c.cyp3a_inducer_stoppable is None else "default")
            run.why["lorlatinib"] = (
                run.trace[-1][1] + " Then: " + run.why.get("lorlatinib", self.kb.regimens["lorlatinib"].label)
            )
            run.caveats = {"cyp3a_inducer": run.caveats.pop("cyp3a_inducer"), **run.caveats}
        elif c.strong_cyp3a_inducer is None and "lorlatinib" in offered:
            run.would_help("strong_cyp3a_inducer")
        if c.strong_cyp3a_inhibitor and "lorlatinib" in offered:
            run.apply("X3", "inhibitor")

    def _cautions(self, run: _Run) -> None:
        """X7: each offered regimen's cautions (regimens.yml) whose condition holds add their caveat."""
        held: list[str] = []
        for therapy in run.preferred + run.alternatives:
            if run.conditions.isdisjoint(self._caution_conditions[therapy]):
                continue
            for cond, cav in self.kb.regimens[therapy].cautions:
                if cond in run.conditions:
                    run.caveat(cav)
                    if cond not in held:
                        held.append(cond)
        if held:
            run.apply("X7", conditions=_join(h.replace("_", " ") for h in held))

    # ---- the document ----------------------------------------------------------------------------------------------

    def _options(self, run: _Run, therapies: list[str], rule: str | None, cited: list[tuple[str, ...]]) -> list[dict]:
        """A preferred option cites its rule's evidence and the regimen's; an alternative, the regimen's. The
        evidence of each is added to ``cited``."""
        out = []
        why, labels = run.why, self._labels
        for therapy in therapies:
            key = (rule, therapy)
            evidence = self._option_evidence.get(key)
            if evidence is None:
                rule_evidence = self.kb.rules[rule].evidence if rule else ()
                evidence = self._option_evidence[key] = _unique((*rule_evidence, *self.kb.regimens[therapy].evidence))
            cited.append(evidence)
            label = labels[therapy]
            out.append({"therapy": therapy, "label": label, "why": why.get(therapy, label), "evidence": [*evidence]})
        return out

    def _document(self, run: _Run, deciding: str | None) -> Recommendation:
        kb, labels, rules = self.kb, self._labels, self._rule_items
        # The evidence tuples in the order the document cites them: rationale, preferred, alternatives, avoid,
        # caveats (the union at the end lists each source once, in that order).
        rationale, cited = [], []
        for rid, because in run.trace:
            title, confidence, evidence = rules[rid]
            cited.append(evidence)
            rationale.append(
                {"rule": rid, "title": title, "confidence": confidence, "because": because, "evidence": [*evidence]}
            )
        preferred = self._options(run, run.preferred, deciding, cited)
        alternatives = self._options(run, run.alternatives, None, cited)
        avoid = []
        for t, (reason, evidence) in run.avoid.items():
            cited.append(evidence)
            avoid.append({"therapy": t, "label": labels[t], "reason": reason, "evidence": [*evidence]})
        caveats = []
        for cid, (text, evidence) in run.caveats.items():
            cited.append(evidence)
            caveats.append({"id": cid, "text": text, "evidence": [*evidence]})
        caveats.append({"id": "disclaimer", "text": kb.disclaimer, "evidence": []})
        items = self._evidence_items
        return {
            "status": run.status,
            "knowledge_version": kb.version,
            "preferred": preferred,
            "alternatives": alternatives,
            "avoid": avoid,
            "caveats": caveats,
            "missing": [*dict.fromkeys(run.required + run.optional)],
            "rationale": rationale,
            "evidence": [items[k].copy() for k in dict.fromkeys(chain.from_iterable(cited))],
        }

    def decide(self, case: Mapping[str, Any] | Case) -> Recommendation:
        """The recommendation for ``case``; raises CaseError (a ValueError) if the case breaks the schema."""
        run = self._start(validate_case(case))
        decided = (
            self._scope(run)
            or self._consistency(run)
            or self._performance(run)
            or self._histology(run)
            or (run.case.intolerant_tkis and self._intolerance(run))
            or self._pattern(run)
            or self._resistance(run)
        )
        assert decided
        if run.withhold:
            run.preferred, run.alternatives = [], []
            run.trace = [t for t in run.trace if t[0] == "G0"]
        self._filter(run)
        self._modifiers(run)
        # Only preferred options cite the deciding rule, and there are preferred options only once a rule named
        # some (apply sets run.decider; _filter and X6 reorder what is there), so run.decider is the rule to cite.
        return self._document(run, run.decider)
