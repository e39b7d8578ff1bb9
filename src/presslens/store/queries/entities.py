"""Entities: the most mentioned across the matching articles."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, desc, func, select

from presslens.store.filters import Filters, filter_conditions
from presslens.store.joins import layer_base
from presslens.store.queries import Queries
from presslens.store.schema import articles, entities


class EntityQueries(Queries):
    def top(self, filters: Filters, limit: int) -> list[Any]:
        """(name, type, mentions, articles) of the most mentioned entities, by name and type."""
        n_mentions = func.sum(entities.c.mentions).label("mentions")
        stmt = (
            select(entities.c.name, entities.c.type, n_mentions,
                   func.count(func.distinct(articles.c.id)).label("articles"))
            .select_from(layer_base(entities))
            .where(and_(True, *filter_conditions(self._dialect, filters)))
            .group_by(entities.c.name, entities.c.type).order_by(desc(n_mentions), entities.c.name).limit(limit)
        )
        return self._rows(stmt)
