"""The store's tables, as SQLAlchemy Core metadata.

Queries are written against these objects; the Alembic migrations under `migrations/`
create them (and the full-text index, which differs by database). Child rows of an
analysis keep its layer order in `idx`, so an Analysis reads back exactly as saved.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    func,
)

from presslens.analysis import Claim, Entity, Furniture, Mention, Quote, TechniqueSpan, TimeRef
from presslens.store.layer_tables import LayerTable

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


def _layer_table(layer: LayerTable) -> Table:
    analysis_id = Column("analysis_id", Integer, ForeignKey("analyses.id", ondelete="CASCADE"), primary_key=True)
    return Table(layer.name, metadata, analysis_id, *layer.columns(), *layer.indexes())


# Each layer of an Analysis, by its attribute, described once: the tables and the row
# mapping (store/rows.py) follow from these and the dataclasses. A new field needs only its
# migration; see docs/store.md.
MENTION_LAYER = LayerTable("mentions", Mention, keys=("entity_idx", "idx"))
SPAN_LAYERS = {
    "entities": LayerTable("entities", Entity, renamed={"id": "key"}, children={"mentions": MENTION_LAYER},
                           indexed=("name",)),
    "quotes": LayerTable("quotes", Quote, flattened={"speaker": "name", "cue": "text"}, indexed=("speaker",)),
    "time_refs": LayerTable("time_refs", TimeRef),
    "claims": LayerTable("claims", Claim, flattened={"claimant": "name"}, indexed=("claimant",)),
    "techniques": LayerTable("technique_spans", TechniqueSpan, indexed=("technique",)),
    "furniture": LayerTable("furniture", Furniture),
}

entities = _layer_table(SPAN_LAYERS["entities"])
mentions = _layer_table(MENTION_LAYER)
quotes = _layer_table(SPAN_LAYERS["quotes"])
time_refs = _layer_table(SPAN_LAYERS["time_refs"])
claims = _layer_table(SPAN_LAYERS["claims"])
technique_spans = _layer_table(SPAN_LAYERS["techniques"])
furniture = _layer_table(SPAN_LAYERS["furniture"])
# One entity across the corpus (corpus/framing.py) is looked up by its name, case folded.
Index("ix_entities_folded_name", func.lower(entities.c.name))

LAYER_TABLES = (entities, mentions, quotes, time_refs, claims, technique_spans, furniture)

# One person or organisation across the corpus (store/people.py, docs/people.md): `key` names
# it within its kind; `match_key` is the group its names are decided in (a folded surname, an
# organisation's folded name).
people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("match_key", Text, nullable=False),
    Column("name", Text, nullable=False),
    UniqueConstraint("kind", "key", name="uq_people_kind_key"),
    Index("ix_people_kind_match_key", "kind", "match_key"),
)

# The person each PERSON or ORG entity of a latest analysis is, or null, and why.
entity_people = Table(
    "entity_people",
    metadata,
    Column("analysis_id", Integer, ForeignKey("analyses.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_idx", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("match_key", Text, nullable=False),
    Column("person_id", Integer, ForeignKey("people.id"), nullable=True),
    Column("reason", Text, nullable=False),
    Index("ix_entity_people_kind_match_key", "kind", "match_key"),
    Index("ix_entity_people_person_id", "person_id"),
)

# Quote provenance (store/quote_groups.py, docs/quotes.md): each distinct wording of a quote
# (its folded words, keyed by their hash), the group of wordings it belongs to, its shingles
# (the index that proposes pairs to compare) and the quotes of latest analyses worded so.
quote_wordings = Table(
    "quote_wordings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("text_key", Text, nullable=False, unique=True),
    Column("words", Text, nullable=False),
    Column("group_id", Integer, nullable=False),
    Index("ix_quote_wordings_group_id", "group_id"),
)

quote_shingles = Table(
    "quote_shingles",
    metadata,
    Column("shingle", BigInteger, primary_key=True),
    Column("wording_id", Integer, ForeignKey("quote_wordings.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_quote_shingles_wording_id", "wording_id"),
)

# wording_id is null for a quote under MIN_WORDS words; a wording no row names any more
# (its analyses superseded or deleted) is how grouping finds the groups to work out again.
quote_appearances = Table(
    "quote_appearances",
    metadata,
    Column("analysis_id", Integer, ForeignKey("analyses.id", ondelete="CASCADE"), primary_key=True),
    Column("quote_idx", Integer, primary_key=True),
    Column("wording_id", Integer, ForeignKey("quote_wordings.id"), nullable=True),
    Index("ix_quote_appearances_wording_id", "wording_id"),
)


# Stories (presslens/stories/, store/stories.py, docs/stories.md): each story with its label,
# date span and counts (kept beside the members so that listing and filtering read one row), and
# each clustered article with its story and what the clusterer needs to place later articles.
stories = Table(
    "stories",
    metadata,
    Column("id", Text, primary_key=True),
    Column("label", Text, nullable=False),
    Column("first", Date, nullable=True),
    Column("last", Date, nullable=True),
    Column("articles", Integer, nullable=False),
    Column("outlets", Integer, nullable=False),
    Index("ix_stories_last", "last"),
)

story_members = Table(
    "story_members",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", Text, ForeignKey("stories.id"), nullable=False, index=True),
    Column("centrality", Float, nullable=False),
    Column("embedding", LargeBinary, nullable=False),  # float32 bytes: the sentence embedding
    Column("nearest", LargeBinary, nullable=False),  # float32 bytes: cosines to its nearest articles
)
