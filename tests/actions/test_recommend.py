"""The recommend, why, evidence, what-if and feedback actions."""
from __future__ import annotations

import jsonschema
import json
from pathlib import Path

from actions.feedback import ActionFeedback
from actions.recommend import ActionEvidence, ActionExplain, ActionRecommend, ActionWhatIf, audit_log
from bot import knowledge
from bot.decision import decide
from tests.actions.conftest import make_tracker, run, slot_events

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "bot/schemas/recommendation.schema.json").read_text())
CASE = {"alk_positive": True, "prior_tkis": ["alectinib"], "progression": "systemic", "biopsy": "tissue",
        "alk_mutations": ["G1202R"], "bypass_alterations": [], "ecog": 1, "histology": "adenocarcinoma"}


def test_recommend_reads_back_answers_with_text_and_data_and_audits():
    events, dispatcher = run(ActionRecommend(), make_tracker("", slots=dict(CASE)))
    readback, answer = dispatcher.messages[0], dispatcher.messages[1]
    assert readback["text"].startswith("Case: ") and "G1202R" in readback["text"]
    rec = answer["custom"]["recommendation"]
    jsonschema.validate(rec, SCHEMA)
    assert rec == json.loads(json.dumps(decide(CASE))) and answer["custom"]["case"] == CASE
    assert "Lorlatinib" in answer["text"] and knowledge.default().version in answer["text"]  # therapy and KB version
    assert rec["knowledge_version"] == knowledge.default().version
    assert {b["payload"] for b in answer["buttons"]} >= {"/ask_why", "/ask_evidence", "/start_case"}
    record_id = slot_events(events)["last_record_id"]
    [record] = audit_log().records()
    assert record["record_id"] == record_id and record["case"] == CASE and record["rules"][0] == "M2"


def test_audit_outage_is_told_and_the_record_kept(monkeypatch, tmp_path):
    monkeypatch.setenv("AUDIT_DB_URL", "postgresql://nobody@127.0.0.1:1/none")
    _, dispatcher = run(ActionRecommend(), make_tracker("", slots=dict(CASE)))
    assert any("audit log is unavailable" in (m.get("text") or "") for m in dispatcher.messages)
    assert audit_log().pending() == 1


def test_why_and_evidence_need_an_answer_first():
    _, dispatcher = run(ActionExplain(), make_tracker("why", intent="ask_why", slots={"prior_tkis": ["alectinib"]}))
    assert "haven't given a recommendation" in dispatcher.messages[0]["text"]
    slots = dict(CASE, last_record_id="r1")
    _, dispatcher = run(ActionExplain(), make_tracker("why", intent="ask_why", slots=slots))
    assert "M2:" in dispatcher.messages[0]["text"]
    _, dispatcher = run(ActionEvidence(), make_tracker("evidence", intent="ask_evidence", slots=slots))
    assert all(e["id"] in dispatcher.messages[0]["text"] for e in decide(CASE)["evidence"])


def test_what_if_compares_without_changing_the_case():
    slots = dict(CASE, last_record_id="r1")
    events, dispatcher = run(ActionWhatIf(), make_tracker("what if it were small cell transformation",
                                                          intent="what_if", slots=slots))
    assert events == []
    what_if = dispatcher.messages[-1]["custom"]["what_if"]
    assert what_if["changes"] == {"transformation": "small_cell"}
    assert what_if["recommendation"]["preferred"][0]["therapy"] == "platinum_etoposide"


def test_feedback_is_recorded_once_per_message():
    events, _ = run(ActionRecommend(), make_tracker("", slots=dict(CASE)))
    slots = dict(CASE, last_record_id=slot_events(events)["last_record_id"])
    tracker = make_tracker("disagree because a trial is open", intent="feedback_disagree", slots=slots)
    run(ActionFeedback(), tracker)
    run(ActionFeedback(), tracker)
    [fb] = audit_log().feedback_for(slots["last_record_id"])
    assert fb["rating"] == "disagree" and "trial" in fb["reason"]
