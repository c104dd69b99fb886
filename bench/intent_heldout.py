"""Benchmark: the trained model's intent accuracy on held-out messages (bench/intents_heldout.yml), written apart
from the training data and never used to tune it. The final intent is the pipeline's (after FindingsAreInformation);
a typed request for a button-only intent is scored as the typed intent that does the same (bot/intents.py TYPED_AS:
"start over" typed is start_case, whose rules are those of the button's start_over).
Prints the figure and the misses as intent pairs (expected → got), never a held-out message's text, and writes them to
bench/results/intent_heldout.json; Rasa's logs, which would echo each message at debug level, are silenced (the
standard ones and structlog's, which outside Rasa's own command line is unconfigured and prints every level).
A benchmark, not a test.
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
    import structlog
    from rasa.core.agent import Agent

    from bot.intents import TYPED_AS

    # Rasa's processor logs each parsed text at debug level, through logging and structlog
    logging.getLogger("rasa").setLevel(logging.WARNING)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    heldout = yaml.safe_load((ROOT / "bench" / "intents_heldout.yml").read_text())
    agent = Agent.load(str(latest_model()))
    misses = []
    total = 0
    for intent, texts in heldout.items():
        expected = TYPED_AS.get(intent, intent)
        for text in texts:
            total += 1
            got = asyncio.run(agent.parse_message(text))["intent"]["name"]
            if got != expected:
                misses.append(f"{intent} → {got}")
    accuracy = round(1 - len(misses) / total, 4)
    print(f"held-out intent accuracy: {accuracy:.3f} ({total - len(misses)}/{total})")
    pairs = Counter(misses)
    for pair, count in pairs.most_common():
        print(f"  missed: {pair} ({count})")
    write_results("intent_heldout", {"messages": total, "accuracy": accuracy, "misses": dict(pairs)})


if __name__ == "__main__":
    main()
