"""How long one hostile message can hold the Rasa server's event loop (issue 11: the target is at most 250 ms).

While messages built to be expensive (5,000 characters of brackets, punctuation, negation cues, mutation names,
digits; an over-long message; a megabyte) are sent one after the other over REST, a second client asks the Rasa
server's trivial health route every 10 ms. Every other clinician waits as long as that route waits, so the longest
health answer during a message is the time the message held the loop. Prints the figures and writes
bench/results/event_loop.json.

    .venv/bin/python bench/event_loop.py [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from bot.launch import Stack, free_port, latest_model  # noqa: E402

TARGET_MS = 250
HOSTILE = {
    "brackets": "([{" * 1666,
    "punctuation": "!?.,;:-/" * 625,
    "one_run_of_letters": "a" * 5000,
    "negation_cues": "no not without " * 333,
    "mutation_names": "G1202R L1196M " * 357,
    "drug_names": "alectinib brigatinib lorlatinib " * 156,
    "digits": "1202 " * 1000,
    "line_breaks": "\n" * 5000,
    "over_the_limit": "x" * 6000,
    "a_megabyte": "y" * 1_000_000,
}
NORMAL = "ALK+ adeno, alectinib, systemic PD in liver and bone, tissue NGS ALK G1202R, no bypass, ECOG 1"


class Probe(threading.Thread):
    """Asks the health route every 10 ms and keeps (start time, seconds waited)."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url, self.samples, self.running, self.last = url, [], True, 0.0

    def run(self) -> None:
        while self.running:
            start = time.monotonic()
            with urllib.request.urlopen(self.url, timeout=60) as r:
                r.read()
            self.samples.append((start, time.monotonic() - start))
            self.last = time.monotonic()
            time.sleep(0.01)

    def longest(self, since: float, until: float) -> float:
        waits = [w for t, w in self.samples if t <= until and t + w >= since]  # every answer the message overlapped
        return max(waits, default=0.0)


def send(base_url: str, text: str) -> None:
    body = json.dumps({"sender": f"bench-{uuid.uuid4().hex[:10]}", "message": text}).encode()
    request = urllib.request.Request(f"{base_url}/webhooks/rest/webhook", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as r:
        r.read()


def measure(rounds: int) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="bench-loop-"))
    env = {"TRACKER_DB_URL": f"sqlite:///{tmp / 'tracker.db'}", "AUDIT_DB_URL": f"sqlite:///{tmp / 'audit.db'}",
           "AUDIT_SPOOL_DIR": str(tmp / "spool"), "LOCK_STORE_URL": "memory://"}
    stack = Stack(model=latest_model(), rasa_port=free_port(), action_port=free_port(), env=env, log_dir=tmp / "logs")
    stack.start()
    try:
        send(stack.base_url, NORMAL)  # warm-up: first-use loading is not a message's cost
        probe = Probe(stack.base_url + "/webhooks/rest/")
        probe.start()
        time.sleep(1.0)
        idle = [w for _, w in probe.samples]
        holds: dict[str, float] = {}
        turns: dict[str, list[float]] = {}
        for _ in range(rounds):
            for name, text in {**HOSTILE, "normal_case": NORMAL}.items():
                start = time.monotonic()
                send(stack.base_url, text)
                end = time.monotonic()
                while probe.last < end:  # the answer in flight when the message finished counts too
                    time.sleep(0.005)
                holds[name] = max(holds.get(name, 0.0), probe.longest(start, end))
                turns.setdefault(name, []).append(end - start)
        probe.running = False
        probe.join()
    finally:
        stack.stop()
    worst = max((v, k) for k, v in holds.items() if k != "normal_case")
    return {"target_ms": TARGET_MS, "rounds": rounds,
            "idle_health_median_ms": round(statistics.median(idle) * 1000, 1),
            "worst_hostile_hold_ms": round(worst[0] * 1000, 1), "worst_hostile_message": worst[1],
            "hold_ms_by_message": {k: round(v * 1000, 1) for k, v in holds.items()},
            "reply_ms_by_message": {k: round(max(v) * 1000, 1) for k, v in turns.items()},
            "within_target": worst[0] * 1000 <= TARGET_MS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3, help="times each message is sent (the worst counts)")
    results = measure(parser.parse_args().rounds)
    write_results("event_loop", results)
    print(f"longest event-loop hold by one hostile message: {results['worst_hostile_hold_ms']} ms "
          f"({results['worst_hostile_message']}; target {TARGET_MS} ms; idle health answer "
          f"{results['idle_health_median_ms']} ms)")
    print(f"  {'message':22s} {'hold':>9s} {'reply':>9s}")
    for name, ms in results["hold_ms_by_message"].items():
        print(f"  {name:22s} {ms:6.1f} ms {results['reply_ms_by_message'][name]:6.0f} ms")


if __name__ == "__main__":
    main()
