"""The mutation score of the last `make mutation` run, per area, with the surviving mutants by function.

Reads mutmut's per-file results (mutants/**/*.py.meta). A mutant counts as killed when a test failed (or timed
out) with it in place; 'no tests' and survivors count against the score; mutants not run are left out (a sampled
run, `make mutation SAMPLE=n`, says how many of the area's mutants it ran). Mutants listed in EQUIVALENT (no
observable change, each with the reason) are reported apart, never counted as killed.
Prints the table and writes mutants/mutation-score.json.
Usage: python scripts/mutation_score.py [--survivors] [--only FILE]
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parents[1]
# Areas the score is reported for: a name and the mutant-name prefixes it covers.
AREAS = {
    "bot/decision": ("bot.decision.",),
    "extractor negation and role logic (bot/nlu/context/)": ("bot.nlu.context.",),
}
# Functions that run only when their module is imported: under fork isolation (setup.cfg) their mutants are never
# exercised, so they are counted apart rather than as survivors (the validator property test covers them).
IMPORT_TIME = ("bot.decision.case.x__typed__",)
DETECTED = ("killed", "timeout", "segfault")
# Equivalent mutants: the mutated code behaves exactly as the original for every input the engine can receive.
# name -> why. Checked by hand with `mutmut show <name>`; a renumbering after an edit of the function makes an entry
# stale, so an entry whose mutant is not a survivor any more is reported.
EQUIVALENT: dict[str, str] = {
    "bot.decision.engine.xǁEngineǁ_options__mutmut_24":
        "why.get(therapy, label) -> why.get(therapy): every path that offers a therapy (apply, the 'instead' of "
        "_keep, the promotion in _filter, _after_lorlatinib, _second_gen_fallback) sets its why first, so the "
        "default is never used",
    "bot.decision.engine.xǁ_Runǁapply__mutmut_13":
        "v.rank > _RANK[self.status] -> >=: on equal rank the status is set to the value it already has",
    "bot.decision.engine.xǁEngineǁ_start__mutmut_21":
        "the default (None, 0, '') -> (None, 0, 'XXXX'): its third item is discarded (ref, pos, _)",
    "bot.decision.case.x__explain__mutmut_4":
        "err.name or '' -> or 'XXXX': fastjsonschema names the path of every error it raises ('data' or "
        "'data.<field>...'), so the default is never used",
    "bot.decision.case.x__explain__mutmut_7":
        "'.' in path -> ('.' in path) or True: a path without a dot is 'data', and 'data'.partition('.')[2] is '', "
        "what the else branch gives",
    "bot.decision.case.x__explain__mutmut_9":
        "path.partition('.') -> rpartition('.'): case.schema.json has no nested objects and no field name with a "
        "dot, so an error's path has one dot ('data.<field>' or 'data.<field>[i]') and both split there",
    "bot.decision.case.x__explain__mutmut_14":
        "the else '' -> 'XXXX': a path without a dot is an error at the root, and the root's only checks are its "
        "type (validate_case refuses a non-object first) and additionalProperties (which does not use the name)",
    "bot.decision.case.x__show__mutmut_3":
        "ensure_ascii=False -> ensure_ascii=None: json.dumps tests it for truth only",
    "bot.decision.engine.xǁEngineǁ_consistency__mutmut_14":
        "not (indolent and symptomatic) -> not (indolent or symptomatic) in the shortcut that skips the checks: the "
        "mutant takes the shortcut less often, and the full checks then find no contradiction in those cases either",
    "bot.decision.engine.xǁEngineǁ_molecular__mutmut_83":
        "M8 pending's secondary -> None: secondary is true only after M9, which needs a flagged mutation or an unknown "
        "bypass alteration (a list given), and M8 pending needs both lists unknown; False and None act alike",
    "bot.decision.engine.xǁEngineǁ_molecular__mutmut_86":
        "M8 pending's secondary argument dropped (default False): as _molecular__mutmut_83",
    "bot.decision.engine.xǁEngineǁ_cns_weighting__mutmut_20":
        "preferred[0] != 'lorlatinib' -> != 'LORLATINIB': when lorlatinib is first, the next test (the first option "
        "is chemotherapy) is false anyway, lorlatinib being an ALK TKI in regimens.yml",
    "bot.decision.engine.xǁEngineǁ_resistance__mutmut_111":
        "_molecular(secondary=False) -> secondary=None: secondary is only tested for truth",
    "bot.decision.engine.xǁEngineǁ_start__mutmut_54":
        "_Flag(..., impossible=False) -> None for a variant outside the kinase domain: impossible is only tested "
        "for truth",
    "bot.decision.engine.x__join__mutmut_9":
        "if items -> if items or True: every caller passes at least one item (each call is guarded or its list is "
        "non-empty by construction), so the 'none' branch is never taken",
    "bot.decision.engine.x__join__mutmut_20": "'none' -> 'XXnoneXX': never returned (as x__join__mutmut_9)",
    "bot.decision.engine.x__join__mutmut_21": "'none' -> 'NONE': never returned (as x__join__mutmut_9)",
    "bot.decision.engine.xǁEngineǁ_start__mutmut_20":
        "the default position of an unparseable notation 0 -> 1: its reference letter is None (so the residue is not "
        "compared), and residues 0 and 1 both lie outside the kinase domain; the flag does not name the position",
    "bot.decision.engine.xǁEngineǁ_start__mutmut_65":
        "_Flag(..., impossible=False) -> None for an untabled variant: impossible is only tested for truth",
    "bot.decision.engine.xǁ_Runǁ__init____mutmut_27": "withhold = False -> None: only tested for truth",
    "bot.decision.engine.xǁ_Runǁ__init____mutmut_29": "after_lorlatinib = False -> None: only tested for truth",
    "bot.decision.engine.xǁ_Runǁ__init____mutmut_31":
        "conditions = set() -> None: _start always sets run.conditions before anything reads it",
    "bot.decision.engine.xǁ_Runǁ__init____mutmut_33":
        "members = [] -> None: left so only when no mutation is reported, where members is only tested for truth "
        "(every other use is behind run.compound, which is then false)",
    "bot.decision.engine.xǁ_Runǁ__init____mutmut_34": "compound = False -> None: only tested for truth",
    "bot.decision.engine.xǁEngineǁ_avoid_resistant__mutmut_3":
        "the one-mutation memo not used (alone = None): the general path gives the same entries (label = the "
        "mutation's name, the same evidence in the same order); the memo only saves time",
    "bot.decision.engine.xǁEngineǁ_avoid_resistant__mutmut_4": "memo looked up with None: a miss, as _mutmut_3",
    "bot.decision.engine.xǁEngineǁ_avoid_resistant__mutmut_7": "memo looked up with id(None): a miss, as _mutmut_3",
    "bot.decision.engine.xǁEngineǁ_consistency__mutmut_115":
        "name == 'biopsy' -> == 'XXbiopsyXX': the biopsy contradiction arises only when biopsy is 'none', which is not "
        "None, so the field is asked again by the second test anyway",
    "bot.decision.engine.xǁEngineǁ_consistency__mutmut_116": "name == 'biopsy' -> == 'BIOPSY': as _mutmut_115",
    "bot.decision.engine.xǁEngineǁ_molecular__mutmut_100": "pending = False -> None: only tested for truth",
    "bot.decision.engine.xǁEngineǁ_table_rows__mutmut_21":
        "listed pairs among the members: pair <= members -> pair < members: this branch runs only when the members "
        "are not themselves a listed pair (exact is None), so no listed pair equals them",
    "bot.decision.engine.xǁEngineǁ_table_rows__mutmut_32":
        "run.rows = rows -> None: the memo is not kept and the rows are worked out again, the same",
    "bot.decision.engine.xǁEngineǁ_options__mutmut_22":
        "why.get(therapy, label) -> why.get(therapy, None): as _options__mutmut_24, every offered therapy has a why",
    "bot.decision.engine.xǁEngineǁ_options__mutmut_4":
        "the option-evidence memo not read (evidence = None): the union is worked out again, the same",
    "bot.decision.engine.xǁEngineǁ_options__mutmut_5": "the memo read with None: a miss, as _options__mutmut_4",
    "bot.decision.engine.xǁEngineǁ__init____mutmut_83":
        "the one-mutation memo keyed with id(None): every look-up misses and the general path gives the same "
        "entries (as _avoid_resistant__mutmut_3)",
    "bot.decision.engine.xǁ_Runǁapply__mutmut_7":
        "fmt(because) even when not templated: fmt returns a sentence without '{' unchanged",
    "bot.decision.engine.xǁ_Runǁapply__mutmut_43":
        "fmt(caveat text) even when not templated: fmt returns a text without '{' unchanged",
    "bot.decision.engine.xǁEngineǁ_cns_weighting__mutmut_19":
        "preferred[0] != 'lorlatinib' -> != 'XXlorlatinibXX': as _cns_weighting__mutmut_20",
    "bot.decision.engine.xǁEngineǁ_keep__mutmut_12":
        "reg.drug is not None and (...) -> or (...): a regimen without a drug then asks _tki_block about None, which "
        "is in no prior, intolerant or early-generation list, so the answer is None (no block) as before",
    "bot.decision.engine.xǁEngineǁ_cyp3a__mutmut_51":
        "why.get('lorlatinib', label) -> why.get('lorlatinib', None): lorlatinib is offered here, and every offered "
        "therapy has a why (as _options__mutmut_24)",
    "bot.decision.engine.xǁEngineǁ_cyp3a__mutmut_53": "why.get('lorlatinib') without a default: as _cyp3a__mutmut_51",
    "bot.nlu.context.order.x__chronological__mutmut_16":
        "len(tkis) > 1 -> >= 1: ordering a single TKI by its line gives the same single TKI",
    "bot.nlu.context.order.x__chronological__mutmut_22":
        "sorted(zip(lines, tkis), key=p[0]) -> key=None: the lines are distinct there (checked just before), so "
        "tuples never compare their second item",
    "bot.nlu.context.cues.xǁCuesǁ__init____mutmut_69":
        "the words of the lookahead (?!after|following|...) upper-cased: _before compiles with re.IGNORECASE",
}


def wilson(killed: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % (Wilson score) interval of a score measured on a random sample of n mutants."""
    if n == 0:
        return 0.0, 1.0
    p = killed / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def all_mutants(mutants: Path) -> list[str]:
    """Every mutant name mutmut generated (run or not)."""
    return [name for meta in mutants.rglob("*.py.meta") for name in json.loads(meta.read_text())["exit_code_by_key"]]


def results(mutants: Path) -> dict[str, str]:
    """mutant name -> mutmut status, for every mutant that was run."""
    out = {}
    for meta in mutants.rglob("*.py.meta"):
        for name, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            if code is not None:
                out[name] = status_by_exit_code[code]
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--survivors", action="store_true", help="list every surviving mutant")
    parser.add_argument("--only", type=Path, help="score only the mutants named in this file, one a line (a sample: "
                        "`python scripts/mutation_sample.py n --seed s > file`)")
    args = parser.parse_args()
    statuses = results(ROOT / "mutants")
    if args.only:
        chosen = set(args.only.read_text().split())
        statuses = {n: s for n, s in statuses.items() if n in chosen}
        print(f"the {len(chosen)} mutants named in {args.only}: {len(statuses)} of them run")
    if not statuses:
        print("no mutmut results under mutants/: run `make mutation` first", file=sys.stderr)
        return 2
    report = {}
    generated = all_mutants(ROOT / "mutants")
    import_time = {n for n in statuses if n.startswith(IMPORT_TIME)}
    if import_time:
        print(f"not measurable under fork isolation (import-time code): {len(import_time)} mutants")
    stale = sorted(n for n in EQUIVALENT if statuses.get(n) in DETECTED or n not in generated)
    if stale:
        print(f"EQUIVALENT entries that are killed or gone (renumbered?): {', '.join(stale)}")
    for area, prefixes in AREAS.items():
        ran = {n: s for n, s in statuses.items() if n.startswith(prefixes) and n not in import_time}
        equivalent = sorted(n for n in ran if n in EQUIVALENT and ran[n] not in DETECTED)
        mine = {n: s for n, s in ran.items() if n not in equivalent}
        total = sum(1 for n in generated if n.startswith(prefixes) and not n.startswith(IMPORT_TIME))
        counts = Counter(mine.values())
        killed = sum(counts[s] for s in DETECTED)
        survivors = sorted(n for n, s in mine.items() if s not in DETECTED)
        by_function = Counter(re.sub(r"__mutmut_\d+$", "", n) for n in survivors)
        low, high = wilson(killed, len(mine))
        report[area] = {"mutants": len(mine), "generated": total, "killed": killed,
                        "score": round(killed / len(mine), 4) if mine else None,
                        "interval95": [round(low, 4), round(high, 4)], "statuses": dict(counts),
                        "equivalent": {n: EQUIVALENT[n] for n in equivalent},
                        "survivors_by_function": dict(by_function.most_common())}
        sampled = f"; 95% interval {low:.1%} to {high:.1%} if a random sample" if len(ran) < total else ""
        print(f"{area}: {killed}/{len(mine)} killed ({killed / max(len(mine), 1):.1%}) of {len(ran)} run "
              f"(of {total} generated){sampled}; {len(equivalent)} equivalent set apart; {dict(counts)}")
        for function, n in by_function.most_common(12):
            print(f"    {n:4} surviving in {function}")
        if args.survivors:
            print("\n".join(f"      {n} ({mine[n]})" for n in survivors))
            print("\n".join(f"      {n} (equivalent: {EQUIVALENT[n]})" for n in equivalent))
    (ROOT / "mutants" / "mutation-score.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
