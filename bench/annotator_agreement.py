"""Benchmark: how often two careful human readers agree on the case fields a sentence states, against which the
extractor's F1 on the independent sets is to be read, and the extractor's F1 on what the two agree on.

Two samples of second-annotator labels, each written blind (from the schema, the clinical reference and README's
conventions, without the sets' labels, the extractor or its vocabulary):
- tests/nlu/second_annotator.yml (2026-12-02): 300 sentences of the tuning halves of sets 3-6, keyed by text.
- tests/nlu/second_annotator_20sets_tune.yml and ..._heldout.yml (2026-12-07): 15 sentences of each of the twenty
  sets' tuning halves and 15 of each held-out half (300 and 300), keyed by set, row and a digest of the sentence.

For each sample it prints the field-level precision/recall/F1 of the second annotator (A) against the sets' writers
(W), of the extractor (E) against each, and of the extractor against the CONSENSUS: for each sentence, the fields on
which A and W agree (both silent included, so that a field the extractor reads there is an extra), the fields on
which they differ left out. The consensus figure separates what the extractor misses from where the labels are a
matter of convention. The labels of both humans and the extractor's reading get the same as-taken step (ALK-positive
from a named TKI, mutation or fusion at progression, tests/nlu/independent.py `reader`), since half of the writers
labelled so. Held-out samples print aggregates only. Writes bench/results/annotator_agreement.json.

Usage: python bench/annotator_agreement.py [--by-field]
       python bench/annotator_agreement.py --draw DIR   (the sentences of a new sample, without labels, for a new
       annotator: DIR/tune_{a,b,c}.yml and DIR/heldout_{a,b,c}.yml)
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from tests.nlu import independent  # noqa: E402

SECOND = ROOT / "tests" / "nlu" / "second_annotator.yml"
PER_SET, BATCHES, SEED = 15, 3, 20261207


def draw(folder: Path) -> None:
    """The sample of 2026-12-07: one random.Random(SEED + tuned) draws PER_SET rows of each set in SETS order, then
    shuffles them and deals them into BATCHES files. Texts only: no label is written."""
    folder.mkdir(parents=True, exist_ok=True)
    for tuned in (True, False):
        rng, chosen = random.Random(SEED + tuned), []
        for f in independent.FILES:
            if f.kind == "findings" and f.tuned == tuned:
                rows = independent.items(f.path)
                chosen += [{"id": f"{f.set}:{i}", "text": rows[i]["text"]}
                           for i in sorted(rng.sample(range(len(rows)), PER_SET))]
        rng.shuffle(chosen)
        for b in range(BATCHES):
            path = folder / f"{'tune' if tuned else 'heldout'}_{'abc'[b]}.yml"
            path.write_text("# Texts to label (ids only name the source; no labels here).\n"
                            + yaml.safe_dump(chosen[b::BATCHES], allow_unicode=True, sort_keys=False, width=120),
                            encoding="utf-8")
            print(f"{path}: {len(chosen[b::BATCHES])} sentences")


def sample(half: str) -> list[dict[str, Any]]:
    """independent.second_sample, stopping where a set's file was edited under a label (set and row named only)."""
    rows = independent.second_sample(half)
    for row in rows:
        if not row["matches"]:
            sys.exit(f"set {row['set']} row {row['row']} is no longer the sentence the second annotator labelled")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--by-field", action="store_true", help="also the counts per field (aggregates)")
    parser.add_argument("--draw", type=Path, metavar="DIR", help="write a new sample's sentences, without labels")
    args = parser.parse_args()
    if args.draw:
        return draw(args.draw)
    from bot.nlu import extractor

    second = {r["text"]: r.get("expect") or {} for r in independent.items(SECOND)}
    old = [{"set": f.set, "text": r["text"], "writer": r.get("expect") or {}, "second": second[r["text"]]}
           for f in independent.FILES if f.kind == "findings" and f.tuned
           for r in independent.items(f.path) if r["text"] in second]
    if len(old) != len(second):
        sys.exit(f"{len(second) - len(old)} sentences of {SECOND.name} are not in a tuning half any more")
    results: dict[str, Any] = {}
    for title, rows in (("sets 3-6, tuning halves (2026-12-02)", old),
                        ("twenty sets, tuning halves (2026-12-07)", sample("tune")),
                        ("twenty sets, HELD-OUT halves (2026-12-07)", sample("heldout"))):
        print(f"{title}: {len(rows)} sentences")
        results[title] = {}
        for name, s in independent.agreement(rows, extractor.extract_case).items():
            results[title][name] = {**s.summary(), "by_field": s.fields}
            print(f"  {name:24s} precision {s.precision:.3f}, recall {s.recall:.3f}, F1 {s.f1:.3f}; "
                  f"{s.exact} identical")
            if args.by_field:
                for field_name, (tp, fp, fn) in sorted(s.fields.items()):
                    print(f"      {field_name:28s} tp {tp:4d}  fp {fp:3d}  fn {fn:3d}")
    write_results("annotator_agreement", results)


if __name__ == "__main__":
    main()
