"""One Rasa session per case (bot/sessions.py): a new case starts a new session, nothing of the earlier case leaks
into the next one's answer, and nothing a clinician needs is lost (every message, every audited answer)."""
from __future__ import annotations

import json
import urllib.request

from bot.storage.audit import AuditLog
from tests.chat import Chat
from tests.integration.clinician import consult
from tests.integration.test_conversations import EXAMPLES, TYPED


def _events(stack, sender: str) -> list[dict]:
    """Every event of the conversation, all sessions (Rasa's HTTP API)."""
    url = f"{stack.base_url}/conversations/{sender}/tracker?token={stack.token}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())["events"]


def _sessions(events: list[dict]) -> list[list[str]]:
    """The user messages of each session, in order."""
    sessions: list[list[str]] = []
    for event in events:
        if event["event"] == "session_started":
            sessions.append([])
        elif event["event"] == "user":
            sessions[-1].append(event["text"])
    return sessions


def test_a_new_case_starts_a_new_session_and_the_earlier_case_does_not_leak(stack, tmp_path):
    # V01 has a tissue biopsy with G1202R, symptomatic; V07 has no re-biopsy and says nothing of either:
    # any of V01's findings carried into V07 would change what the bot holds and answers
    chat = Chat(stack.base_url)
    first, first_case, _ = consult(chat, TYPED["V01"], EXAMPLES["V01"]["case"])
    assert first_case["alk_mutations"] == ["G1202R"], chat.show()
    first_messages = [text for text, _ in chat.transcript]
    replies = chat.say("new case")
    assert Chat.data(replies, "case") == {}, chat.show()
    second, second_case, _ = consult(chat, TYPED["V07"], EXAMPLES["V07"]["case"])
    second_messages = [text for text, _ in chat.transcript][len(first_messages):]

    fresh = Chat(stack.base_url)  # the same messages in a conversation of their own
    alone, alone_case, _ = consult(fresh, TYPED["V07"], EXAMPLES["V07"]["case"])
    assert second_case == alone_case, chat.show()
    assert second == alone, chat.show()
    assert "alk_mutations" not in second_case and "symptomatic" not in second_case, chat.show()
    assert first != second
    explained = " ".join(Chat.texts(chat.say("why?")))
    assert "G1202R" not in explained, chat.show()

    # the policies see the current case only; every message and both answers are kept
    assert _sessions(_events(stack, chat.sender)) == [first_messages, second_messages + ["why?"]]
    audit = AuditLog(stack.env["AUDIT_DB_URL"], tmp_path / "spool")
    records = [r for r in audit.records(limit=None) if r["conversation_id"] == audit.conversation_key(chat.sender)]
    assert sorted(r["case"].get("alk_mutations") is not None for r in records) == [False, True]


def test_each_practice_case_is_a_session_and_the_practice_session_carries_over(stack):
    chat = Chat(stack.base_url)
    graded = []
    for request in ("practice", "next case", "/practice_start"):  # typed after "Another case?", then the button
        shown = Chat.data(chat.say(request), "practice")
        assert shown, chat.show()
        grade = Chat.data(chat.say("lorlatinib, because of the findings"), "practice_grade")
        assert grade and grade["case_id"] == shown["case_id"], chat.show()
        graded.append(shown["case_id"])
    summary = Chat.data(chat.say("/practice_end"), "practice_summary")
    assert [r["case_id"] for r in summary["results"]] == graded, chat.show()
    stats = Chat.data(chat.say("stats"), "practice_stats")
    assert sum(topic["attempts"] for topic in stats.values()) == len(graded), chat.show()
    sessions = _sessions(_events(stack, chat.sender))
    assert [s[0] for s in sessions] == ["practice", "next case", "/practice_start"], sessions
