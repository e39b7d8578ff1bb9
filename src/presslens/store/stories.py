"""Stories in the store: what the clusterer reads back to carry on (the clustered articles with
their stories and kept vectors), the articles not yet in a story, and writing what a build
changed (docs/stories.md). Only the start of each text is read: the clusterer reads the lead."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from presslens.article import Article
from presslens.store.joins import articles_with_outlet
from presslens.store.schema import articles, outlets, stories, story_members

LEAD_CHARS = 2000  # enough for the title and lead the clusterer reads (features.lead_text)
READ_BATCH = 5000


@dataclass(frozen=True)
class StoredMember:
    """A clustered article as the store keeps it."""

    article: Article
    story_id: str
    embedding: bytes
    nearest: bytes


@dataclass(frozen=True)
class StoryChanges:
    """What one build writes: the changed stories (rows of `stories`), the new members (rows of
    `story_members`), the members that moved or were scored again ({article_id, story_id,
    centrality}), members whose nearest cosines rose ({article_id, nearest}), and the ids of
    stories merged into others."""

    stories: list[dict]
    new_members: list[dict]
    moved_members: list[dict]
    nearest: list[dict]
    removed: list[str]


def _lead_columns():
    return (articles.c.id, func.substr(articles.c.text, 1, LEAD_CHARS).label("text"), outlets.c.name.label("outlet"),
            articles.c.published, articles.c.title)


def _article(row) -> Article:
    return Article(text=row.text, outlet=row.outlet, published=row.published, title=row.title, id=row.id)


def stored_members(conn: Connection) -> Iterator[StoredMember]:
    """Every clustered article, in the order they were stored."""
    stmt = (select(*_lead_columns(), story_members.c.story_id, story_members.c.embedding, story_members.c.nearest)
            .select_from(articles_with_outlet().join(story_members, story_members.c.article_id == articles.c.id))
            .order_by(articles.c.seq))
    for row in conn.execute(stmt).yield_per(READ_BATCH):
        yield StoredMember(_article(row), row.story_id, row.embedding, row.nearest)


def unclustered(conn: Connection) -> list[Article]:
    """The stored articles in no story yet, dated first by date (a feed's order), then undated, by storage order."""
    stmt = (select(*_lead_columns()).select_from(articles_with_outlet()
                                                 .outerjoin(story_members, story_members.c.article_id == articles.c.id))
            .where(story_members.c.article_id.is_(None))
            .order_by(articles.c.published.is_(None), articles.c.published, articles.c.seq))
    return [_article(row) for row in conn.execute(stmt)]


def write(conn: Connection, changes: StoryChanges) -> None:
    """Writes one build's changes: stories first (members refer to them), merged-away ones last."""
    ids = [story["id"] for story in changes.stories]
    existing = set(conn.execute(select(stories.c.id).where(stories.c.id.in_(ids))).scalars()) if ids else set()
    if existing:
        conn.execute(update(stories).where(stories.c.id == bindparam("key")).values(
            **{name: bindparam(f"new_{name}") for name in ("label", "first", "last", "articles", "outlets")}),
            [{"key": s["id"], **{f"new_{k}": v for k, v in s.items() if k != "id"}}
             for s in changes.stories if s["id"] in existing])
    fresh = [story for story in changes.stories if story["id"] not in existing]
    if fresh:
        conn.execute(insert(stories), fresh)
    if changes.new_members:
        conn.execute(insert(story_members), changes.new_members)
    _update_members(conn, changes.moved_members, ("story_id", "centrality"))
    _update_members(conn, changes.nearest, ("nearest",))
    if changes.removed:
        conn.execute(delete(stories).where(stories.c.id.in_(changes.removed)))


def _update_members(conn: Connection, rows: Sequence[dict], columns: tuple[str, ...]) -> None:
    if rows:
        conn.execute(update(story_members).where(story_members.c.article_id == bindparam("key"))
                     .values(**{name: bindparam(f"new_{name}") for name in columns}),
                     [{"key": row["article_id"], **{f"new_{name}": row[name] for name in columns}} for row in rows])


def clear(conn: Connection) -> None:
    conn.execute(delete(story_members))
    conn.execute(delete(stories))
