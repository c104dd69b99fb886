"""The mutation score of the last `make mutation` run, per area, with the surviving mutants by function.

Reads mutmut's per-file results (mutants/**/*.py.meta). A mutant counts as killed when a test failed (or timed
out) with it in place; 'no tests' and survivors count against the score; mutants not run are left out.
Prints the table and writes mutants/mutation-score.json. Usage: python scripts/mutation_score.py [--survivors]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parents[1]
# Areas the score is reported for: a name and the mutant-name prefixes it covers.
AREAS = {
    "bot/decision": ("bot.decision.",),
    "extractor negation and role logic (bot/nlu/context.py)": ("bot.nlu.context.",),
}
# Functions that run only when their module is imported: under fork isolation (setup.cfg) their mutants are never
# exercised, so they are counted apart rather than as survivors (the validator property test covers them).
IMPORT_TIME = ("bot.decision.case.x__typed__",)
DETECTED = ("killed", "timeout", "segfault")


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
    args = parser.parse_args()
    statuses = results(ROOT / "mutants")
    if not statuses:
        print("no mutmut results under mutants/: run `make mutation` first", file=sys.stderr)
        return 2
    report = {}
    import_time = {n for n in statuses if n.startswith(IMPORT_TIME)}
    if import_time:
        print(f"not measurable under fork isolation (import-time code): {len(import_time)} mutants")
    for area, prefixes in AREAS.items():
        mine = {n: s for n, s in statuses.items() if n.startswith(prefixes) and n not in import_time}
        counts = Counter(mine.values())
        killed = sum(counts[s] for s in DETECTED)
        survivors = sorted(n for n, s in mine.items() if s not in DETECTED)
        by_function = Counter(re.sub(r"__mutmut_\d+$", "", n) for n in survivors)
        report[area] = {"mutants": len(mine), "killed": killed, "score": round(killed / len(mine), 4) if mine else None,
                        "statuses": dict(counts), "survivors_by_function": dict(by_function.most_common())}
        print(f"{area}: {killed}/{len(mine)} killed ({killed / max(len(mine), 1):.1%}); {dict(counts)}")
        for function, n in by_function.most_common(12):
            print(f"    {n:4} surviving in {function}")
        if args.survivors:
            print("\n".join(f"      {n} ({mine[n]})" for n in survivors))
    (ROOT / "mutants" / "mutation-score.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
