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
import itertools
import json
import logging
import time
import uuid
from contextlib import asynccontextmanager
from collections import OrderedDict
from typing import Any, AsyncIterator, Iterator
from urllib.parse import parse_qs, urlsplit

import sqlalchemy as sa
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.storage import config
from bot.storage.db import make_engine

log = logging.getLogger(__name__)

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


class CheckedSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store on TRACKER_DB_URL, after a write-and-read-back check that refuses to start.

    Four savings on every turn, measured with bench/conversation.py (the tracker store was 40% of the Rasa server's
    CPU): SQLite connections are pooled (WAL, synchronous=NORMAL) instead of opened per query, loading reads the
    events' JSON without building ORM objects, and `save` knows how
    many events the conversation had when it was loaded, instead of counting them with a query, and writes them
    with one multi-row insert. Rasa loads a
    conversation before every save, under the lock store's lock (Redis when servers share conversations), so that
    number is the stored one; without it, the count query runs as in Rasa."""

    REMEMBERED = 10_000  # conversations whose stored event count is kept

    def __init__(self, domain: Any = None, host: str | None = None, event_broker: Any = None, **kwargs: Any):
        url = host or config.setting("TRACKER_DB_URL")
        check_database(url, "tracker store")
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
        self._stored: OrderedDict[str, int] = OrderedDict()
        SESSION_STARTS.create(self.engine, checkfirst=True)  # databases created before the index existed
        if self.engine.dialect.name == "sqlite":
            self.engine.dispose()
            self.engine = make_engine(str(self.engine.url))
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        """As Rasa's, reading only the events' JSON column (no ORM objects to build)."""
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions) \
                .with_entities(self.SQLEvent.data).all()
        events = [json.loads(data) for data, in rows]
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots) \
            if self.domain and events else None
        if not fetch_events_from_all_sessions:
            self._remember(sender_id, len(tracker.events) if tracker else 0)
        return tracker

    async def save(self, tracker: Any) -> None:
        """As Rasa's (the same rows, in the same order, in one transaction), written with one multi-row insert
        instead of one ORM object flushed per event: a turn stores 5-15 events."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            rows = [self._event_row(tracker.sender_id, event) for event in self._additional_events(session, tracker)]
            if rows:
                session.execute(self.SQLEvent.__table__.insert(), rows)
            session.commit()

    @staticmethod
    def _event_row(sender_id: str, event: Any) -> dict[str, Any]:
        data = event.as_dict()
        return {"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
                "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                "action_name": data.get("name"), "data": json.dumps(data)}

    def _event_query(self, session: Any, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        """As Rasa's, but the current session starts at the latest session_started row by id, not by timestamp.

        A conversation starts a session per case (bot.sessions), so this query decides what every turn loads.
        Rasa compares timestamps, which lets in rows of the session before: the session_started event an action
        returns is stamped before Rasa logs that action's own event, and two servers' clocks differ. Row ids are
        the order events were stored in, which is also the order Rasa loads them in."""
        query = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id)
        if not fetch_events_from_all_sessions:
            start = session.query(sa.func.max(self.SQLEvent.id)).filter(
                self.SQLEvent.sender_id == sender_id,
                self.SQLEvent.type_name == SessionStarted.type_name).scalar_subquery()
            query = query.filter(self.SQLEvent.id >= sa.func.coalesce(start, 0))
        return query.order_by(self.SQLEvent.id)

    def _additional_events(self, session: Any, tracker: Any) -> Iterator:
        stored = self._stored.pop(tracker.sender_id, None)
        if stored is None:
            return super()._additional_events(session, tracker)
        self._remember(tracker.sender_id, len(tracker.events))
        return itertools.islice(tracker.events, stored, len(tracker.events))

    def _remember(self, sender_id: str, count: int) -> None:
        self._stored[sender_id] = count
        self._stored.move_to_end(sender_id)
        while len(self._stored) > self.REMEMBERED:
            self._stored.popitem(last=False)


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
