"""Spaced repetition: wrong answers and their topics come back first, mastered cases wait their interval, the
choice is deterministic, and filters hold."""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest

from bot.practice import bank, scheduler

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)


def attempt(case_id: str, grade: str, minutes: float) -> dict:
    return {"case_id": case_id, "topic": bank.get(case_id).topic, "grade": grade,
            "timestamp": T0 + timedelta(minutes=minutes)}


def test_first_case_is_an_easy_one():
    assert scheduler.next_case([]).difficulty == 1


def test_a_wrong_case_comes_back_before_mastered_ones():
    history = [attempt(c.id, "preferred", i) for i, c in enumerate(bank.cases())]
    history.insert(3, attempt("ONT02", "harmful", 2.5))
    history.append(attempt("ONT02", "wrong", len(history) + 1))
    history.append(attempt("PRG01", "preferred", len(history) + 2))
    later = T0 + timedelta(days=60)  # every mastered case is due again too
    assert scheduler.next_case(history, now=later).id == "ONT02"


def test_after_a_wrong_answer_its_topic_comes_next():
    history = [attempt("PRG01", "preferred", 0), attempt("ONT01", "wrong", 1)]
    chosen = scheduler.next_case(history)
    assert chosen.topic == "on_target_mutation" and chosen.id != "ONT01"


def test_the_case_just_answered_is_not_repeated_at_once():
    history = [attempt("ONT01", "wrong", 0)]
    assert scheduler.next_case(history).id != "ONT01"
    only = [bank.get("ONT01")]
    assert scheduler.next_case(history, pool=only).id == "ONT01"  # unless it is the only one


def test_mastered_cases_wait_their_interval():
    pool = [bank.get("PRG01"), bank.get("PRG02")]
    history = [attempt("PRG01", "preferred", 0), attempt("PRG01", "preferred", 24 * 60),  # box 2: due in 3 days
               attempt("PRG02", "preferred", 24 * 60 + 1)]  # box 1: due in 1 day
    assert scheduler.next_case(history, pool=pool, now=T0 + timedelta(days=2, hours=12)).id == "PRG02"
    assert scheduler.next_case(history, pool=pool, now=T0 + timedelta(days=1, hours=2)).id == "PRG02"  # soonest due
    history.append(attempt("PRG02", "preferred", 3 * 24 * 60))  # box 2: due 3 days later
    assert scheduler.next_case(history, pool=pool, now=T0 + timedelta(days=4, hours=1)).id == "PRG01"


def test_a_corrected_case_is_not_due_at_once():
    pool = [bank.get("CNS01"), bank.get("CNS02")]
    history = [attempt("CNS01", "wrong", 0), attempt("CNS02", "preferred", 1), attempt("CNS01", "preferred", 2),
               attempt("CNS02", "preferred", 3)]
    assert scheduler.next_case(history, pool=pool, now=T0 + timedelta(hours=1)).id == "CNS01"  # soonest due
    history.append(attempt("CNS02", "wrong", 4))
    history.append(attempt("SCP01", "preferred", 5))
    assert scheduler.next_case(history, pool=pool, now=T0 + timedelta(hours=1)).id == "CNS02"


def test_deterministic_and_independent_of_the_order_attempts_arrive_in():
    history = [attempt(c.id, random.Random(i).choice(["preferred", "wrong", "acceptable"]), i)
               for i, c in enumerate(bank.cases()[:20])]
    first = scheduler.next_case(history, trainee_id="t-1").id
    shuffled = history[:]
    random.Random(7).shuffle(shuffled)
    assert scheduler.next_case(shuffled, trainee_id="t-1").id == first
    assert all(scheduler.next_case(history, trainee_id="t-1").id == first for _ in range(3))


def test_the_trainee_id_breaks_ties_differently_but_stably():
    firsts = {scheduler.next_case([], trainee_id=f"trainee-{i}").id for i in range(30)}
    assert len(firsts) > 1
    assert scheduler.next_case([], trainee_id="trainee-3") == scheduler.next_case([], trainee_id="trainee-3")


@pytest.mark.parametrize("topic, difficulty", [("cns", None), (None, 3), ("testing", 2), ("bypass", 2)])
def test_filters(topic, difficulty):
    history = [attempt("ONT01", "wrong", 0)]
    chosen = scheduler.next_case(history, topic=topic, difficulty=difficulty)
    assert (topic is None or chosen.topic == topic) and (difficulty is None or chosen.difficulty == difficulty)


def test_no_case_matches_the_filters():
    assert not bank.cases("compound_mutation", 1)
    assert scheduler.next_case([], topic="compound_mutation", difficulty=1) is None


def test_a_filter_that_has_run_out_is_relaxed_and_said():
    seen = {c.id for c in bank.cases("cns", 1)}
    case, notice = scheduler.pick([], "cns", 1, seen, "t1", T0)
    assert case.topic == "cns" and case.difficulty != 1 and "at another difficulty" in notice
    seen = {c.id for c in bank.cases("cns")}
    case, notice = scheduler.pick([], "cns", None, seen, "t1", T0)
    assert case.topic != "cns" and case.id not in seen and "nearest topic" in notice
    case, notice = scheduler.pick([], None, None, {c.id for c in bank.cases()}, "t1", T0)
    assert case is None and "starting the round again" in notice


def test_storage_records_are_accepted():
    stored = [{"case_id": "ONT01", "topic": "on_target_mutation", "difficulty": 1, "therapy_grade": "harmful",
               "score": 0.0, "findings_named": [], "knowledge_version": "2026.11.0", "timestamp": "2026-11-01T09:00:00Z"},
              {"case_id": "PRG01", "topic": "progression_pattern", "difficulty": 1, "therapy_grade": "preferred",
               "score": 1.0, "findings_named": [], "knowledge_version": "2026.11.0", "timestamp": 1793610000.0}]
    assert scheduler.next_case(stored, now="2026-12-01T00:00:00+00:00").id == "ONT01"
    with pytest.raises(ValueError, match="no grade"):
        scheduler.as_attempt({"case_id": "X", "topic": "scope", "timestamp": T0})


def test_stats_per_topic():
    history = [attempt("ONT01", "wrong", 0), attempt("ONT01", "preferred", 1), attempt("ONT02", "acceptable", 2),
               attempt("CNS01", "preferred", 3)]
    out = scheduler.stats(history)
    assert list(out) == ["cns", "on_target_mutation"]
    assert out["on_target_mutation"] == scheduler.TopicStats(attempts=3, correct=1, accuracy=0.333)
    assert out["cns"] == scheduler.TopicStats(attempts=1, correct=1, accuracy=1.0)
    assert scheduler.stats([]) == {}
