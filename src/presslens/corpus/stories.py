"""Stories across the corpus: building them from the stored articles (incrementally: only
articles in no story yet are placed), listing them, and one story in full (docs/stories.md)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

import numpy as np

from presslens.errors import InputError, NotFoundError
from presslens.store import Store
from presslens.store.stories import StoryChanges
from presslens.stories.clusterer import KnownArticle, StoryClusterer, StorySettings
from presslens.stories.story import Story, StoryMember


@dataclass(frozen=True)
class StoryBuild:
    placed: int  # articles placed in this run
    stories: int  # stories changed or started in this run
    merged: int  # stories merged into others in this run
    seconds: float


def build_stories(store: Store, rebuild: bool = False, settings: StorySettings | None = None) -> StoryBuild:
    """Places every stored article that is in no story yet (every article again with `rebuild`)
    and writes the stories that changed."""
    started = time.perf_counter()
    known, new = store.story_state()
    if rebuild:
        new = sorted([member.article for member in known] + new,
                     key=lambda a: (a.published is None, a.published or date.min))
        known = []
    clusterer = StoryClusterer(settings)
    clusterer.resume([KnownArticle(m.article, m.story_id, np.frombuffer(m.embedding, np.float32),
                                   np.frombuffer(m.nearest, np.float32)) for m in known])
    embeddings = clusterer.embeddings_for(new) if new else None
    clusterer.add(new, embeddings)
    merged = clusterer.merged
    changes = _changes(clusterer, new, embeddings, {m.article.id for m in known}, merged)
    store.save_stories(changes, rebuild=rebuild)
    return StoryBuild(len(new), len(changes.stories), len(merged), round(time.perf_counter() - started, 1))


def _changes(clusterer: StoryClusterer, new, embeddings, known_ids: set[str], merged: dict[str, str]) -> StoryChanges:
    changed = clusterer.stories(changed_only=True)
    embedding_of = {article.id: vector for article, vector in zip(new, embeddings if embeddings is not None else [])}
    new_members, moved = [], []
    for story in changed:
        for member in story.members:
            row = {"article_id": member.article_id, "story_id": story.id, "centrality": member.centrality}
            if member.article_id in known_ids:
                moved.append(row)
            else:
                new_members.append({**row, "embedding": np.asarray(embedding_of[member.article_id], np.float32)
                                    .tobytes(), "nearest": clusterer.nearest(member.article_id).tobytes()})
    raised = [{"article_id": article_id, "nearest": clusterer.nearest(article_id).tobytes()}
              for article_id in clusterer.raised() if article_id in known_ids]
    rows = [{"id": s.id, "label": s.label, "first": s.first, "last": s.last, "articles": len(s.members),
             "outlets": len(s.outlets)} for s in changed]
    return StoryChanges(rows, new_members, moved, raised, sorted(set(merged) - {s.id for s in changed}))


def list_stories(store: Store, outlet: str | None = None, since: date | None = None, min_outlets: int = 0,
                 limit: int | None = None) -> list[Story]:
    """Stories with an article from `outlet`, last dated on or after `since`, from at least
    `min_outlets` outlets; the latest first (undated last), then the largest."""
    if min_outlets < 0:
        raise InputError("min_outlets", "must be 0 or more")
    if limit is not None and limit < 1:
        raise InputError("limit", "must be at least 1")
    return _stories(store, store.stories.matching(outlet, since, min_outlets, limit))


def show_story(store: Store, story_id: str) -> Story:
    """One story with all its members, most central first; NotFoundError when there is none."""
    found = _stories(store, store.stories.matching(story_id=story_id))
    if not found:
        raise NotFoundError(f"no story {story_id!r} (see `presslens stories list`)")
    return found[0]


def _stories(store: Store, rows) -> list[Story]:
    members: dict[str, list[StoryMember]] = {row.id: [] for row in rows}
    for m in store.stories.members(list(members)):
        members[m.story_id].append(StoryMember(m.article_id, m.centrality, m.published, m.outlet, m.title))
    return [Story.of(row.id, tuple(members[row.id])) for row in rows]
