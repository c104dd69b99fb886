"""Real PostgreSQL and Redis for the tests of the production path.

Each test (or module fixture) that needs one gets its own database or key prefix, created and dropped here, so runs
and parallel workers don't interfere.
A missing service fails the test in CI (CI=true); on a developer's machine it skips, saying what to start.
"""
from __future__ import annotations

import os
import socket
import threading
import uuid
from contextlib import contextmanager
from typing import Iterator

import pytest

PG_HOST, PG_PORT = os.environ.get("TEST_PG_HOST", "127.0.0.1"), int(os.environ.get("TEST_PG_PORT", "5432"))
REDIS_HOST, REDIS_PORT = os.environ.get("TEST_REDIS_HOST", "127.0.0.1"), int(os.environ.get("TEST_REDIS_PORT", "6379"))
START = {
    "PostgreSQL": "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    "Redis": "redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no",
}


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def require(service: str, host: str, port: int) -> None:
    if _listening(host, port):
        return
    message = f"{service} is not running on {host}:{port}; start it with: {START[service]}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def database() -> Iterator[str]:
    """A new, empty PostgreSQL database; dropped on leaving."""
    require("PostgreSQL", PG_HOST, PG_PORT)
    import sqlalchemy as sa

    name = f"alkbot_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(f"postgresql://postgres@{PG_HOST}:{PG_PORT}/postgres", isolation_level="AUTOCOMMIT",
                             future=True)
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql://postgres@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def lock_store() -> Iterator[str]:
    """A Redis lock-store URL with a key prefix of its own; its keys are deleted on leaving."""
    require("Redis", REDIS_HOST, REDIS_PORT)
    import redis

    prefix = f"alkbottest{uuid.uuid4().hex[:8]}"
    try:
        yield f"redis://{REDIS_HOST}:{REDIS_PORT}/1?key_prefix={prefix}"
    finally:
        client = redis.StrictRedis(host=REDIS_HOST, port=REDIS_PORT, db=1)
        for key in client.scan_iter(f"{prefix}*"):
            client.delete(key)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database for this test; dropped afterwards."""
    with database() as url:
        yield url


@pytest.fixture
def redis_url() -> Iterator[str]:
    """A Redis lock-store URL with a key prefix of its own; its keys are deleted afterwards."""
    with lock_store() as url:
        yield url


class Proxy:
    """A TCP forwarder to PostgreSQL that can be cut and restored: an outage without touching the server."""

    def __init__(self, port: int):
        self.target = port
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        self.up = True
        self.conns: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            upstream = socket.create_connection((PG_HOST, self.target))
            self.conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self) -> None:
        self.up = False
        for s in self.conns:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self.conns.clear()

    def restore(self) -> None:
        self.up = True
