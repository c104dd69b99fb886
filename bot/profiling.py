"""Opt-in cProfile of a whole server process, every thread included (a development tool, off by default).

With ALKBOT_PROFILE set to a file path, `python -m bot.server` (Rasa) and `python -m bot.action_server` profile
every thread they run (Rasa parses messages in a worker thread, which a plain `python -m cProfile` misses) in
each thread's own CPU time (on a shared machine, wall time charges a function for the time it waited for a core),
and write one merged pstats file there when the process exits (SIGTERM stops both servers cleanly); SIGUSR1 clears
what was collected so far (start-up, warm-up). Read it with
`python -m pstats FILE` or bench/profile_conversation.py's printer. Nothing here runs when the variable is unset.
"""

from __future__ import annotations

import atexit
import cProfile
import os
import pstats
import signal
import sys
import threading
import time
from typing import Any

ENV = "ALKBOT_PROFILE"


def profile_process_if_asked(suffix: str = "") -> str | None:
    """Start profiling this thread and every thread started from now on, if ALKBOT_PROFILE names a file; the
    merged profile is written to that path (plus ``suffix``) at exit. Returns the path, or None when off."""
    target = os.environ.get(ENV)
    if not target:
        return None
    path = target + suffix
    profiles: list[cProfile.Profile] = []
    lock = threading.Lock()

    def start() -> None:
        profile = cProfile.Profile(time.thread_time)  # CPU, not wall: on a loaded machine waits are not costs
        with lock:
            profiles.append(profile)
        profile.enable()

    def on_first_event(_frame: Any, _event: str, _arg: Any) -> None:
        sys.setprofile(None)  # hand the thread's profile hook to cProfile
        start()

    def write() -> None:
        with lock:
            if not profiles:
                return
            stats = pstats.Stats(profiles[0])
            for profile in profiles[1:]:
                stats.add(profile)
        stats.dump_stats(path)

    def clear(_signum: int, _frame: Any) -> None:  # SIGUSR1: forget start-up and warm-up, keep profiling
        with lock:
            for profile in profiles:
                profile.clear()

    threading.setprofile(on_first_event)
    start()
    signal.signal(signal.SIGUSR1, clear)
    atexit.register(write)
    return path
