"""The tracker and lock stores Rasa is configured with (endpoints.yml), checked before they are trusted.

Rasa's own SQL tracker store logs an error and carries on in memory when its database cannot be written, and
loops forever while a server is down; a clinical assistant must not lose conversations silently. So the store
here writes a row and reads it back at start-up, and refuses to start with a clear message otherwise. The lock
store is chosen by one URL (LOCK_STORE_URL): memory:// for one server, redis://host:port/db?key_prefix=... for
several servers sharing conversations.

Why Rasa's own RedisLockStore did not serialise two servers: its "ticket lock" is one JSON value per conversation
that each server reads, changes and writes back (GET, then SET), so two servers taking a ticket at the same moment
both read "no ticket yet", both take ticket 0 and both run; and a server killed while holding a ticket leaves it for
the ticket's whole lifetime (60 s), so the conversation's next message waited that long. RedisMutexLockStore takes the
lock with one atomic `SET key token NX PX ttl`, renews the short expiry while the turn runs, and releases only its
own token: a killed server's lock is gone within LOCK_TTL_SECONDS.
"""
from __future__ import annotations

import asyncio
import logging
import time
import uuid
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator
from urllib.parse import parse_qs, urlsplit

import sqlalchemy as sa
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore
from rasa.core.tracker_store import SQLTrackerStore

from bot.rasa_patches import SQLTrackerStoreFastPaths, apply as apply_rasa_patches
from bot.storage import config
from bot.storage.db import make_engine

log = logging.getLogger(__name__)
apply_rasa_patches()  # Rasa imports this module (endpoints.yml) before it builds the agent: bot/rasa_patches.py

class StoreUnavailable(RuntimeError):
    """A store the assistant needs cannot be written and read back."""


_CHECK = sa.Table("store_check", sa.MetaData(), sa.Column("token", sa.String(64), primary_key=True))


def check_database(url: str, what: str = "tracker store") -> None:
    """Write a row to ``url`` and read it back, or raise StoreUnavailable saying what to fix."""
    token = uuid.uuid4().hex
    try:
        engine = make_engine(url)
        try:
            with engine.begin() as conn:
                _CHECK.create(conn, checkfirst=True)
                conn.execute(_CHECK.insert().values(token=token))
            with engine.begin() as conn:
                found = conn.execute(sa.select(_CHECK.c.token).where(_CHECK.c.token == token)).scalar()
                conn.execute(_CHECK.delete().where(_CHECK.c.token == token))
        finally:
            engine.dispose()
    except Exception as err:  # noqa: BLE001 - any failure means the store is unusable; say which and why
        reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
        raise StoreUnavailable(f"The {what} database {config.describe(url)} cannot be written and read back "
                               f"({reason}). Fix its path or permissions, or start the database server, "
                               f"then start the assistant again.") from None
    if found != token:
        raise StoreUnavailable(f"The {what} database {config.describe(url)} did not return what was written.")


# Where each conversation's sessions start: the latest one is looked up on every turn, and a conversation holds one
# session per case, so without this index the lookup reads every event the conversation ever had.
SESSION_STARTS = sa.Index("ix_events_sender_type_id", SQLTrackerStore.SQLEvent.sender_id,
                          SQLTrackerStore.SQLEvent.type_name, SQLTrackerStore.SQLEvent.id)


class CheckedSQLTrackerStore(SQLTrackerStoreFastPaths):
    """Rasa's SQL tracker store on TRACKER_DB_URL (endpoints.yml names no URL, so a plain `rasa run` uses the same
    default as `make run`), after a write-and-read-back check that refuses to start. Its savings on every turn
    override Rasa's private methods, so they live with the other patches (bot.rasa_patches.SQLTrackerStoreFastPaths)."""

    def __init__(self, domain: Any = None, host: str | None = None, event_broker: Any = None, **kwargs: Any):
        url = host or config.setting("TRACKER_DB_URL")
        check_database(url, "tracker store")
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
        SESSION_STARTS.create(self.engine, checkfirst=True)  # databases created before the index existed


class ConfiguredLockStore(LockStore):
    """The lock store LOCK_STORE_URL names; Rasa instantiates this class from endpoints.yml."""

    def __new__(cls, endpoint_config: Any = None) -> LockStore:  # type: ignore[misc]
        url = (getattr(endpoint_config, "url", None) or config.setting("LOCK_STORE_URL")).strip()
        return lock_store_from_url(url)


LOCK_TTL_SECONDS = 5.0  # how long a dead server's lock outlives it; renewed every second while a turn runs
_RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0"
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


class RedisMutexLockStore(LockStore):
    """One lock per conversation in Redis, taken atomically and expiring soon after its holder dies (see above)."""

    POLL_SECONDS = 0.02

    def __init__(self, red: Any, key_prefix: str | None = None, ttl: float = LOCK_TTL_SECONDS):
        super().__init__()
        self.red = red
        self.prefix = f"{key_prefix}:conversation-lock:" if key_prefix else "conversation-lock:"
        self.ttl_ms = int(ttl * 1000)

    def key(self, conversation_id: str) -> str:
        return self.prefix + conversation_id

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncIterator[None]:
        """Hold the conversation's lock for the block; wait for it at most ``lock_lifetime`` seconds."""
        key, token = self.key(conversation_id), uuid.uuid4().hex
        deadline = time.monotonic() + lock_lifetime
        while not self.red.set(key, token, nx=True, px=self.ttl_ms):
            if time.monotonic() > deadline:
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
            await asyncio.sleep(self.POLL_SECONDS)
        renewing = asyncio.ensure_future(self._renew(key, token))
        try:
            yield None
        finally:
            renewing.cancel()
            self.red.eval(_RELEASE, 1, key, token)

    async def _renew(self, key: str, token: str) -> None:
        while True:
            await asyncio.sleep(self.ttl_ms / 5000)
            if not self.red.eval(_RENEW, 1, key, token):
                log.error("the lock %s expired while its turn was running (the event loop stalled)", key)
                return


def lock_store_from_url(url: str) -> LockStore:
    parts = urlsplit(url)
    if parts.scheme in ("memory", "in_memory", ""):
        return InMemoryLockStore()
    if parts.scheme not in ("redis", "rediss"):
        raise StoreUnavailable(f"LOCK_STORE_URL must be memory:// or redis://host:port/db, not {url!r}")
    import redis

    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    prefix = query.get("key_prefix")
    if prefix is not None and not prefix.isalnum():
        raise StoreUnavailable(f"LOCK_STORE_URL's key_prefix must be letters and digits, not {prefix!r}")
    red = redis.StrictRedis(host=parts.hostname or "localhost", port=parts.port or 6379,
                            db=int(parts.path.strip("/") or 1), password=parts.password,
                            ssl=parts.scheme == "rediss", socket_timeout=10)
    try:
        red.ping()
    except Exception as err:  # noqa: BLE001
        raise StoreUnavailable(f"The Redis lock store at {parts.hostname}:{parts.port or 6379} does not answer "
                               f"({err}). Start Redis or set LOCK_STORE_URL=memory:// for a single server.") from None
    return RedisMutexLockStore(red, prefix)
