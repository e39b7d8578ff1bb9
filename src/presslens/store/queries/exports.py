"""Export rows: every row of one kind (articles, a layer, or the framing of entities) matching
the filters, in storage order, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, Integer, and_, select

from presslens.analyzers.framing.roles import MAIN_ROLES as ROLES
from presslens.store.filters import Filters, filter_conditions
from presslens.store.joins import articles_with_outlet, layer_base
from presslens.store.queries import Queries
from presslens.store.schema import (
    analyses,
    articles,
    claims,
    entities,
    mentions,
    outlets,
    quotes,
    technique_spans,
)

EXPORTS = ("articles", "quotes", "techniques", "entities", "mentions", "claims", "framing")
_LAYERS = {"quotes": quotes, "techniques": technique_spans, "entities": entities, "mentions": mentions,
           "claims": claims}


def value_kind(sql_type: Any) -> str:
    """What a column of an export holds, for a writer that types its values: "bool", "int",
    "float", "date", "json" or "text"."""
    for kind, base in (("bool", Boolean), ("int", Integer), ("float", Float), ("date", Date), ("json", JSON)):
        if isinstance(sql_type, base):
            return kind
    return "text"


def _framing_statement(head, conds):
    """One row per entity that the framing analyzer cast (its framing has scores): its role,
    a score column per role, its fine roles and evidence spans (JSON)."""
    framing = entities.c.framing
    scores = [framing[("scores", role)].as_float().label(role.lower()) for role in ROLES]
    return (
        select(*head, analyses.c.version, entities.c.key.label("entity"), entities.c.name, entities.c.type,
               framing["role"].as_string().label("role"), *scores, framing["fine_roles"].label("fine_roles"),
               framing["evidence"].label("evidence"))
        .select_from(layer_base(entities)).where(conds, framing["scores"].as_string().is_not(None))
        .order_by(articles.c.seq, entities.c.idx)
    )


class ExportQueries(Queries):
    def _statement(self, what: str, filters: Filters):
        head = (articles.c.id.label("article_id"), outlets.c.name.label("outlet"), articles.c.published)
        conds = and_(True, *filter_conditions(self._dialect, filters))
        if what == "articles":
            return (select(articles.c.id, outlets.c.name.label("outlet"), articles.c.published, articles.c.url,
                           articles.c.title, articles.c.language, articles.c.words, articles.c.text)
                    .select_from(articles_with_outlet()).where(conds).order_by(articles.c.seq))
        if what == "framing":
            return _framing_statement(head, conds)
        table = _LAYERS[what]
        columns = [c for c in table.c if c.name != "analysis_id"]
        stmt = select(*head, analyses.c.version, *columns).select_from(layer_base(table)).where(conds)
        return stmt.order_by(articles.c.seq, *[c for c in table.primary_key.columns if c.name != "analysis_id"])

    def columns(self, what: str) -> list[tuple[str, Any]]:
        """(name, SQLAlchemy type) of every column `rows` yields for `what` (one of EXPORTS), in order."""
        return [(c.name, c.type) for c in self._statement(what, Filters()).selected_columns]

    def rows(self, what: str, filters: Filters) -> Iterator[dict[str, Any]]:
        """Every row of `what` (one of EXPORTS) matching the filters, streamed from the database in order."""
        stmt = self._statement(what, filters)
        with self._store.engine.connect() as conn:
            result = conn.execution_options(yield_per=1000).execute(stmt)
            for row in result:
                yield dict(row._mapping)
