"""Trainee accounts: a name and a personal code, the code kept only as a salted scrypt hash, and a conversation
that practises as an account only after its code was checked."""
from __future__ import annotations

import sqlalchemy as sa
import pytest

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
