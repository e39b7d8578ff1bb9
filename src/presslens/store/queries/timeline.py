"""The timeline's statements: the key columns of every dated claim candidate matching the
filters, then the full rows of the claims of one page (corpus/timeline.py orders them)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import String, and_, cast, exists, func, literal, select, tuple_

from presslens.store.filters import Filters, filter_conditions, like_pattern
from presslens.store.joins import layer_base
from presslens.store.queries import Queries
from presslens.store.rows import batched
from presslens.store.schema import articles, claims, entities, outlets

CLAIMANT_ENTITY = entities.alias("claimant_entity")
FULL_ROWS_BATCH = 1000


class TimelineQueries(Queries):
    def _claim_conditions(self, filters: Filters, entity: str | None, claimant: str | None) -> list:
        # since/until bound the date referred to, not publication: the caller applies them.
        conds = [*filter_conditions(self._dialect, replace(filters, since=None, until=None)),
                 # A cheap superset of "has a dated time reference"; the caller decides exactly.
                 cast(claims.c.time_refs, String).like('%"date"%')]
        if claimant:
            conds.append(func.lower(claims.c.claimant).like(like_pattern(claimant), escape="\\"))
        if entity:
            pattern = like_pattern(entity)
            # An entity of the claim's own analysis whose id is in the claim's `entities` list.
            conds.append(exists(select(literal(1)).where(
                entities.c.analysis_id == claims.c.analysis_id,
                func.lower(entities.c.name).like(pattern, escape="\\")
                | func.lower(cast(entities.c.aliases, String)).like(pattern, escape="\\"),
                cast(claims.c.entities, String).like(literal('%"') + entities.c.key + literal('"%')),
            )))
        return conds

    def candidates(self, filters: Filters, entity: str | None, claimant: str | None) -> list[Any]:
        """(analysis_id, idx, time_refs, start, article_id, published) of every claim of a latest
        analysis that may be dated, of the articles matching the filters (dates aside), about
        an entity whose name or alias contains `entity` and by a claimant containing `claimant`."""
        keys = (
            select(claims.c.analysis_id, claims.c.idx, claims.c.time_refs, claims.c.start,
                   articles.c.id.label("article_id"), articles.c.published)
            .select_from(layer_base(claims)).where(and_(True, *self._claim_conditions(filters, entity, claimant)))
        )
        return self._rows(keys)

    def full_rows(self, keys: list[tuple[int, int]]) -> dict[tuple[int, int], Any]:
        """The full rows of these claims, by (analysis id, idx); read in batches, since SQLite
        caps the number of bound values in one statement."""
        columns = (claims.c.analysis_id, claims.c.idx, claims.c.text, claims.c.start, claims.c.end, claims.c.score,
                   claims.c.kind, claims.c.claimant, CLAIMANT_ENTITY.c.name.label("claimant_entity"),
                   outlets.c.name.label("outlet"), articles.c.id.label("article_id"), articles.c.title,
                   articles.c.published)
        base = layer_base(claims).outerjoin(CLAIMANT_ENTITY, and_(
            CLAIMANT_ENTITY.c.analysis_id == claims.c.analysis_id, CLAIMANT_ENTITY.c.key == claims.c.claimant_entity))
        found = {}
        for batch in batched(keys, FULL_ROWS_BATCH):
            stmt = select(*columns).select_from(base).where(tuple_(claims.c.analysis_id, claims.c.idx).in_(batch))
            found.update({(r.analysis_id, r.idx): r for r in self._rows(stmt)})
        return found
