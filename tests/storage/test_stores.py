"""The tracker-store check refuses unusable databases; the lock store follows LOCK_STORE_URL."""
from __future__ import annotations

import pytest

from bot.storage.stores import StoreUnavailable, check_database, lock_store_from_url


def test_sqlite_tracker_database_is_checked(tmp_path):
    check_database(f"sqlite:///{tmp_path / 'var' / 'tracker.db'}")
    assert (tmp_path / "var" / "tracker.db").exists()


def test_unwritable_sqlite_path_refuses_with_a_clear_message(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StoreUnavailable, match="cannot be written and read back.*start the assistant again"):
        check_database(f"sqlite:///{blocker / 'tracker.db'}")


def test_unreachable_postgresql_refuses(tmp_path):
    with pytest.raises(StoreUnavailable, match=r"postgresql://postgres@127.0.0.1:1/x"):
        check_database("postgresql://postgres@127.0.0.1:1/x")


def test_postgresql_tracker_database_is_checked(pg_url):
    check_database(pg_url)


def test_lock_store_in_memory_and_redis(redis_url):
    from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

    assert isinstance(lock_store_from_url("memory://"), InMemoryLockStore)
    store = lock_store_from_url(redis_url)
    assert isinstance(store, RedisLockStore) and store.key_prefix.startswith("alkbottest")


def test_redis_down_refuses():
    with pytest.raises(StoreUnavailable, match="does not answer"):
        lock_store_from_url("redis://127.0.0.1:1/1")
