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
    replies = chat.say("brigatanibbb")  # three slips: beyond the typo tolerance (bot/nlu/typist.py)
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


# ---- issue 15: the case changes only when the clinician states a finding ------------------------------------------

def _records(stack, chat) -> list[dict]:
    audit = AuditLog(stack.env["AUDIT_DB_URL"])
    return [r for r in audit.records(limit=None) if r["conversation_id"] == audit.conversation_key(chat.sender)]


def _unchanged(chat: Chat) -> bool:
    """Restating a finding the case holds says the answer stands: the case is what it was."""
    return "answer stands" in " ".join(Chat.texts(chat.say("ECOG 1")))


QUESTIONS = ["can I use brigatinib instead?", "is lorlatinib safe with statins?", "what about chemo instead?",
             "would ceritinib work against G1202R?", "what would you give after brigatinib if there were a G1202R?",
             "Alunbrig or Lorbrena?", "what if it was brigatinib?", "why not crizotinib?"]


def test_questions_naming_drugs_and_findings_never_change_the_case(stack):
    chat = Chat(stack.base_url)
    chat.say(V01)
    for question in QUESTIONS:
        replies = chat.say(question)
        assert Chat.texts(replies), question
        assert Chat.data(replies, "recommendation") is None, chat.show()
    said = "\n".join(t for _, replies in chat.transcript[1:] for t in Chat.texts(replies))
    assert "I can't answer dosing, interaction or side-effect questions" in said, said
    assert "Did the patient receive brigatinib?" not in said or "tell me" in said
    assert _unchanged(chat), chat.show()
    assert len(_records(stack, chat)) == 1


def test_a_question_before_any_case_starts_nothing(stack):
    chat = Chat(stack.base_url)
    replies = chat.say("what would you give after brigatinib if there were a G1202R?")
    assert Chat.data(replies, "recommendation") is None and "lorlatinib" in " ".join(Chat.texts(replies)).lower()
    assert Chat.data(chat.say("alectinib, systemic PD, no rebiopsy, ECOG 1"), "case")["prior_tkis"] == ["alectinib"]


def test_the_reason_after_disagree_is_feedback_not_case_data(stack):
    chat = Chat(stack.base_url)
    chat.say(V01)
    chat.say("/feedback_disagree")
    replies = chat.say("she progressed on brigatinib in 03/2024 with 3 new liver mets, ECOG 2 since 12.05.2025")
    assert Chat.data(replies, "recommendation") is None, chat.show()
    assert "recorded as the reason" in " ".join(Chat.texts(replies)), chat.show()
    [record] = _records(stack, chat)
    feedback = AuditLog(stack.env["AUDIT_DB_URL"]).feedback_for(record["record_id"])
    assert [f["rating"] for f in feedback] == ["disagree", "disagree"] and any(f["reason"] for f in feedback)
    assert _unchanged(chat), chat.show()


def test_what_if_in_natural_forms_compares_and_keeps_the_case(stack):
    chat = Chat(stack.base_url)
    chat.say(V01)
    for text, field in (("what if ECOG were 3?", "ecog"), ("what if it was brigatinib?", "prior_tkis"),
                        ("what if the rebiopsy had shown small cell transformation?", "transformation")):
        what_if = Chat.data(chat.say(text), "what_if")
        assert what_if and field in what_if["changes"], chat.show()
    replies = chat.say("what about chemo instead?")
    assert "carboplatin" in " ".join(Chat.texts(replies)).lower(), chat.show()
    assert _unchanged(chat), chat.show()


def test_alk_positive_is_taken_from_the_named_tki_and_shown(stack):
    chat = Chat(stack.base_url)
    replies = chat.say("alectinib 2 yrs, systemic PD, no rebiopsy, ECOG 1")
    asked = [Chat.data(r, "asking") for _, r in chat.transcript]
    assert "alk_positive" not in asked, chat.show()
    assert "Taken as ALK-positive" in " ".join(Chat.texts(replies)), chat.show()


def test_bare_answers_and_noted_findings_step_by_step(stack):
    chat = Chat(stack.base_url)
    answers = {"alk_positive": "yes", "prior_tkis": "alectinib", "progression": "widespread", "ecog": "one",
               "biopsy": "tissue", "alk_mutations": "None", "bypass_alterations": "none", "transformation": "None",
               "histology": "adeno", "brain_metastases": "no", "symptomatic": "no", "alk_fusion_at_progression": "yes"}
    replies = chat.say("new case")
    noted = False
    for _ in range(14):
        field = Chat.data(replies, "asking")
        if field is None:
            break
        if field == "ecog" and not noted:  # a reply that answers something else first
            noted = True
            replies = chat.say("tissue biopsy")
            assert any(t.startswith("Noted: ") for t in Chat.texts(replies)), chat.show()
            assert Chat.data(replies, "asking") == "ecog", chat.show()
            continue
        assert field in answers, chat.show()
        replies = chat.say(answers[field])
    rec, case = Chat.data(replies, "recommendation"), Chat.data(replies, "case")
    assert rec is not None, chat.show()
    assert case["progression"] == "systemic" and case["ecog"] == 1 and case["alk_mutations"] == []


def test_a_correction_is_shown_as_a_change(stack):
    chat = Chat(stack.base_url)
    chat.say(V01)
    replies = chat.say("sorry, it was brigatinib")
    assert "Changed: prior TKIs alectinib → brigatinib." in Chat.texts(replies), chat.show()
    readback = next(t for t in Chat.texts(replies) if t.startswith("Case: "))
    assert "brigatinib" in readback and "G1202R" in readback


def test_typed_intents_get_true_answers(stack):
    chat = Chat(stack.base_url)
    chat.say(V01)
    assert any("Case cleared" in t for t in Chat.texts(chat.say("/restart"))), chat.show()
    assert "haven't given a recommendation" in " ".join(Chat.texts(chat.say("why?"))), chat.show()
    replies = chat.say('/inform{"progression_pattern":"sideways"}')
    text = " ".join(Chat.texts(replies))
    assert "sideways" in text and "action server" not in text, chat.show()
    assert len(_records(stack, chat)) == 1  # the answer before the restart; nothing for an empty case


def test_contradictions_and_unreadable_variants_are_asked_about(stack):
    chat = Chat(stack.base_url)
    text = " ".join(Chat.texts(chat.say("ALK+ adeno, alectinib, systemic progression, no progression, ECOG 1")))
    assert "both ways" in text, chat.show()
    text = " ".join(Chat.texts(chat.say("tissue NGS: ALK G1202fs")))
    assert "G1202fs" in text, chat.show()


def test_small_talk_mid_case_and_stop_in_practice(stack):
    chat = Chat(stack.base_url)
    chat.say("new case")
    replies = chat.say("thanks")
    assert Chat.data(replies, "asking") == "alk_positive" and Chat.texts(replies)[0].startswith("Thank you"), \
        chat.show()
    chat.say("practice")
    assert "Practice stopped" in " ".join(Chat.texts(chat.say("stop"))), chat.show()
