"""Benchmark: the trained model's intent accuracy on held-out messages (bench/intents_heldout.yml), written apart
from the training data and never used to tune it. The final intent is the pipeline's (after FindingsAreInformation).
Prints the figure and the misses and writes bench/results/intent_heldout.json. A benchmark, not a test.
Usage: python bench/intent_heldout.py
"""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from bot.launch import latest_model  # noqa: E402


def main() -> None:
    from rasa.core.agent import Agent

    heldout = yaml.safe_load((ROOT / "bench" / "intents_heldout.yml").read_text())
    agent = Agent.load(str(latest_model()))
    misses = []
    total = 0
    for intent, texts in heldout.items():
        for text in texts:
            total += 1
            got = asyncio.run(agent.parse_message(text))["intent"]["name"]
            if got != intent:
                misses.append({"text": text, "expected": intent, "got": got})
    accuracy = round(1 - len(misses) / total, 4)
    print(f"held-out intent accuracy: {accuracy:.3f} ({total - len(misses)}/{total})")
    for m in misses:
        print(f"  miss: {m['text']!r}: {m['expected']} → {m['got']}")
    write_results("intent_heldout", {"messages": total, "accuracy": accuracy, "misses": misses})


if __name__ == "__main__":
    main()
