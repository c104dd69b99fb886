"""A whole practice session over REST, and a trainee's progress surviving a server restart."""
from __future__ import annotations

from bot import practice
from bot.storage.practice import PracticeStore
from tests.chat import Chat
from tests.conftest import start_stack


# What a thoracic oncologist answers for each CNS practice case (knowledge.md rules S2 and S3: radiosurgery with the
# TKI continued for limited, asymptomatic brain lesions; lorlatinib for extensive, symptomatic or leptomeningeal
# disease), written here rather than read from the engine, so the grade is checked against a stated expectation.
CNS_ANSWERS = {
    "CNS01": "stereotactic radiosurgery to the two lesions, because the rest is controlled",
    "CNS02": "lorlatinib, because the brain metastases are many and symptomatic",
    "CNS03": "lorlatinib, because of leptomeningeal disease",
    "CNS04": "stereotactic radiosurgery, after asking about symptoms",
    "CNS05": "lorlatinib, because the lesion is symptomatic",
}
HARMFUL = "I would give pembrolizumab alone"  # PD-(L)1 monotherapy: never right for ALK-positive NSCLC


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

    assert case_id in CNS_ANSWERS, f"a CNS case this test states no answer for: {case_id}"
    replies = chat.say(CNS_ANSWERS[case_id])
    graded = Chat.data(replies, "practice_grade")
    assert graded and graded["case_id"] == case_id, chat.show()
    assert graded["therapy_grade"] == "preferred", chat.show()
    assert graded["score"] > 0.5
    assert "Another case?" in " ".join(Chat.texts(replies))

    # a harmful answer on the next case is graded as harmful and scores nothing, whatever findings it names
    replies = chat.say("next case")
    next_id = Chat.data(replies, "practice")["case_id"]
    graded = Chat.data(chat.say(HARMFUL), "practice_grade")
    assert graded["case_id"] == next_id and graded["therapy_grade"] == "harmful", chat.show()
    assert graded["score"] == 0.0

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
