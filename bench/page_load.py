"""Benchmark: time from opening the clinician page to the assistant's first message, in a real browser.

Starts the assistant as `make run` does (action server + Rasa server, SQLite stores in a temporary folder), then
loads the page in Debian's chromium through Playwright several times (a fresh browser context each time, so no
cache is shared) and reports the median and the worst. Moved here from the browser test (issue 16): tests never
assert wall-clock time. Prints the figures and writes bench/results/page_load.json.
A benchmark, not a test. Usage: python bench/page_load.py [--loads 5]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from tests.conftest import start_stack  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")


def page_loads(page_url: str, loads: int) -> list[float]:
    """Seconds from navigation to the first bot message, one fresh browser context per load."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        try:
            for _ in range(loads):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                start = time.monotonic()
                page.goto(page_url)
                page.wait_for_selector(".msg.bot", timeout=60000)
                times.append(time.monotonic() - start)
                context.close()
        finally:
            browser.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print("Debian's chromium is missing: run `make chromium` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        stack = start_stack(Path(tmp))
        try:
            times = page_loads(stack.page_url, args.loads)
        finally:
            stack.stop()
    result = {"loads": len(times), "page_load_to_first_bot_message_s_median": round(statistics.median(times), 3),
              "page_load_to_first_bot_message_s_worst": round(max(times), 3),
              "page_load_to_first_bot_message_s_all": [round(t, 3) for t in times]}
    write_results("page_load", result)
    print(f"page load to first bot message over {len(times)} loads: median {result['page_load_to_first_bot_message_s_median']:.2f} s, "
          f"worst {result['page_load_to_first_bot_message_s_worst']:.2f} s (bench/results/page_load.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
