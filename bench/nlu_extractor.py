"""Benchmark: the clinical extractor's precision, recall and F1 on the hand-written phrasing table (a regression
table written with the vocabulary: the measure of reading is bench/nlu_phrasings.py), its speed, and (with --cv)
Rasa's cross-validated intent accuracy and entity F1 on the NLU training data.

Precision and recall are over (case field, value) pairs: a field read wrongly counts as one false positive and one
false negative. Prints the figures and writes bench/results/nlu.json. A benchmark, not a test.
Usage: python bench/nlu_extractor.py [--cv] [--folds 3]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from bot.nlu import extractor  # noqa: E402
from tests.nlu.phrasing_table import rows  # noqa: E402


def _pairs(fields: dict) -> set[tuple[str, str]]:
    out = set()
    for k, v in fields.items():
        for item in (v if isinstance(v, list) else [v]):
            out.add((k, json.dumps(item)))
        if isinstance(v, list) and not v:
            out.add((k, "[]"))
    return out


def table_scores() -> dict:
    table = rows()
    tp = fp = fn = 0
    misses = []
    for text, expected in table:
        got = _pairs(extractor.extract_case(text))
        want = _pairs(expected)
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
        if got != want:
            misses.append({"text": text[:80], "extra": sorted(got - want), "missing": sorted(want - got)})
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    texts = [t for t, _ in table]
    load = extractor.load()
    start = time.perf_counter()
    for t in texts * 5:
        load.entities(t)
    rate = len(texts) * 5 / (time.perf_counter() - start)
    return {"phrasings": len(table), "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4), "extractions_per_second": round(rate),
            "misses": misses}


def cross_validation(folds: int) -> dict:
    """`rasa test nlu --cross-validation`: intent accuracy and the entity F1 of our extractor on the NLU data."""
    out = Path(tempfile.mkdtemp(prefix="nlu-cv-"))
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
    subprocess.run([sys.executable, "-m", "rasa", "test", "nlu", "--cross-validation", "--folds", str(folds),
                    "--config", "config.yml", "--nlu", "data/nlu", "--out", str(out)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    intents = json.loads((out / "intent_report.json").read_text())
    entities = json.loads((out / "ClinicalEntityExtractor_report.json").read_text())
    errors = json.loads((out / "intent_errors.json").read_text())
    confusions = Counter(f"{e['intent']} → {e['intent_prediction']['name']}" for e in errors)
    return {"folds": folds, "examples": intents["weighted avg"]["support"],
            "intent_accuracy": round(intents["accuracy"], 4),
            "intent_f1_weighted": round(intents["weighted avg"]["f1-score"], 4),
            "entity_f1_weighted": round(entities["weighted avg"]["f1-score"], 4),
            "entity_f1_micro": round(entities.get("micro avg", entities["weighted avg"])["f1-score"], 4),
            "intent_confusions": dict(confusions.most_common(12))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cv", action="store_true", help="also run Rasa's NLU cross-validation (about a minute)")
    parser.add_argument("--folds", type=int, default=3)
    args = parser.parse_args()
    results = {"extractor": table_scores()}
    e = results["extractor"]
    print(f"extractor on the {e['phrasings']} hand-written phrasings (written with the vocabulary: a regression "
          f"figure; text it was not built on is measured by bench/nlu_phrasings.py): precision {e['precision']:.3f}, "
          f"recall {e['recall']:.3f}, F1 {e['f1']:.3f}; {e['extractions_per_second']} extractions/s")
    for m in e["misses"]:
        print(f"  miss: {m['text']!r} extra={m['extra']} missing={m['missing']}")
    if args.cv:
        results["cross_validation"] = cv = cross_validation(args.folds)
        print(f"rasa test nlu, {cv['folds']}-fold cross-validation: intent accuracy {cv['intent_accuracy']:.3f} "
              f"(weighted F1 {cv['intent_f1_weighted']:.3f}); entity F1 {cv['entity_f1_weighted']:.3f} weighted, "
              f"{cv['entity_f1_micro']:.3f} micro; {cv['examples']} examples")
        print("  most frequent intent confusions (true → predicted): " +
              ", ".join(f"{k} {v}" for k, v in cv["intent_confusions"].items()))
    write_results("nlu", results)


if __name__ == "__main__":
    main()
