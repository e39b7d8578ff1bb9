"""The store's tables, as SQLAlchemy Core metadata.

Queries are written against these objects; the Alembic migrations under `migrations/`
create them (and the full-text index, which differs by database). Child rows of an
analysis keep its layer order in `idx`, so an Analysis reads back exactly as saved.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

outlets = Table(
    "outlets",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
)

articles = Table(
    "articles",
    metadata,
    # seq gives every article a stable integer row id: the full-text index and
    # the process engines page by it.
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("text_key", Text, nullable=False, unique=True),
    Column("outlet_id", Integer, ForeignKey("outlets.id"), nullable=True),
    Column("published", Date, nullable=True),
    Column("url", Text, nullable=True),
    Column("title", Text, nullable=True),
    Column("language", Text, nullable=False),
    Column("words", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_articles_outlet_published", "outlet_id", "published"),
    Index("ix_articles_published", "published"),
)

analyses = Table(
    "analyses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("version", Text, nullable=False),
    # The newest analysis of each article: what corpus queries read.
    Column("latest", Boolean, nullable=False),
    Column("created", DateTime, nullable=False),
    Column("scores", JSON, nullable=False),
    Column("pipeline", JSON, nullable=False),
    UniqueConstraint("article_id", "version", name="uq_analyses_article_version"),
    Index("ix_analyses_latest_article", "latest", "article_id"),
    Index("ix_analyses_version", "version"),
)


def _analysis_fk() -> Column:
    return Column("analysis_id", Integer, ForeignKey("analyses.id", ondelete="CASCADE"), primary_key=True)


entities = Table(
    "entities",
    metadata,
    _analysis_fk(),
    Column("idx", Integer, primary_key=True),
    Column("key", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("framing", JSON, nullable=False),
    Column("mentions", Integer, nullable=False),
    Index("ix_entities_name", "name"),
)

mentions = Table(
    "mentions",
    metadata,
    _analysis_fk(),
    Column("entity_idx", Integer, primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    _analysis_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("speaker", Text, nullable=True),
    Column("speaker_entity", Text, nullable=True),
    Column("speaker_start", Integer, nullable=True),
    Column("speaker_end", Integer, nullable=True),
    Column("cue", Text, nullable=True),
    Column("cue_start", Integer, nullable=True),
    Column("cue_end", Integer, nullable=True),
    Column("via", Text, nullable=True),
    Index("ix_quotes_speaker", "speaker"),
)

time_refs = Table(
    "time_refs",
    metadata,
    _analysis_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("value", Text, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    _analysis_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("time_refs", JSON, nullable=False),
    Column("entities", JSON, nullable=False),
)

technique_spans = Table(
    "technique_spans",
    metadata,
    _analysis_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("technique", Text, nullable=False),
    Column("score", Float, nullable=False),
    Index("ix_technique_spans_technique", "technique"),
)

LAYER_TABLES = (entities, mentions, quotes, time_refs, claims, technique_spans)
