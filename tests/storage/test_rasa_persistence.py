"""Persistence through the real Rasa server: restarts, two servers sharing PostgreSQL and Redis, store faults.

The SQLite tests need nothing; the PostgreSQL/Redis ones use tests/services.py (fail in CI when missing)."""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from typing import Iterator, NamedTuple

import pytest

from bot.launch import Stack, free_port
from bot.storage.audit import AuditLog
from tests.chat import Chat
from tests.conftest import start_stack
from tests.services import PG_HOST, PG_PORT, Proxy, database, lock_store

STEPS = ["new case", "yes", "alectinib"]  # ALK confirmed, prior TKI: the form then asks for ECOG


def _mid_case(chat: Chat, base_url: str | None = None) -> None:
    for text in STEPS:
        chat.say(text, base_url)
    assert Chat.data(chat.transcript[-1][1], "asking") == "ecog", chat.show()


def _finish(chat: Chat, base_url: str | None = None) -> dict:
    replies = chat.say("ECOG 1, systemic progression, tissue NGS: ALK G1202R, no bypass, no transformation", base_url)
    rec = Chat.data(replies, "recommendation")
    assert rec is not None, chat.show()
    return Chat.data(replies, "case")


def _records_of(audit: AuditLog, sender: str) -> list[dict]:
    """The audit records of one conversation (the log stores a keyed hash of its sender id)."""
    return [r for r in audit.records(limit=None) if r["conversation_id"] == audit.conversation_key(sender)]


class Shared(NamedTuple):
    stack: Stack
    servers: list[str]  # the two Rasa servers' base URLs
    pg_url: str


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shared]:
    """The production path: one action server and two Rasa servers on one PostgreSQL database (tracker and audit
    log) and one Redis lock store. Each test using it holds a conversation of its own (a new sender), so what it
    checks is its own; the one that restarts a server leaves both answering again."""
    with database() as pg_url, lock_store() as redis_url:
        stack = start_stack(tmp_path_factory.mktemp("shared"),
                            {"TRACKER_DB_URL": pg_url, "AUDIT_DB_URL": pg_url, "LOCK_STORE_URL": redis_url})
        try:
            second = stack.start_rasa(port=free_port(), name="rasa-2")
            stack.wait()
            yield Shared(stack, [stack.base_url, second], pg_url)
        finally:
            stack.stop()


def _restart_resumes(stack: Stack) -> None:
    """A conversation half-way through the case form, the Rasa server stopped and started again: the case goes on
    from where it was (the action server, which keeps no conversation state, keeps running)."""
    chat = Chat(stack.base_url)
    _mid_case(chat)
    stack.stop("rasa")
    stack.start_rasa()
    stack.wait()
    case = _finish(chat)
    assert case["prior_tkis"] == ["alectinib"] and case["alk_positive"] is True, "the case before the restart"


def test_sqlite_restart_resumes_the_conversation(tmp_path):
    stack = start_stack(tmp_path)
    try:
        _restart_resumes(stack)
    finally:
        stack.stop()


def test_postgresql_and_redis_restart_resumes_the_conversation(shared):
    _restart_resumes(shared.stack)


def _tracker(base_url: str, token: str, sender: str) -> dict:
    with urllib.request.urlopen(f"{base_url}/conversations/{sender}/tracker?token={token}", timeout=30) as r:
        return json.loads(r.read())


def test_two_servers_share_one_conversation_without_losing_or_duplicating(tmp_path, shared):
    servers = shared.servers
    chat = Chat(servers[0])
    turns = STEPS + ["ECOG 1", "systemic progression", "tissue NGS", "ALK G1202R", "no bypass",
                     "no transformation", "adenocarcinoma"]
    for i, text in enumerate(turns):
        replies = chat.say(text, servers[i % 2])
        assert Chat.texts(replies), f"no reply from {servers[i % 2]} to {text!r}"
        if Chat.data(replies, "recommendation"):
            break
    assert Chat.data(chat.transcript[-1][1], "recommendation"), chat.show()
    for url in servers:  # both servers hold the same conversation, each message once, in order
        events = _tracker(url, shared.stack.token, chat.sender)["events"]
        said = [e["text"] for e in events if e["event"] == "user"]
        assert said == [t for t, _ in chat.transcript], said
    direct = AuditLog(shared.pg_url, tmp_path / "spool2")
    records = _records_of(direct, chat.sender)
    assert len(records) == 1


def test_unwritable_tracker_database_stops_the_assistant_with_a_clear_message(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    with pytest.raises(RuntimeError) as failure:
        start_stack(tmp_path, {"TRACKER_DB_URL": f"sqlite:///{blocker / 'tracker.db'}"}, with_actions=False)
    assert "tracker store" in str(failure.value).lower(), str(failure.value)[-2000:]


def test_audit_outage_is_told_and_the_record_written_when_it_returns(tmp_path, pg_url):
    proxy = Proxy(PG_PORT)
    via_proxy = pg_url.replace(f"{PG_HOST}:{PG_PORT}", f"127.0.0.1:{proxy.port}")
    stack = start_stack(tmp_path, {"AUDIT_DB_URL": via_proxy, "AUDIT_RETRY_SECONDS": "1"})
    try:
        chat = Chat(stack.base_url)
        proxy.cut()
        replies = chat.say("ALK+ adeno, alectinib, systemic PD, tissue NGS ALK G1202R, no bypass, ECOG 1")
        assert Chat.data(replies, "recommendation"), chat.show()
        assert any("audit log is unavailable" in t for t in Chat.texts(replies)), chat.show()
        direct = AuditLog(pg_url, tmp_path / "direct-spool")
        assert not _records_of(direct, chat.sender)
        proxy.restore()
        for _ in range(40):
            records = _records_of(direct, chat.sender)
            if records:
                break
            time.sleep(0.5)
        assert len(records) == 1 and records[0]["rules"][0] == "M2"
    finally:
        stack.stop()


RACED = ["ECOG 1", "systemic progression", "tissue NGS", "ALK G1202R", "no bypass", "adenocarcinoma",
         "no transformation", "PD-L1 TPS 10%", "no brain metastases", "not on a strong CYP3A inducer",
         "no leptomeningeal disease"]


def test_two_servers_serialise_simultaneous_messages_to_one_conversation(shared):
    """Eleven messages to one conversation at the same moment, alternating between two Rasa servers: each answer must be
    computed on the case including every message processed before it (the tracker's order), none in parallel."""
    import threading

    from tests.chat import post

    servers = shared.servers
    too_long = urllib.request.Request(f"{servers[1]}/webhooks/rest/webhook", method="POST",
                                      data=json.dumps({"sender": "x" * 300, "message": "hi"}).encode(),
                                      headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:  # PostgreSQL's 255-character column never sees it
        urllib.request.urlopen(too_long, timeout=30)
    assert refused.value.code == 400
    chat = Chat(servers[0])
    _mid_case(chat)
    start, replies = threading.Barrier(len(RACED)), {}

    def send(i: int, text: str) -> None:
        start.wait()
        replies[text] = post(f"{servers[i % 2]}/webhooks/rest/webhook", {"sender": chat.sender, "message": text},
                             timeout=120)

    threads = [threading.Thread(target=send, args=(i, t)) for i, t in enumerate(RACED)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    orders = [[e["text"] for e in _tracker(url, shared.stack.token, chat.sender)["events"] if e["event"] == "user"]
              for url in servers]
    assert orders[0] == orders[1] and sorted(orders[0][len(STEPS):]) == sorted(RACED), orders
    seen: set[str] = set()
    for text in orders[0][len(STEPS):]:  # in the order the servers processed them
        case = Chat.data(replies[text], "case")
        assert case is not None and seen <= set(case), f"{text!r} answered on a stale case: {case} lacks {seen}"
        assert set(case) - seen, f"{text!r} added nothing to {case}"
        seen = set(case)
