"""Trainees' practice records: every graded attempt, kept per trainee, so progress and spaced repetition survive
restarts. Same database as the audit log.

A trainee is the conversation (its sender id) until they sign in with a name and a personal code of their
choosing; from then on the conversation practises as that account, in any browser. The code is kept only as a
salted scrypt hash and compared in constant time; the binding of a conversation to an account is written only
after the code was checked, and the actions read it from here, never from what a client sends, so nobody can read
or write another trainee's record without their code.

Guessing a code is bounded per name, not per connection: every wrong code is stored (trainee_sign_in_failure),
and after MAX_FAILURES within FAILURE_WINDOW the name takes no code at all, right or wrong, until LOCKOUT after
the failure that tripped the limit. The count lives in the database so every server agrees and a restart does not
reset it; the lock is checked before any hash is computed, so a locked name costs the server nothing."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.storage import config
from bot.storage.db import Database
from bot.storage.models import PracticeAttempt, TraineeAccount, TraineeSession, TraineeSignInFailure

MIN_CODE = 8
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)
CODE_RULE = (
    f"Choose a personal code of at least {MIN_CODE} characters, with at least one letter and at least "
    "one digit or symbol, that is not your name."
)
MAX_NAME = 80
# scrypt's cost: about 16 MiB and tens of milliseconds per check (RFC 7914's interactive-login figures).
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


class SignInError(ValueError):
    """The name or the code cannot be used; the message is for the trainee."""


def name_key(name: str) -> str:
    """The name as accounts are looked up: case-folded, inner spaces collapsed."""
    return " ".join(name.split()).casefold()


def weak_code(code: str, shown_name: str) -> bool:
    """Whether a new account's code falls short of CODE_RULE: too short, one kind of character, or the name."""
    return (
        len(code) < MIN_CODE
        or not any(c.isalpha() for c in code)
        or all(c.isalpha() for c in code)
        or name_key(code) == name_key(shown_name)
    )


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def hash_code(code: str, salt: bytes) -> str:
    return hashlib.scrypt(code.encode("utf-8"), salt=salt, maxmem=64 * 1024 * 1024, **SCRYPT).hex()


class PracticeStore(Database):
    """Attempts in the database named by PRACTICE_DB_URL (default: the audit database)."""

    def __init__(self, url: str | None = None):
        super().__init__(url or config.setting("PRACTICE_DB_URL"))

    def add(
        self,
        trainee_id: str,
        case_id: str,
        topic: str,
        difficulty: int,
        therapy_grade: str,
        score: float,
        findings_named: Iterable[str],
        knowledge_version: str,
        attempt_key: str = "",
        now: datetime | None = None,
    ) -> str:
        """Store one graded attempt; the same attempt key (e.g. the message id) is stored once."""
        when = now or datetime.now(timezone.utc)
        attempt_id = hashlib.sha256(
            f"{trainee_id}\x1f{case_id}\x1f{attempt_key or when.isoformat()}".encode()
        ).hexdigest()[:40]
        with Session(self.engine) as session:
            if session.execute(sa.select(PracticeAttempt.id).where(PracticeAttempt.attempt_id == attempt_id)).first():
                return attempt_id
            session.add(
                PracticeAttempt(
                    attempt_id=attempt_id,
                    trainee_id=trainee_id,
                    case_id=case_id,
                    topic=topic,
                    difficulty=difficulty,
                    therapy_grade=therapy_grade,
                    score=score,
                    findings_named=json.dumps(sorted(findings_named)),
                    knowledge_version=knowledge_version,
                    created_at=when,
                )
            )
            session.commit()
        return attempt_id

    def attempts(self, trainee_id: str) -> list[dict[str, Any]]:
        """The trainee's attempts, oldest first."""
        query = (
            sa.select(PracticeAttempt)
            .where(PracticeAttempt.trainee_id == trainee_id)
            .order_by(PracticeAttempt.created_at, PracticeAttempt.id)
        )
        with Session(self.engine) as session:
            return [
                {
                    "case_id": a.case_id,
                    "topic": a.topic,
                    "difficulty": a.difficulty,
                    "therapy_grade": a.therapy_grade,
                    "score": a.score,
                    "findings_named": json.loads(a.findings_named),
                    "knowledge_version": a.knowledge_version,
                    "timestamp": a.created_at.replace(tzinfo=a.created_at.tzinfo or timezone.utc),
                }
                for a in session.execute(query).scalars()
            ]

    def sign_in(self, session_id: str, name: str, code: str, now: datetime | None = None) -> tuple[str, str, bool]:
        """Bind the conversation to the trainee ``name``: (trainee id, display name, whether the account is new).
        An unknown name creates the account with this code; a known name needs its code."""
        shown = " ".join((name or "").split())
        if not shown or len(shown) > MAX_NAME:
            raise SignInError(f"Choose a name of 1 to {MAX_NAME} characters.")
        code = code or ""
        if not code:
            raise SignInError("Type your personal code.")
        when = now or datetime.now(timezone.utc)
        key = name_key(shown)
        with Session(self.engine) as session:
            retry_at = self._locked_until(session, key, when)
            if retry_at is not None:
                raise SignInError(self._locked_message(retry_at, when))
            account = session.execute(
                sa.select(TraineeAccount).where(TraineeAccount.name_key == key)
            ).scalar_one_or_none()
            created = account is None
            if created:
                if weak_code(code, shown):
                    raise SignInError(CODE_RULE)
                salt = secrets.token_bytes(16)
                account = TraineeAccount(
                    trainee_id="trainee:" + secrets.token_hex(16),
                    name_key=key,
                    display_name=shown,
                    code_salt=salt.hex(),
                    code_hash=hash_code(code, salt),
                    created_at=when,
                )
                session.add(account)
            elif not hmac.compare_digest(hash_code(code, bytes.fromhex(account.code_salt)), account.code_hash):
                session.add(TraineeSignInFailure(name_key=key, created_at=when))
                session.commit()
                retry_at = self._locked_until(session, key, when)
                if retry_at is not None:
                    raise SignInError(self._locked_message(retry_at, when))
                raise SignInError(
                    "That name is taken and the code does not match. Check the code, or choose another name."
                )
            else:
                session.execute(sa.delete(TraineeSignInFailure).where(TraineeSignInFailure.name_key == key))
            session.merge(TraineeSession(session_id=session_id, trainee_id=account.trainee_id, created_at=when))
            session.commit()
            return account.trainee_id, account.display_name, created

    @staticmethod
    def _locked_until(session: Session, key: str, now: datetime) -> datetime | None:
        """When the name takes codes again, or None if it does now: locked for LOCKOUT after the failure that
        made MAX_FAILURES within FAILURE_WINDOW."""
        recent = (
            session.execute(
                sa.select(TraineeSignInFailure.created_at)
                .where(
                    TraineeSignInFailure.name_key == key,
                    TraineeSignInFailure.created_at > now - FAILURE_WINDOW - LOCKOUT,
                )
                .order_by(TraineeSignInFailure.created_at)
            )
            .scalars()
            .all()
        )
        times = [_aware(t) for t in recent]
        for i in range(len(times) - MAX_FAILURES, -1, -1):  # the latest run of MAX_FAILURES within the window
            run = times[i : i + MAX_FAILURES]
            if run[-1] - run[0] <= FAILURE_WINDOW and run[-1] + LOCKOUT > now:
                return run[-1] + LOCKOUT
        return None

    @staticmethod
    def _locked_message(retry_at: datetime, now: datetime) -> str:
        minutes = max(1, -(-int((retry_at - now).total_seconds()) // 60))
        return (
            f"Too many wrong codes for this name. Try again after {retry_at:%H:%M} UTC "
            f"(in {minutes} minute{'s' if minutes != 1 else ''})."
        )

    def sign_out(self, session_id: str) -> None:
        with Session(self.engine) as session:
            session.execute(sa.delete(TraineeSession).where(TraineeSession.session_id == session_id))
            session.commit()

    def trainee_for(self, session_id: str) -> str:
        """The trainee a conversation practises as: its signed-in account, or the conversation itself."""
        with Session(self.engine) as session:
            bound = session.execute(
                sa.select(TraineeSession.trainee_id).where(TraineeSession.session_id == session_id)
            ).scalar_one_or_none()
        return bound or session_id

    def display_name(self, trainee_id: str) -> str | None:
        with Session(self.engine) as session:
            return session.execute(
                sa.select(TraineeAccount.display_name).where(TraineeAccount.trainee_id == trainee_id)
            ).scalar_one_or_none()


_shared: PracticeStore | None = None


def shared_store() -> PracticeStore:
    """This process's practice store on PRACTICE_DB_URL, opened on first use: the action server's practice actions
    and the web channel's sign-in share it."""
    global _shared
    if _shared is None:
        _shared = PracticeStore()
    return _shared
