"""Filters (outlet, dates, technique, speaker, entity) as SQL conditions on articles."""

from __future__ import annotations

from sqlalchemy import String, and_, cast, exists, func, literal, select

from presslens.store.schema import analyses, articles, entities, entity_people, outlets, people, quotes, technique_spans

_FILTER_SPEAKER = entities.alias("filter_speaker")

UNKNOWN_OUTLET = "(unknown)"
UNDATED = "undated"


def like_pattern(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def latest_of_article():
    """Condition joining analyses to the article row, newest analysis only."""
    return and_(analyses.c.article_id == articles.c.id, analyses.c.latest.is_(True))


def _has_layer_row(table, condition):
    return exists(
        select(literal(1)).select_from(analyses.join(table, table.c.analysis_id == analyses.c.id))
        .where(and_(latest_of_article(), condition))
    )


def article_conditions(filters) -> list:
    """SQL conditions over `articles` for a corpus.Filters (query aside)."""
    conds = []
    if filters.outlets:
        names = [o.lower() for o in filters.outlets]
        conds.append(articles.c.outlet_id.in_(select(outlets.c.id).where(func.lower(outlets.c.name).in_(names))))
    if filters.since:
        conds.append(articles.c.published >= filters.since)
    if filters.until:
        conds.append(articles.c.published <= filters.until)
    if filters.technique:
        conds.append(_has_layer_row(technique_spans, func.lower(technique_spans.c.technique) == filters.technique.lower()))
    if filters.speaker:
        conds.append(_has_layer_row(quotes, _speaker_matches(like_pattern(filters.speaker))))
    if filters.entity:
        pattern = like_pattern(filters.entity)
        conds.append(_has_layer_row(entities, func.lower(entities.c.name).like(pattern, escape="\\")
                                    | func.lower(cast(entities.c.aliases, String)).like(pattern, escape="\\")))
    return conds


def _speaker_matches(pattern: str):
    """A quote whose speaker as written, or the person across the corpus its speaker is
    (docs/people.md), has a name matching `pattern`."""
    speaker = _FILTER_SPEAKER
    by_person = exists(
        select(literal(1))
        .select_from(speaker.join(entity_people, and_(entity_people.c.analysis_id == speaker.c.analysis_id,
                                                      entity_people.c.entity_idx == speaker.c.idx))
                     .join(people, people.c.id == entity_people.c.person_id))
        .where(and_(speaker.c.analysis_id == quotes.c.analysis_id, speaker.c.key == quotes.c.speaker_entity,
                    func.lower(people.c.name).like(pattern, escape="\\")))
    )
    return func.lower(quotes.c.speaker).like(pattern, escape="\\") | by_person


def outlet_name():
    return func.coalesce(outlets.c.name, UNKNOWN_OUTLET)


def month_of_published():
    """'YYYY-MM' of the publication date, or 'undated'."""
    return func.coalesce(func.substr(cast(articles.c.published, String), 1, 7), UNDATED)
