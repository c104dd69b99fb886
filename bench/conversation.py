"""Benchmark: per-turn latency and throughput of whole case conversations over REST, against a stock bot.

Our assistant (action server + Rasa server, as `make run` starts them) replays the worked cases as a clinician
types them (the case, answers to any question, "why?", "evidence"), with 1 clinician and with 20 concurrent
clinicians (closed loop, no think time). In the same run a stock `rasa init` bot, trained in a temporary folder,
replays a fixed script the same way, and our figures are printed as ratios to its. Also: the servers' CPU time per
turn (the machine is shared, so turns per second depend on what else runs; the CPU a turn costs does not), the Rasa
server's resident memory, training time, and time from start to ready. With --stores pg (or both) the run is
repeated with PostgreSQL (tracker store, audit log) and Redis (lock store). Prints the figures and writes
bench/results/conversation.json.
A benchmark, not a test. Usage: python bench/conversation.py [--duration 30] [--clients 20] [--stores sqlite|pg|both] [--skip-training]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from bot.launch import Stack, environment, free_port, latest_model  # noqa: E402
from tests.chat import Chat  # noqa: E402
from tests.integration.clinician import answer_for  # noqa: E402
from tests.integration.test_conversations import EXAMPLES, TYPED  # noqa: E402

STOCK_SCRIPT = ["hello", "I am sad", "yes", "great, thanks", "bye"]


class Timed(Chat):
    """A Chat that records each turn's latency and counts errors (HTTP failure or an empty reply)."""

    def __init__(self, base_url: str, latencies: list[float], errors: list[str]):
        super().__init__(base_url)
        self.latencies, self.errors = latencies, errors

    def say(self, text: str, base_url: str | None = None, metadata: dict | None = None) -> list[dict]:
        start = time.perf_counter()
        try:
            replies = super().say(text, base_url, metadata)
        except Exception as err:  # noqa: BLE001 - an error is a figure here
            self.errors.append(f"{text[:30]!r}: {err}")
            return []
        self.latencies.append(time.perf_counter() - start)
        if not replies:
            self.errors.append(f"{text[:30]!r}: empty reply")
        return replies


def case_conversation(base_url: str, n: int, latencies: list[float], errors: list[str]) -> None:
    """One clinician's conversation: the n-th worked case, typed, questions answered, then why and evidence."""
    example_id = sorted(TYPED)[n % len(TYPED)]
    chat = Timed(base_url, latencies, errors)
    replies = chat.say(TYPED[example_id])
    for _ in range(8):
        if Chat.data(replies, "recommendation") or not Chat.data(replies, "asking"):
            break
        replies = chat.say(answer_for(Chat.data(replies, "asking"), EXAMPLES[example_id]["case"]))
    if not Chat.data(replies, "recommendation"):
        errors.append(f"{example_id}: no recommendation")
    chat.say("why?")
    chat.say("show me the evidence")


def stock_conversation(base_url: str, n: int, latencies: list[float], errors: list[str]) -> None:
    chat = Timed(base_url, latencies, errors)
    for text in STOCK_SCRIPT:
        chat.say(text)


def closed_loop(conversation: Callable, base_url: str, clients: int, duration: float) -> dict:
    """`clients` threads each running conversations back to back for `duration` seconds."""
    latencies: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + duration
    counter = iter(range(10 ** 9))

    def client() -> None:
        while time.monotonic() < stop:
            conversation(base_url, next(counter), latencies, errors)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return {"clients": clients, "turns": len(latencies), "seconds": round(elapsed, 1),
            "turns_per_second": round(len(latencies) / elapsed, 1), "p50_ms": round(q[49] * 1000, 1),
            "p95_ms": round(q[94] * 1000, 1), "p99_ms": round(q[98] * 1000, 1), "errors": len(errors),
            "error_examples": errors[:5]}


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return round(total / 1024, 1)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(stack: Stack, conversation: Callable, duration: float, clients: int) -> dict:
    """Both closed loops, each with the servers' CPU time per turn: on a shared machine the turns per second
    depend on what else runs, the CPU a turn costs does not."""
    conversation(stack.base_url, 0, [], [])  # warm-up: models loaded, caches filled
    pids = [p.pid for p in stack.processes.values()]
    result: dict = {}
    for key, n in (("one_client", 1), ("concurrent", clients)):
        before = sum(map(cpu_seconds, pids))
        result[key] = closed_loop(conversation, stack.base_url, n, duration)
        used = sum(map(cpu_seconds, pids)) - before
        result[key]["server_cpu_ms_per_turn"] = round(1000 * used / max(1, result[key]["turns"]), 1)
    result["rasa_rss_mb"] = rss_mb(stack.processes["rasa"].pid)
    return result


def ours(stores: str, duration: float, clients: int, tmp: Path) -> dict:
    env = {"TRACKER_DB_URL": f"sqlite:///{tmp / 'tracker.db'}", "AUDIT_DB_URL": f"sqlite:///{tmp / 'audit.db'}",
           "AUDIT_SPOOL_DIR": str(tmp / "spool"), "LOCK_STORE_URL": "memory://"}
    cleanup = None
    if stores == "pg":
        import sqlalchemy as sa

        name = f"alkbot_bench_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine("postgresql://postgres@127.0.0.1:5432/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = f"postgresql://postgres@127.0.0.1:5432/{name}"
        env.update(TRACKER_DB_URL=url, AUDIT_DB_URL=url, LOCK_STORE_URL=f"redis://127.0.0.1:6379/1?key_prefix={name}")

        def cleanup() -> None:
            with admin.connect() as c:
                c.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    stack = Stack(model=latest_model(), rasa_port=free_port(), action_port=free_port(), env=env, log_dir=tmp / "logs")
    try:
        start = time.monotonic()
        stack.start()
        ready = time.monotonic() - start
        result = measure(stack, case_conversation, duration, clients)
        result["start_to_ready_s"] = round(ready, 1)
        return result
    finally:
        stack.stop()
        if cleanup:
            cleanup()


def stock(duration: float, clients: int, tmp: Path) -> dict:
    folder = tmp / "stock"
    folder.mkdir()
    env = environment()
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(folder)], cwd=folder,
                   env=env, check=True, capture_output=True)
    trained = time.monotonic() - start
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "rasa", "run", "--enable-api", "-i", "127.0.0.1", "-p", str(port)],
                            cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        stack = Stack(model=folder, rasa_port=port, with_actions=False)
        stack.processes["rasa"] = proc
        stack.wait()
        result = measure(stack, stock_conversation, duration, clients)
        result["init_and_train_s"] = round(trained, 1)
        return result
    finally:
        os.killpg(proc.pid, 15)
        proc.wait()


def training_time(tmp: Path) -> float:
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "rasa", "train", "--config", "config.yml", "--domain", "domain.yml",
                    "--data", "data/nlu", "data/rules", "data/stories", "--out", str(tmp / "models"), "--quiet"],
                   cwd=ROOT, env=environment(), check=True, capture_output=True)
    return round(time.monotonic() - start, 1)


def line(name: str, r: dict) -> str:
    return (f"{name:>26}: p50 {r['p50_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms  p99 {r['p99_ms']:7.1f} ms  "
            f"{r['turns_per_second']:6.1f} turns/s  {r['turns']:5d} turns  {r['errors']} errors  "
            f"server CPU {r['server_cpu_ms_per_turn']:5.1f} ms/turn")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--stores", choices=["sqlite", "pg", "both"], default="sqlite")
    parser.add_argument("--skip-stock", action="store_true")
    parser.add_argument("--skip-training", action="store_true", help="leave out our model's training time")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-conversation-"))
    results: dict = {"duration_s": args.duration, "clients": args.clients}
    try:
        for stores in (["sqlite", "pg"] if args.stores == "both" else [args.stores]):
            (tmp / stores).mkdir()
            results[f"ours_{stores}"] = ours(stores, args.duration, args.clients, tmp / stores)
        if not args.skip_stock:
            results["stock"] = stock(args.duration, args.clients, tmp)
        if not args.skip_training:
            results["our_training_s"] = training_time(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"whole case conversations over REST, {args.duration:.0f} s per run (targets: 1 clinician p95 ≤ 100 ms; "
          f"{args.clients} concurrent ≥ 2× the stock bot's turns/s; zero errors)")
    for key in [k for k in results if k.startswith("ours_")] + (["stock"] if "stock" in results else []):
        r = results[key]
        print(line(f"{key} 1 client", r["one_client"]))
        print(line(f"{key} {args.clients} clients", r["concurrent"]))
        print(f"{'':>26}  Rasa server RSS {r['rasa_rss_mb']} MB" +
              (f"; start to ready {r['start_to_ready_s']} s" if "start_to_ready_s" in r else "") +
              (f"; rasa init + train {r['init_and_train_s']} s" if "init_and_train_s" in r else ""))
    if "stock" in results:
        s = results["stock"]
        for key in [k for k in results if k.startswith("ours_")]:
            o = results[key]
            results[f"{key}_vs_stock"] = ratios = {
                "one_client_p95": round(o["one_client"]["p95_ms"] / s["one_client"]["p95_ms"], 2),
                "concurrent_p95": round(o["concurrent"]["p95_ms"] / s["concurrent"]["p95_ms"], 2),
                "concurrent_throughput": round(o["concurrent"]["turns_per_second"] /
                                               s["concurrent"]["turns_per_second"], 2),
                "concurrent_turns_per_cpu_second": round(s["concurrent"]["server_cpu_ms_per_turn"] /
                                                         o["concurrent"]["server_cpu_ms_per_turn"], 2)}
            print(f"{key} / stock: 1-client p95 ×{ratios['one_client_p95']}, {args.clients}-client p95 "
                  f"×{ratios['concurrent_p95']}, {args.clients}-client throughput ×{ratios['concurrent_throughput']}, "
                  f"turns per server CPU second ×{ratios['concurrent_turns_per_cpu_second']}")
    if "our_training_s" in results:
        print(f"our model's training time: {results['our_training_s']} s")
    write_results("conversation", results)


if __name__ == "__main__":
    main()
