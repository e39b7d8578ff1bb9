"""Stories: those that match the filters, newest first, and their members, most central first
(the stories are worked out by `presslens stories build`, store/stories.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import desc, nulls_last, select

from presslens.store.joins import articles_with_outlet
from presslens.store.queries import Queries
from presslens.store.schema import articles, outlets, stories, story_members

CHUNK = 500  # story ids per statement: SQLite caps the parameters of one


class StoryQueries(Queries):
    def matching(self, outlet: str | None = None, since: date | None = None, min_outlets: int = 0,
                 limit: int | None = None, story_id: str | None = None) -> list:
        """Story rows with an article from `outlet`, a last article on or after `since`, and
        articles from at least `min_outlets` outlets (or the one story `story_id`); latest first
        (undated last), then largest."""
        stmt = select(stories)
        if story_id is not None:
            stmt = stmt.where(stories.c.id == story_id)
        if outlet is not None:
            stmt = stmt.where(stories.c.id.in_(
                select(story_members.c.story_id)
                .select_from(story_members.join(articles, articles.c.id == story_members.c.article_id)
                             .join(outlets, outlets.c.id == articles.c.outlet_id))
                .where(outlets.c.name == outlet)))
        if since is not None:
            stmt = stmt.where(stories.c.last >= since)
        if min_outlets:
            stmt = stmt.where(stories.c.outlets >= min_outlets)
        stmt = stmt.order_by(nulls_last(desc(stories.c.last)), desc(stories.c.articles), stories.c.id).limit(limit)
        return self._rows(stmt)

    def members(self, story_ids: list[str]) -> list:
        """(story_id, article_id, centrality, published, outlet, title) of these stories, most central first."""
        found = []
        for start in range(0, len(story_ids), CHUNK):
            found += self._rows(self._members_of(story_ids[start : start + CHUNK]))
        return found

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article is in, or None (not placed yet)."""
        rows = self._rows(select(story_members.c.story_id).where(story_members.c.article_id == article_id))
        return rows[0].story_id if rows else None

    @staticmethod
    def _members_of(story_ids: list[str]):
        return (select(story_members.c.story_id, story_members.c.article_id, story_members.c.centrality,
                       articles.c.published, outlets.c.name.label("outlet"), articles.c.title)
                .select_from(articles_with_outlet().join(story_members, story_members.c.article_id == articles.c.id))
                .where(story_members.c.story_id.in_(story_ids))
                .order_by(story_members.c.story_id, desc(story_members.c.centrality), story_members.c.article_id))
