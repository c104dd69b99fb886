"""Faults of the stores (issue 11): a record the database never takes, a dropped audit database, a lock held by a
dead server, two servers racing for one conversation's lock, identifiers reaching the audit database."""
from __future__ import annotations

import asyncio
import json
import logging
import signal
import subprocess
import sys
import threading
from pathlib import Path

import sqlalchemy as sa

from bot.decision import decide
from bot.storage.audit import DEAD_LETTER, AuditLog
from bot.storage.stores import LOCK_TTL_SECONDS, lock_store_from_url
from tests.services import PG_HOST, PG_PORT

ROOT = Path(__file__).resolve().parents[2]
CASE = {"alk_positive": True, "prior_tkis": ["alectinib"], "progression": "systemic", "ecog": 1, "biopsy": "tissue",
        "alk_mutations": ["G1202R"], "bypass_alterations": []}


def test_a_record_the_database_never_takes_is_set_aside_and_the_rest_written(pg_url, tmp_path, caplog):
    spool = tmp_path / "spool"
    down = AuditLog(f"postgresql://postgres@{PG_HOST}:1/nothing", spool)  # an outage: both records wait
    too_long = dict(decide(CASE), status="s" * 40)  # wider than the column: PostgreSQL refuses it every time
    assert not down.record("conv-1", CASE, too_long, message_id="m1").stored
    assert not down.record("conv-2", CASE, decide(CASE), message_id="m2").stored
    assert down.pending() == 2
    log = AuditLog(pg_url, spool)
    with caplog.at_level(logging.ERROR, logger="bot.storage.audit"):
        later = log.record("conv-3", CASE, decide(CASE), message_id="m3")
    assert later.stored and log.pending() == 0
    stored = {r["conversation_id"] for r in log.records(limit=None)}
    assert stored == {log.conversation_key("conv-2"), log.conversation_key("conv-3")}
    [dead] = list((spool / DEAD_LETTER).glob("*.json"))
    assert json.loads(dead.read_text())["row"]["conversation_id"] == log.conversation_key("conv-1")
    assert any("set aside" in r.getMessage() for r in caplog.records)


def test_a_long_sender_id_does_not_block_later_audit_writes_on_postgresql(pg_url, tmp_path):
    log = AuditLog(pg_url, tmp_path / "spool")
    assert log.record("x" * 300, CASE, decide(CASE), message_id="m1").stored
    assert log.record("normal", CASE, decide(CASE), message_id="m2").stored and log.pending() == 0


def test_audit_database_dropped_and_recreated_is_migrated_again_without_a_restart(pg_url, tmp_path):
    log = AuditLog(pg_url, tmp_path / "spool")
    assert log.record("conv-1", CASE, decide(CASE), message_id="m1").stored
    name = pg_url.rsplit("/", 1)[1]
    admin = sa.create_engine(f"postgresql://postgres@{PG_HOST}:{PG_PORT}/postgres", isolation_level="AUTOCOMMIT",
                             future=True)
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    assert log.record("conv-2", CASE, decide(CASE), message_id="m2").stored, "written after migrating again"
    assert [r["conversation_id"] for r in log.records()] == [log.conversation_key("conv-2")]


def test_audit_stores_a_keyed_hash_of_the_sender_and_no_name_in_feedback(tmp_path):
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    log = AuditLog(url, tmp_path / "spool", id_key=b"k1")
    written = log.record("dr.zebedee@ward7", CASE, decide(CASE), message_id="m1")
    log.feedback("dr.zebedee@ward7", "disagree", record_id=written.key,
                 reason="Mrs Agnes O'Brien prefers a trial; lorlatinib for the G1202R, ECOG 1")
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        dump = json.dumps([list(map(str, row)) for table in ("audit_record", "feedback")
                           for row in conn.execute(sa.text(f"SELECT * FROM {table}"))])
        [reason] = conn.execute(sa.text("SELECT reason FROM feedback")).scalars()
    engine.dispose()
    assert "zebedee" not in dump.lower() and "ward7" not in dump
    assert not {"Agnes", "O'Brien", "Brien"} & set(reason.replace(";", " ").replace(",", " ").split()), reason
    assert "lorlatinib" in reason and "G1202R" in reason and "ECOG 1" in reason
    other_key = AuditLog(url, tmp_path / "spool", id_key=b"k2").conversation_key("dr.zebedee@ward7")
    assert log.conversation_key("dr.zebedee@ward7") != other_key, "the hash depends on the key"


HOLD = """
import asyncio, sys, time
from bot.storage.stores import lock_store_from_url
async def main():
    async with lock_store_from_url(sys.argv[1]).lock(sys.argv[2]):
        print("held", flush=True)
        await asyncio.sleep(600)
asyncio.run(main())
"""


def test_a_lock_held_by_a_killed_server_expires_promptly(redis_url):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, redis_url, "conv-killed"], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    store = lock_store_from_url(redis_url)
    key = next(k for k in store.red.scan_iter("*conv-killed*"))
    assert 0 < store.red.pttl(key) <= LOCK_TTL_SECONDS * 1000, "the dead holder's lock expires by itself"

    async def take() -> bool:  # waits at most a little longer than the lock's expiry, else LockError
        async with store.lock("conv-killed", lock_lifetime=LOCK_TTL_SECONDS + 5):
            return True

    assert asyncio.run(take())


def test_two_lock_stores_serialise_one_conversation(redis_url):
    """Two servers' lock stores (separate Redis connections, separate threads) race 2 x 10 read-modify-writes."""
    counter = f"{redis_url.rsplit('=', 1)[1]}:counter"
    stores = [lock_store_from_url(redis_url) for _ in range(2)]
    inside: list[int] = []
    overlaps: list[int] = []

    async def turn(store) -> None:
        async with store.lock("conv-race"):
            inside.append(1)
            value = int(store.red.get(counter) or 0)
            overlap = len(inside)
            await asyncio.sleep(0.01)  # a turn's work: another holder would run now
            store.red.set(counter, value + 1)
            inside.pop()
            overlaps.append(overlap)

    def server(store) -> None:
        async def many() -> None:
            await asyncio.gather(*(turn(store) for _ in range(10)))
        asyncio.run(many())

    threads = [threading.Thread(target=server, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert overlaps == [1] * 20, "one turn at a time"
    assert int(stores[0].red.get(counter)) == 20, "every turn saw every earlier one"
    stores[0].red.delete(counter)
    assert not list(stores[0].red.scan_iter("*conv-race*"))


def test_a_refused_record_is_reported_as_refused_and_written_once_the_operator_fixes_the_cause(pg_url, tmp_path):
    from bot.storage.audit import REFUSED

    log = AuditLog(pg_url, tmp_path / "spool")
    too_long = dict(decide(CASE), status="s" * 40)  # wider than the column: refused every time
    written = log.record("conv-1", CASE, too_long, message_id="m1")
    assert written.status == REFUSED and not written.stored and log.pending() == 0
    [dead] = log.dead_letters()
    assert dead["key"] == written.key and dead["table"] == "audit_record" and dead["error"]
    assert log.retry_dead_letters() == (0, 1)  # nothing fixed yet: set aside again, not lost
    with log.engine.begin() as db:  # the operator widens the column
        db.execute(sa.text("ALTER TABLE audit_record ALTER COLUMN status TYPE VARCHAR(64)"))
    assert log.retry_dead_letters() == (1, 0) and not log.dead_letters()
    assert [r["record_id"] for r in log.records()] == [written.key]


def test_a_feedback_reason_with_characters_no_database_takes_is_stored_not_refused(pg_url, tmp_path):
    log = AuditLog(pg_url, tmp_path / "spool")
    record = log.record("conv-1", CASE, decide(CASE), message_id="m1")
    reason = "trial open\x00 at our site \ud800 G1202R"
    assert log.feedback("conv-1", "disagree", record_id=record.key, reason=reason, message_id="m2").stored
    [fb] = log.feedback_for(record.key)
    assert "trial open" in fb["reason"] and "G1202R" in fb["reason"] and not log.dead_letters()


def test_the_cli_lists_and_retries_the_refused_records(tmp_path):
    url, spool = f"sqlite:///{tmp_path / 'audit.db'}", tmp_path / "spool"
    log = AuditLog(url, spool)
    written = log.record("conv-1", CASE, dict(decide(CASE), status="\ud800"), message_id="m1")  # SQLite refuses it
    assert not written.stored
    env = {**__import__("os").environ, "AUDIT_DB_URL": url, "AUDIT_SPOOL_DIR": str(spool)}

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bot", "audit", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=120)

    listed = cli("--dead-letter")
    assert listed.returncode == 1 and written.key[:12] in listed.stdout and "1 record(s) set aside" in listed.stdout
    table = cli()
    assert table.returncode == 0 and "1 record(s) refused by the database" in table.stderr
    retried = cli("--retry-dead-letter")
    assert retried.returncode == 1 and "0 record(s) written; 1 refused again" in retried.stdout
    assert [d["key"] for d in log.dead_letters()] == [written.key]
