"""Spaced repetition over a trainee's past attempts: which case next, and how each topic is going.

Pure logic over a list of attempts (the storage layer keeps them; this module never reads a database or the
clock): the same attempts, filters, time and trainee id always give the same next case. Each case sits in a
Leitner box: a preferred answer moves it up a box (seen again after 1, 3, 7, then 21 days), an acceptable one
keeps it where it is, a wrong or harmful one sends it back to box 0, due again at once. Cases answered wrongly
come back first, then unseen cases on the topics the trainee got wrong, then reviews that are due, then unseen
cases on other topics, spreading practice across topics.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, Mapping, Sequence

from bot.practice import bank

BOX_INTERVALS = (timedelta(0), timedelta(days=1), timedelta(days=3), timedelta(days=7), timedelta(days=21))
CORRECT = "preferred"
FAILED = ("wrong", "harmful", "revealed")  # a revealed answer: the case comes back like a wrong one
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Attempt:
    case_id: str
    topic: str
    grade: str
    timestamp: datetime


@dataclass(frozen=True)
class TopicStats:
    attempts: int
    correct: int
    accuracy: float


def _when(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    if isinstance(value, str):
        return _when(datetime.fromisoformat(value.replace("Z", "+00:00")))
    raise ValueError(f"an attempt's timestamp must be a datetime, an ISO string or epoch seconds, not {value!r}")


def as_attempt(item: Attempt | Mapping[str, Any]) -> Attempt:
    """An Attempt from itself or a dict as bot.storage.practice returns ('therapy_grade') or a caller writes ('grade')."""
    if isinstance(item, Attempt):
        return item
    grade = item.get("grade", item.get("therapy_grade"))
    if grade is None:
        raise ValueError(f"attempt for {item.get('case_id')!r} has no grade")
    return Attempt(str(item["case_id"]), str(item["topic"]), str(grade), _when(item["timestamp"]))


def _ordered(attempts: Iterable[Attempt | Mapping[str, Any]]) -> list[Attempt]:
    return sorted((as_attempt(a) for a in attempts), key=lambda a: a.timestamp)  # stable for equal times


@dataclass
class _CaseState:
    box: int = 0
    last: datetime = _EPOCH
    last_grade: str = ""

    def record(self, attempt: Attempt) -> None:
        if attempt.grade == CORRECT:
            self.box = min(self.box + 1, len(BOX_INTERVALS) - 1)
        elif attempt.grade in FAILED:
            self.box = 0
        self.last, self.last_grade = attempt.timestamp, attempt.grade

    @property
    def due(self) -> datetime:
        return self.last + BOX_INTERVALS[self.box]


def _tie(trainee_id: str, case_id: str) -> str:
    return hashlib.sha256(f"{trainee_id}\x1f{case_id}".encode()).hexdigest()


def next_case(attempts: Iterable[Attempt | Mapping[str, Any]], topic: str | None = None, difficulty: int | None = None,
              now: datetime | str | float | None = None, trainee_id: str = "",
              pool: Sequence[bank.PracticeCase] | None = None) -> bank.PracticeCase | None:
    """The case to practise next, or None when no case matches the filters.

    ``now`` defaults to the latest attempt's time (pass the real time in production); ``trainee_id`` breaks
    ties so that trainees do not all meet the cases in the same order; ``pool`` defaults to the whole bank.
    """
    history = _ordered(attempts)
    candidates = [c for c in (pool if pool is not None else bank.cases())
                  if (topic is None or c.topic == topic) and (difficulty is None or c.difficulty == difficulty)]
    if not candidates:
        return None
    moment = _when(now) if now is not None else (history[-1].timestamp if history else _EPOCH)
    states: dict[str, _CaseState] = {}
    topic_attempts: dict[str, int] = {}
    for attempt in history:
        states.setdefault(attempt.case_id, _CaseState()).record(attempt)
        topic_attempts[attempt.topic] = topic_attempts.get(attempt.topic, 0) + 1
    weak_topics = {a.topic for a in history if states[a.case_id].last_grade in FAILED}
    just_done = history[-1].case_id if history else None

    def priority(case: bank.PracticeCase) -> tuple:
        state = states.get(case.id)
        tie = _tie(trainee_id, case.id)
        if case.id == just_done and state.box == 0 and len(candidates) > 1:  # box 0 is due at once: not twice running
            return (6, tie)
        if state is None:
            tier = 1 if case.topic in weak_topics else 3
            return (tier, topic_attempts.get(case.topic, 0), case.difficulty, tie)
        if state.due > moment:
            return (4, state.due, tie)
        if state.last_grade in FAILED:
            return (0, state.last, tie)
        return (2, state.due, tie)

    return min(candidates, key=priority)


def stats(attempts: Iterable[Attempt | Mapping[str, Any]]) -> dict[str, TopicStats]:
    """Per topic: attempts, correct (preferred) answers, and accuracy, topics in alphabetical order."""
    counts: dict[str, list[int]] = {}
    for attempt in _ordered(attempts):
        tally = counts.setdefault(attempt.topic, [0, 0])
        tally[0] += 1
        tally[1] += attempt.grade == CORRECT
    return {t: TopicStats(n, k, round(k / n, 3)) for t, (n, k) in sorted(counts.items())}


def pick(attempts: Iterable[Attempt | Mapping[str, Any]], topic: str | None, difficulty: int | None, seen: set[str],
         trainee_id: str, now: datetime) -> tuple[bank.PracticeCase | None, str]:
    """The next case outside ``seen`` on the trainee's filter, relaxing the filter when it has run out (another
    difficulty, then the nearest topic with cases left, then any topic), and a sentence saying so; None when every
    case has been seen."""
    attempts = list(attempts)

    def best(t: str | None, d: int | None) -> bank.PracticeCase | None:
        pool = [c for c in bank.cases(t, d) if c.id not in seen]
        return next_case(attempts, now=now, trainee_id=trainee_id, pool=pool) if pool else None

    case = best(topic, difficulty)
    if case:
        return case, ""
    labels = (bank.DIFFICULTY_LABELS.get(difficulty or 0, ""), bank.TOPIC_LABELS.get(topic or "", ""))
    where = " ".join(w for w in labels if w)
    total = len(bank.cases(topic, difficulty))
    done = f"You have done all {total} {where} case{'s' if total != 1 else ''} in the bank this session."
    if difficulty and (case := best(topic, None)):
        return case, f"{done} Here is a {bank.TOPIC_LABELS.get(topic or '', '')} case at another difficulty."
    if topic and (near := bank.nearest_topic(topic, seen)) and (case := best(near, None)):
        left = len([c for c in bank.cases(near) if c.id not in seen])
        return case, (f"{done} The nearest topic with cases left is {bank.TOPIC_LABELS[near]} ({left} "
                      f"case{'s' if left != 1 else ''}); here is one.")
    case = best(None, None)
    if case:
        return case, done + " Here is a case on another topic."
    return None, "You have seen every case in the bank this session: starting the round again."
