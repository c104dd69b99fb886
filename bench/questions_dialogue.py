"""Benchmark (issue 15): of the independent sets' questions (tests/nlu/independent.py FILES, kind "questions"), how
many change the case in the assistant, not only at the extractor level.

Each question is put to the assistant in-process as a clinician would in the middle of a case (tests/dialogue_turn.py:
the trained model's NLU pipeline, then the case form and the rule's action, at two moments of worked example V01: half
filled with the form asking, and answered with the message re-opening the form). A question changes the case in the
dialogue when, at either moment, a case field ends with another value than before. Printed per file: items, changed
at the extractor level (independent.changed_the_case, as bench/nlu_phrasings.py counts it) and changed in the
dialogue. Held-out files give their counts and nothing else; with --misses, a tuned file's questions that change the
case in the dialogue are printed with what they change. Needs a trained model (models/LATEST). Writes
bench/results/questions_dialogue.json. A benchmark, not a test.
Usage: python bench/questions_dialogue.py [--misses]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from tests.nlu import independent  # noqa: E402


def question_files() -> list[independent.PhrasingFile]:
    return [f for f in independent.FILES if f.kind == "questions" and f.path.exists()]


def figures(show_misses: bool) -> dict[str, Any]:
    from bot.nlu import extractor
    from tests.dialogue_turn import nlu_parser, questions_changing_the_case

    results: dict[str, Any] = {}
    start = time.perf_counter()
    with nlu_parser() as parse:
        print(f"model loaded in {time.perf_counter() - start:.1f} s")
        for f in question_files():
            rows = independent.items(f.path)
            at_extractor = independent.changed_the_case(rows, extractor.extract_case)
            in_dialogue = questions_changing_the_case(parse, rows)
            results[f.name] = {"file": str(f.path.relative_to(ROOT)), "items": len(rows),
                               "changed_at_extractor": len(at_extractor), "changed_in_dialogue": len(in_dialogue)}
            print(f"{f.name} ({len(rows)}): {len(at_extractor)} change the case at the extractor level, "
                  f"{len(in_dialogue)} in the dialogue")
            if f.tuned:  # a held-out file's sentences are never printed nor saved
                results[f.name]["examples"] = in_dialogue
                for m in in_dialogue if show_misses else ():
                    print(f"  {m['text']!r}: {m['changed']}")
    for tuned in (True, False):
        chosen = [v for f, v in ((f, results[f.name]) for f in question_files()) if f.tuned == tuned]
        name = f"all sets questions {'tuned' if tuned else 'held-out'}"
        results[name] = {k: sum(v[k] for v in chosen) for k in ("items", "changed_at_extractor",
                                                                "changed_in_dialogue")}
        print(f"{name} ({results[name]['items']}): {results[name]['changed_at_extractor']} at the extractor level, "
              f"{results[name]['changed_in_dialogue']} in the dialogue")
    results["seconds"] = round(time.perf_counter() - start, 1)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true",
                        help="print a tuned file's questions that change the case in the dialogue (never a held-out "
                             "file's)")
    args = parser.parse_args()
    # the actions may write audit records: to a throwaway database, never the project's
    scratch = tempfile.mkdtemp(prefix="questions_dialogue-")
    os.environ.update({"AUDIT_DB_URL": f"sqlite:///{scratch}/audit.db", "AUDIT_SPOOL_DIR": f"{scratch}/spool",
                       "RASA_TELEMETRY_ENABLED": "false"})
    write_results("questions_dialogue", figures(args.misses))


if __name__ == "__main__":
    main()
