"""The bank's sizes per topic (the practice menu shows them) and the nearest topic offered when one runs out."""
from __future__ import annotations

from bot.practice import bank


def test_sizes_count_the_bank():
    sizes = bank.sizes()
    assert set(sizes) == set(bank.TOPICS)
    assert sum(s["total"] for s in sizes.values()) == len(bank.cases())
    for topic, s in sizes.items():
        assert s["total"] == sum(s["by_difficulty"].values()) == len(bank.cases(topic))


def test_the_nearest_topic_is_a_neighbour_with_cases_left():
    assert bank.nearest_topic("cns") in ("progression_pattern", "performance_status")
    order = bank.TOPICS
    i = order.index("cns")
    seen = {c.id for t in order[i - 1:i + 2] for c in bank.cases(t)}  # the topic and both neighbours done
    near = bank.nearest_topic("cns", seen)
    assert near is not None and abs(order.index(near) - i) == 2
    assert bank.nearest_topic("cns", {c.id for c in bank.cases()}) is None


def test_filters_named_in_a_request():
    assert bank.filters_named("quiz me on hard CNS cases") == ("cns", 3)
    assert bank.filters_named("practice") == (None, None)


def test_the_session_summary_counts_scores_and_topics_to_revisit():
    from bot.practice import grading

    results = [{"case_id": "ONT01", "topic": "on_target_mutation", "grade": "preferred", "score": 1.0},
               {"case_id": "CNS01", "topic": "cns", "grade": "wrong", "score": 0.25},
               {"case_id": "BYP01", "topic": "bypass", "grade": "revealed", "score": 0.0},
               {"case_id": "TST01", "topic": "testing", "grade": "skipped", "score": None}]
    lines, data = grading.session_summary(results)
    assert data["answered"] == 2 and data["mean_score"] == 0.625
    assert data["counts"]["revealed"] == 1 and data["counts"]["skipped"] == 1
    assert data["revisit"] == ["CNS", "bypass alterations"]
    assert lines[0] == "Session summary: 2 cases answered, average score 62%"
    assert grading.session_summary([])[0][:2] == ["Session summary: no case answered", "nothing yet"]
