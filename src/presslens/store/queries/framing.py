"""How the corpus casts one entity: every entity row of a latest analysis that names it (by
name or alias, case aside), with its article's outlet and month, and the article texts the
evidence sentences are cut from."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import String, and_, cast, func, or_, select

from presslens.store.filters import Filters, filter_conditions, like_pattern, month_of_published, outlet_name
from presslens.store.joins import layer_base
from presslens.store.queries import Queries
from presslens.store.schema import articles, entities


def _spellings(name: str) -> set[str]:
    """The forms of `name` a case-blind SQL test must accept: SQLite's lower() folds only
    ASCII letters, PostgreSQL's folds all."""
    forms = {name, name.lower(), name.upper(), name.title(), name.casefold()}
    return forms | {"".join(c.lower() if c.isascii() else c for c in form) for form in forms}


def _candidate_conditions(name: str) -> list:
    """Two SQL tests that together find a superset of the rows naming the entity: by name
    (indexed), and by alias among the rows the first leaves out."""
    forms = _spellings(name)
    by_name = func.lower(entities.c.name).in_(sorted(forms))
    # Aliases are stored as JSON text: a name is there as its JSON string, quotes included.
    aliases = func.lower(cast(entities.c.aliases, String))
    patterns = sorted({like_pattern(json.dumps(form)) for form in forms})  # one for most names: case folds away
    by_alias = or_(*(aliases.like(pattern, escape="\\") for pattern in patterns))
    return [by_name, and_(~by_name, by_alias)]


def _names_entity(row: Any, folded: str) -> bool:
    aliases = row.aliases if isinstance(row.aliases, list) else []
    return row.name.casefold() == folded or any(isinstance(a, str) and a.casefold() == folded for a in aliases)


class FramingQueries(Queries):
    def entity_rows(self, name: str, filters: Filters) -> list[Any]:
        """Every entity row of a latest analysis of the articles matching `filters` whose name or
        an alias is `name` (case aside), with its article's id, title, date, outlet and month."""
        conds = filter_conditions(self._dialect, filters)
        columns = (entities.c.analysis_id, entities.c.key, entities.c.name, entities.c.type, entities.c.aliases,
                   entities.c.framing, articles.c.id.label("article_id"), articles.c.title, articles.c.published,
                   outlet_name().label("outlet"), month_of_published().label("month"))
        folded = name.casefold()
        found: dict[tuple[int, str], Any] = {}
        with self._store.bounded_connection() as conn:
            # Two statements rather than one OR, so the name test keeps its index.
            for condition in _candidate_conditions(name):
                stmt = select(*columns).select_from(layer_base(entities)).where(and_(condition, *conds))
                for row in conn.execute(stmt):
                    if _names_entity(row, folded):
                        found[(row.analysis_id, row.key)] = row
        return list(found.values())

    def texts(self, ids: set[str]) -> dict[str, str]:
        """The texts of these articles, by id, within the query time limit."""
        if not ids:
            return {}
        with self._store.bounded_connection() as conn:
            return dict(conn.execute(select(articles.c.id, articles.c.text)
                                     .where(articles.c.id.in_(sorted(ids)))).all())
