"""The tracker-store check refuses unusable databases; the lock store follows LOCK_STORE_URL."""
from __future__ import annotations

import pytest

from bot.storage.stores import CheckedSQLTrackerStore, StoreUnavailable, check_database, lock_store_from_url


def test_sqlite_tracker_database_is_checked(tmp_path):
    check_database(f"sqlite:///{tmp_path / 'var' / 'tracker.db'}")
    assert (tmp_path / "var" / "tracker.db").exists()


def test_unwritable_sqlite_path_refuses_with_a_clear_message(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StoreUnavailable, match="cannot be written and read back.*start the assistant again"):
        check_database(f"sqlite:///{blocker / 'tracker.db'}")


def test_tracker_store_itself_refuses_an_unwritable_database(tmp_path):
    """The check is wired into the store Rasa builds, not only callable: no store object, a clear message."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StoreUnavailable, match="tracker store database .*cannot be written and read back"):
        CheckedSQLTrackerStore(host=f"sqlite:///{blocker / 'tracker.db'}")


def test_tracker_store_on_a_usable_database_starts(tmp_path):
    store = CheckedSQLTrackerStore(host=f"sqlite:///{tmp_path / 'tracker.db'}")
    assert store.engine.dialect.name == "sqlite" and (tmp_path / "tracker.db").exists()


def test_unreachable_postgresql_refuses(tmp_path):
    with pytest.raises(StoreUnavailable, match=r"postgresql://postgres@127.0.0.1:1/x"):
        check_database("postgresql://postgres@127.0.0.1:1/x")


def test_postgresql_tracker_database_is_checked(pg_url):
    check_database(pg_url)


def test_lock_store_in_memory_and_redis(redis_url):
    from rasa.core.lock_store import InMemoryLockStore

    from bot.storage.stores import RedisMutexLockStore

    assert isinstance(lock_store_from_url("memory://"), InMemoryLockStore)
    store = lock_store_from_url(redis_url)
    assert isinstance(store, RedisMutexLockStore) and store.key("c").startswith("alkbottest")


def test_redis_down_refuses():
    with pytest.raises(StoreUnavailable, match="does not answer"):
        lock_store_from_url("redis://127.0.0.1:1/1")


def test_tracker_store_saves_each_event_once_across_two_servers(tmp_path):
    """Two store instances (two Rasa servers) on one database, alternating turns, and a save without a load."""
    import asyncio

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, UserUttered

    from bot.storage.stores import CheckedSQLTrackerStore

    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    domain = Domain.empty()
    a, b = CheckedSQLTrackerStore(domain, url), CheckedSQLTrackerStore(domain, url)

    async def turn(store, text, load=True):
        from rasa.shared.core.trackers import DialogueStateTracker

        tracker = (await store.retrieve("c1") if load else None) or DialogueStateTracker("c1", domain.slots)
        if not load:  # a tracker built elsewhere: the store must count what is stored
            tracker = DialogueStateTracker.from_events("c1", list((await store.retrieve("c1")).events), domain.slots)
            store._stored.clear()
        tracker.update(UserUttered(text))
        tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)

    async def run():
        for i, store in enumerate([a, b, a, b]):
            await turn(store, f"turn {i}")
        await turn(a, "no load", load=False)
        return [e.text for e in (await b.retrieve("c1")).events if isinstance(e, UserUttered)]

    assert asyncio.run(run()) == ["turn 0", "turn 1", "turn 2", "turn 3", "no load"]


def test_tracker_store_loads_the_current_session_only_in_stored_order(tmp_path):
    """A conversation holds one session per case; a turn loads the latest. The order is the order stored: the
    previous session's last message stamped later than the new session's start (another server's clock) stays
    in the previous session."""
    import asyncio

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.storage.stores import CheckedSQLTrackerStore

    domain = Domain.empty()
    store = CheckedSQLTrackerStore(domain, f"sqlite:///{tmp_path / 'tracker.db'}")
    events = [SessionStarted(timestamp=1), ActionExecuted("action_listen", timestamp=2),
              UserUttered("first case", timestamp=3), UserUttered("new case", timestamp=9),
              ActionExecuted("action_session_start", timestamp=9), SessionStarted(timestamp=8),
              ActionExecuted("action_listen", timestamp=10), UserUttered("second case", timestamp=11)]

    async def run():
        await store.save(DialogueStateTracker.from_events("c1", events, domain.slots))
        current, full = await store.retrieve("c1"), await store.retrieve_full_tracker("c1")
        return ([e.text for e in t.events if isinstance(e, UserUttered)] for t in (current, full))

    current, full = asyncio.run(run())
    assert current == ["second case"]
    assert full == ["first case", "new case", "second case"]


HEAVY = ("tensorflow", "rasa.core.agent", "rasa.core.tracker_store", "bot.rasa_patches")
CHECK_STORES_AND_REPORT = """
import json, sys
from bot.__main__ import main
code = main(["check-stores"])
import bot.storage.stores
print(json.dumps({"code": code, "loaded": [m for m in sys.argv[1:] if m in sys.modules]}))
"""


@pytest.mark.parametrize("lock", ["memory://", "redis"])
def test_check_stores_does_not_import_rasas_model_stack(tmp_path, lock, request):
    """`python -m bot check-stores` needs the checks, not Rasa's agent: importing the stores module for it pulled
    TensorFlow through bot.rasa_patches (about 10 s)."""
    import json
    import subprocess
    import sys

    from tests.test_dialogue import ENV, ROOT

    url = request.getfixturevalue("redis_url") if lock == "redis" else lock
    env = dict(ENV, TRACKER_DB_URL=f"sqlite:///{tmp_path / 't.db'}", AUDIT_DB_URL=f"sqlite:///{tmp_path / 'a.db'}",
               LOCK_STORE_URL=url)
    result = subprocess.run([sys.executable, "-c", CHECK_STORES_AND_REPORT, *HEAVY], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "stores OK" in result.stdout
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"code": 0, "loaded": []}


def test_check_stores_names_a_lock_store_it_cannot_use(tmp_path, capsys):
    from bot.__main__ import main
    from tests.services import free_port

    for url, says in ((f"redis://127.0.0.1:{free_port()}/1", "does not answer"), ("etcd://x", "memory://"),
                      ("redis://127.0.0.1:6379/1?key_prefix=a:b", "key_prefix")):
        with pytest.MonkeyPatch.context() as env:
            env.setenv("TRACKER_DB_URL", f"sqlite:///{tmp_path / 't.db'}")
            env.setenv("AUDIT_DB_URL", f"sqlite:///{tmp_path / 'a.db'}")
            env.setenv("LOCK_STORE_URL", url)
            assert main(["check-stores"]) == 2
        assert says in capsys.readouterr().err


def test_rasa_finds_the_store_classes_endpoints_yml_names():
    """The classes live in bot.storage.rasa_stores and are fetched through bot.storage.stores, as Rasa does."""
    import yaml
    from rasa.core.lock_store import LockStore
    from rasa.core.tracker_store import TrackerStore
    from rasa.shared.utils.common import class_from_module_path

    from tests.test_dialogue import ROOT

    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    tracker = class_from_module_path(endpoints["tracker_store"]["type"])
    lock = class_from_module_path(endpoints["lock_store"]["type"])
    assert issubclass(tracker, TrackerStore) and issubclass(lock, LockStore)
    with pytest.raises(ImportError):  # Rasa's answer to a name the module does not have
        class_from_module_path("bot.storage.stores.NoSuchStore")
