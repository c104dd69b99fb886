"""Audit records, clinician feedback and practice attempts.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_record",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(64), nullable=False, unique=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("knowledge_version", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("preferred", sa.String(255), nullable=False),
        sa.Column("rules", sa.String(255), nullable=False),
        sa.Column("case_hash", sa.String(64), nullable=False),
        sa.Column("case_json", sa.Text, nullable=False),
        sa.Column("recommendation_json", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_record_conversation_id", "audit_record", ["conversation_id"])
    op.create_index("ix_audit_record_created_at", "audit_record", ["created_at"])
    op.create_index("ix_audit_record_case_hash", "audit_record", ["case_hash"])
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("feedback_id", sa.String(64), nullable=False, unique=True),
        sa.Column("record_id", sa.String(64), sa.ForeignKey("audit_record.record_id"), nullable=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rating", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
    )
    op.create_index("ix_feedback_record_id", "feedback", ["record_id"])
    op.create_index("ix_feedback_conversation_id", "feedback", ["conversation_id"])
    op.create_table(
        "practice_attempt",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("attempt_id", sa.String(64), nullable=False, unique=True),
        sa.Column("trainee_id", sa.String(255), nullable=False),
        sa.Column("case_id", sa.String(64), nullable=False),
        sa.Column("topic", sa.String(64), nullable=False),
        sa.Column("difficulty", sa.Integer, nullable=False),
        sa.Column("therapy_grade", sa.String(16), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("findings_named", sa.Text, nullable=False),
        sa.Column("knowledge_version", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_practice_attempt_trainee_id", "practice_attempt", ["trainee_id"])
    op.create_index("ix_practice_attempt_created_at", "practice_attempt", ["created_at"])


def downgrade() -> None:
    op.drop_table("practice_attempt")
    op.drop_table("feedback")
    op.drop_table("audit_record")
