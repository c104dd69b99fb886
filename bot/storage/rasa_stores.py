"""The tracker and lock store classes Rasa instantiates (endpoints.yml names them through bot.storage.stores, which
imports this module on first use; see its docstring for why the checks come first and why the lock store is ours).

Importing this module applies bot.rasa_patches, which imports Rasa's agent and model stack: the command line's
`check-stores` uses bot.storage.stores alone.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import sqlalchemy as sa
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore
from rasa.core.tracker_store import SQLTrackerStore

from bot.rasa_patches import SQLTrackerStoreFastPaths
from bot.rasa_patches import apply as apply_rasa_patches
from bot.storage import config
from bot.storage.stores import LOCK_TTL_SECONDS, check_database, redis_from_url

log = logging.getLogger(__name__)
apply_rasa_patches()  # Rasa imports this module (endpoints.yml) before it builds the agent: bot/rasa_patches.py


# Where each conversation's sessions start: the latest one is looked up on every turn, and a conversation holds one
# session per case, so without this index the lookup reads every event the conversation ever had.
SESSION_STARTS = sa.Index(
    "ix_events_sender_type_id",
    SQLTrackerStore.SQLEvent.sender_id,
    SQLTrackerStore.SQLEvent.type_name,
    SQLTrackerStore.SQLEvent.id,
)


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

    # Rasa's LockStore.lock yields a TicketLock that none of Rasa's callers use; this lock has no ticket to give
    @asynccontextmanager
    async def lock(  # type: ignore[override]
        self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME, wait_time_in_seconds: float = 1
    ) -> AsyncIterator[None]:
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
    """The lock store LOCK_STORE_URL names: in memory for one server, RedisMutexLockStore for several."""
    found = redis_from_url(url)
    if found is None:
        return InMemoryLockStore()
    red, prefix = found
    return RedisMutexLockStore(red, prefix)
