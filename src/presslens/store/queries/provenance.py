"""Quote provenance: the groups of quotes that recur across articles, a quote's group (by its
id or by its words), and every appearance of a group, first published first (the groups are
worked out by store/quote_groups.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, desc, func, nulls_last, select

from presslens.store.filters import outlet_name
from presslens.store.queries import Queries
from presslens.store.queries.speakers import SPEAKER_PERSON, quotes_with_speaker_entity
from presslens.store.quote_similarity import Words, relate, shingles, text_key
from presslens.store.schema import analyses, articles, quote_appearances, quote_shingles, quote_wordings, quotes


@dataclass
class Recurring:
    grouped: int  # grouped quotes of the latest analyses
    articles: int  # the analysed articles holding them
    groups: int  # groups appearing in two or more articles
    recurring: int  # the appearances of those groups
    across_outlets: int  # of those groups, the ones appearing in two or more outlets
    top: list[Any]  # (group_id, appearances, articles, outlets, wordings) of the groups in the most outlets


def _grouped_quotes(*extra):
    """Each grouped quote of the latest analyses with its group, article, outlet, speaker and person."""
    return (
        select(articles.c.id.label("article"), outlet_name().label("outlet"), articles.c.published, quotes.c.speaker,
               quotes.c.text, quotes.c.idx, SPEAKER_PERSON.c.name.label("person"), *extra)
        .select_from(quotes_with_speaker_entity()
                     .join(quote_appearances, and_(quote_appearances.c.analysis_id == quotes.c.analysis_id,
                                                   quote_appearances.c.quote_idx == quotes.c.idx))
                     .join(quote_wordings, quote_wordings.c.id == quote_appearances.c.wording_id))
    )


# Earliest first; undated last; then by article and position, so the order is the same every time.
_FIRST_SEEN = (nulls_last(articles.c.published), articles.c.id, quotes.c.idx)


def _closest_group(conn, words: Words) -> int | None:
    """The group of the stored wording closest to `words` among those the rule relates to it."""
    found = conn.execute(
        select(quote_wordings.c.words, quote_wordings.c.group_id).distinct()
        .join(quote_shingles, quote_shingles.c.wording_id == quote_wordings.c.id)
        .where(quote_shingles.c.shingle.in_(sorted(shingles(words))))
    ).all()
    related = [(len(set(stored.split()) ^ set(words)), group) for stored, group in found
               if relate(words, tuple(stored.split()))]
    return min(related)[1] if related else None


class ProvenanceQueries(Queries):
    def recurring(self, limit: int) -> Recurring:
        """How many grouped quotes recur across articles, and the `limit` groups in the most
        outlets, then articles, then appearances."""
        grouped = (
            quote_appearances
            .join(quote_wordings, quote_wordings.c.id == quote_appearances.c.wording_id)
            .join(analyses, and_(analyses.c.id == quote_appearances.c.analysis_id, analyses.c.latest.is_(True)))
            .join(articles, articles.c.id == analyses.c.article_id)
        )
        n_articles = func.count(func.distinct(articles.c.id))
        per_group = (
            select(quote_wordings.c.group_id, func.count().label("appearances"), n_articles.label("articles"),
                   func.count(func.distinct(articles.c.outlet_id)).label("outlets"),
                   func.count(func.distinct(quote_wordings.c.id)).label("wordings"))
            .select_from(grouped).group_by(quote_wordings.c.group_id)
        )
        recurring = per_group.having(n_articles > 1).subquery("recurring")
        with self._store.engine.connect() as conn:
            totals = conn.execute(
                select(func.count(), func.count(func.distinct(articles.c.id))).select_from(grouped)
            ).one()
            counts = conn.execute(select(
                func.count(), func.coalesce(func.sum(recurring.c.appearances), 0),
                func.coalesce(func.sum(case((recurring.c.outlets > 1, 1), else_=0)), 0),
            ).select_from(recurring)).one()
            top = conn.execute(
                # outlets first: what travels, not an outlet's own boilerplate repeated in its stories
                select(recurring).order_by(desc(recurring.c.outlets), desc(recurring.c.articles),
                                           desc(recurring.c.appearances), recurring.c.group_id).limit(limit)
            ).all()
        # int(): PostgreSQL sums integers as numeric
        return Recurring(grouped=totals[0], articles=totals[1], groups=counts[0], recurring=int(counts[1]),
                         across_outlets=int(counts[2]), top=top)

    def quote(self, article_id: str, idx: int) -> tuple[Any | None, int | None]:
        """The quote `idx` of the article's latest analysis, (text, wording_id, analysis_id) with
        the last two null until it is grouped (the wording also for a short quote), and its group;
        (None, None) when there is no such quote."""
        with self._store.engine.connect() as conn:
            row = conn.execute(
                select(quotes.c.text, quote_appearances.c.wording_id, quote_appearances.c.analysis_id)
                .select_from(quotes.join(analyses, and_(analyses.c.id == quotes.c.analysis_id,
                                                        analyses.c.latest.is_(True)))
                             .outerjoin(quote_appearances, and_(quote_appearances.c.analysis_id == quotes.c.analysis_id,
                                                                quote_appearances.c.quote_idx == quotes.c.idx)))
                .where(and_(analyses.c.article_id == article_id, quotes.c.idx == idx))
            ).first()
            if row is None or row.wording_id is None:
                return row, None
            return row, conn.execute(select(quote_wordings.c.group_id)
                                     .where(quote_wordings.c.id == row.wording_id)).scalar_one()

    def group_of_words(self, words: Words) -> int | None:
        """The group of the stored wording that is `words`, else of the closest one the rule relates to them."""
        with self._store.engine.connect() as conn:
            group = conn.execute(select(quote_wordings.c.group_id)
                                 .where(quote_wordings.c.text_key == text_key(words))).scalar_one_or_none()
            if group is None:
                group = _closest_group(conn, words)
        return group

    def first_appearances(self, groups: list[int]) -> dict[int, Any]:
        """The first appearance of each of `groups`, in one query: a page of groups is one round trip."""
        if not groups:
            return {}
        rank = func.row_number().over(partition_by=quote_wordings.c.group_id, order_by=_FIRST_SEEN)
        ranked = (_grouped_quotes(quote_wordings.c.group_id, rank.label("rank"))
                  .where(quote_wordings.c.group_id.in_(groups)).subquery("ranked"))
        with self._store.engine.connect() as conn:
            return {row.group_id: row for row in conn.execute(select(ranked).where(ranked.c.rank == 1))}

    def appearances(self, group: int) -> list[Any]:
        """(article, outlet, published, speaker, text, idx, person, title) of every appearance of the
        group, first seen first."""
        stmt = _grouped_quotes(articles.c.title).where(quote_wordings.c.group_id == group).order_by(*_FIRST_SEEN)
        return self._rows(stmt)
