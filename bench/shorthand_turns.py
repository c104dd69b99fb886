"""Benchmark: how many turns each of the eight worked examples takes over REST, typed in full sentences and in the
shorthand of a ward note (tests/integration/shorthand.py), with every question the assistant asks answered from the
example's structured case as a clinician would (tests/integration/clinician.py).

A turn is one message the clinician sends; 1 means the pasted case was answered at once. Also checks that the
answer reached is the one the decision module gives the example's case, and lists the questions asked. Prints the
figures and writes bench/results/shorthand_turns.json. A benchmark, not a test (the REST tests check the answers).
Usage: python bench/shorthand_turns.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from bot.decision import decide  # noqa: E402
from tests.chat import Chat  # noqa: E402
from tests.conftest import start_stack  # noqa: E402
from tests.integration.clinician import consult  # noqa: E402
from tests.integration.shorthand import SHORTHAND, TYPED  # noqa: E402
from tests.integration.test_conversations import EXAMPLES  # noqa: E402


def main() -> None:
    results: dict[str, dict[str, dict]] = {"typed": {}, "shorthand": {}}
    with tempfile.TemporaryDirectory() as tmp:
        stack = start_stack(Path(tmp))
        try:
            for style, texts in (("typed", TYPED), ("shorthand", SHORTHAND)):
                for example_id, text in sorted(texts.items()):
                    chat = Chat(stack.base_url)
                    rec, case, asked = consult(chat, text, EXAMPLES[example_id]["case"])
                    expected = decide(EXAMPLES[example_id]["case"])
                    same = [o["therapy"] for o in rec["preferred"]] == [o["therapy"] for o in expected["preferred"]]
                    results[style][example_id] = {"turns": 1 + len(asked), "asked": asked,
                                                  "preferred_as_structured_case": same}
        finally:
            stack.stop()
    for style, rows in results.items():
        total = sum(r["turns"] for r in rows.values())
        print(f"{style}: {total} turns for {len(rows)} examples")
        for example_id, r in rows.items():
            note = "" if r["preferred_as_structured_case"] else "  (preferred differs from the structured case's)"
            print(f"  {example_id}: {r['turns']} turn(s); asked {', '.join(r['asked']) or 'nothing'}{note}")
    write_results("shorthand_turns", results)


if __name__ == "__main__":
    main()
