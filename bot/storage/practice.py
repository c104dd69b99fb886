"""Trainees' practice records: every graded attempt, kept per trainee (the conversation's sender id, or an id the
web page stores), so progress and spaced repetition survive restarts. Same database as the audit log."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any, Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.storage import config
from bot.storage.db import Database
from bot.storage.models import PracticeAttempt


class PracticeStore(Database):
    """Attempts in the database named by PRACTICE_DB_URL (default: the audit database)."""

    def __init__(self, url: str | None = None):
        super().__init__(url or config.setting("PRACTICE_DB_URL"))

    def add(self, trainee_id: str, case_id: str, topic: str, difficulty: int, therapy_grade: str, score: float,
            findings_named: Iterable[str], knowledge_version: str, attempt_key: str = "",
            now: datetime | None = None) -> str:
        """Store one graded attempt; the same attempt key (e.g. the message id) is stored once."""
        when = now or datetime.now(timezone.utc)
        attempt_id = hashlib.sha256(f"{trainee_id}\x1f{case_id}\x1f{attempt_key or when.isoformat()}".encode()).hexdigest()[:40]
        with Session(self.engine) as session:
            if session.execute(sa.select(PracticeAttempt.id).where(PracticeAttempt.attempt_id == attempt_id)).first():
                return attempt_id
            session.add(PracticeAttempt(attempt_id=attempt_id, trainee_id=trainee_id, case_id=case_id, topic=topic,
                                        difficulty=difficulty, therapy_grade=therapy_grade, score=score,
                                        findings_named=json.dumps(sorted(findings_named)),
                                        knowledge_version=knowledge_version, created_at=when))
            session.commit()
        return attempt_id

    def attempts(self, trainee_id: str) -> list[dict[str, Any]]:
        """The trainee's attempts, oldest first."""
        query = (sa.select(PracticeAttempt).where(PracticeAttempt.trainee_id == trainee_id)
                 .order_by(PracticeAttempt.created_at, PracticeAttempt.id))
        with Session(self.engine) as session:
            return [{"case_id": a.case_id, "topic": a.topic, "difficulty": a.difficulty,
                     "therapy_grade": a.therapy_grade, "score": a.score,
                     "findings_named": json.loads(a.findings_named), "knowledge_version": a.knowledge_version,
                     "timestamp": a.created_at.replace(tzinfo=a.created_at.tzinfo or timezone.utc)}
                    for a in session.execute(query).scalars()]
