"""Practice mode: present a bank case, grade the trainee's free-text answer, hints, skip, the answer on request,
progress and a session summary.

The grading, the bank and spaced repetition live in bot.practice; the attempts and trainee accounts in
bot.storage.practice. The trainee is the conversation (its sender id) or the account the conversation signed in
to (bot.web.trainee checks the code): never an id a client puts in a message. What this session has seen and
scored is kept in the `practice_session` slot, so "skip" moves on and the summary covers the session.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict

from actions.shared import knowledge_base, practice_store
from bot import intents, practice
from bot.nlu.extractor import therapy_choice
from bot.render import clinician

NOT_ANSWERS = intents.PRACTICE_INTERRUPTIONS  # bot/intents.py
SESSION = "practice_session"
MORE_BUTTONS = [
    {"title": "Next case", "payload": "/practice_start"},
    {"title": "My progress", "payload": "/practice_stats"},
    {"title": "End session", "payload": "/practice_end"},
]


def trainee(tracker: Tracker) -> str:
    """The signed-in account of this conversation, or the conversation itself."""
    return practice_store().trainee_for(tracker.sender_id)


def session_of(tracker: Tracker) -> dict[str, Any]:
    """This practice session: its filter, the cases seen, and one result per case answered, revealed or skipped."""
    saved = tracker.get_slot(SESSION) or {}
    return {
        "topic": saved.get("topic"),
        "difficulty": saved.get("difficulty"),
        "seen": list(saved.get("seen", [])),
        "results": list(saved.get("results", [])),
    }


def requested_filters(message: dict[str, Any]) -> tuple[bool, str | None, int | None]:
    """Whether the message chooses a topic or difficulty, and which: the page's menu sends payload entities
    (`practice_topic`, `practice_level`, "any" for no filter), a typed request names them ("hard CNS cases")."""
    entities = {e.get("entity"): str(e.get("value")) for e in message.get("entities") or []}
    said_topic, said_level = practice.filters_named(message.get("text") or "")
    if "practice_topic" in entities or "practice_level" in entities:
        topic, level = entities.get("practice_topic"), entities.get("practice_level", "")
        return (
            True,
            (topic if topic in practice.TOPIC_LABELS else None),
            (int(level) if level.isdigit() and int(level) in practice.DIFFICULTY_LABELS else None),
        )
    return bool(said_topic or said_level), said_topic, said_level


class ActionPracticeNext(Action):
    def name(self) -> str:
        return "action_practice_next"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
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
        attempts = practice_store().attempts(who)
        now = datetime.now(timezone.utc)
        case, notice = practice.pick(attempts, session["topic"], session["difficulty"], set(session["seen"]), who, now)
        if case is None:  # the whole bank seen: a new round
            session["seen"] = []
            case, _ = practice.pick(attempts, None, None, set(), who, now)
        assert case is not None, "an unfiltered pick from a checked, non-empty bank always finds a case"
        if notice:  # the filter ran out: the session goes on with what was offered instead
            session["topic"] = case.topic if session["topic"] else None
            session["difficulty"] = None
            dispatcher.utter_message(text=notice)
        stars = "●" * case.difficulty + "○" * (3 - case.difficulty)
        dispatcher.utter_message(
            text=f"Practice case {case.id} — {practice.TOPIC_LABELS[case.topic]}, difficulty {stars}\n\n"
            f"{case.vignette.strip()}",
            json_message={
                "practice": {
                    "case_id": case.id,
                    "title": case.title,
                    "topic": case.topic,
                    "topic_label": practice.TOPIC_LABELS[case.topic],
                    "difficulty": case.difficulty,
                    "vignette": case.vignette.strip(),
                    "notice": notice,
                    "bank": practice.sizes(),
                    "filter": {"topic": session["topic"], "difficulty": session["difficulty"]},
                    "trainee": practice_store().display_name(who),
                }
            },
        )
        return [
            SlotSet("practice_case_id", case.id),
            SlotSet("practice_hints", 0),
            SlotSet("practice_answer", None),
            SlotSet(SESSION, session),
            SlotSet("requested_slot", None),
        ]


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

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        case_id = open_case(tracker, dispatcher, "Hints are for practice cases: type 'practice' to get one.")
        if not case_id:
            return []
        given = int(tracker.get_slot("practice_hints") or 0)
        dispatcher.utter_message(text=f"Hint: {practice.hint(case_id, given)}")
        return [SlotSet("practice_hints", given + 1)]


class ActionPracticeStats(Action):
    def name(self) -> str:
        return "action_practice_stats"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        attempts = practice_store().attempts(trainee(tracker))
        by_topic = practice.stats(attempts)
        if not by_topic:
            dispatcher.utter_message(text="No practice attempts yet: type 'practice' to start.")
            return []
        sizes = practice.sizes()
        lines = [f"Your progress ({len(attempts)} attempts):"]
        lines += [
            f"• {practice.TOPIC_LABELS.get(t, t)}: {s.correct}/{s.attempts} preferred ({s.accuracy:.0%}; "
            f"{sizes[t]['total']} cases in the bank)"
            for t, s in by_topic.items()
        ]
        weak = [practice.TOPIC_LABELS.get(t, t) for t, s in by_topic.items() if s.accuracy < 0.6]
        if weak:
            lines.append("Cases on " + ", ".join(weak) + " will come back sooner.")
        dispatcher.utter_message(
            text="\n".join(lines),
            json_message={
                "practice_stats": {
                    t: {"attempts": s.attempts, "correct": s.correct, "accuracy": s.accuracy}
                    for t, s in by_topic.items()
                }
            },
        )
        return []


def _record(tracker: Tracker, case_id: str, grade: str, score: float, named: list[str]) -> None:
    case = practice.get(case_id)
    message = tracker.latest_message or {}
    practice_store().add(
        trainee(tracker),
        case_id,
        case.topic,
        case.difficulty,
        grade,
        score,
        named,
        knowledge_base().version,
        attempt_key=message.get("message_id") or "",
    )


def _result(case_id: str, grade: str, score: float | None) -> dict[str, Any]:
    topic = practice.get(case_id).topic
    return {
        "case_id": case_id,
        "topic": topic,
        "topic_label": practice.TOPIC_LABELS[topic],
        "grade": grade,
        "score": score,
    }


def _with_result(tracker: Tracker, case_id: str, grade: str, score: float | None) -> dict[str, Any]:
    session = session_of(tracker)
    session["results"].append(_result(case_id, grade, score))
    if case_id not in session["seen"]:
        session["seen"].append(case_id)
    return session


class ActionPracticeReveal(Action):
    """ "Show me the answer" before answering: the engine's answer and the teaching points; the case counts as
    not known, so spaced repetition brings it back soon."""

    def name(self) -> str:
        return "action_practice_reveal"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        case_id = open_case(tracker, dispatcher, "There is no practice case open: type 'practice' to get one.")
        if not case_id:
            return []
        _record(tracker, case_id, "revealed", 0.0, [])
        kb = knowledge_base()
        text = "The answer to this case:\n" + clinician(
            "\n".join(practice.explanation(practice.get(case_id), practice.expected(case_id), kb))
        )
        dispatcher.utter_message(text=text, json_message={"practice_grade": practice.feedback_view(case_id, None)})
        return [
            SlotSet(SESSION, _with_result(tracker, case_id, "revealed", 0.0)),
            SlotSet("practice_answer", "revealed"),
            SlotSet("requested_slot", None),
        ]


class ActionPracticeSummary(Action):
    """The end of a session: what was answered, the scores, and the topics to revisit."""

    def name(self) -> str:
        return "action_practice_summary"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        lines, summary = practice.session_summary(session_of(tracker)["results"])
        dispatcher.utter_message(
            text="\n".join(lines),
            buttons=[
                {"title": "Practice again", "payload": "/practice_start"},
                {"title": "Back to clinical use", "payload": "/start_over"},
            ],
            json_message={"practice_summary": summary},
        )
        return [SlotSet(SESSION, None), SlotSet("practice_case_id", None), SlotSet("requested_slot", None)]


def answers_the_case(message: dict[str, Any]) -> bool:
    """Whether a message during a practice case is the trainee's answer rather than a request (a hint, skip, stop,
    thanks, help …). A message the classifier calls a request is still an answer when it chooses a therapy or asks
    for more information first: the requests name none, and a trainee's answer often reads like one to the classifier
    ("Continue the current therapy with short-interval imaging" was taken for a hint, "more information first" for
    stop, so the answer was never graded). A button's payload and a request for a new case stay what they are."""
    intent = (message.get("intent") or {}).get("name")
    if intent not in NOT_ANSWERS:
        return True
    text = message.get("text") or ""
    if text.startswith("/") or intent in intents.CASE_STARTS:
        return False
    return therapy_choice(text).therapy is not None


class ValidatePracticeForm(FormValidationAction):
    """The practice form's one slot, the trainee's answer: read from the message (extract), then graded
    (validate). Anything that is not an answer (hint, skip, stats, help …) sets nothing, so Rasa rejects the form's
    turn and the rules answer it; the form then asks again."""

    def name(self) -> str:
        return "validate_practice_form"

    def extract_practice_answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The message, when it answers the case asked (not when the form starts or the message is a request)."""
        if not tracker.get_slot("practice_case_id") or tracker.get_slot(REQUESTED_SLOT) != "practice_answer":
            return {}
        if not answers_the_case(tracker.latest_message):
            return {}
        return {"practice_answer": tracker.latest_message.get("text") or ""}

    def validate_practice_answer(
        self, answer: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Grade the answer, record the attempt and say the feedback; the form is then done. (Rasa also hands back
        the slot as it was set before the form ran, empty: nothing to grade.)"""
        case_id = tracker.get_slot("practice_case_id")
        if not answer or not case_id:
            return {}
        result = practice.grade(case_id, answer)
        _record(tracker, case_id, result.therapy_grade, result.score, result.named_findings)
        dispatcher.utter_message(
            text=result.feedback, json_message={"practice_grade": practice.feedback_view(case_id, result)}
        )
        return {
            "practice_answer": answer[:500],
            REQUESTED_SLOT: None,
            SESSION: _with_result(tracker, case_id, result.therapy_grade, result.score),
        }
