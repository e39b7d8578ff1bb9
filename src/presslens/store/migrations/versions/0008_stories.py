"""Stories (docs/stories.md): `stories`, one row per story with its label, date span and
counts, and `story_members`, one row per clustered article with its story, its centrality and
what the clusterer keeps to place later articles without reading this one again (its sentence
embedding and the cosines to its nearest articles, as float32 bytes).

The tables start empty: `presslens stories build` clusters the stored articles, and places
those stored since whenever it runs again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("first", sa.Date, nullable=True),
        sa.Column("last", sa.Date, nullable=True),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("outlets", sa.Integer, nullable=False),
    )
    op.create_index("ix_stories_last", "stories", ["last"])
    op.create_table(
        "story_members",
        sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("story_id", sa.Text, sa.ForeignKey("stories.id"), nullable=False),
        sa.Column("centrality", sa.Float, nullable=False),
        sa.Column("embedding", sa.LargeBinary, nullable=False),
        sa.Column("nearest", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_story_members_story_id", "story_members", ["story_id"])


def downgrade() -> None:
    op.drop_table("story_members")
    op.drop_table("stories")
