"""Fixtures shared by the integration, web and storage tests: the real servers, started once per session."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from bot.launch import Stack, free_port, latest_model

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


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
