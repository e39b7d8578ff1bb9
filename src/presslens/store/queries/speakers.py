"""Speakers: who is quoted most (by person across the corpus, else by linked entity, else as
written) and one speaker's quotes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, case, desc, func, nulls_last, select

from presslens.analyzers.quotes.speaker_names import NOT_NAMES
from presslens.store.filters import Filters, filter_conditions
from presslens.store.joins import layer_base
from presslens.store.queries import Queries
from presslens.store.schema import (
    articles,
    entities,
    entity_people,
    outlets,
    people,
    quotes,
)

SPEAKER_ENTITY = entities.alias("speaker_entity")
SPEAKER_LINK = entity_people.alias("speaker_link")
SPEAKER_PERSON = people.alias("speaker_person")


def quotes_with_speaker_entity():
    """Quotes of latest analyses, each joined to the entity its speaker was linked to (if any)
    and to that entity's person across the corpus (if any)."""
    return (
        layer_base(quotes)
        .outerjoin(SPEAKER_ENTITY, and_(SPEAKER_ENTITY.c.analysis_id == quotes.c.analysis_id,
                                        SPEAKER_ENTITY.c.key == quotes.c.speaker_entity))
        .outerjoin(SPEAKER_LINK, and_(SPEAKER_LINK.c.analysis_id == SPEAKER_ENTITY.c.analysis_id,
                                      SPEAKER_LINK.c.entity_idx == SPEAKER_ENTITY.c.idx))
        .outerjoin(SPEAKER_PERSON, SPEAKER_PERSON.c.id == SPEAKER_LINK.c.person_id)
    )


def _speaker_name():
    # A speaker counts under its person across the corpus, so "Donald Trump" in one article and
    # "President Trump" in another add up; else under its entity's name, so "Valen", "he" and
    # "the Leader" quoting one person in one article add up; else under the words used,
    # unless they name no one ("he", "It", "That"): such a speaker is unresolved, not a name.
    words = case((func.lower(quotes.c.speaker).in_(sorted(NOT_NAMES)), None), else_=quotes.c.speaker)
    return func.coalesce(SPEAKER_PERSON.c.name, SPEAKER_ENTITY.c.name, words)


class SpeakerQueries(Queries):
    def top(self, filters: Filters, limit: int, people_only: bool) -> list[Any]:
        """(name, entity_name, quotes, articles, person_id) of the most quoted speakers;
        `people_only`: only speakers linked to a PERSON entity."""
        name = _speaker_name().label("name")
        n_quotes = func.count().label("quotes")
        conds = [SPEAKER_ENTITY.c.type == "PERSON"] if people_only else []
        stmt = (
            select(name, func.max(SPEAKER_ENTITY.c.name).label("entity_name"), n_quotes,
                   func.count(func.distinct(articles.c.id)).label("articles"),
                   func.max(SPEAKER_PERSON.c.id).label("person_id"))
            .select_from(quotes_with_speaker_entity())
            .where(and_(_speaker_name().is_not(None), *conds, *filter_conditions(self._dialect, filters)))
            .group_by(name).order_by(desc(n_quotes), name).limit(limit)
        )
        return self._rows(stmt)

    def quotes(self, speaker: str, filters: Filters, limit: int, offset: int) -> list[Any]:
        """`limit` quotes from `offset` by the speaker `top` names `speaker` (case aside), newest articles first."""
        stmt = (
            select(articles.c.id.label("article_id"), outlets.c.name.label("outlet"), articles.c.published,
                   quotes.c.speaker, quotes.c.text, quotes.c.kind, quotes.c.start, quotes.c.end)
            .select_from(quotes_with_speaker_entity())
            .where(and_(func.lower(_speaker_name()) == speaker.lower(), *filter_conditions(self._dialect, filters)))
            .order_by(nulls_last(desc(articles.c.published)), articles.c.id, quotes.c.idx)
            .limit(limit).offset(offset)
        )
        return self._rows(stmt)
