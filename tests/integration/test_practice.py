"""A whole practice session over REST, and a trainee's progress surviving a server restart."""
from __future__ import annotations

from bot import practice
from bot.storage.practice import PracticeStore
from tests.chat import Chat
from tests.conftest import start_stack


def _answer_for(case_id: str) -> str:
    """A trainee who names the engine's preferred therapy (the grader decides what that earns)."""
    rec = practice.expected(case_id)
    therapy = rec["preferred"][0]["label"] if rec["preferred"] else "more information first"
    return f"{therapy}, because of the findings"


def test_practice_session(stack):
    chat = Chat(stack.base_url)
    replies = chat.say("quiz me on CNS cases")
    shown = Chat.data(replies, "practice")
    assert shown and shown["topic"] == "cns", chat.show()
    assert Chat.data(replies, "asking") == "practice_answer"
    case_id = shown["case_id"]
    assert practice.get(case_id).vignette.strip()[:40] in " ".join(Chat.texts(replies))

    hint = Chat.texts(chat.say("hint"))[0]
    assert hint == f"Hint: {practice.hint(case_id, 0)}", chat.show()

    replies = chat.say(_answer_for(case_id))
    graded = Chat.data(replies, "practice_grade")
    assert graded and graded["case_id"] == case_id, chat.show()
    assert graded["therapy_grade"] == practice.grade(case_id, _answer_for(case_id)).therapy_grade == "preferred"
    assert "Another case?" in " ".join(Chat.texts(replies))

    # a harmful answer on the next case is graded as harmful
    replies = chat.say("next case")
    next_id = Chat.data(replies, "practice")["case_id"]
    harmful = practice.expected(next_id)["avoid"]
    if harmful:
        kb_label = harmful[0]["therapy"].replace("_", " ")
        graded = Chat.data(chat.say(f"I would give {kb_label}"), "practice_grade")
        assert graded["therapy_grade"] == practice.grade(next_id, f"I would give {kb_label}").therapy_grade
    else:
        chat.say("skip")

    stats = chat.say("stats")
    text = " ".join(Chat.texts(stats))
    assert "cns" in text and Chat.data(stats, "practice_stats")["cns"]["attempts"] >= 1, chat.show()
    assert len(PracticeStore(stack.env["AUDIT_DB_URL"]).attempts(chat.sender)) >= 1


def test_progress_survives_a_restart(tmp_path):
    stack = start_stack(tmp_path)
    try:
        chat = Chat(stack.base_url)
        case_id = Chat.data(chat.say("practice"), "practice")["case_id"]
        chat.say("I'd give best supportive care")  # graded and stored, whatever the grade
        before = Chat.data(chat.say("stats"), "practice_stats")
        stack.stop()
        stack.start()
        after = Chat.data(chat.say("my stats"), "practice_stats")
        assert after == before and sum(t["attempts"] for t in after.values()) == 1, chat.show()
        # the case the trainee got wrong comes back first (spaced repetition), if the answer was wrong
        attempts = PracticeStore(stack.env["AUDIT_DB_URL"]).attempts(chat.sender)
        nxt = Chat.data(chat.say("practice"), "practice")["case_id"]
        assert nxt == practice.next_case(attempts, trainee_id=chat.sender, now=attempts[-1]["timestamp"]).id \
            or attempts[-1]["therapy_grade"] == "preferred" or nxt != case_id
    finally:
        stack.stop()
