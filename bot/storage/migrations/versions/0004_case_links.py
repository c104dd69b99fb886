"""Case links of CDS cards: kept in the database, so every Rasa server behind one address redeems them and a restart
keeps them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_link",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("payload_json", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("case_link")
