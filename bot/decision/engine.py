"""The decision engine: the ordered rules of the knowledge base applied to one case.

Like a decision table with a FIRST hit policy followed by COLLECT rows: scope, consistency, performance status,
histology, pattern of progression and resistance findings are checked in that order and the first rule that
applies decides (its variant in rules.yml gives the options and caveats); then every modifier (X1-X5) adds caveats
and 'avoid' entries. Safety filters run last and are not optional: a TKI the mutation table marks resistant, a
regimen contraindicated by histology or performance status, or a therapy that may only be avoided never reaches
'preferred' or 'alternatives'. The rule trace is the rationale.

Pure and deterministic: no I/O after the knowledge base is loaded, no clock, no randomness, no set iteration
order in the output.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Iterable, Mapping

from bot import knowledge
from bot.decision.case import Case, validate_case

Recommendation = dict  # a recommendation.schema.json document

# The order the rules are checked in; rules.yml lists them in the same order (checked at start-up).
RULE_ORDER = ("G0", "G1", "G2", "C0", "P1", "P2", "H1", "S1", "S2", "S3", "S4", "S5",
              "M9", "M3", "M2", "M1", "M5", "M6", "M7", "M4", "M8", "X1", "X2", "X3", "X4", "X5")
# Caveats the engine attaches by name (besides those each rule variant lists).
ENGINE_CAVEATS = ("plasma_only_mutation", "co_occurring_bypass", "bypass_no_implication", "unknown_variant",
                  "unknown_bypass", "mutation_note", "second_gen_switch", "l1198f_crizotinib", "transformation_under_ps",
                  "cyp3a_inducer", "lipids_comorbidity", "psychiatric_comorbidity", "contradiction")
# knowledge.md section 3.3, rule 3: a mutation-consistent second-generation TKI only if lorlatinib is impossible.
SECOND_GEN_FALLBACK_MUTATIONS = frozenset({"I1171T", "I1171N", "I1171S", "V1180L"})
SECOND_GEN_FALLBACK_DRUGS = ("ceritinib", "brigatinib")
ACTIVE = ("sensitive", "intermediate")
TESTED = ("tissue", "plasma", "tissue_and_plasma")
CHEMO_KINDS = ("chemotherapy", "chemo_immunotherapy")
_RANK = {"recommendation": 0, "needs_information": 1, "out_of_scope": 2}
_BIOPSY_WORDS = {"tissue": "tissue", "plasma": "plasma", "tissue_and_plasma": "tissue and plasma"}


class _Words:
    """Placeholder values for one sentence: the sentence's own, then the case's, then '?'."""

    __slots__ = ("own", "case")

    def __init__(self, own: Mapping[str, str], case: Mapping[str, str]):
        self.own, self.case = own, case

    def __getitem__(self, key: str) -> str:
        value = self.own.get(key)
        return value if value is not None else self.case.get(key, "?")


@dataclass
class _Flag:
    """A reported finding the engine cannot interpret."""
    given: str
    problem: str
    impossible: bool


class _Run:
    """The state of one decision as the rules are applied."""

    __slots__ = ("case", "kb", "_fill", "known", "flags", "bypass", "unknown_bypass", "status", "required",
                 "optional", "trace", "preferred", "why", "alternatives", "caveats", "avoid", "withhold")

    def __init__(self, case: Case, kb: knowledge.KnowledgeBase):
        self.case, self.kb = case, kb
        self._fill: dict[str, str] | None = None
        self.known: list[str] = []
        self.flags: list[_Flag] = []
        self.bypass: dict[str, list[str]] = {"met": [], "other": [], "no_implication": []}
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

    def escalate(self, status: str) -> None:
        if _RANK[status] > _RANK[self.status]:
            self.status = status

    def need(self, name: str) -> None:
        """A field that must be known before the answer is a recommendation."""
        self.escalate("needs_information")
        if name not in self.required:
            self.required.append(name)

    def would_help(self, name: str) -> None:
        """A field that would strengthen the answer without being required."""
        if name not in self.optional:
            self.optional.append(name)

    def fmt(self, template: str, fill: Mapping[str, str]) -> str:
        if "{" not in template:
            return template
        return template.format_map(_Words(fill, self.fill))

    def caveat(self, cid: str, key: str | None = None, **fill: str) -> None:
        cav = self.kb.caveats[cid]
        self.caveats.setdefault(f"{cid}:{key}" if key else cid, (self.fmt(cav.text, fill), cav.evidence))

    def add_avoid(self, therapy: str, reason: str, evidence: Iterable[str]) -> None:
        if therapy in self.avoid:
            old_reason, old_evidence = self.avoid[therapy]
            if reason not in old_reason:
                reason = f"{old_reason} {reason}"
            evidence = _unique((*old_evidence, *evidence))
        self.avoid[therapy] = (reason, tuple(evidence))

    def apply(self, rule_id: str, variant: str = "default", secondary: bool = False, **fill: str) -> bool:
        """Record that ``rule_id`` fired; a deciding rule sets the options, a secondary one adds alternatives."""
        v = self.kb.rules[rule_id].variants[variant]
        because = self.fmt(v.because, fill)
        self.trace.append((rule_id, because))
        self.escalate(v.status)
        if secondary:
            for therapy in v.preferred:
                self.alternatives.append(therapy)
                self.why.setdefault(therapy, f"On the other findings ({rule_id}): {because}")
        else:
            self.preferred.extend(v.preferred)
            for therapy in v.preferred:
                self.why.setdefault(therapy, because)
        for therapy, why in v.alternatives:
            self.alternatives.append(therapy)
            self.why.setdefault(therapy, why)
        for cid in v.caveats:
            self.caveat(cid)
        return True


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _join(items: Iterable[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else "none"


class Engine:
    """Applies one knowledge base's rules. Build once (it checks the rules); call :meth:`decide` many times."""

    def __init__(self, kb: knowledge.KnowledgeBase):
        self.kb = kb
        if tuple(kb.rules) != RULE_ORDER:
            raise knowledge.KnowledgeError("rules", "(order)", f"rules must be {', '.join(RULE_ORDER)} in that order; "
                                           f"found {', '.join(kb.rules)}")
        for cid in ENGINE_CAVEATS:
            if cid not in kb.caveats:
                raise knowledge.KnowledgeError("caveats", cid, "the engine uses this caveat; it is missing")
        for rid in ("pd1_pdl1_monotherapy", "egfr_tki", "kras_inhibitor_monotherapy", "platinum_paclitaxel",
                    "molecular_tumor_board", *SECOND_GEN_FALLBACK_DRUGS):
            if rid not in kb.regimens:
                raise knowledge.KnowledgeError("regimens", rid, "the engine uses this therapy id; it is missing")
        self.second_gen = frozenset(d for d, drug in kb.drugs.items() if drug.generation == "2G")
        self.bypass_ids = {b.lower(): b for b in kb.bypass}
        self.tki_regimen = {r.drug: rid for rid, r in kb.regimens.items() if r.kind == "alk_tki"}
        self.poor_ps_contraindications = [(rid, k) for rid, r in kb.regimens.items() for k in r.contraindications
                                          if k.when == "ecog_3_4"]
        self._option_evidence: dict[tuple[str | None, str], tuple[str, ...]] = {}  # a memo of fixed unions
        self.always_avoid = [(t, (kb.regimens[t].avoid_reason, kb.regimens[t].evidence))
                             for t in ("pd1_pdl1_monotherapy", "egfr_tki")]  # X1
        self.lorlatinib_toxicities = [(f"lorlatinib_{t['id']}", (" ".join(t["text"].split()), tuple(t["evidence"])))
                                      for t in kb.drugs["lorlatinib"].toxicities]
        # The fixed parts of output items, built once (copied into each document, never shared).
        self._rule_items = {rid: {"rule": rid, "title": r.title, "confidence": r.confidence}
                            for rid, r in kb.rules.items()}
        self._evidence_items = {key: self._evidence_item(e) for key, e in kb.evidence.items()}
        self._check_witnesses()

    @staticmethod
    def _evidence_item(e: knowledge.Evidence) -> dict[str, Any]:
        item: dict[str, Any] = {"id": e.key, "citation": e.citation,
                                "level": e.level + (" (unverified)" if e.unverified else "")}
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
                raise knowledge.KnowledgeError("rules", f"{rid}.witness",
                                               f"the witness case does not reach {rid} (fired: {', '.join(fired)})")

    # ---- facts -------------------------------------------------------------------------------------------------

    def _start(self, case: Case) -> _Run:
        kb = self.kb
        run = _Run(case, kb)
        for given in case.alk_mutations or ():
            name = kb.spellings.get(given.upper())
            if name is not None:
                if kb.mutations[name].activity["lorlatinib"].call == "unknown":
                    run.flags.append(_Flag(name, "the knowledge base has no lorlatinib activity data for it", False))
                elif name not in run.known:
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
        for given in case.bypass_alterations or ():
            bid = self.bypass_ids.get(given.lower())
            if bid is None:
                run.unknown_bypass.append(given)
            else:
                run.bypass[kb.bypass[bid].group].append(bid)
        return run

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
            run.need("alk_fusion_at_progression")
            return run.apply("G0", "discordant")
        prior = c.prior_tkis
        if prior is None:
            run.need("prior_tkis")
            return False
        if "lorlatinib" in prior:
            run.apply("G1")
            if "L1198F" in run.known or any(f.given == "L1198F" for f in run.flags):
                run.alternatives.append("molecular_tumor_board")
                run.why.setdefault("molecular_tumor_board", "L1198F may re-sensitise to crizotinib: a tumour board decides.")
                run.caveat("l1198f_crizotinib")
            return True
        if not self.second_gen.intersection(prior):
            if not prior:
                return run.apply("G2", "none")
            if set(prior) == {"crizotinib"}:
                return run.apply("G2", "crizotinib_only")
            others = [t for t in prior if self.kb.drugs[t].generation == "unclassified"]
            run.caveat("unclassified_tki", tki=_join(others))
            return run.apply("G2", "unclassified")
        return False

    def _consistency(self, run: _Run) -> bool:
        c = run.case
        problems: list[tuple[str, tuple[str, ...]]] = []
        if c.biopsy == "none":
            reported = [name for name, value in (("ALK mutations", c.alk_mutations),
                                                 ("bypass alterations", c.bypass_alterations)) if value]
            if c.transformation not in (None, "none"):
                reported.append("a transformation")
            if reported:
                problems.append((f"no re-biopsy was done, yet {_join(reported)} reported",
                                 ("biopsy", "alk_mutations", "bypass_alterations", "transformation")))
        if c.compound is True and len(c.alk_mutations or ()) < 2:
            problems.append(("compound mutations are stated but fewer than two ALK mutations are listed",
                             ("compound", "alk_mutations")))
        if c.brain_metastases is False and (c.progression == "cns_only" or c.cns_lesions is not None
                                            or c.leptomeningeal is True):
            problems.append(("CNS disease is described, yet brain metastases are recorded as absent",
                             ("brain_metastases", "progression", "cns_lesions")))
        if c.progression == "indolent" and c.symptomatic is True:
            problems.append(("progression is called indolent (asymptomatic), yet the patient is symptomatic",
                             ("progression", "symptomatic")))
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
        run.apply("P1", c.goals_of_care or "unknown")
        if c.transformation in ("small_cell", "small_cell_mixed"):
            run.caveat("transformation_under_ps")
        return True

    def _histology(self, run: _Run) -> bool:
        c = run.case
        if c.transformation in ("small_cell", "small_cell_mixed"):
            return run.apply("H1", c.transformation)
        if c.transformation is None and c.biopsy in ("tissue", "tissue_and_plasma"):
            run.would_help("transformation")
        return False

    def _pattern(self, run: _Run) -> bool:
        c = run.case
        pattern = c.progression
        if pattern is None:
            run.need("progression")
            return False
        if pattern == "oligoprogression":
            return run.apply("S1")
        if pattern == "indolent":
            return run.apply("S4")
        if pattern == "none":
            chemo = c.current_therapy in ("chemotherapy", "chemo_immunotherapy")
            return run.apply("S5", "chemotherapy" if chemo else "tki")
        if pattern != "cns_only":
            return False
        if c.leptomeningeal:
            return run.apply("S3", "leptomeningeal")
        if c.cns_lesions == "extensive" or c.symptomatic:
            detail = [w for w, on in (("extensive", c.cns_lesions == "extensive"), ("symptomatic", c.symptomatic)) if on]
            return run.apply("S3", cns_detail=" and ".join(detail))
        for name in ("cns_lesions", "leptomeningeal", "symptomatic"):
            if getattr(c, name) is None:
                run.need(name)
        if c.cns_lesions == "limited":
            unsure = c.leptomeningeal is None or c.symptomatic is None
            return run.apply("S2", "unconfirmed" if unsure else "default")
        return run.apply("S3", "uncharacterised")

    def _resistance(self, run: _Run) -> bool:
        c = run.case
        if c.biopsy is None:
            if not (c.alk_mutations or c.bypass_alterations):
                run.need("biopsy")
                return run.apply("M8", "pending")
            run.would_help("biopsy")  # findings were reported, so something was tested; the sample type is unsaid
        if c.biopsy == "none":
            return run.apply("M8", "none")
        if run.flags or run.unknown_bypass:
            impossible = [f for f in run.flags if f.impossible]
            if impossible:
                run.need("alk_mutations")
            shown = impossible or run.flags
            for f in run.flags:
                run.caveat("unknown_variant", f.given, variant=f.given, problem=f.problem[0].upper() + f.problem[1:] + ".")
            for given in run.unknown_bypass:
                run.caveat("unknown_bypass", given, variant=given)
            if shown:
                run.apply("M9", "impossible" if impossible else "unknown",
                          variants=_join(f.given for f in shown), problem="; ".join(f.problem for f in shown))
            else:
                run.apply("M9", "unknown", variants=_join(run.unknown_bypass), problem="not a known bypass alteration")
            return self._molecular(run, secondary=True)
        return self._molecular(run, secondary=False)

    def _molecular(self, run: _Run, secondary: bool) -> bool:
        """M3, M2, M1, M5, M6, M7, M4 on the findings the knowledge base can interpret."""
        c, kb = run.case, self.kb
        for b in run.bypass["no_implication"]:
            run.caveat("bypass_no_implication", b, bypass=kb.bypass[b].label)
        actionable_bypass = run.bypass["met"] + run.bypass["other"]
        if run.known:
            if actionable_bypass:
                run.caveat("co_occurring_bypass")
            for name in run.known:
                note = kb.mutations[name].note
                if note:
                    run.caveat("mutation_note", name, variant=name, note=" ".join(note.split()))
            if c.biopsy == "plasma":
                run.caveat("plasma_only_mutation")
            if len(run.known) >= 2 and c.compound is not False:
                if c.compound is None:
                    run.need("compound")
                return run.apply("M3", "compound" if c.compound else "unknown_phase", secondary)
            run.apply("M2" if "G1202R" in run.known else "M1", secondary=secondary)
            self._second_gen_fallback(run)
            return True
        if run.bypass["met"]:
            return run.apply("M5", secondary=secondary)
        if run.bypass["other"]:
            run.apply("M6", secondary=secondary)
            if any(b.startswith("KRAS") for b in run.bypass["other"]):
                self._avoid_regimen(run, "kras_inhibitor_monotherapy")
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

    def _second_gen_fallback(self, run: _Run) -> None:
        if not set(run.known) <= SECOND_GEN_FALLBACK_MUTATIONS:
            return
        prior = run.case.prior_tkis or ()
        for drug in SECOND_GEN_FALLBACK_DRUGS:
            if drug in prior:
                continue
            if all(self.kb.mutations[m].activity[drug].call in ACTIVE for m in run.known):
                run.alternatives.append(drug)
                run.why.setdefault(drug, f"Only if lorlatinib cannot be used: active against {_join(run.known)}, "
                                         "with modest benefit after a second-generation TKI.")
                run.caveat("second_gen_switch")

    # ---- safety filters and modifiers ------------------------------------------------------------------------------

    def _avoid_regimen(self, run: _Run, therapy: str) -> None:
        reg = self.kb.regimens[therapy]
        run.add_avoid(therapy, reg.avoid_reason or reg.label, reg.evidence)

    def _resistance_calls(self, run: _Run) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """drug -> [(mutation or pair, evidence)] for every reported finding the table marks resistant."""
        kb, c = self.kb, run.case
        sources: list[tuple[str, Mapping[str, knowledge.Activity]]] = [(m, kb.mutations[m].activity) for m in run.known]
        if len(run.known) >= 2 and c.compound is not False:
            entry = kb.compounds.get(frozenset(run.known))
            sources.append(("+".join(run.known) + " (compound)",
                            entry.activity if entry is not None and len(run.known) == 2 else kb.compound_default))
        out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for label, activity in sources:
            for drug, cell in activity.items():
                if cell.call == "resistant":
                    out.setdefault(drug, []).append((label, cell.evidence))
        return out

    def _filter(self, run: _Run) -> None:
        kb, c = self.kb, run.case
        resistant = self._resistance_calls(run) if run.known else {}
        for drug, hits in resistant.items():
            therapy = self.tki_regimen.get(drug)
            if therapy is not None:
                run.add_avoid(therapy, f"Resistant to {_join(h[0] for h in hits)} in the mutation table.",
                              _unique(e for h in hits for e in h[1]))
        if c.ecog is not None and c.ecog >= 3:  # P1/P2: no cytotoxic chemotherapy or immunotherapy, said outright
            for therapy, k in self.poor_ps_contraindications:
                run.add_avoid(therapy, k.reason, k.evidence)
        squamous = c.histology == "squamous" or c.transformation == "squamous"
        if squamous:
            for i, therapy in enumerate(run.preferred + run.alternatives):
                if therapy in ("platinum_pemetrexed", "abcp"):
                    target = run.preferred if i < len(run.preferred) else run.alternatives
                    target.insert(target.index(therapy), "platinum_paclitaxel")
                    run.why.setdefault("platinum_paclitaxel", "Squamous-compatible chemotherapy in place of "
                                                              "pemetrexed or bevacizumab regimens.")
                    break
        holding = set()
        if squamous:
            holding.add("squamous")
        if c.ecog is not None and c.ecog >= 3:
            holding.add("ecog_3_4")
        had_preferred = bool(run.preferred)
        seen: set[str] = set()
        run.preferred, run.alternatives = (self._keep(run, slot, holding, seen)
                                           for slot in (run.preferred, run.alternatives))
        # X1: after a second-generation TKI, another one is never the preferred choice.
        if self.second_gen.intersection(c.prior_tkis or ()):
            demoted = [t for t in run.preferred if kb.regimens[t].drug in self.second_gen]
            run.preferred = [t for t in run.preferred if t not in demoted]
            run.alternatives = demoted + run.alternatives
        if had_preferred and not run.preferred:
            promoted = run.alternatives.pop(0) if run.alternatives else "molecular_tumor_board"
            run.preferred = [promoted]
            run.why[promoted] = ("The options the rule names are resistant or contraindicated here; "
                                 + run.why.get(promoted, kb.regimens[promoted].label))

    def _keep(self, run: _Run, therapies: list[str], holding: set[str], seen: set[str]) -> list[str]:
        """The therapies that may be offered, in order, once; the contraindicated ones go to 'avoid'."""
        kept = []
        for therapy in therapies:
            reg = self.kb.regimens[therapy]
            if therapy in seen or reg.avoid_only or therapy in run.avoid:
                continue
            contra = next((k for k in reg.contraindications if k.when in holding), None) if holding else None
            if contra is not None:
                run.add_avoid(therapy, contra.reason, contra.evidence)
                continue
            seen.add(therapy)
            kept.append(therapy)
        return kept

    def _modifiers(self, run: _Run) -> None:
        kb, c = self.kb, run.case
        run.apply("X1")
        for therapy, entry in self.always_avoid:
            if therapy not in run.avoid:
                run.avoid[therapy] = entry
        if c.histology == "squamous" or c.transformation == "squamous":
            run.apply("X2", histology_detail="Squamous histology" if c.histology == "squamous"
                      else "Squamous transformation")
        offered = set(run.preferred) | set(run.alternatives)
        if "lorlatinib" in offered:
            if c.strong_cyp3a_inducer:
                run.apply("X3")
            elif c.strong_cyp3a_inducer is None:
                run.would_help("strong_cyp3a_inducer")
        if "lorlatinib" in run.preferred:
            comorbid = set(c.comorbidities or ())
            lipids = comorbid & {"hyperlipidemia", "cardiovascular_disease"}
            psych = "psychiatric_history" in comorbid
            named = sorted(lipids) + (["psychiatric_history"] if psych else [])
            run.apply("X4", comorbidity_detail=(", all the more with " + _join(n.replace("_", " ") for n in named))
                      if named else "")
            for cid, caveat in self.lorlatinib_toxicities:
                run.caveats.setdefault(cid, caveat)
            if lipids:
                run.caveat("lipids_comorbidity")
            if psych:
                run.caveat("psychiatric_comorbidity")
        prior = c.prior_tkis or ()
        if "lorlatinib" in offered and prior and prior[0] in ("brigatinib", "ensartinib"):
            if c.region in kb.eu_regions:
                run.apply("X5")
            elif c.region is None:
                run.would_help("region")
        if c.histology is None and any(kb.regimens[t].kind in CHEMO_KINDS for t in offered):
            run.would_help("histology")

    # ---- the document ----------------------------------------------------------------------------------------------

    def _option(self, run: _Run, therapy: str, rule: str | None) -> dict[str, Any]:
        """A preferred option cites its rule's evidence and the regimen's; an alternative, the regimen's."""
        reg = self.kb.regimens[therapy]
        key = (rule, therapy)
        evidence = self._option_evidence.get(key)
        if evidence is None:
            rule_evidence = self.kb.rules[rule].evidence if rule else ()
            evidence = self._option_evidence[key] = _unique((*rule_evidence, *reg.evidence))
        return {"therapy": therapy, "label": reg.label, "why": run.why.get(therapy, reg.label), "evidence": list(evidence)}

    def _document(self, run: _Run, deciding: str | None) -> Recommendation:
        kb = self.kb
        preferred = [self._option(run, t, deciding) for t in run.preferred]
        alternatives = [self._option(run, t, None) for t in run.alternatives]
        avoid = [{"therapy": t, "label": kb.regimens[t].label, "reason": reason, "evidence": list(ev)}
                 for t, (reason, ev) in run.avoid.items()]
        caveats = [{"id": cid, "text": text, "evidence": list(ev)} for cid, (text, ev) in run.caveats.items()]
        caveats.append({"id": "disclaimer", "text": kb.disclaimer, "evidence": []})
        rationale = [dict(self._rule_items[rid], because=because, evidence=list(kb.rules[rid].evidence))
                     for rid, because in run.trace]
        keys = dict.fromkeys(chain.from_iterable(item["evidence"] for group in (rationale, preferred, alternatives,
                                                                                avoid, caveats) for item in group))
        return {
            "status": run.status,
            "knowledge_version": kb.version,
            "preferred": preferred,
            "alternatives": alternatives,
            "avoid": avoid,
            "caveats": caveats,
            "missing": list(_unique(run.required + run.optional)),
            "rationale": rationale,
            "evidence": [dict(self._evidence_items[k]) for k in keys],
        }

    def decide(self, case: Mapping[str, Any] | Case) -> Recommendation:
        """The recommendation for ``case``; raises CaseError (a ValueError) if the case breaks the schema."""
        run = self._start(validate_case(case))
        decided = (self._scope(run) or self._consistency(run) or self._performance(run) or self._histology(run)
                   or self._pattern(run) or self._resistance(run))
        assert decided
        deciding = next((rid for rid, _ in run.trace if rid != "G0" or not run.withhold), None)
        if run.withhold:
            run.preferred, run.alternatives = [], []
            run.trace = [t for t in run.trace if t[0] == "G0"]
            deciding = "G0"
        self._filter(run)
        self._modifiers(run)
        return self._document(run, deciding)
