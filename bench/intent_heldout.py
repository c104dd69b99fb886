"""Benchmark: the trained model's intent accuracy on held-out messages (bench/intents_heldout.yml), written apart
from the training data and never used to tune it. The final intent is the pipeline's (after FindingsAreInformation).
Prints the figure and the misses as intent pairs (expected → got), never a held-out message's text, and writes them to
bench/results/intent_heldout.json; Rasa's debug log, which would echo each message, is silenced. A benchmark, not a
test.
Usage: python bench/intent_heldout.py
"""
from __future__ import annotations

import asyncio
import logging
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from bot.launch import latest_model  # noqa: E402


def main() -> None:
    from rasa.core.agent import Agent

    logging.getLogger("rasa").setLevel(logging.WARNING)  # its processor logs each parsed text at debug level
    heldout = yaml.safe_load((ROOT / "bench" / "intents_heldout.yml").read_text())
    agent = Agent.load(str(latest_model()))
    misses = []
    total = 0
    for intent, texts in heldout.items():
        for text in texts:
            total += 1
            got = asyncio.run(agent.parse_message(text))["intent"]["name"]
            if got != intent:
                misses.append(f"{intent} → {got}")
    accuracy = round(1 - len(misses) / total, 4)
    print(f"held-out intent accuracy: {accuracy:.3f} ({total - len(misses)}/{total})")
    pairs = Counter(misses)
    for pair, count in pairs.most_common():
        print(f"  missed: {pair} ({count})")
    write_results("intent_heldout", {"messages": total, "accuracy": accuracy, "misses": dict(pairs)})


if __name__ == "__main__":
    main()
