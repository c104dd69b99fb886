"""Held-out evaluation of the practice grader, and how many bank cases exercise each rule.

Grades the hand-labelled answers of bench/practice_heldout.yml (written before the grader was run on them, and
never used to tune it) and prints the accuracy of the therapy grade and the precision and recall of the named
findings (micro-averaged over answers) and the number of disagreements; then prints, per rule id, how many bank
cases have the rule in their rationale. Writes the figures to bench/results/practice_grading.json.
The disagreeing answers are held-out text: printed (and saved) only with --show-disagreements, by someone who will
not tune the grader afterwards, since reading them spends the set.
A benchmark, not a test. Usage: python bench/practice_grading.py [--show-disagreements]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from bot import knowledge  # noqa: E402
from bot.decision.engine import RULE_ORDER  # noqa: E402
from bot.practice import bank, grading  # noqa: E402

HELDOUT = ROOT / "bench" / "practice_heldout.yml"


def evaluate(answers: list[dict]) -> dict:
    """Therapy-grade accuracy, a confusion table, finding precision/recall, and the disagreements."""
    right, confusion, misses = 0, Counter(), []
    true_pos = false_pos = false_neg = 0
    for item in answers:
        g = grading.grade(item["case"], item["answer"])
        gold, named = set(item["findings"]), set(g.named_findings)
        right += g.therapy_grade == item["therapy_grade"]
        confusion[f"{item['therapy_grade']} -> {g.therapy_grade}"] += 1
        true_pos += len(gold & named)
        false_pos += len(named - gold)
        false_neg += len(gold - named)
        if g.therapy_grade != item["therapy_grade"] or gold != named:
            misses.append({"case": item["case"], "answer": item["answer"], "expected": item["therapy_grade"],
                           "got": g.therapy_grade, "chosen": g.chosen_therapy,
                           "findings_missed": sorted(gold - named), "findings_extra": sorted(named - gold)})
    n = len(answers)
    return {
        "answers": n,
        "therapy_grade_accuracy": round(right / n, 3),
        "therapy_grade_correct": right,
        "findings_precision": round(true_pos / (true_pos + false_pos), 3) if true_pos + false_pos else None,
        "findings_recall": round(true_pos / (true_pos + false_neg), 3) if true_pos + false_neg else None,
        "findings_counts": {"true_positive": true_pos, "false_positive": false_pos, "false_negative": false_neg},
        "confusion": dict(sorted(confusion.items())),
        "disagreements": misses,
    }


def cases_per_rule() -> dict[str, int]:
    counts = Counter(r for c in bank.cases() for r in {x["rule"] for x in bank.expected(c.id)["rationale"]})
    return {rid: counts.get(rid, 0) for rid in RULE_ORDER}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-disagreements", action="store_true",
                        help="print and save the held-out answers the grader disagrees with (spends the set)")
    show = parser.parse_args().show_disagreements
    answers = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))["answers"]
    result = evaluate(answers)
    per_rule = cases_per_rule()
    print(f"held-out answers: {result['answers']}")
    print(f"therapy grade accuracy: {result['therapy_grade_accuracy']:.1%} "
          f"({result['therapy_grade_correct']}/{result['answers']})")
    print(f"named findings: precision {result['findings_precision']:.1%}, recall {result['findings_recall']:.1%} "
          f"({result['findings_counts']})")
    print("confusion (expected -> graded):")
    for key, count in result["confusion"].items():
        print(f"  {key:26} {count}")
    print(f"disagreements: {len(result['disagreements'])}" + (":" if show else " (--show-disagreements lists them)"))
    for m in result["disagreements"] if show else []:
        print(f"  {m['case']}: {m['answer']!r}: expected {m['expected']}, got {m['got']} ({m['chosen']}); "
              f"findings missed {m['findings_missed']}, extra {m['findings_extra']}")
    print(f"bank cases per rule ({len(bank.cases())} cases):")
    print("  " + "  ".join(f"{rid} {n}" for rid, n in per_rule.items()))
    if not show:
        result = dict(result, disagreements=len(result["disagreements"]))
    write_results("practice_grading", dict(result, cases=len(bank.cases()), cases_per_rule=per_rule,
                                           knowledge_version=knowledge.default().version))


if __name__ == "__main__":
    main()
