"""Practice attempts persist per trainee, once per attempt key, on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.storage.practice import PracticeStore


def exercise(store: PracticeStore) -> None:
    t0 = datetime(2026, 11, 1, tzinfo=timezone.utc)
    store.add("trainee-a", "C01", "on_target_mutation", 1, "preferred", 1.0, ["alk_mutations"], "2026.11.0", "m1", t0)
    store.add("trainee-a", "C01", "on_target_mutation", 1, "preferred", 1.0, ["alk_mutations"], "2026.11.0", "m1", t0)
    store.add("trainee-a", "C07", "bypass", 2, "harmful", 0.0, [], "2026.11.0", "m2", t0 + timedelta(minutes=3))
    store.add("trainee-b", "C01", "on_target_mutation", 1, "wrong", 0.2, [], "2026.11.0", "m1", t0)
    attempts = store.attempts("trainee-a")
    assert [(a["case_id"], a["therapy_grade"]) for a in attempts] == [("C01", "preferred"), ("C07", "harmful")]
    assert attempts[0]["findings_named"] == ["alk_mutations"] and attempts[1]["timestamp"] > attempts[0]["timestamp"]
    assert [a["case_id"] for a in store.attempts("trainee-b")] == ["C01"]
    assert store.attempts("nobody") == []
    trainee, _, created = store.sign_in(f"conv-{t0.timestamp()}", "Storage Test Trainee", "a-code-123")
    assert store.sign_in("other-conv", "storage test trainee", "a-code-123")[0] == trainee
    assert store.trainee_for("other-conv") == trainee and store.trainee_for("unbound") == "unbound"


def test_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'progress.db'}"
    exercise(PracticeStore(url))
    assert len(PracticeStore(url).attempts("trainee-a")) == 2, "a new process (new store) sees the same progress"


def test_postgresql(pg_url):
    exercise(PracticeStore(pg_url))
