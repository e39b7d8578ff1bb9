"""Entities across the corpus: the most mentioned."""

from __future__ import annotations

from dataclasses import dataclass

from presslens.analysis import described
from presslens.article import RESPONSE_SCHEMA_CONFIG
from presslens.corpus.paging import check_limit
from presslens.store import Store
from presslens.store.filters import Filters


@dataclass
class EntityCount:
    """An entity, or one person across the corpus (docs/people.md) with every entity linked to it."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    name: str = described("The entity's name; a person's best name (the full name its articles use most).")
    type: str
    mentions: int
    articles: int
    person_id: int | None = described("The person these mentions are linked to (/api/people/{id}), or null.",
                                      default=None)


def top_entities(store: Store, filters: Filters, limit: int = 20) -> list[EntityCount]:
    check_limit(limit)
    return [EntityCount(name=r.name, type=r.type, mentions=int(r.mentions), articles=r.articles,
                        person_id=r.person)
            for r in store.entities.top(filters, limit)]
