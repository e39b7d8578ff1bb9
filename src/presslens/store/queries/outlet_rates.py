"""Technique rates by outlet: per outlet and month, the analysed articles and their words, and
per technique its spans and the articles having one."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, select

from presslens.store.filters import Filters, filter_conditions, month_of_published, outlet_name
from presslens.store.joins import articles_with_outlet, latest_of_article
from presslens.store.queries import Queries
from presslens.store.schema import analyses, articles, technique_spans


class OutletRateQueries(Queries):
    def per_month(self, filters: Filters) -> tuple[list[Any], list[Any]]:
        """Over the analysed articles matching `filters`: (outlet, month, articles, words) per
        outlet and month, and (outlet, month, technique, spans, with_technique) per technique."""
        outlet, month = outlet_name().label("outlet"), month_of_published().label("month")
        conds = and_(True, *filter_conditions(self._dialect, filters))
        base = articles_with_outlet().join(analyses, latest_of_article())
        totals = (
            select(outlet, month, func.count().label("articles"),
                   func.coalesce(func.sum(articles.c.words), 0).label("words"))
            .select_from(base).where(conds).group_by(outlet, month)
        )
        spans = (
            select(outlet, month, technique_spans.c.technique, func.count().label("spans"),
                   func.count(func.distinct(articles.c.id)).label("with_technique"))
            .select_from(base.join(technique_spans, technique_spans.c.analysis_id == analyses.c.id))
            .where(conds).group_by(outlet, month, technique_spans.c.technique)
        )
        with self._store.engine.connect() as conn:
            return conn.execute(totals).all(), conn.execute(spans).all()
