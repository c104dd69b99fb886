"""Benchmark: how often two careful human readers agree on the case fields a sentence states, against which the
extractor's F1 on the independent sets is to be read. tests/nlu/second_annotator.yml holds a second annotator's
labels for 300 sentences of the tuning halves of sets 3-6 (written without the sets' labels); this prints the
field-level precision/recall/F1 of the second annotator against the sets' writers, and of the extractor against
each (the extractor was tuned on these sentences, so its figure here is an upper bound of its held-out one).
Writes bench/results/annotator_agreement.json. Usage: python bench/annotator_agreement.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from bot.nlu import extractor  # noqa: E402
from tests.nlu import independent  # noqa: E402

SECOND = ROOT / "tests" / "nlu" / "second_annotator.yml"


def main() -> None:
    second = {r["text"]: r.get("expect") or {} for r in independent.items(SECOND)}
    writers = {r["text"]: r for f in independent.FILES if f.kind == "findings" and f.tuned
               for r in independent.items(f.path) if r["text"] in second}
    missing = set(second) - set(writers)
    if missing:
        sys.exit(f"{len(missing)} sentences of {SECOND.name} are not in a tuning half any more")
    by_writer = list(writers.values())
    by_second = [{"text": t, "expect": e} for t, e in second.items()]
    figures = {
        "second annotator vs writers": independent.score(by_writer, second.__getitem__),
        "extractor vs writers": independent.score(by_writer, extractor.extract_case),
        "extractor vs second annotator": independent.score(by_second, extractor.extract_case),
    }
    results = {}
    for name, s in figures.items():
        results[name] = s.summary()
        print(f"{name} ({s.items} sentences): precision {s.precision:.3f}, recall {s.recall:.3f}, F1 {s.f1:.3f}; "
              f"{s.exact} identical")
    write_results("annotator_agreement", results)


if __name__ == "__main__":
    main()
