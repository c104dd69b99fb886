"""Benchmark: the extractor's field-level precision, recall and F1 on the independent phrasing sets, and how long
`python -m bot extract` takes to answer.

tests/nlu/independent_tune.yml is the half the extractor was tuned on; tests/nlu/independent_heldout.yml (added by
the integrator) is the half it was not, and its figure is the one that says how well the extractor reads text it
has not seen. tests/nlu/independent_questions.yml, when present, holds questions that must change nothing: the
figure is how many of them did. Prints the figures and writes bench/results/nlu_phrasings.json. A benchmark, not a
test. Usage: python bench/nlu_phrasings.py [--misses] [--cli-runs 5]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.nlu import extractor  # noqa: E402
from tests.nlu import independent  # noqa: E402

CLI_TEXT = "ALK+ adeno, alectinib 26 mo, systemic PD in liver and bone, liver core bx NGS: ALK G1202R, no MET amp, ECOG 1"


def cli_seconds(runs: int) -> dict[str, Any]:
    """Seconds of a whole `python -m bot extract` process (start-up, imports, vocabulary, answer): wall clock, and
    the CPU time the process used (on a shared machine the wall clock also counts waiting for a core)."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot", "extract", CLI_TEXT], cwd=ROOT, check=True, capture_output=True,
                       env=dict(os.environ, RASA_TELEMETRY_ENABLED="false"))
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    code = ("import sys, bot.__main__ as m; m.main(['extract', 'x']); "
            "print(sorted(k for k in sys.modules if k.split('.')[0] in ('tensorflow', 'rasa', 'spacy', 'torch')))")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    return {"best": round(min(times), 3), "median": round(statistics.median(times), 3), "runs": runs,
            "cpu_best": round(min(cpu), 3), "cpu_median": round(statistics.median(cpu), 3),
            "heavy_modules_imported": loaded.stdout.strip().splitlines()[-1]}


# Messages of the chat's longest accepted length (5,000 characters) built to be slow to read: punctuation, one
# repeated cue, lists of sites, mutations, numbers, questions and negations.
HOSTILE = {"punctuation": "!?.,;:-" * 715, "sites": "progression in liver, bone and nodes; " * 130, "no": "no " * 1666,
           "mutations": "ALK G1202R " * 450, "numbers": "1234 " * 1000, "letters": "a" * 5000,
           "cues": ("no MET amp, KRAS or BRAF, what if ECOG were 3? alectinib after crizotinib stopped for "
                    "hepatotoxicity. ") * 40, "full-width": "G１２０２R " * 555}


def worst_case_ms() -> dict[str, float]:
    """CPU milliseconds to read each hostile message (the answer cache is cleared before each)."""
    reader = extractor.load()
    out = {}
    for name, text in HOSTILE.items():
        reader._last = ("", ())
        start = time.process_time()
        reader.entities(text[:5000])
        out[name] = round((time.process_time() - start) * 1000, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true", help="print every sentence not read exactly")
    parser.add_argument("--cli-runs", type=int, default=5)
    args = parser.parse_args()
    results: dict = {}
    for name, path in (("tune", independent.TUNE), ("heldout", independent.HELDOUT)):
        if not path.exists():
            print(f"{name}: {path.relative_to(ROOT)} not present")
            continue
        s = independent.score(independent.items(path), extractor.extract_case)
        results[name] = {**s.summary(), "misses": s.misses}
        print(f"{name} ({s.items} sentences): precision {s.precision:.3f}, recall {s.recall:.3f}, F1 {s.f1:.3f}; "
              f"{s.exact} read exactly")
        if args.misses:
            for m in s.misses:
                print(f"  [{m['class']}] {m['text']!r}\n      extra={m['extra']} missing={m['missing']}")
    if independent.QUESTIONS.exists():
        rows = independent.items(independent.QUESTIONS)
        changed = [r["text"] for r in rows if extractor.extract_case(r["text"])]
        results["questions"] = {"items": len(rows), "changed_the_case": len(changed), "examples": changed[:20]}
        print(f"questions ({len(rows)}): {len(changed)} would change the case")
    results["worst_case_ms_5000_chars"] = worst = worst_case_ms()
    print(f"reading a hostile 5,000-character message: worst {max(worst.values())} ms CPU ({worst})")
    results["cli_extract_seconds"] = cli = cli_seconds(args.cli_runs)
    print(f"python -m bot extract over {cli['runs']} runs: wall best {cli['best']} s, median {cli['median']} s; "
          f"CPU best {cli['cpu_best']} s, median {cli['cpu_median']} s (target < 1 s); heavy modules imported: "
          f"{cli['heavy_modules_imported']}")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "nlu_phrasings.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
