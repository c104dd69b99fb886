"""Benchmark: latency of a CDS Hooks `patient-view` call against the running service (the Rasa server as `make run`
starts it), the EHR's view: prefetch of a whole test Bundle in, card out (FHIR parsing and checks, mapping,
decide(), audit record, case link). Sequential calls after a warm-up, cycling through the test Bundles; prints
p50/p95/max and writes bench/results/cds_hooks.json. The specification asks services to answer "on the order of
500 ms". A benchmark, not a test. Usage: python bench/cds_hooks.py [--calls 200] [--url http://127.0.0.1:5005]
(without --url it starts its own servers on free ports, with SQLite stores in a temporary folder).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from bot.cds.service import PATIENT_VIEW  # noqa: E402
from tests.cds.requests import BUNDLES, patient_view  # noqa: E402
from tests.conftest import start_stack  # noqa: E402

WARM_UP = 10


def measure(base_url: str, calls: int) -> dict:
    url = f"{base_url}/webhooks/cds/cds-services/{PATIENT_VIEW}"
    bodies = [json.dumps(patient_view(p.stem)) for p in sorted(BUNDLES.glob("*.json"))]
    session = requests.Session()
    latencies: list[float] = []
    for i in range(WARM_UP + calls):
        body = bodies[i % len(bodies)]
        start = time.perf_counter()
        r = session.post(url, data=body, headers={"Content-Type": "application/json"}, timeout=60)
        elapsed = time.perf_counter() - start
        if r.status_code != 200 or not r.json().get("cards"):
            raise SystemExit(f"call {i} failed: {r.status_code} {r.text[:200]}")
        if i >= WARM_UP:
            latencies.append(elapsed * 1000)
    latencies.sort()
    return {"calls": calls, "bundles": len(bodies), "p50_ms": round(statistics.median(latencies), 1),
            "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1), "max_ms": round(latencies[-1], 1),
            "mean_ms": round(statistics.fmean(latencies), 1), "request_bytes_mean": round(statistics.fmean(map(len, bodies)))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--url", help="an already running Rasa server (default: start one)")
    args = parser.parse_args()
    if args.url:
        result = measure(args.url.rstrip("/"), args.calls)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            stack = start_stack(Path(tmp), with_actions=False)
            try:
                result = measure(stack.base_url, args.calls)
            finally:
                stack.stop()
    result["command"] = "python bench/cds_hooks.py " + " ".join(sys.argv[1:])
    print(f"patient-view over HTTP, {result['calls']} calls over {result['bundles']} bundles: "
          f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms")
    write_results("cds_hooks", result)


if __name__ == "__main__":
    main()
