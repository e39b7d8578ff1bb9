"""Mentions get the role they cast their entity in and the score of each role (entity
framing); entities get an index on their lower-cased name, which the framing of one entity
across the corpus looks them up by.

Existing mention rows keep a null role and no scores until their articles are analysed again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One batch: SQLite cannot add a NOT NULL column inside ALTER TABLE alone.
    with op.batch_alter_table("mentions") as mentions:
        mentions.add_column(sa.Column("role", sa.Text(), nullable=True))
        mentions.add_column(sa.Column("scores", sa.JSON(), nullable=False, server_default="{}"))
    op.create_index("ix_entities_folded_name", "entities", [sa.func.lower(sa.column("name"))])


def downgrade() -> None:
    op.drop_index("ix_entities_folded_name", table_name="entities")
    with op.batch_alter_table("mentions") as mentions:
        mentions.drop_column("scores")
        mentions.drop_column("role")
