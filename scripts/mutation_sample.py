"""A fixed random sample of mutant names per area, for `make mutation SAMPLE=n` (a full run takes hours on a
loaded 2-core machine; a sample gives an estimate of the score with its size stated).

Generates the mutants first when mutants/ has none (as `mutmut run` would), then prints up to n names per area of
scripts/mutation_score.py, drawn with a fixed seed so that reruns test the same mutants (before/after comparisons)
and a larger n extends a smaller sample.
Import-time mutants (not measurable under fork isolation) are left out.
Usage: python scripts/mutation_sample.py n [--seed S] [--area PREFIX]
--seed draws another sample (the default, 16, is the one `make mutation SAMPLE=n` uses; a fresh seed measures the
tests on mutants nobody looked at while writing them); --area keeps the areas whose name starts with PREFIX
(e.g. bot/decision), `--area all` every area.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mutation_score import AREAS, IMPORT_TIME, ROOT, all_mutants  # noqa: E402

SEED = 16


def generate() -> None:
    """Write mutants/ as `mutmut run` does before testing (mutmut 3.8.1 internals; pinned)."""
    import os

    from mutmut.__main__ import create_mutants
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir

    os.chdir(ROOT)
    set_mutant_under_test("mutant_generation")
    (ROOT / "mutants").mkdir(exist_ok=True)
    with contextlib.redirect_stdout(sys.stderr):  # stdout carries the names
        copy_src_dir()
        copy_also_copy_files()
        create_mutants(2)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, help="mutants per area")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--area", default="all", help="only the areas whose name starts with this")
    args = parser.parse_args()
    names = all_mutants(ROOT / "mutants")
    if not names:
        generate()
        names = all_mutants(ROOT / "mutants")
    for area, prefixes in AREAS.items():
        if args.area != "all" and not area.startswith(args.area):
            continue
        mine = sorted(m for m in names if m.startswith(prefixes) and not m.startswith(IMPORT_TIME))
        # Ordered by a hash of each name: a mutant in the sample stays in it when other functions gain or lose
        # mutants, and a larger n keeps the smaller sample.
        mine.sort(key=lambda name: hashlib.sha256(f"{args.seed}:{name}".encode()).hexdigest())
        print("\n".join(mine[: args.n]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
