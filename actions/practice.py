"""Practice mode: present a bank case, grade the trainee's free-text answer, hints, skip, the answer on request,
progress and a session summary.

The grading, the bank and spaced repetition live in bot.practice; the attempts and trainee accounts in
bot.storage.practice. The trainee is the conversation (its sender id) or the account the conversation signed in
to (bot.web.trainee checks the code): never an id a client puts in a message. What this session has seen and
scored is kept in the `practice_session` slot, so "skip" moves on and the summary covers the session.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.turns import ANSWER, turn_kind
from bot import intents, practice
from bot.knowledge import default as knowledge_base
from bot.render import clinician
from bot.storage.practice import shared_store

TOPIC_WORDS = {
    "scope": r"scope|out of scope",
    "testing": r"testing|biops(?:y|ies)|rebiops(?:y|ies)|ngs|ctdna|liquid",
    "on_target_mutation": r"on[- ]target|resistance mutations?|single mutations?|kinase[- ]domain",
    "compound_mutation": r"compound",
    "bypass": r"bypass|met\b|off[- ]target",
    "transformation": r"transformation|small[- ]cell|sclc",
    "progression_pattern": r"oligo\w*|pattern|indolent",
    "cns": r"cns|brain|lepto\w*|intracranial",
    "performance_status": r"performance|ecog|frail",
    "modifiers": r"modifiers?|toxicit\w*|interactions?|cyp3a",
}
DIFFICULTY_WORDS = {1: r"easy|simple|basic", 2: r"medium|intermediate", 3: r"hard|difficult|advanced|tricky"}
NOT_ANSWERS = intents.PRACTICE_INTERRUPTIONS
SESSION = "practice_session"
MORE_BUTTONS = [{"title": "Next case", "payload": "/practice_start"}, {"title": "My progress", "payload": "/practice_stats"},
                {"title": "End session", "payload": "/practice_end"}]


def trainee(tracker: Tracker) -> str:
    """The signed-in account of this conversation, or the conversation itself."""
    return shared_store().trainee_for(tracker.sender_id)


def session_of(tracker: Tracker) -> dict[str, Any]:
    """This practice session: its filter, the cases seen, and one result per case answered, revealed or skipped."""
    saved = tracker.get_slot(SESSION) or {}
    return {"topic": saved.get("topic"), "difficulty": saved.get("difficulty"), "seen": list(saved.get("seen", [])),
            "results": list(saved.get("results", []))}


def _filters(text: str) -> tuple[str | None, int | None]:
    """Topic and difficulty a request names ("quiz me on hard CNS cases")."""
    text = text.lower()
    topic = next((t for t, words in TOPIC_WORDS.items() if re.search(rf"\b(?:{words})", text)), None)
    level = next((d for d, words in DIFFICULTY_WORDS.items() if re.search(rf"\b(?:{words})\b", text)), None)
    return topic, level


def requested_filters(message: dict[str, Any]) -> tuple[bool, str | None, int | None]:
    """Whether the message chooses a topic or difficulty, and which: the page's menu sends payload entities
    (`practice_topic`, `practice_level`, "any" for no filter), a typed request names them ("hard CNS cases")."""
    entities = {e.get("entity"): str(e.get("value")) for e in message.get("entities") or []}
    said_topic, said_level = _filters(message.get("text") or "")
    if "practice_topic" in entities or "practice_level" in entities:
        topic, level = entities.get("practice_topic"), entities.get("practice_level", "")
        return True, (topic if topic in practice.TOPIC_LABELS else None), \
            (int(level) if level.isdigit() and int(level) in practice.DIFFICULTY_LABELS else None)
    return bool(said_topic or said_level), said_topic, said_level


def _pick(attempts: list[dict[str, Any]], topic: str | None, level: int | None, seen: set[str],
          who: str) -> tuple[practice.PracticeCase | None, str]:
    """The next case outside ``seen``, relaxing the filter when it has run out, and a sentence saying so."""
    now = datetime.now(timezone.utc)

    def best(t: str | None, d: int | None) -> practice.PracticeCase | None:
        pool = [c for c in practice.cases(t, d) if c.id not in seen]
        return practice.next_case(attempts, now=now, trainee_id=who, pool=pool) if pool else None

    case = best(topic, level)
    if case:
        return case, ""
    where = " ".join(w for w in (practice.DIFFICULTY_LABELS.get(level or 0, ""), practice.TOPIC_LABELS.get(topic or "", "")) if w)
    total = len(practice.cases(topic, level))
    done = f"You have done all {total} {where} case{'s' if total != 1 else ''} in the bank this session."
    if level and (case := best(topic, None)):
        return case, f"{done} Here is a {practice.TOPIC_LABELS.get(topic or '', '')} case at another difficulty."
    if topic and (near := practice.nearest_topic(topic, seen)) and (case := best(near, None)):
        left = len([c for c in practice.cases(near) if c.id not in seen])
        return case, (f"{done} The nearest topic with cases left is {practice.TOPIC_LABELS[near]} ({left} "
                      f"case{'s' if left != 1 else ''}); here is one.")
    case = best(None, None)
    if case:
        return case, done + " Here is a case on another topic."
    return None, "You have seen every case in the bank this session: starting the round again."


class ActionPracticeNext(Action):
    def name(self) -> str:
        return "action_practice_next"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        session = session_of(tracker)
        current = tracker.get_slot("practice_case_id")
        if intent == "practice_skip" and current:
            session["results"].append(_result(current, "skipped", None))
        else:
            chosen, topic, level = requested_filters(message)
            if chosen:
                session["topic"], session["difficulty"] = topic, level
        if current and current not in session["seen"]:
            session["seen"].append(current)
        who = trainee(tracker)
        attempts = shared_store().attempts(who)
        case, notice = _pick(attempts, session["topic"], session["difficulty"], set(session["seen"]), who)
        if case is None:  # the whole bank seen: a new round
            session["seen"] = []
            case, _ = _pick(attempts, None, None, set(), who)
        if notice:  # the filter ran out: the session goes on with what was offered instead
            session["topic"] = case.topic if session["topic"] else None
            session["difficulty"] = None
            dispatcher.utter_message(text=notice)
        stars = "●" * case.difficulty + "○" * (3 - case.difficulty)
        dispatcher.utter_message(
            text=f"Practice case {case.id} — {practice.TOPIC_LABELS[case.topic]}, difficulty {stars}\n\n"
                 f"{case.vignette.strip()}",
            json_message={"practice": {"case_id": case.id, "title": case.title, "topic": case.topic,
                                       "topic_label": practice.TOPIC_LABELS[case.topic],
                                       "difficulty": case.difficulty, "vignette": case.vignette.strip(),
                                       "notice": notice, "bank": practice.sizes(),
                                       "filter": {"topic": session["topic"], "difficulty": session["difficulty"]},
                                       "trainee": shared_store().display_name(who)}})
        return [SlotSet("practice_case_id", case.id), SlotSet("practice_hints", 0), SlotSet("practice_answer", None),
                SlotSet(SESSION, session), SlotSet("requested_slot", None)]


def open_case(tracker: Tracker, dispatcher: CollectingDispatcher, otherwise: str) -> str | None:
    """The practice case being answered, or None after telling the trainee ``otherwise``."""
    case_id = tracker.get_slot("practice_case_id")
    if case_id and tracker.active_loop_name == "practice_form":
        return case_id
    dispatcher.utter_message(text=otherwise)
    return None


class ActionPracticeHint(Action):
    def name(self) -> str:
        return "action_practice_hint"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        case_id = open_case(tracker, dispatcher, "Hints are for practice cases: type 'practice' to get one.")
        if not case_id:
            return []
        given = int(tracker.get_slot("practice_hints") or 0)
        dispatcher.utter_message(text=f"Hint: {practice.hint(case_id, given)}")
        return [SlotSet("practice_hints", given + 1)]


class ActionPracticeStats(Action):
    def name(self) -> str:
        return "action_practice_stats"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        attempts = shared_store().attempts(trainee(tracker))
        by_topic = practice.stats(attempts)
        if not by_topic:
            dispatcher.utter_message(text="No practice attempts yet: type 'practice' to start.")
            return []
        sizes = practice.sizes()
        lines = [f"Your progress ({len(attempts)} attempts):"]
        lines += [f"• {practice.TOPIC_LABELS.get(t, t)}: {s.correct}/{s.attempts} preferred ({s.accuracy:.0%}; "
                  f"{sizes[t]['total']} cases in the bank)" for t, s in by_topic.items()]
        weak = [practice.TOPIC_LABELS.get(t, t) for t, s in by_topic.items() if s.accuracy < 0.6]
        if weak:
            lines.append("Cases on " + ", ".join(weak) + " will come back sooner.")
        dispatcher.utter_message(text="\n".join(lines), json_message={"practice_stats": {
            t: {"attempts": s.attempts, "correct": s.correct, "accuracy": s.accuracy} for t, s in by_topic.items()}})
        return []


def _evidence(keys: list[str]) -> list[dict[str, Any]]:
    """Evidence entries with their links, for the page's feedback card."""
    kb = knowledge_base()
    return [{"id": k, "citation": kb.evidence[k].citation, "level": kb.evidence[k].level, "url": kb.evidence[k].url}
            for k in keys if k in kb.evidence]


def feedback_data(case_id: str, grade: practice.Grade | None) -> dict[str, Any]:
    """What the page's feedback card shows: the verdict and rubric (none when the answer was revealed), the
    engine's answer, evidence with links and the teaching points."""
    rec = practice.expected(case_id)
    case = practice.get(case_id)
    data: dict[str, Any] = {
        "case_id": case_id, "revealed": grade is None,
        "answer": {"status": rec["status"], "preferred": [o["label"] for o in rec["preferred"]],
                   "alternatives": [o["label"] for o in rec["alternatives"]],
                   "avoid": [a.get("label", a["therapy"]) for a in rec["avoid"]],
                   "why": [clinician(r["because"]) for r in rec["rationale"]]},
        "evidence": _evidence(practice.evidence_keys(rec)),
        "teaching_points": [{"text": p.text, "evidence": list(p.evidence)} for p in case.teaching_points],
    }
    if grade is not None:
        data.update({"therapy_grade": grade.therapy_grade, "chosen_therapy": grade.chosen_therapy,
                     "named_findings": grade.named_findings, "missed_findings": grade.missed_findings,
                     "score": grade.score, "verdict": clinician(grade.verdict),
                     "rubric": [{"item": r.item, "earned": r.earned, "possible": r.possible, "comment": r.comment}
                                for r in grade.rubric]})
    return data


def _record(tracker: Tracker, case_id: str, grade: str, score: float, named: list[str]) -> None:
    case = practice.get(case_id)
    message = tracker.latest_message or {}
    shared_store().add(trainee(tracker), case_id, case.topic, case.difficulty, grade, score, named,
                knowledge_base().version, attempt_key=message.get("message_id") or "")


def _result(case_id: str, grade: str, score: float | None) -> dict[str, Any]:
    topic = practice.get(case_id).topic
    return {"case_id": case_id, "topic": topic, "topic_label": practice.TOPIC_LABELS[topic], "grade": grade,
            "score": score}


def _with_result(tracker: Tracker, case_id: str, grade: str, score: float | None) -> dict[str, Any]:
    session = session_of(tracker)
    session["results"].append(_result(case_id, grade, score))
    if case_id not in session["seen"]:
        session["seen"].append(case_id)
    return session


class ActionPracticeReveal(Action):
    """"Show me the answer" before answering: the engine's answer and the teaching points; the case counts as
    not known, so spaced repetition brings it back soon."""

    def name(self) -> str:
        return "action_practice_reveal"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        case_id = open_case(tracker, dispatcher, "There is no practice case open: type 'practice' to get one.")
        if not case_id:
            return []
        _record(tracker, case_id, "revealed", 0.0, [])
        kb = knowledge_base()
        text = "The answer to this case:\n" + clinician("\n".join(
            practice.explanation(practice.get(case_id), practice.expected(case_id), kb)))
        dispatcher.utter_message(text=text, json_message={"practice_grade": feedback_data(case_id, None)})
        return [SlotSet(SESSION, _with_result(tracker, case_id, "revealed", 0.0)), SlotSet("practice_answer", "revealed"),
                SlotSet("requested_slot", None)]


class ActionPracticeSummary(Action):
    """The end of a session: what was answered, the scores, and the topics to revisit."""

    def name(self) -> str:
        return "action_practice_summary"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        results = session_of(tracker)["results"]
        answered = [r for r in results if r["grade"] not in ("skipped", "revealed")]
        mean = sum(r["score"] for r in answered) / len(answered) if answered else None
        lines = ["Session summary: " + (f"{len(answered)} case{'s' if len(answered) != 1 else ''} answered, "
                                        f"average score {mean:.0%}" if answered else "no case answered")]
        counts = {g: sum(r["grade"] == g for r in results) for g in ("preferred", "acceptable", "wrong", "harmful",
                                                                      "revealed", "skipped")}
        lines.append(", ".join(f"{n} {g}" for g, n in counts.items() if n) or "nothing yet")
        lines += [f"• {r['case_id']} ({practice.TOPIC_LABELS.get(r['topic'], r['topic'])}): {r['grade']}"
                  + (f", {r['score']:.0%}" if r["score"] is not None and r["grade"] != "revealed" else "")
                  for r in results]
        revisit = sorted({practice.TOPIC_LABELS.get(r["topic"], r["topic"]) for r in results
                          if r["grade"] in ("wrong", "harmful", "revealed")})
        if revisit:
            lines.append("Worth revisiting: " + ", ".join(revisit) + ".")
        dispatcher.utter_message(
            text="\n".join(lines),
            buttons=[{"title": "Practice again", "payload": "/practice_start"},
                     {"title": "Back to clinical use", "payload": "/start_over"}],
            json_message={"practice_summary": {"answered": len(answered), "mean_score": mean, "counts": counts,
                                               "results": results, "revisit": revisit}})
        return [SlotSet(SESSION, None), SlotSet("practice_case_id", None), SlotSet("requested_slot", None)]


class ValidatePracticeForm(Action):
    """Grade the answer; anything that is not an answer (hint, skip, stats, help …) goes to the rules."""

    def name(self) -> str:
        return "validate_practice_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        case_id = tracker.get_slot("practice_case_id")
        if not case_id or turn_kind(tracker.events, "practice_form") != ANSWER:
            return [SlotSet("requested_slot", "practice_answer")]  # activation or back from a hint: ask
        if intent in NOT_ANSWERS:
            return []
        answer = message.get("text") or ""
        result = practice.grade(case_id, answer)
        _record(tracker, case_id, result.therapy_grade, result.score, result.named_findings)
        dispatcher.utter_message(text=result.feedback, json_message={"practice_grade": feedback_data(case_id, result)})
        return [SlotSet("practice_answer", answer[:500]), SlotSet("requested_slot", None),
                SlotSet(SESSION, _with_result(tracker, case_id, result.therapy_grade, result.score))]
