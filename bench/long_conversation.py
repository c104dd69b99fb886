"""Benchmark: does a turn cost the same at the 300th message of a conversation as at the 3rd?

One real Rasa server and action server (SQLite stores, as `make run` starts them). A clinician works through many
cases in one conversation (the worked cases typed, questions answered, "why?", "evidence", a correction, a what-if,
"new case"); a trainee practises many cases in one conversation ("practice", an answer, the "Next case" button, now and
then "hint" or "stats"). Each turn's latency is recorded against its message number; the medians and p95s over messages
1-20, 140-160 and 290-310 are printed, with their ratio to the first window. Then the Rasa server's resident memory,
and (with --stored N) its memory after N stored conversations of about 50 turns each were written to the tracker
store and a hundred of them were resumed. Prints the figures and writes bench/results/long_conversation.json.
A benchmark, not a test.
Usage: python bench/long_conversation.py [--messages 310] [--stored 1000] [--who clinician,trainee]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results_file import write_results  # noqa: E402
from bench.conversation import rss_mb  # noqa: E402
from bot.launch import Stack, free_port, latest_model  # noqa: E402
from bot.messages import SOMETHING_WENT_WRONG  # noqa: E402
from tests.chat import Chat  # noqa: E402
from tests.integration.clinician import answer_for  # noqa: E402
from tests.integration.test_conversations import EXAMPLES, TYPED  # noqa: E402

WINDOWS = {"1-20": (1, 20), "140-160": (140, 160), "290-310": (290, 310)}
CORRECTIONS = ["actually it was brigatinib", "what if it were plasma only?", "why?", "show me the evidence"]
NEXT_PRACTICE_CASE = "/practice_start"  # the "Next case" button under a graded answer (typed, it means a clinical case)
PRACTICE_ANSWERS = ["lorlatinib, because of the G1202R; I'd avoid brigatinib", "platinum etoposide",
                    "SRS to the brain lesions and continue alectinib", "I'd give best supportive care"]


def clinician_messages(chat: Chat) -> Iterator[str]:
    """An endless clinician: case after case in one conversation, each answered, questioned and corrected."""
    n = 0
    while True:
        example_id = sorted(TYPED)[n % len(TYPED)]
        replies = yield TYPED[example_id]
        for _ in range(8):
            field = Chat.data(replies, "asking")
            if Chat.data(replies, "recommendation") or not field:
                break
            replies = yield answer_for(field, EXAMPLES[example_id]["case"])
        for text in CORRECTIONS:
            yield text
        yield "new case"
        n += 1


def trainee_messages(chat: Chat) -> Iterator[str]:
    """An endless trainee: practice case after practice case in one conversation."""
    n = 0
    yield "practice"
    while True:
        if n % 5 == 2:
            yield "hint"
        yield PRACTICE_ANSWERS[n % len(PRACTICE_ANSWERS)]
        if n % 7 == 3:
            yield "stats"
        yield NEXT_PRACTICE_CASE
        n += 1


SCRIPTS = {"clinician": clinician_messages, "trainee": trainee_messages}


def run(base_url: str, script: Callable[[Chat], Iterator[str]], messages: int) -> list[float]:
    """Latency of each of the first ``messages`` turns of one conversation driven by ``script``."""
    chat = Chat(base_url, sender=f"bench-{uuid.uuid4().hex[:12]}")
    gen = script(chat)
    text = next(gen)
    latencies = []
    for _ in range(messages):
        start = time.perf_counter()
        replies = chat.say(text)
        latencies.append(time.perf_counter() - start)
        if not replies or any(r.get("text") == SOMETHING_WENT_WRONG for r in replies):
            # a server that answers every message with its failure sentence is fast and measures nothing
            raise RuntimeError(f"no real reply to {text!r} at message {len(latencies)}: {replies!r:.300}")
        text = gen.send(replies)
    return latencies


def windows(latencies: list[float]) -> dict:
    out = {}
    for name, (lo, hi) in WINDOWS.items():
        part = latencies[lo - 1:hi]
        if len(part) < 2:
            continue
        q = statistics.quantiles(part, n=20)
        out[name] = {"median_ms": round(statistics.median(part) * 1000, 1), "p95_ms": round(q[18] * 1000, 1)}
    first = out["1-20"]["median_ms"]
    for name in out:
        out[name]["ratio_to_first"] = round(out[name]["median_ms"] / first, 2)
    return out


def store_conversations(tracker_url: str, sender: str, count: int) -> int:
    """Copy conversation ``sender``'s events under ``count`` new sender ids, straight into the tracker database."""
    import sqlalchemy as sa

    engine = sa.create_engine(tracker_url)
    with engine.begin() as conn:
        rows = conn.execute(sa.text("SELECT type_name, timestamp, intent_name, action_name, data FROM events "
                                    "WHERE sender_id = :s ORDER BY id"), {"s": sender}).fetchall()
        for i in range(count):
            conn.execute(sa.text("INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, "
                                 "data) VALUES (:sender, :t, :ts, :i, :a, :d)"),
                         [{"sender": f"stored-{i:05d}", "t": r[0], "ts": r[1], "i": r[2], "a": r[3], "d": r[4]}
                          for r in rows])
    engine.dispose()
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=310)
    parser.add_argument("--stored", type=int, default=1000, help="conversations of ~50 turns for the memory figure")
    parser.add_argument("--who", default="clinician,trainee", help="which conversations to time")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="alkbot-long-"))
    tracker_url = f"sqlite:///{tmp / 'tracker.db'}"
    env = {"TRACKER_DB_URL": tracker_url, "AUDIT_DB_URL": f"sqlite:///{tmp / 'audit.db'}",
           "AUDIT_SPOOL_DIR": str(tmp / "spool"), "LOCK_STORE_URL": "memory://"}
    stack = Stack(model=latest_model(), rasa_port=free_port(), action_port=free_port(), env=env, log_dir=tmp / "logs")
    results: dict = {}
    try:
        stack.start()  # inside the try: a server that fails to start must not leave the other one running
        run(stack.base_url, clinician_messages, 30)  # warm-up
        for name in args.who.split(","):
            script = SCRIPTS[name]
            latencies = run(stack.base_url, script, args.messages)
            results[name] = windows(latencies)
            print(f"{name}:")
            for window, r in results[name].items():
                print(f"  messages {window:>7}: median {r['median_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms  "
                      f"×{r['ratio_to_first']:.2f} the first window")
        results["rasa_rss_mb"] = rss_mb(stack.processes["rasa"].pid)
        print(f"Rasa server RSS after the two long conversations: {results['rasa_rss_mb']} MB")
        if args.stored:
            chat = Chat(stack.base_url, sender=f"template-{uuid.uuid4().hex[:8]}")
            gen = clinician_messages(chat)
            text = next(gen)
            for _ in range(50):
                text = gen.send(chat.say(text))
            rows = store_conversations(tracker_url, chat.sender, args.stored)
            for i in range(0, args.stored, max(1, args.stored // 100)):
                Chat(stack.base_url, sender=f"stored-{i:05d}").say("why?")
            results["stored"] = {"conversations": args.stored, "events_each": rows,
                                 "rasa_rss_mb": rss_mb(stack.processes["rasa"].pid)}
            print(f"Rasa server RSS with {args.stored} stored conversations of 50 turns ({rows} events each), "
                  f"100 of them resumed: {results['stored']['rasa_rss_mb']} MB")
    finally:
        stack.stop()
    write_results("long_conversation", results)


if __name__ == "__main__":
    main()
