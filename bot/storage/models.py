"""Tables of the audit database (SQLAlchemy 1.4 declarative, used in 2.0 style). Alembic migrations in
bot/storage/migrations/ create them; these classes are what the code reads and writes.

No patient identifiers: the case document has none by design (case.schema.json) and no free text typed by a user
is stored here, except the reason a clinician gives with feedback, scrubbed of digit runs and e-mail addresses
(bot.storage.audit.scrub) because it may mention a patient by accident.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base: Any = declarative_base()  # SQLAlchemy 1.4 ships no type information


class AuditRecord(Base):
    """One recommendation as it was given: what the assistant was told and what it answered."""

    __tablename__ = "audit_record"

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    record_id = sa.Column(sa.String(64), nullable=False, unique=True)  # idempotency key: retries write once
    conversation_id = sa.Column(sa.String(255), nullable=False, index=True)
    created_at = sa.Column(sa.DateTime(timezone=True), nullable=False, index=True)
    knowledge_version = sa.Column(sa.String(32), nullable=False)
    status = sa.Column(sa.String(32), nullable=False)
    preferred = sa.Column(sa.String(255), nullable=False)  # therapy ids, comma-separated
    rules = sa.Column(sa.String(255), nullable=False)  # rule ids fired, in order, comma-separated
    case_hash = sa.Column(sa.String(64), nullable=False, index=True)  # sha256 of the case + knowledge version
    case_json = sa.Column(sa.Text, nullable=False)
    recommendation_json = sa.Column(sa.Text, nullable=False)


class Feedback(Base):
    """A clinician's verdict on one recommendation: helpful, not helpful, or disagree (with a reason)."""

    __tablename__ = "feedback"

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    feedback_id = sa.Column(sa.String(64), nullable=False, unique=True)
    record_id = sa.Column(sa.String(64), sa.ForeignKey("audit_record.record_id"), nullable=True, index=True)
    conversation_id = sa.Column(sa.String(255), nullable=False, index=True)
    created_at = sa.Column(sa.DateTime(timezone=True), nullable=False)
    rating = sa.Column(sa.String(16), nullable=False)
    reason = sa.Column(sa.Text, nullable=True)


class PracticeAttempt(Base):
    """One trainee answer to a practice case, graded against the decision module."""

    __tablename__ = "practice_attempt"

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    attempt_id = sa.Column(sa.String(64), nullable=False, unique=True)
    trainee_id = sa.Column(sa.String(255), nullable=False, index=True)
    case_id = sa.Column(sa.String(64), nullable=False)
    topic = sa.Column(sa.String(64), nullable=False)
    difficulty = sa.Column(sa.Integer, nullable=False)
    therapy_grade = sa.Column(sa.String(16), nullable=False)
    score = sa.Column(sa.Float, nullable=False)
    findings_named = sa.Column(sa.Text, nullable=False)  # JSON list
    knowledge_version = sa.Column(sa.String(32), nullable=False)
    created_at = sa.Column(sa.DateTime(timezone=True), nullable=False, index=True)


class TraineeAccount(Base):
    """A trainee who keeps their progress across browsers: a name and a personal code they chose. The code is
    stored only as a salted scrypt hash (bot.storage.practice), never as typed."""

    __tablename__ = "trainee_account"

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    trainee_id = sa.Column(sa.String(64), nullable=False, unique=True)
    name_key = sa.Column(sa.String(128), nullable=False, unique=True)  # the name, case-folded, spaces collapsed
    display_name = sa.Column(sa.String(128), nullable=False)
    code_salt = sa.Column(sa.String(64), nullable=False)  # hex
    code_hash = sa.Column(sa.String(128), nullable=False)  # hex, scrypt
    created_at = sa.Column(sa.DateTime(timezone=True), nullable=False)


class TraineeSession(Base):
    """Which signed-in trainee a conversation (the page's session id) practises as; set only after the code was
    checked, so a conversation cannot claim another trainee's record."""

    __tablename__ = "trainee_session"

    session_id = sa.Column(sa.String(255), primary_key=True)
    trainee_id = sa.Column(sa.String(64), nullable=False)
    created_at = sa.Column(sa.DateTime(timezone=True), nullable=False)


class TraineeSignInFailure(Base):
    """One wrong code typed for a trainee name. Kept in the database, not in a server's memory, so every server
    counts the same failures and a restart does not reset them: the attempt limit in bot.storage.practice reads
    them back."""

    __tablename__ = "trainee_sign_in_failure"

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    name_key = sa.Column(sa.String(128), nullable=False, index=True)
    created_at = sa.Column(sa.DateTime(timezone=True), nullable=False, index=True)


class CaseLink(Base):
    """A CDS card's link to the clinician page (bot.cds.tokens): the case and its answer until ``expires_at``. The
    token itself is not stored, only its SHA-256, so reading the table does not give working links."""

    __tablename__ = "case_link"

    token_hash = sa.Column(sa.String(64), primary_key=True)
    expires_at = sa.Column(sa.DateTime(timezone=True), nullable=False, index=True)
    payload_json = sa.Column(sa.Text, nullable=False)
