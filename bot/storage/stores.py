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

import uuid
from typing import Any
from urllib.parse import parse_qs, urlsplit

import sqlalchemy as sa

from bot.storage import config
from bot.storage.db import make_engine

# The classes Rasa instantiates (endpoints.yml names them here) build on Rasa's, and importing them applies
# bot.rasa_patches, which imports Rasa's agent and model stack (TensorFlow, seconds). They live in
# bot.storage.rasa_stores and are imported from there on first use, so `python -m bot check-stores` (which needs only
# the checks below) stays quick; Rasa's getattr on this module brings them in before it builds the agent.
_RASA_CLASSES = frozenset(
    {"CheckedSQLTrackerStore", "ConfiguredLockStore", "RedisMutexLockStore", "SESSION_STARTS", "lock_store_from_url"}
)


def __getattr__(name: str) -> Any:
    if name in _RASA_CLASSES:
        from bot.storage import rasa_stores

        return getattr(rasa_stores, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
        raise StoreUnavailable(
            f"The {what} database {config.describe(url)} cannot be written and read back "
            f"({reason}). Fix its path or permissions, or start the database server, "
            f"then start the assistant again."
        ) from None
    if found != token:
        raise StoreUnavailable(f"The {what} database {config.describe(url)} did not return what was written.")


LOCK_TTL_SECONDS = 5.0  # how long a dead server's lock outlives it; renewed every second while a turn runs


def redis_from_url(url: str) -> tuple[Any, str | None] | None:
    """The Redis client and key prefix LOCK_STORE_URL names, after a ping; None for memory://. StoreUnavailable,
    saying what to fix, for another scheme, a bad prefix or a Redis that does not answer."""
    parts = urlsplit(url)
    if parts.scheme in ("memory", "in_memory", ""):
        return None
    if parts.scheme not in ("redis", "rediss"):
        raise StoreUnavailable(f"LOCK_STORE_URL must be memory:// or redis://host:port/db, not {url!r}")
    import redis

    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    prefix = query.get("key_prefix")
    if prefix is not None and not prefix.isalnum():
        raise StoreUnavailable(f"LOCK_STORE_URL's key_prefix must be letters and digits, not {prefix!r}")
    red = redis.StrictRedis(
        host=parts.hostname or "localhost",
        port=parts.port or 6379,
        db=int(parts.path.strip("/") or 1),
        password=parts.password,
        ssl=parts.scheme == "rediss",
        socket_timeout=10,
    )
    try:
        red.ping()
    except Exception as err:  # noqa: BLE001
        raise StoreUnavailable(
            f"The Redis lock store at {parts.hostname}:{parts.port or 6379} does not answer "
            f"({err}). Start Redis or set LOCK_STORE_URL=memory:// for a single server."
        ) from None
    return red, prefix
