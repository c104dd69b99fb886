"""Practice mode: present a bank case, grade the trainee's free-text answer, hints, skip and progress.

The grading, the bank and spaced repetition live in bot.practice; the attempts in bot.storage.practice. The
trainee is the conversation's sender, or the `trainee_id` the web page sends in the message metadata.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.turns import ANSWER, turn_kind
from bot import practice
from bot.knowledge import default as knowledge_base
from bot.storage.practice import PracticeStore

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
NOT_ANSWERS = frozenset({"dont_know", "practice_stats", "practice_start", "stop", "help", "greet", "start_case",
                         "start_over", "thanks"})
_store: PracticeStore | None = None


def store() -> PracticeStore:
    global _store
    if _store is None:
        _store = PracticeStore()
    return _store


def trainee(tracker: Tracker) -> str:
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    return str(metadata.get("trainee_id") or tracker.sender_id)


def _filters(text: str) -> tuple[str | None, int | None]:
    """Topic and difficulty a request names ("quiz me on hard CNS cases")."""
    text = text.lower()
    topic = next((t for t, words in TOPIC_WORDS.items() if re.search(rf"\b(?:{words})", text)), None)
    level = next((d for d, words in DIFFICULTY_WORDS.items() if re.search(rf"\b(?:{words})\b", text)), None)
    return topic, level


class ActionPracticeNext(Action):
    def name(self) -> str:
        return "action_practice_next"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        text = (tracker.latest_message or {}).get("text") or ""
        topic, level = _filters(text)
        attempts = store().attempts(trainee(tracker))
        now = datetime.now(timezone.utc)
        case = practice.next_case(attempts, topic=topic, difficulty=level, now=now, trainee_id=trainee(tracker))
        if case is None:  # no case with both filters: relax the difficulty, then the topic
            case = practice.next_case(attempts, topic=topic, now=now, trainee_id=trainee(tracker)) or \
                practice.next_case(attempts, now=now, trainee_id=trainee(tracker))
        stars = "●" * case.difficulty + "○" * (3 - case.difficulty)
        dispatcher.utter_message(text=f"Practice case {case.id} — {case.topic.replace('_', ' ')}, difficulty "
                                      f"{stars}\n\n{case.vignette.strip()}",
                                 json_message={"practice": {"case_id": case.id, "topic": case.topic,
                                                            "difficulty": case.difficulty}})
        return [SlotSet("practice_case_id", case.id), SlotSet("practice_hints", 0), SlotSet("practice_answer", None),
                SlotSet("requested_slot", None)]


class ActionPracticeHint(Action):
    def name(self) -> str:
        return "action_practice_hint"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        case_id = tracker.get_slot("practice_case_id")
        if not case_id or tracker.active_loop_name != "practice_form":
            dispatcher.utter_message(text="Hints are for practice cases: type 'practice' to get one.")
            return []
        given = int(tracker.get_slot("practice_hints") or 0)
        dispatcher.utter_message(text=f"Hint: {practice.hint(case_id, given)}")
        return [SlotSet("practice_hints", given + 1)]


class ActionPracticeStats(Action):
    def name(self) -> str:
        return "action_practice_stats"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[EventType]:
        attempts = store().attempts(trainee(tracker))
        by_topic = practice.stats(attempts)
        if not by_topic:
            dispatcher.utter_message(text="No practice attempts yet: type 'practice' to start.")
            return []
        lines = [f"Your progress ({len(attempts)} attempts):"]
        lines += [f"• {t.replace('_', ' ')}: {s.correct}/{s.attempts} correct ({s.accuracy:.0%})"
                  for t, s in by_topic.items()]
        weak = [t.replace("_", " ") for t, s in by_topic.items() if s.accuracy < 0.6]
        if weak:
            lines.append("Cases on " + ", ".join(weak) + " will come back sooner.")
        dispatcher.utter_message(text="\n".join(lines), json_message={"practice_stats": {
            t: {"attempts": s.attempts, "correct": s.correct, "accuracy": s.accuracy} for t, s in by_topic.items()}})
        return []


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
        case = practice.get(case_id)
        store().add(trainee(tracker), case_id, case.topic, case.difficulty, result.therapy_grade, result.score,
                    result.named_findings, knowledge_base().version, attempt_key=message.get("message_id") or "")
        dispatcher.utter_message(text=result.feedback, json_message={"practice_grade": {
            "case_id": case_id, "therapy_grade": result.therapy_grade, "chosen_therapy": result.chosen_therapy,
            "named_findings": result.named_findings, "missed_findings": result.missed_findings,
            "score": result.score}})
        return [SlotSet("practice_answer", answer[:500]), SlotSet("requested_slot", None)]

