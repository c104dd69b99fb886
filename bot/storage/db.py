"""Engines and schema migrations for the project's own databases (audit log, feedback, practice records)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine, make_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; for SQLite, the folder is created and writers wait instead of failing at once."""
    parsed = make_url(url)
    kwargs: dict = {"future": True}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # connections are kept (a file database is otherwise reopened for every session)
        kwargs.update(
            poolclass=sa.pool.QueuePool,
            pool_size=4,
            connect_args={"check_same_thread": False, **({} if "timeout" in parsed.query else {"timeout": 15})},
        )
    else:
        kwargs["pool_pre_ping"] = True  # a server that went away and came back: reconnect instead of failing
        kwargs["pool_timeout"] = 5
        kwargs["connect_args"] = {"connect_timeout": 5} if parsed.get_backend_name() == "postgresql" else {}
    engine = sa.create_engine(url, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        tune_sqlite(engine)
    return engine


def tune_sqlite(engine: Engine) -> None:
    """Write-ahead log with synchronous=NORMAL: a commit no longer waits for two fsyncs, readers don't block the
    writer, and a committed transaction survives a crash of the process (only a power cut may lose the last ones)."""

    @sa.event.listens_for(engine, "connect")
    def _pragmas(connection, _record):
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (Alembic 'upgrade head'); a no-op when it is there already."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


class Database:
    """A lazily connected, migrated database: the first use creates the engine and runs the migrations, so a
    database that is down at start-up is retried on the next use instead of failing the process."""

    def __init__(self, url: str):
        self.url = url
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            engine = make_engine(self.url)
            migrate(engine)
            self._engine = engine
        return self._engine

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def reset(self) -> None:
        """Forget the engine, so the next use connects and migrates again (the database was dropped and created
        again while this process ran)."""
        self.dispose()
        self._engine = None
