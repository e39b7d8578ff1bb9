"""Entities: the most mentioned across the matching articles, one row per person."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, desc, func, select

from presslens.store.filters import Filters, filter_conditions
from presslens.store.joins import layer_base
from presslens.store.queries import Queries
from presslens.store.schema import articles, entities, entity_people, people


class EntityQueries(Queries):
    def top(self, filters: Filters, limit: int) -> list[Any]:
        """(name, type, person, mentions, articles) of the most mentioned entities. Entities
        linked to one person across the corpus (store/people.py: "Donald J. Trump", "Donald
        Trump") are one row under the person's name; the others, by name and type."""
        n_mentions = func.sum(entities.c.mentions).label("mentions")
        shown = func.coalesce(people.c.name, entities.c.name)
        linked = (
            layer_base(entities)
            .outerjoin(entity_people, and_(entity_people.c.analysis_id == entities.c.analysis_id,
                                           entity_people.c.entity_idx == entities.c.idx))
            .outerjoin(people, people.c.id == entity_people.c.person_id)
        )
        stmt = (
            select(shown.label("name"), entities.c.type, people.c.id.label("person"), n_mentions,
                   func.count(func.distinct(articles.c.id)).label("articles"))
            .select_from(linked)
            .where(and_(True, *filter_conditions(self._dialect, filters)))
            .group_by(people.c.id, shown, entities.c.type).order_by(desc(n_mentions), shown).limit(limit)
        )
        return self._rows(stmt)
