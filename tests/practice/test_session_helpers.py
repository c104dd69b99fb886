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
