"""Trainee accounts: a name and a personal code, the code kept only as a salted scrypt hash, and a conversation
that practises as an account only after its code was checked."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
import pytest

from bot.storage import practice
from bot.storage.practice import PracticeStore, SignInError


@pytest.fixture
def store(tmp_path):
    s = PracticeStore(f"sqlite:///{tmp_path / 'practice.db'}")
    yield s
    s.dispose()


def test_a_new_name_creates_the_account_and_the_code_is_stored_hashed(store):
    trainee, name, created = store.sign_in("conv-1", "  Ana   López ", "blue-heron-7")
    assert created and name == "Ana López" and trainee.startswith("trainee:")
    assert store.trainee_for("conv-1") == trainee
    with store.engine.connect() as db:
        salt, digest = db.execute(sa.text("SELECT code_salt, code_hash FROM trainee_account")).one()
    assert "blue-heron-7" not in digest and len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32


def test_the_same_code_gives_different_hashes_for_different_trainees(store):
    store.sign_in("a", "Ana", "same-code-1")
    store.sign_in("b", "Ben", "same-code-1")
    with store.engine.connect() as db:
        digests = db.execute(sa.text("SELECT code_hash FROM trainee_account")).scalars().all()
    assert len(set(digests)) == 2


def test_progress_follows_the_account_and_a_wrong_code_gets_nothing(store):
    trainee, _, _ = store.sign_in("laptop", "Ana", "blue-heron-7")
    store.add(store.trainee_for("laptop"), "ONT01", "on_target_mutation", 1, "preferred", 1.0, [], "kb", "m1")
    again, _, created = store.sign_in("phone", "ANA", "blue-heron-7")  # another browser, the name in capitals
    assert again == trainee and not created
    assert [a["case_id"] for a in store.attempts(store.trainee_for("phone"))] == ["ONT01"]
    with pytest.raises(SignInError, match="does not match"):
        store.sign_in("intruder", "Ana", "blue-heron-8")
    assert store.trainee_for("intruder") == "intruder" and store.attempts("intruder") == []


def test_sign_out_and_bad_names_or_codes(store):
    store.sign_in("conv", "Ana", "blue-heron-7")
    store.sign_out("conv")
    assert store.trainee_for("conv") == "conv"
    for name, code in (("", "long-enough"), ("x" * 81, "long-enough"), ("Ana", "short")):
        with pytest.raises(SignInError):
            store.sign_in("conv", name, code)


def test_a_new_account_needs_a_code_that_meets_the_rule(store):
    for weak in ("abc1", "lettersonly", "12345678", "Ana Lopez", "ana  LOPEZ"):
        with pytest.raises(SignInError, match="at least 8 characters"):
            store.sign_in("conv", "Ana Lopez", weak)
    with store.engine.connect() as db:
        assert db.execute(sa.text("SELECT count(*) FROM trainee_account")).scalar() == 0
    assert store.sign_in("conv", "Ana Lopez", "heron-77")[2]


def test_wrong_codes_lock_the_name_across_servers_and_restarts_then_it_opens_again(tmp_path):
    url = f"sqlite:///{tmp_path / 'practice.db'}"
    first = PracticeStore(url)
    t0 = datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc)
    trainee, _, _ = first.sign_in("owner", "Ana", "blue-heron-7", now=t0)
    for i in range(practice.MAX_FAILURES - 1):
        with pytest.raises(SignInError, match="does not match"):
            first.sign_in("intruder", "Ana", f"guess-{i:04d}", now=t0 + timedelta(minutes=i))
    first.dispose()
    second = PracticeStore(url)  # another server, or the same one restarted
    tripped = t0 + timedelta(minutes=practice.MAX_FAILURES - 1)
    with pytest.raises(SignInError, match="Too many wrong codes") as last:
        second.sign_in("intruder", "Ana", "guess-last", now=tripped)
    retry_at = tripped + practice.LOCKOUT
    assert f"{retry_at:%H:%M} UTC" in str(last.value)
    # while locked even the right code is refused, and the refusal does not extend the lock
    with pytest.raises(SignInError, match=f"after {retry_at:%H:%M} UTC"):
        second.sign_in("owner-phone", "Ana", "blue-heron-7", now=retry_at - timedelta(seconds=1))
    assert second.trainee_for("owner-phone") == "owner-phone" and second.trainee_for("intruder") == "intruder"
    # other names are not affected
    assert second.sign_in("ben", "Ben", "river-otter-3", now=tripped)[2]
    assert second.sign_in("owner-phone", "Ana", "blue-heron-7", now=retry_at)[0] == trainee
    second.dispose()


def test_a_right_code_clears_the_count_and_spaced_failures_never_lock(store):
    t0 = datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc)
    store.sign_in("owner", "Ana", "blue-heron-7", now=t0)
    for i in range(3 * practice.MAX_FAILURES):  # one wrong code every 4 minutes: never 5 in 15 minutes
        with pytest.raises(SignInError, match="does not match"):
            store.sign_in("typo", "Ana", "blue-heron-8", now=t0 + timedelta(minutes=4 * i))
    later = t0 + timedelta(hours=2)
    for i in range(practice.MAX_FAILURES - 1):
        with pytest.raises(SignInError, match="does not match"):
            store.sign_in("typo", "Ana", "blue-heron-8", now=later)
    store.sign_in("owner", "Ana", "blue-heron-7", now=later)  # the owner gets it right: the count starts over
    for i in range(practice.MAX_FAILURES - 1):
        with pytest.raises(SignInError, match="does not match"):
            store.sign_in("typo", "Ana", "blue-heron-8", now=later)
