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
    assert practice.TOPIC_LABELS["cns"] in text and Chat.data(stats, "practice_stats")["cns"]["attempts"] >= 1, chat.show()
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


def test_skip_moves_on_and_a_topic_that_runs_out_offers_the_nearest(stack):
    chat = Chat(stack.base_url)
    topic = min(practice.TOPIC_LABELS, key=lambda t: len(practice.cases(t)))
    seen = [Chat.data(chat.say(f'/practice_start{{"practice_topic": "{topic}"}}'), "practice")["case_id"]]
    for _ in range(len(practice.cases(topic)) - 1):
        seen.append(Chat.data(chat.say("skip"), "practice")["case_id"])
    assert len(set(seen)) == len(seen) and {practice.get(c).topic for c in seen} == {topic}, chat.show()
    replies = chat.say("skip")
    shown = Chat.data(replies, "practice")
    near = practice.nearest_topic(topic, set(seen))
    assert shown["topic"] == near and shown["case_id"] not in seen, chat.show()
    assert f"all {len(seen)}" in shown["notice"] and practice.TOPIC_LABELS[near] in " ".join(Chat.texts(replies))
    assert shown["bank"][topic]["total"] == len(seen)


def test_show_me_the_answer_then_the_session_summary(stack):
    chat = Chat(stack.base_url)
    case_id = Chat.data(chat.say("practice"), "practice")["case_id"]
    replies = chat.say("show me the answer")
    shown = Chat.data(replies, "practice_grade")
    assert shown and shown["revealed"] and shown["case_id"] == case_id, chat.show()
    assert shown["teaching_points"] and any(e["url"] for e in shown["evidence"]) or shown["evidence"] == []
    assert "Another case?" in " ".join(Chat.texts(replies))
    answered = Chat.data(chat.say("next case"), "practice")["case_id"]
    graded = Chat.data(chat.say("lorlatinib, because of the findings"), "practice_grade")
    assert graded["rubric"] and graded["verdict"] and graded["case_id"] == answered
    summary = Chat.data(chat.say("/practice_end"), "practice_summary")
    assert summary["counts"]["revealed"] == 1 and summary["answered"] == 1, chat.show()
    assert [r["case_id"] for r in summary["results"]] == [case_id, answered]
    assert summary["mean_score"] == graded["score"]


def test_a_trainee_id_sent_by_the_client_is_ignored(stack):
    victim, attacker = Chat(stack.base_url), Chat(stack.base_url)
    victim.say("practice")
    victim.say("lorlatinib")
    before = PracticeStore(stack.env["AUDIT_DB_URL"]).attempts(victim.sender)
    assert len(before) == 1
    spoof = {"trainee_id": victim.sender}
    attacker.say("practice", metadata=spoof)
    attacker.say("best supportive care", metadata=spoof)
    stats = Chat.data(attacker.say("my stats", metadata=spoof), "practice_stats")
    assert sum(t["attempts"] for t in stats.values()) == 1  # the attacker's own answer, not the victim's
    assert PracticeStore(stack.env["AUDIT_DB_URL"]).attempts(victim.sender) == before
    assert len(PracticeStore(stack.env["AUDIT_DB_URL"]).attempts(attacker.sender)) == 1


def _first_case_per_answer() -> dict[str, str]:
    """One bank case for each distinct answer the engine prefers (its option's label, typed bare), or "more
    information first" where the engine asks for more before choosing."""
    found: dict[str, str] = {}
    for case in practice.cases():
        rec = practice.expected(case.id)
        found.setdefault(rec["preferred"][0]["label"] if rec["preferred"] else "more information first", case.id)
    return found


def test_each_preferred_answer_typed_bare_is_graded(stack):
    """The engine's own answer, typed as its label alone, is graded as the answer, whatever request the classifier
    takes it for ("Continue the current therapy with short-interval imaging" was taken for a hint and "more
    information first" for stop: the trainee's answer went ungraded, and a browser test timed out on it)."""
    for answer, case_id in _first_case_per_answer().items():
        chat = Chat(stack.base_url)
        topic = practice.get(case_id).topic
        shown = Chat.data(chat.say(f'/practice_start{{"practice_topic": "{topic}"}}'), "practice")["case_id"]
        for _ in range(len(practice.cases(topic))):
            if shown == case_id:
                break
            shown = Chat.data(chat.say("/practice_skip"), "practice")["case_id"]
        assert shown == case_id, chat.show()
        replies = chat.say(answer)
        graded = Chat.data(replies, "practice_grade")
        assert graded and graded["case_id"] == case_id, (answer, chat.show())
        assert graded["therapy_grade"] == "preferred", (answer, chat.show())
