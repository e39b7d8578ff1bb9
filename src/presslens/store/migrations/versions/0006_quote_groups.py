"""Quote provenance: `quote_wordings` (each distinct wording of a quote and its group),
`quote_shingles` (the index that proposes which wordings to compare) and
`quote_appearances` (the quotes of latest analyses, each with its wording)
(store/quote_groups.py, docs/quotes.md).

The tables start empty: `presslens quotes group` groups the stored quotes, and groups those
saved since whenever it runs again.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quote_wordings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("text_key", sa.Text, nullable=False, unique=True),
        sa.Column("words", sa.Text, nullable=False),
        sa.Column("group_id", sa.Integer, nullable=False),
    )
    op.create_index("ix_quote_wordings_group_id", "quote_wordings", ["group_id"])
    op.create_table(
        "quote_shingles",
        sa.Column("shingle", sa.BigInteger, nullable=False),
        sa.Column("wording_id", sa.Integer, sa.ForeignKey("quote_wordings.id", ondelete="CASCADE"), nullable=False),
        sa.PrimaryKeyConstraint("shingle", "wording_id"),
    )
    op.create_index("ix_quote_shingles_wording_id", "quote_shingles", ["wording_id"])
    op.create_table(
        "quote_appearances",
        sa.Column("analysis_id", sa.Integer, sa.ForeignKey("analyses.id", ondelete="CASCADE"), nullable=False),
        sa.Column("quote_idx", sa.Integer, nullable=False),
        sa.Column("wording_id", sa.Integer, sa.ForeignKey("quote_wordings.id"), nullable=True),
        sa.PrimaryKeyConstraint("analysis_id", "quote_idx"),
    )
    op.create_index("ix_quote_appearances_wording_id", "quote_appearances", ["wording_id"])


def downgrade() -> None:
    op.drop_table("quote_appearances")
    op.drop_table("quote_shingles")
    op.drop_table("quote_wordings")
