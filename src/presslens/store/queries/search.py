"""Full-text search: the articles matching a parsed query and the other filters, best first,
how many match, and the rows a search hit shows (SQLite FTS5 in the index file, PostgreSQL
tsvector)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Select, and_, column, desc, func, literal_column, select, table, text

from presslens.store import fulltext, search_index
from presslens.store.filters import Filters, article_conditions
from presslens.store.joins import article_columns, articles_with_outlet, latest_of_article
from presslens.store.queries import Queries
from presslens.store.schema import analyses, articles, quotes, technique_spans

# SQLite's FTS5 index over article titles and text, in the attached index file (not in metadata).
ARTICLES_FTS = table(search_index.TABLE, column("rowid"), schema=search_index.SCHEMA)


def count_layer(table):
    """The rows of one layer in the article's latest analysis."""
    return (
        select(func.count()).select_from(analyses.join(table, table.c.analysis_id == analyses.c.id))
        .where(latest_of_article()).scalar_subquery()
    )


def analysed():
    """Whether the article has an analysis."""
    return select(analyses.c.id).where(latest_of_article()).exists()


@dataclass
class Matches:
    """One page of a search: (seq, score) of each match best first (a higher score is a better
    match), the matches counted up to a cap and how many of those are analysed, and the shown
    articles' rows by seq."""

    ranked: list[Any]
    total: int
    analysed: int
    articles: dict[int, Any]


@dataclass
class Ranked:
    """One match: its article's seq and its score, higher for a better match."""

    seq: int
    score: float


class SearchQueries(Queries):
    def _ranked(self, filters: Filters, parsed: fulltext.ParsedQuery) -> Select:
        """(seq, score) of the articles matching the parsed query and the other filters, best first."""
        conds = article_conditions(filters)
        if self._dialect == "sqlite":
            # bm25 is lower for better matches; titles weigh four times the body. Ranking
            # reads the index alone: filters become a set of row ids, so no article row
            # is touched for the thousands of matches a common word has. The unary + keeps
            # SQLite from handing the IN list to FTS5, which would run the match per row id.
            score = literal_column("bm25(articles_fts, 4.0, 1.0)")
            stmt = (
                select(ARTICLES_FTS.c.rowid.label("seq"), score.label("score"))
                .where(text("articles_fts MATCH :fts").bindparams(fts=fulltext.to_fts5(parsed)))
                .order_by(score, ARTICLES_FTS.c.rowid)
            )
            if conds:
                stmt = stmt.where(
                    literal_column("+articles_fts.rowid", Integer).in_(select(articles.c.seq).where(and_(*conds)))
                )
            return stmt
        tsquery = func.to_tsquery("english", fulltext.to_tsquery(parsed))
        tsv = literal_column("articles.tsv")
        score = func.ts_rank_cd(tsv, tsquery)
        return (
            select(articles.c.seq, score.label("score"))
            .where(tsv.op("@@")(tsquery), *conds)
            .order_by(desc(score), articles.c.seq)
        )

    def _scored(self, rows: list) -> list[Ranked]:
        # bm25 is lower for better matches; ts_rank_cd higher.
        sign = -1.0 if self._dialect == "sqlite" else 1.0
        return [Ranked(seq=r.seq, score=sign * float(r.score)) for r in rows]

    def ranked(self, filters: Filters, parsed: fulltext.ParsedQuery, limit: int, offset: int) -> list[Ranked]:
        """(seq, score) of `limit` matches from `offset`, best first, within the query time limit."""
        with self._store.bounded_connection() as conn:
            return self._scored(conn.execute(self._ranked(filters, parsed).limit(limit).offset(offset)).all())

    def matches(self, filters: Filters, parsed: fulltext.ParsedQuery, limit: int, offset: int,
                count_limit: int) -> Matches:
        """`limit` + 1 matches from `offset` (the last says whether there are more), the first
        `count_limit` + 1 matches counted, and the rows of the first `limit`, in one connection
        within the query time limit."""
        stmt = self._ranked(filters, parsed)
        # The total: the first count_limit + 1 matches in index order (no ranking),
        # joined to articles only to see which are analysed.
        counted = stmt.with_only_columns(stmt.selected_columns.seq).order_by(None).limit(count_limit + 1).subquery()
        count_stmt = select(func.count(), func.count(analyses.c.id)).select_from(
            counted.join(articles, articles.c.seq == counted.c.seq).outerjoin(analyses, latest_of_article()))
        stmt = stmt.limit(limit + 1).offset(offset)
        with self._store.bounded_connection() as conn:
            ranked = conn.execute(stmt).all()
            total, n_analysed = conn.execute(count_stmt).one()
            seqs = [r.seq for r in ranked[:limit]]
            found = {
                r.seq: r for r in conn.execute(
                    select(*article_columns(), analysed().label("analysed"),
                           count_layer(technique_spans).label("techniques"), count_layer(quotes).label("quotes"))
                    .select_from(articles_with_outlet()).where(articles.c.seq.in_(seqs))
                )
            } if seqs else {}
        return Matches(ranked=self._scored(ranked), total=total, analysed=n_analysed, articles=found)
