"""People across the corpus: a `people` table (one person or organisation, its display name)
and `entity_people`, linking each PERSON and ORG entity of a latest analysis to its person
(or to none) with the reason (store/people.py, docs/people.md).

Both tables start empty: analyses saved from now on are linked as they are saved; for the
analyses already stored, run `presslens people rebuild` once.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("match_key", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.UniqueConstraint("kind", "key", name="uq_people_kind_key"),
    )
    op.create_index("ix_people_kind_match_key", "people", ["kind", "match_key"])
    op.create_table(
        "entity_people",
        sa.Column("analysis_id", sa.Integer, sa.ForeignKey("analyses.id", ondelete="CASCADE"), nullable=False),
        sa.Column("entity_idx", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("match_key", sa.Text, nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("analysis_id", "entity_idx"),
    )
    op.create_index("ix_entity_people_kind_match_key", "entity_people", ["kind", "match_key"])
    op.create_index("ix_entity_people_person_id", "entity_people", ["person_id"])


def downgrade() -> None:
    op.drop_table("entity_people")
    op.drop_table("people")
