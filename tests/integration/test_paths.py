"""The main dialogue paths and bad input, over REST against the real servers."""
from __future__ import annotations

import json

from bot.decision import decide
from bot.storage.audit import AuditLog
from tests.chat import Chat
from tests.conftest import start_stack

V01 = "ALK+ adeno, alectinib, systemic progression in liver and bone, tissue NGS ALK G1202R, no bypass, ECOG 1"


def _therapies(rec):
    return [o["therapy"] for o in rec["preferred"]]


def test_step_by_step_asks_only_for_what_is_missing(stack):
    chat = Chat(stack.base_url)
    replies = chat.say("new case")
    asked = [Chat.data(replies, "asking")]
    answers = {"alk_positive": "yes", "prior_tkis": "Alecensa", "ecog": "1", "progression": "systemic",
               "biopsy": "tissue NGS", "alk_mutations": "G1202R", "bypass_alterations": "none",
               "transformation": "no transformation", "histology": "adenocarcinoma"}
    for _ in range(10):
        field = asked[-1]
        assert field in answers, f"asked for {field}:\n{chat.show()}"
        replies = chat.say(answers[field])
        if Chat.data(replies, "recommendation"):
            break
        asked.append(Chat.data(replies, "asking"))
    rec, case = Chat.data(replies, "recommendation"), Chat.data(replies, "case")
    assert rec is not None, chat.show()
    assert _therapies(rec) == ["lorlatinib"]
    assert case["prior_tkis"] == ["alectinib"] and case["alk_mutations"] == ["G1202R"] and case["ecog"] == 1
    assert len(asked) == len(set(asked)), "a question was asked twice"
    # the read-back line comes before the answer
    texts = Chat.texts(replies)
    assert any(t.startswith("Case: ") and "G1202R" in t for t in texts), texts


def test_whole_case_in_one_message_then_correction_recomputes(stack):
    chat = Chat(stack.base_url)
    first = chat.say(V01)
    rec = Chat.data(first, "recommendation")
    assert rec and _therapies(rec) == ["lorlatinib"], chat.show()
    answer = next(r for r in first if r.get("custom", {}).get("recommendation"))
    assert "Lorlatinib" in answer["text"] and answer.get("buttons"), "text and data travel in one element"
    replies = chat.say("actually the rebiopsy showed small cell transformation, no ALK mutation")
    rec2, case2 = Chat.data(replies, "recommendation"), Chat.data(replies, "case")
    assert rec2 is not None, chat.show()
    assert case2["transformation"] == "small_cell" and case2["alk_mutations"] == []
    assert _therapies(rec2) == ["platinum_etoposide"] and rec2 == json.loads(json.dumps(decide(case2)))


def test_why_evidence_and_what_if(stack):
    chat = Chat(stack.base_url)
    rec = Chat.data(chat.say(V01), "recommendation")
    why = " ".join(Chat.texts(chat.say("why?")))
    assert all(r["rule"] in why for r in rec["rationale"]), why
    evidence = " ".join(Chat.texts(chat.say("show me the evidence")))
    assert all(e["id"] in evidence for e in rec["evidence"]), evidence
    replies = chat.say("what if it was small cell transformation?")
    what_if = Chat.data(replies, "what_if")
    assert what_if and what_if["changes"] == {"transformation": "small_cell"}, chat.show()
    assert _therapies(what_if["recommendation"]) == ["platinum_etoposide"]
    again = Chat.data(chat.say("why?"), "recommendation")
    assert again is None and "G1202R" in " ".join(Chat.texts(chat.transcript[-1][1])), "the case was kept"


def test_out_of_scope_case_is_signposted(stack):
    chat = Chat(stack.base_url)
    replies = chat.say("ALK+ NSCLC progressing on first-line lorlatinib, systemic, no rebiopsy, ECOG 1")
    rec = Chat.data(replies, "recommendation")
    assert rec["status"] == "out_of_scope" and rec["rationale"][0]["rule"] == "G1", chat.show()
    assert "Outside this assistant's scope" in " ".join(Chat.texts(replies))


def test_out_of_scope_request_and_fallback_get_a_sentence(stack):
    chat = Chat(stack.base_url)
    assert "outside" in " ".join(Chat.texts(chat.say("what's the weather tomorrow?")))
    for text in ("asdf qwer zxcv", "???!!!", "<img src=x onerror=alert(1)><script>alert(1)</script>"):
        assert Chat.texts(chat.say(text)), f"empty reply to {text!r}"


def test_unknown_drug_is_reasked_with_a_suggestion_and_repeated_failures_offer_skip(stack):
    chat = Chat(stack.base_url)
    chat.say("new case")
    chat.say("yes")  # ALK confirmed
    replies = chat.say("brigatanibb")
    text = " ".join(Chat.texts(replies))
    assert "brigatinib" in text.lower(), chat.show()
    replies = chat.say("xyzinib")
    text = " ".join(Chat.texts(replies))
    assert "xyzinib" in text and Chat.data(replies, "asking") == "prior_tkis", chat.show()
    replies = chat.say("hmm, the blue one")
    titles = [b["title"] for r in replies for b in r.get("buttons") or []]
    assert "Skip this question" in titles and "Stop" in titles, chat.show()


def test_bad_input_gets_a_clear_message_and_loses_nothing(stack):
    chat = Chat(stack.base_url)
    chat.say("ALK+ adeno, alectinib, systemic progression")
    assert "empty" in " ".join(Chat.texts(chat.say("   ")))
    assert "characters" in " ".join(Chat.texts(chat.say("G1202R " * 2000)))
    # an impossible mutation is flagged to verify, never interpreted
    replies = chat.say("tissue NGS: ALK G2032R, no bypass, ECOG 1")
    for _ in range(5):
        if Chat.data(replies, "recommendation") or not Chat.data(replies, "asking"):
            break
        replies = chat.say("not known")
    rec = Chat.data(replies, "recommendation") or {}
    flagged = json.dumps(rec)
    assert "G2032R" in flagged and "lorlatinib" not in _therapies(rec), chat.show()
    case = Chat.data(replies, "case")
    assert case["prior_tkis"] == ["alectinib"] and case["progression"] == "systemic", "earlier findings kept"


def test_feedback_is_written_to_the_audit_log(stack):
    chat = Chat(stack.base_url)
    chat.say(V01)
    chat.say("/feedback_helpful")
    chat.say("disagree because we would consider a trial")
    audit = AuditLog(stack.env["AUDIT_DB_URL"])
    records = [r for r in audit.records(limit=None) if r["conversation_id"] == audit.conversation_key(chat.sender)]
    assert len(records) == 1 and records[0]["rules"][0] == "M2"
    ratings = [f["rating"] for f in audit.feedback_for(records[0]["record_id"])]
    assert sorted(ratings) == ["disagree", "helpful"]
    assert all(chat.sender not in json.dumps(r["case"]) for r in records)


def test_action_server_down_gets_a_sentence(tmp_path):
    stack = start_stack(tmp_path, with_actions=False)
    try:
        replies = Chat(stack.base_url).say(V01)
        assert any("action server" in t for t in Chat.texts(replies)), replies
    finally:
        stack.stop()
