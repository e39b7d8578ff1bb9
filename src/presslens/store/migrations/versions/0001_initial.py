"""The first schema: articles, outlets, versioned analyses and their layers, full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# PostgreSQL's tsvector is capped at 1 MB; the first 100,000 characters of an
# article are what its full-text index covers there.
PG_TSV = "to_tsvector('english', left(coalesce(title, '') || ' ' || text, 100000))"


def _layer_table(name: str, *columns: sa.Column, keys: tuple[str, ...] = ("idx",)) -> None:
    op.create_table(
        name,
        sa.Column("analysis_id", sa.Integer, sa.ForeignKey("analyses.id", ondelete="CASCADE"), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("analysis_id", *keys),
    )


def _span_columns() -> list[sa.Column]:
    return [
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
    )
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.Text, nullable=False, unique=True),
        sa.Column("text_key", sa.Text, nullable=False, unique=True),
        sa.Column("outlet_id", sa.Integer, sa.ForeignKey("outlets.id"), nullable=True),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("language", sa.Text, nullable=False),
        sa.Column("words", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_articles_outlet_published", "articles", ["outlet_id", "published"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "analyses",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Text, nullable=False),
        sa.Column("latest", sa.Boolean, nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("scores", sa.JSON, nullable=False),
        sa.Column("pipeline", sa.JSON, nullable=False),
        sa.UniqueConstraint("article_id", "version", name="uq_analyses_article_version"),
    )
    op.create_index("ix_analyses_latest_article", "analyses", ["latest", "article_id"])
    op.create_index("ix_analyses_version", "analyses", ["version"])
    _layer_table(
        "entities",
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("framing", sa.JSON, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
    )
    op.create_index("ix_entities_name", "entities", ["name"])
    _layer_table(
        "mentions",
        sa.Column("entity_idx", sa.Integer, nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        keys=("entity_idx", "idx"),
    )
    _layer_table(
        "quotes",
        *_span_columns(),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("speaker", sa.Text, nullable=True),
        sa.Column("speaker_entity", sa.Text, nullable=True),
        sa.Column("speaker_start", sa.Integer, nullable=True),
        sa.Column("speaker_end", sa.Integer, nullable=True),
        sa.Column("cue", sa.Text, nullable=True),
        sa.Column("cue_start", sa.Integer, nullable=True),
        sa.Column("cue_end", sa.Integer, nullable=True),
        sa.Column("via", sa.Text, nullable=True),
    )
    op.create_index("ix_quotes_speaker", "quotes", ["speaker"])
    _layer_table(
        "time_refs",
        *_span_columns(),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
    )
    _layer_table(
        "claims",
        *_span_columns(),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("time_refs", sa.JSON, nullable=False),
        sa.Column("entities", sa.JSON, nullable=False),
    )
    _layer_table(
        "technique_spans",
        *_span_columns(),
        sa.Column("technique", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
    )
    op.create_index("ix_technique_spans_technique", "technique_spans", ["technique"])
    _create_fulltext(op.get_bind().dialect.name)


def _create_fulltext(dialect: str) -> None:
    if dialect == "sqlite":
        # An external-content FTS5 table over articles, kept in step by triggers.
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
            "content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.seq, old.title, old.text); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.seq, old.title, old.text); "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END"
        )
    elif dialect == "postgresql":
        op.execute(f"ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS ({PG_TSV}) STORED")
        op.execute("CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("technique_spans", "claims", "time_refs", "quotes", "mentions", "entities", "analyses", "articles", "outlets"):
        op.drop_table(table)
