"""Profile: where a turn's time goes early and late in one long conversation (the profile behind issue 14's fixes).

The Rasa agent runs in this process (the model, endpoints and stores `make run` uses, the action server started
as usual), so cProfile sees every function of a turn; it is switched on only for the turns of the chosen windows,
and each window's profile is printed (top functions by own time and by cumulative time, per turn). The action
server's share appears as the time spent awaiting its reply (rasa.core.actions.action.RemoteAction.run).
A development tool, not a test. Usage:
python bench/profile_conversation.py [--who clinician|trainee] [--messages 310] [--windows 1-20,290-310] [--top 25]
    [--actions-profile FILE]
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import logging
import os
import pstats
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.conversation import cpu_seconds  # noqa: E402
from bench.long_conversation import SCRIPTS  # noqa: E402
from bot.launch import Stack, free_port, latest_model  # noqa: E402


def print_profile(profile: cProfile.Profile | str, top: int, turns: int) -> None:
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(order).print_stats(top)
        print(f"--- by {order} (seconds over all {turns} turns) ---")
        print("\n".join(line for line in out.getvalue().splitlines()
                        if line.strip() and not line.startswith(("   Ordered", "   List reduced"))))


async def converse(model: Path, who: str, messages: int, windows: list[tuple[int, int]], top: int,
                   actions_pid: int) -> None:
    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    from bot.channels.rest import CardCollectingOutputChannel
    from bot.rasa_patches import apply as install_patches
    from rasa.core.channels.channel import UserMessage

    configure_logging_and_warnings(logging.WARNING)  # as `rasa run` logs by default: no per-turn debug lines
    configure_structlog(logging.WARNING)
    install_patches()
    agent = await load_agent(model_path=str(model), endpoints=AvailableEndpoints.read_endpoints(
        str(ROOT / "endpoints.yml")))
    sender = f"profile-{uuid.uuid4().hex[:8]}"
    gen = SCRIPTS[who](None)
    text = next(gen)
    profiles = {w: cProfile.Profile() for w in windows}
    walls: dict[tuple[int, int], list[float]] = {w: [] for w in windows}
    cpu = {w: [0.0, 0.0] for w in windows}  # Rasa (this process), action server
    for number in range(1, messages + 1):
        window = next((w for w in windows if w[0] <= number <= w[1]), None)
        collector = CardCollectingOutputChannel()
        start = time.perf_counter()
        ours, theirs = time.process_time(), cpu_seconds(actions_pid)
        if window:
            profiles[window].enable()
        await agent.handle_message(UserMessage(text, collector, sender, input_channel="rest"))
        if window:
            profiles[window].disable()
            walls[window].append(time.perf_counter() - start)
            cpu[window][0] += time.process_time() - ours
            cpu[window][1] += cpu_seconds(actions_pid) - theirs
        text = gen.send(collector.messages)
    for (lo, hi), profile in profiles.items():
        turns = len(walls[(lo, hi)])
        rasa_ms, actions_ms = (1000 * c / turns for c in cpu[(lo, hi)])
        print(f"\n=== {who}, messages {lo}-{hi}: {turns} turns, mean wall {1000 * sum(walls[(lo, hi)]) / turns:.1f} "
              f"ms per turn; CPU per turn: Rasa {rasa_ms:.1f} ms, action server {actions_ms:.1f} ms (profiled) ===")
        print_profile(profile, top, turns)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--who", choices=sorted(SCRIPTS), default="clinician")
    parser.add_argument("--messages", type=int, default=310)
    parser.add_argument("--windows", default="1-20,290-310")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--actions-profile", type=Path, help="also profile the action server (whole run) to FILE")
    args = parser.parse_args()
    windows = [tuple(int(x) for x in w.split("-")) for w in args.windows.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="alkbot-profile-"))
    stack = Stack(model=latest_model(), action_port=free_port(), log_dir=tmp / "logs",
                  env={"TRACKER_DB_URL": f"sqlite:///{tmp / 'tracker.db'}",
                       "AUDIT_DB_URL": f"sqlite:///{tmp / 'audit.db'}", "AUDIT_SPOOL_DIR": str(tmp / "spool"),
                       "LOCK_STORE_URL": "memory://"})
    os.environ.update(stack._env())
    if args.actions_profile:  # Sanic stops cleanly on SIGTERM, so cProfile writes its file
        stack._spawn("actions", [sys.executable, "-m", "cProfile", "-o", str(args.actions_profile), "-m", "rasa_sdk",
                                 "--actions", "actions", "-p", str(stack.action_port)])
    else:
        stack.start_actions()
    try:
        stack.wait()
        asyncio.run(converse(stack.model, args.who, args.messages, windows, args.top, stack.processes["actions"].pid))
    finally:
        stack.stop()
    if args.actions_profile and args.actions_profile.exists():
        print(f"\n=== action server, whole run ({args.messages} turns) ===")
        print_profile(str(args.actions_profile), args.top, args.messages)


if __name__ == "__main__":
    main()
