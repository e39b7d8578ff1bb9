"""The corpus at a glance: articles and analysed articles per month, the biggest outlets and
the techniques with the most spans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import desc, func, select

from presslens.store.filters import month_of_published
from presslens.store.joins import latest_analysed
from presslens.store.queries import Queries
from presslens.store.queries.listings import outlet_summaries
from presslens.store.schema import analyses, articles, technique_spans


@dataclass
class Counts:
    articles: dict[str, int]  # per month ("undated" too): all articles
    analysed: dict[str, int]  # per month: the analysed ones
    biggest: list[Any]  # the outlets with the most articles, each row with how many outlets there are ("total")
    techniques: list[Any]  # (technique, spans, articles) over the latest analyses, most spans first


class OverviewQueries(Queries):
    def counts(self, top: int) -> Counts:
        month = month_of_published().label("month")
        # Counted apart and merged by the caller: all articles from the published index
        # alone, the analysed ones from the analyses.
        per_month = select(month, func.count().label("n")).group_by(month)
        analysed_rows, latest = latest_analysed()
        outlets_stmt, name, n_articles = outlet_summaries()
        biggest = (outlets_stmt.add_columns(func.count().over().label("total"))
                   .order_by(desc(n_articles), name).limit(top))
        n_spans = func.count().label("spans")
        techniques = (
            select(technique_spans.c.technique, n_spans,
                   func.count(func.distinct(analyses.c.article_id)).label("articles"))
            .select_from(analyses.join(technique_spans, technique_spans.c.analysis_id == analyses.c.id))
            .where(analyses.c.latest.is_(True))
            .group_by(technique_spans.c.technique).order_by(desc(n_spans), technique_spans.c.technique)
        )
        with self._store.engine.connect() as conn:
            return Counts(
                articles=dict(conn.execute(per_month.select_from(articles)).all()),
                analysed=dict(conn.execute(per_month.select_from(analysed_rows).where(latest)).all()),
                biggest=conn.execute(biggest).all(),
                techniques=conn.execute(techniques).all(),
            )
