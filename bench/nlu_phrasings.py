"""Benchmark: the extractor's field-level precision, recall and F1 on the independent phrasing sets, how long
`python -m bot extract` takes to answer, and the worst case of the reader and of the spaCy pipeline that hosts it in
the Rasa server on hostile 5,000-character messages.

The independent sets (tests/nlu/independent.py SETS), each with a half the extractor was tuned on and a half it was
not (independent_heldout.yml, independent2_heldout.yml, ...): the held-out figures are the ones that say how well the
extractor reads text it has not seen. The questions files hold questions that must change nothing: the figure is how
many of them did. Sentences of a held-out file are never printed nor saved, whatever the flags. Prints the figures
and writes bench/results/nlu_phrasings.json (not with --phrasings-only). A benchmark, not a test.
Usage: python bench/nlu_phrasings.py [--misses] [--phrasings-only] [--by-field] [--cli-runs 5]
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
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
                    "hepatotoxicity. ") * 40, "full-width": "G１２０２R " * 555,
           "question cues": "wht abt lorla? is lorla used? G1202R - is it real? lorla ok w EGFR on ctDNA - is it " * 57,
           "long words": " ".join(f"lor{chr(97 + i % 26)}{chr(97 + (i // 26) % 26)}atinibx" for i in range(400)),
           # runs a pattern could split among its repeats (tests/nlu/test_pattern_audit.py): a checklist's dotted
           # leaders after findings, an aligned line's spaces, one long word after a question
           "leaders": ("ECOG 0-2 " + "." * 60 + " Y\nStrong CYP3A inducer use " + "." * 50 + " N\n") * 30,
           "aligned": ("Brain" + " " * 60 + "stable new liver x2 bone lesions seen today\n") * 45,
           "long word": "What now? " + "a" * 4900 + " x?y"}


def worst_case_ms(read: Callable[[str], Any], reader: extractor.Extractor) -> dict[str, float]:
    """CPU milliseconds for ``read`` to read each hostile message (``reader``'s answer cache cleared before each)."""
    out = {}
    for name, text in HOSTILE.items():
        for kept in (reader, reader.context):  # the per-text readings kept (cues._per_text)
            getattr(kept, "_last", {}).clear()
        start = time.process_time()
        read(text[:5000])
        out[name] = round((time.process_time() - start) * 1000, 1)
    return out


def pipeline_worst_case_ms() -> dict[str, float]:
    """The same for the spaCy pipeline the Rasa server reads with (var/nlu/clinical, or built now): tokenizer,
    reader and spans."""
    from bot.nlu import build, pipeline  # spaCy (and TensorFlow through thinc) only for this figure

    nlp = pipeline.load(build.DEFAULT_PATH)
    return worst_case_ms(nlp, nlp.get_pipe(pipeline.COMPONENT).extractor)


def phrasing_figures(show_misses: bool, by_fields: bool = False) -> dict[str, Any]:
    """Precision, recall and F1 per findings file and the questions that changed the case per questions file, tuned
    and held-out apart. Sentences (misses, questions that changed the case) are printed and saved only for the files
    the extractor was tuned on: a held-out file gives its aggregate figures and nothing else. ``by_fields``: also print
    each field's errors over all tuned and all held-out halves (always saved)."""
    results: dict[str, Any] = {}
    pooled = {True: independent.Score(), False: independent.Score()}  # every set's tuned / held-out halves together
    newest = independent.SETS[-1].id
    older = independent.Score()  # the held-out halves of every set but the newest: the figure a new set is added to
    for f in independent.FILES:
        if not f.path.exists():
            print(f"{f.name}: {f.path.relative_to(ROOT)} not present")
            continue
        rows = independent.items(f.path)
        if f.kind == "findings":
            s = independent.score(rows, independent.reader(f.set, extractor.extract_case),
                                  independent.UNANNOTATED[f.set])
            pooled[f.tuned].add(s)
            if not f.tuned and f.set != newest:
                older.add(s)
            results[f.name] = {"file": str(f.path.relative_to(ROOT)), **s.summary()}
            print(f"{f.name} ({s.items} sentences): precision {s.precision:.3f}, recall {s.recall:.3f}, "
                  f"F1 {s.f1:.3f}; {s.exact} read exactly")
            if f.tuned:
                results[f.name]["misses"] = s.misses
                for m in s.misses if show_misses else ():
                    print(f"  [{m['class']}] {m['text']!r}\n      extra={m['extra']} missing={m['missing']}")
        else:
            changed = independent.changed_the_case(rows, extractor.extract_case)
            results[f.name] = {"file": str(f.path.relative_to(ROOT)), "items": len(rows),
                               "changed_the_case": len(changed)}
            print(f"{f.name} ({len(rows)}): {len(changed)} would change the case")
            if f.tuned:
                results[f.name]["examples"] = changed
                for text in changed if show_misses else ():
                    print(f"  {text!r}: {extractor.extract_case(text)}")
    totals = [(f"all sets findings {'tuned' if tuned else 'held-out'}", s) for tuned, s in pooled.items()]
    for name, s in [*totals, (f"sets before set {newest} findings held-out", older)]:
        results[name] = s.summary()
        print(f"{name} ({s.items} sentences): precision {s.precision:.3f}, recall {s.recall:.3f}, F1 {s.f1:.3f}; "
              f"{s.exact} read exactly")
    for name, s in totals:
        results[f"{name} by field"] = by_field(s)
    if by_fields:
        print_by_field({tuned: results[f"{name} by field"] for (name, _), tuned in zip(totals, pooled)})
    return results


def by_field(s: independent.Score) -> dict[str, dict[str, Any]]:
    """Each case field's counts and figures over a pooled score (aggregates only: no sentence)."""
    out = {}
    for name, (tp, fp, fn) in sorted(s.fields.items()):
        p, r = (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)
        out[name] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3)}
    return out


def print_by_field(tables: dict[bool, dict[str, dict[str, Any]]]) -> None:
    """One line per field: the tuned and the held-out halves' false positives, false negatives, precision and
    recall, the held-out half's errors first."""
    tuned, held = tables[True], tables[False]
    print(f"{'field':28} {'held-out fp/fn  P     R':26} {'tuned fp/fn  P     R'}")
    for name in sorted(set(tuned) | set(held), key=lambda n: -(held.get(n, {}).get("fp", 0) + held.get(n, {}).get("fn", 0))):
        cells = []
        for t in (held, tuned):
            c = t.get(name, {"fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0})
            cells.append(f"{c['fp']:4d}/{c['fn']:<4d} {c['precision']:.3f} {c['recall']:.3f}")
        print(f"{name:28} {cells[0]:26} {cells[1]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true",
                        help="print every sentence of a tuned file not read exactly (never a held-out file's)")
    parser.add_argument("--phrasings-only", action="store_true", help="the phrasing figures only, no timings")
    parser.add_argument("--by-field", action="store_true",
                        help="print each case field's false positives and negatives, tuned and held-out halves pooled")
    parser.add_argument("--cli-runs", type=int, default=5)
    args = parser.parse_args()
    results: dict = phrasing_figures(args.misses, args.by_field)
    if args.phrasings_only:
        return
    reader = extractor.load()
    results["worst_case_ms_5000_chars"] = worst = worst_case_ms(reader.entities, reader)
    print(f"reading a hostile 5,000-character message: worst {max(worst.values())} ms CPU ({worst})")
    results["spacy_pipeline_worst_case_ms_5000_chars"] = worst = pipeline_worst_case_ms()
    print(f"the spaCy pipeline (Rasa server) on a hostile 5,000-character message: worst {max(worst.values())} ms "
          f"CPU ({worst})")
    results["cli_extract_seconds"] = cli = cli_seconds(args.cli_runs)
    print(f"python -m bot extract over {cli['runs']} runs: wall best {cli['best']} s, median {cli['median']} s; "
          f"CPU best {cli['cpu_best']} s, median {cli['cpu_median']} s (target < 1 s); heavy modules imported: "
          f"{cli['heavy_modules_imported']}")
    write_results("nlu_phrasings", results)


if __name__ == "__main__":
    main()
