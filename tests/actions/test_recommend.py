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


def _refuse_inserts_into(table: str) -> None:
    """Make the audit database refuse every new row of ``table`` for what it holds (as PostgreSQL refuses a value too
    long for its column): a permanent refusal, not an outage."""
    import sqlalchemy as sa

    log = audit_log()
    log.records()  # the schema
    with log.engine.begin() as db:
        db.execute(sa.text(f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
                           "BEGIN SELECT RAISE(ABORT, 'refused by a check'); END"))


def _allow_inserts_into(table: str) -> None:
    import sqlalchemy as sa

    with audit_log().engine.begin() as db:
        db.execute(sa.text(f"DROP TRIGGER refuse_{table}"))


def test_a_recommendation_the_audit_log_refuses_is_shown_and_said_not_to_be_in_the_log():
    """A refused (dead-lettered) record was reported as written: the clinician must be told it is not in the audit
    log, with the reference the operator finds it by; the operator sees it and writes it once the cause is fixed."""
    _refuse_inserts_into("audit_record")
    events, dispatcher = run(ActionRecommend(), make_tracker("", slots=dict(CASE)))
    texts = [m.get("text") or "" for m in dispatcher.messages]
    assert any("Lorlatinib" in t for t in texts)  # the recommendation is shown
    record_id = slot_events(events)["last_record_id"]
    [note] = [t for t in texts if "audit log" in t]
    assert "refused" in note and "not in the audit log" in note and record_id[:12] in note
    assert "queued" not in note and "will be written" not in note
    [dead] = audit_log().dead_letters()
    assert dead["key"] == record_id and "refused by a check" in dead["error"] and not audit_log().records()
    _allow_inserts_into("audit_record")
    assert audit_log().retry_dead_letters() == (1, 0)
    [record] = audit_log().records()
    assert record["record_id"] == record_id and record["case"] == CASE and not audit_log().dead_letters()


def test_an_audit_outage_is_told_as_queued_with_the_reference(monkeypatch):
    monkeypatch.setenv("AUDIT_DB_URL", "postgresql://nobody@127.0.0.1:1/none")
    events, dispatcher = run(ActionRecommend(), make_tracker("", slots=dict(CASE)))
    [note] = [m["text"] for m in dispatcher.messages if "audit" in (m.get("text") or "")]
    assert "queued" in note and slot_events(events)["last_record_id"][:12] in note and "refused" not in note


def test_feedback_the_audit_log_refuses_is_not_thanked_as_recorded():
    events, _ = run(ActionRecommend(), make_tracker("", slots=dict(CASE)))
    slots = dict(CASE, last_record_id=slot_events(events)["last_record_id"])
    _refuse_inserts_into("feedback")
    _, dispatcher = run(ActionFeedback(), make_tracker("/feedback_helpful", intent="feedback_helpful", slots=slots))
    [said] = [m["text"] for m in dispatcher.messages]
    [dead] = audit_log().dead_letters()
    assert "refused" in said and "not recorded" in said and dead["key"][:12] in said and "is recorded" not in said
    assert not audit_log().feedback_for(slots["last_record_id"])
