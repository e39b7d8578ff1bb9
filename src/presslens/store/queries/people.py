"""People across the corpus: the people (or organisations) most quoted and named, one person's
links, quotes and names, and the names left unlinked (the links are made by store/people.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, and_, cast, desc, func, select

from presslens.store.filters import Filters, filter_conditions, like_pattern, month_of_published, outlet_name
from presslens.store.queries import Queries
from presslens.store.schema import analyses, articles, entities, entity_people, outlets, people, quotes

SPEAKER = entities.alias("speaker")


def _linked_base():
    """Links of latest analyses, each with its entity and its article (and outlet)."""
    return (
        entity_people
        .join(entities, and_(entities.c.analysis_id == entity_people.c.analysis_id,
                             entities.c.idx == entity_people.c.entity_idx))
        .join(analyses, and_(analyses.c.id == entity_people.c.analysis_id, analyses.c.latest.is_(True)))
        .join(articles, articles.c.id == analyses.c.article_id)
        .outerjoin(outlets, outlets.c.id == articles.c.outlet_id)
    )


def _quoted_base():
    """Quotes of latest analyses whose speaker entity is linked, with their article (and outlet)."""
    return (
        quotes
        .join(SPEAKER, and_(SPEAKER.c.analysis_id == quotes.c.analysis_id, SPEAKER.c.key == quotes.c.speaker_entity))
        .join(entity_people, and_(entity_people.c.analysis_id == SPEAKER.c.analysis_id,
                                  entity_people.c.entity_idx == SPEAKER.c.idx))
        .join(analyses, and_(analyses.c.id == quotes.c.analysis_id, analyses.c.latest.is_(True)))
        .join(articles, articles.c.id == analyses.c.article_id)
        .outerjoin(outlets, outlets.c.id == articles.c.outlet_id)
    )


class PeopleQueries(Queries):
    def names(self, ids: list[int]) -> list[Any]:
        """(person_id, kind, match_key, person, name, aliases) of every entity linked to these people."""
        stmt = (select(entity_people.c.person_id, entity_people.c.kind, entity_people.c.match_key,
                       people.c.name.label("person"), entities.c.name, entities.c.aliases)
                .select_from(_linked_base().join(people, people.c.id == entity_people.c.person_id))
                .where(entity_people.c.person_id.in_(ids)))
        return self._rows(stmt)

    def ranked(self, filters: Filters, kind: str, limit: int, offset: int, name: str) -> list[Any]:
        """(id, name, quotes, articles, outlets) of `limit` people of `kind` from `offset`, over the
        analysed articles matching `filters`: most quoted first, then most named; only those
        whose name holds `name` (case aside), when given."""
        conds = filter_conditions(self._dialect, filters)
        named = (
            select(entity_people.c.person_id, func.count(func.distinct(articles.c.id)).label("articles"),
                   func.count(func.distinct(articles.c.outlet_id)).label("outlets"))
            .select_from(_linked_base())
            .where(and_(entity_people.c.person_id.is_not(None), entity_people.c.kind == kind, *conds))
            .group_by(entity_people.c.person_id).subquery("named")
        )
        quoted = (
            select(entity_people.c.person_id, func.count().label("quotes")).select_from(_quoted_base())
            .where(and_(entity_people.c.person_id.is_not(None), entity_people.c.kind == kind, *conds))
            .group_by(entity_people.c.person_id).subquery("quoted")
        )
        n_quotes = func.coalesce(quoted.c.quotes, 0)
        stmt = (
            select(people.c.id, people.c.name, n_quotes.label("quotes"), named.c.articles, named.c.outlets)
            .select_from(people.join(named, named.c.person_id == people.c.id)
                         .outerjoin(quoted, quoted.c.person_id == people.c.id))
            .order_by(desc(n_quotes), desc(named.c.articles), people.c.name, people.c.id).limit(limit).offset(offset)
        )
        if name:
            stmt = stmt.where(func.lower(people.c.name).like(like_pattern(name), escape="\\"))
        return self._rows(stmt)

    def with_id(self, person_id: int, kinds: list[str]) -> int | None:
        """`person_id` when a person of one of `kinds` has it, else None."""
        found = self._rows(select(people.c.id).where(and_(people.c.id == person_id, people.c.kind.in_(kinds))))
        return found[0].id if found else None

    def named(self, asked: str, kind: str) -> list[int]:
        """The people of `kind` whose display name, else one of whose entities' names, is `asked` (case aside)."""
        folded = asked.casefold()
        by_name = self._rows(select(people.c.id, people.c.name).where(
            and_(people.c.kind == kind, func.lower(people.c.name) == asked.lower())))
        exact = [r.id for r in by_name if r.name.casefold() == folded]
        if exact:
            return sorted(exact)
        stmt = (select(entity_people.c.person_id, entities.c.name).distinct().select_from(_linked_base())
                .where(and_(entity_people.c.person_id.is_not(None), entity_people.c.kind == kind,
                            func.lower(entities.c.name) == asked.lower())))
        return sorted({r.person_id for r in self._rows(stmt) if r.name.casefold() == folded})

    def by_alias(self, asked: str, kind: str) -> list[int]:
        """The people of `kind` one of whose entities an article also called `asked` (case aside)."""
        # no DISTINCT: PostgreSQL has no equality for json, and the set below folds repeats
        stmt = (select(entity_people.c.person_id, entities.c.aliases).select_from(_linked_base())
                .where(and_(entity_people.c.person_id.is_not(None), entity_people.c.kind == kind,
                            func.lower(cast(entities.c.aliases, String)).like(like_pattern(asked), escape="\\"))))
        folded = asked.casefold()
        return sorted({r.person_id for r in self._rows(stmt) if isinstance(r.aliases, list)
                       and any(isinstance(a, str) and a.casefold() == folded for a in r.aliases)})

    def unlinked_reasons(self, asked: str, kind: str) -> list[str]:
        """Why each entity of `kind` called `asked` (case aside) is left unlinked, one reason per entity."""
        stmt = (select(entities.c.name, entity_people.c.reason).select_from(_linked_base())
                .where(and_(entity_people.c.person_id.is_(None), entity_people.c.kind == kind,
                            func.lower(entities.c.name) == asked.lower())))
        return [r.reason for r in self._rows(stmt) if r.name.casefold() == asked.casefold()]

    def person(self, person_id: int) -> Any | None:
        """The `people` row of `person_id`, or None."""
        head = self._rows(select(people).where(people.c.id == person_id))
        return head[0] if head else None

    def links(self, person_id: int, filters: Filters) -> list[Any]:
        """(reason, name, framing, article_id, title, published, outlet, month) of every entity
        linked to the person, of the analysed articles matching `filters`."""
        outlet, month = outlet_name().label("outlet"), month_of_published().label("month")
        return self._rows(
            select(entity_people.c.reason, entities.c.name, entities.c.framing, articles.c.id.label("article_id"),
                   articles.c.title, articles.c.published, outlet, month)
            .select_from(_linked_base())
            .where(and_(entity_people.c.person_id == person_id, *filter_conditions(self._dialect, filters)))
        )

    def quotes_by_article(self, person_id: int, filters: Filters) -> list[Any]:
        """(article_id, outlet, month, quotes) per article of those matching `filters` quoting the person."""
        outlet, month = outlet_name().label("outlet"), month_of_published().label("month")
        return self._rows(
            select(articles.c.id.label("article_id"), outlet, month, func.count().label("quotes"))
            .select_from(_quoted_base())
            .where(and_(entity_people.c.person_id == person_id, *filter_conditions(self._dialect, filters)))
            .group_by(articles.c.id, outlet, month)
        )

    def unlinked(self, kind: str, match_key: str) -> list[Any]:
        """(name, reason, articles) of the entities of this group left unlinked, most articles first."""
        stmt = (
            select(entities.c.name, entity_people.c.reason,
                   func.count(func.distinct(articles.c.id)).label("articles"))
            .select_from(_linked_base())
            .where(and_(entity_people.c.kind == kind, entity_people.c.match_key == match_key,
                        entity_people.c.person_id.is_(None)))
            .group_by(entities.c.name, entity_people.c.reason).order_by(desc("articles"), entities.c.name)
        )
        return self._rows(stmt)
