"""Fixtures shared by the integration, web and storage tests: the real servers, started once per session."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis.internal.conjecture import providers as _hypothesis_providers

from bot.launch import Stack, free_port, latest_model

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

# Hypothesis (6.131 on) draws about 1 integer or string in 20 from the literals of the project's modules imported at
# that moment (its "local constants", hypothesis.internal.conjecture.providers). Which modules are imported depends on
# which tests ran first, and any edit of a literal anywhere in bot/ or actions/ changes the pool: a derandomised
# property test then draws other cases in the full suite than alone (issue 16: importing actions/ moved M3 from
# 1.1% to 2.1% of the generated cases). The pool is pinned empty so that a profile's draws depend only on the test;
# hypothesis' own constants (boundary integers, odd strings) are still drawn. Private API: hypothesis is pinned in
# requirements.lock, and test_properties checks the pin still holds.
_hypothesis_providers._get_local_constants = _hypothesis_providers.Constants
# Objects built once per process from mutated code: under `make mutation` (mutmut, fork isolation) each mutant's
# tests run in a process forked after the clean run, so these would still be the unmutated ones and the mutants of
# Engine.__init__, its memos and Context.__init__ could never be seen.
_PER_PROCESS = (("bot.decision", "default_engine"), ("bot.nlu.extractor", "load"))


def _rebuild_per_process_objects() -> None:
    for module, cached in _PER_PROCESS:
        if module in sys.modules:
            getattr(sys.modules[module], cached).cache_clear()


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("MUTANT_UNDER_TEST"):
        _rebuild_per_process_objects()


@pytest.fixture(autouse=True)
def _rebuilt_for_mutmut_stats() -> Iterator[None]:
    """mutmut's stats run records which tests reach each function, and runs a mutant against those tests only: there
    the objects are rebuilt for every test, so each test that decides or reads counts as reaching their construction
    (else only the first one did, and a mutant of Engine.__init__ or Context.__init__ met one test)."""
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        _rebuild_per_process_objects()
    yield


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """`make test` (--dist loadfile) hands out files with the fewest tests first. pytest-xdist hands out the most
    first, which left the files that start servers or run Rasa (a few slow tests each) to the end, one worker busy
    with one of them while the other had nothing left; the files of many quick tests now fill the end instead."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class FewestTestsFirst(LoadFileScheduling):
        def _assign_work_unit(self, node) -> None:
            fewest_first = sorted(self.workqueue.items(), key=lambda scope: len(scope[1]))  # ties keep their order
            self.workqueue.clear()
            self.workqueue.update(fewest_first)
            super()._assign_work_unit(node)

    return FewestTestsFirst(config, log)


def start_stack(tmp: Path, env: dict[str, str] | None = None, **kwargs) -> Stack:
    """An action server and a Rasa server on free ports, with their own SQLite stores under ``tmp``."""
    defaults = {"TRACKER_DB_URL": f"sqlite:///{tmp / 'tracker.db'}", "AUDIT_DB_URL": f"sqlite:///{tmp / 'audit.db'}",
                "AUDIT_SPOOL_DIR": str(tmp / "spool"), "LOCK_STORE_URL": "memory://"}
    stack = Stack(model=latest_model(), rasa_port=free_port(), action_port=free_port(),
                  env={**defaults, **(env or {})}, log_dir=tmp / "logs", **kwargs)
    try:
        return stack.start()
    except Exception:
        stack.stop()
        raise


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The assistant as `make run` starts it, shared by the tests that only talk to it."""
    s = start_stack(tmp_path_factory.mktemp("stack"))
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


_FILE_SECONDS: dict[str, float] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Each test file's time (set-up, call and tear-down of its tests, on whichever worker ran it), for the summary."""
    path = report.nodeid.split("::", 1)[0]
    _FILE_SECONDS[path] = _FILE_SECONDS.get(path, 0.0) + report.duration


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """The slowest test files (worker time, summed over their tests): where the suite's minutes go."""
    if not _FILE_SECONDS or getattr(config, "workerinput", None) is not None:
        return
    total = sum(_FILE_SECONDS.values())
    terminalreporter.section(f"slowest test files ({total:.0f} s of worker time in all)")
    for path, seconds in sorted(_FILE_SECONDS.items(), key=lambda kv: -kv[1])[:20]:
        terminalreporter.write_line(f"{seconds:8.1f} s  {path}")
