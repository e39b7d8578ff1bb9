"""Listings: articles newest first (or a page of ranked matches), and outlets with their
article counts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, desc, func, nulls_last, select

from presslens.store.filters import Filters, article_conditions, like_pattern, outlet_name
from presslens.store.joins import articles_with_outlet, latest_analysed
from presslens.store.queries import Queries
from presslens.store.queries.search import analysed, count_layer
from presslens.store.schema import articles, outlets, quotes, technique_spans


def outlet_summaries():
    """Per outlet: articles, analysed articles, first and last publication dates. Each count
    groups by outlet id alone, which SQLite reads from the (outlet_id, published) index
    without touching the article rows and their text."""
    totals = (
        select(articles.c.outlet_id, func.count().label("articles"), func.min(articles.c.published).label("first"),
               func.max(articles.c.published).label("last"))
        .group_by(articles.c.outlet_id).subquery("totals")
    )
    analysed_rows, latest = latest_analysed()
    done = (select(articles.c.outlet_id, func.count().label("analysed")).select_from(analysed_rows).where(latest)
            .group_by(articles.c.outlet_id).subquery("done"))
    name = outlet_name().label("name")
    stmt = (
        select(name, totals.c.articles, func.coalesce(done.c.analysed, 0).label("analysed"), totals.c.first,
               totals.c.last)
        .select_from(totals.outerjoin(outlets, outlets.c.id == totals.c.outlet_id)
                     .outerjoin(done, done.c.outlet_id.is_not_distinct_from(totals.c.outlet_id)))
    )
    return stmt, name, totals.c.articles


class ListingQueries(Queries):
    def _article_summaries(self, filters: Filters):
        return (
            select(articles.c.id, articles.c.title, outlets.c.name.label("outlet"), articles.c.published,
                   articles.c.words, analysed().label("analysed"),
                   count_layer(technique_spans).label("techniques"), count_layer(quotes).label("quotes"))
            .select_from(articles_with_outlet())
            .where(and_(True, *article_conditions(filters)))
        )

    def newest_articles(self, filters: Filters, limit: int, offset: int) -> list[Any]:
        """`limit` articles from `offset`, newest first (undated last), with whether each is
        analysed and its technique and quote counts."""
        stmt = (self._article_summaries(filters)
                .order_by(nulls_last(desc(articles.c.published)), desc(articles.c.seq)).limit(limit).offset(offset))
        return self._rows(stmt)

    def article_summaries(self, filters: Filters, seqs: list[int]) -> dict[int, Any]:
        """The rows `newest_articles` gives, of the articles `seqs`, by seq."""
        stmt = self._article_summaries(filters).add_columns(articles.c.seq).where(articles.c.seq.in_(seqs))
        return {r.seq: r for r in self._rows(stmt)}

    def outlets(self) -> list[Any]:
        """Every outlet by name, with its articles, analysed articles and first and last dates."""
        stmt, name, _ = outlet_summaries()
        return self._rows(stmt.order_by(name))

    def outlets_page(self, contains: str | None, limit: int, offset: int) -> tuple[list[Any], int]:
        """The `limit` outlets from `offset` whose name contains `contains` (ignoring case), by
        name, and how many match in all."""
        stmt, name, _ = outlet_summaries()
        if contains and contains.strip():
            stmt = stmt.where(func.lower(outlet_name()).like(like_pattern(contains.strip()), escape="\\"))
        # the number of groups, counted after grouping, on every row of the page
        stmt = stmt.add_columns(func.count().over().label("total")).order_by(name).limit(limit).offset(offset)
        rows = self._rows(stmt)
        if rows:
            return rows, rows[0].total
        past_end = self._rows(stmt.limit(1).offset(0)) if offset else []
        return [], past_end[0].total if past_end else 0

    def unknown_outlets(self, names: list[str]) -> list[str]:
        """Those of `names` that no stored outlet is called (ignoring case, as the outlet filter
        matches), in the order given."""
        lowered = func.lower(outlets.c.name)
        stmt = select(lowered.label("name")).where(lowered.in_([n.lower() for n in names]))
        stored = {r.name for r in self._rows(stmt)}
        return [n for n in names if n.lower() not in stored]
