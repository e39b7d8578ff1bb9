"""Entities across the corpus: the most mentioned."""

from __future__ import annotations

from dataclasses import dataclass

from presslens.corpus.paging import check_limit
from presslens.store import Store
from presslens.store.filters import Filters


@dataclass
class EntityCount:
    name: str
    type: str
    mentions: int
    articles: int


def top_entities(store: Store, filters: Filters, limit: int = 20) -> list[EntityCount]:
    check_limit(limit)
    return [EntityCount(name=r.name, type=r.type, mentions=int(r.mentions), articles=r.articles)
            for r in store.entities.top(filters, limit)]
