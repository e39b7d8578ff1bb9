"""Questions asked of the whole corpus: search, listings, per-outlet rates, speakers, entities.

The CLI, the REST API and the web pages all call these functions. Every query reads the
latest stored analysis of each article. Results are plain dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, and_, column, desc, func, literal_column, nulls_last, select, table, text

from presslens.analysis import described
from presslens.article import RESPONSE_SCHEMA_CONFIG
from presslens.errors import InputError
from presslens.store import Store
from presslens.store import fulltext, search_index
from presslens.store.filters import article_conditions, latest_of_article, month_of_published, outlet_name
from presslens.store.repository import article_columns, articles_with_outlet
from presslens.store.schema import analyses, articles, claims, entities, mentions, outlets, quotes, technique_spans

# SQLite's FTS5 index over article titles and text, in the attached index file (not in metadata).
ARTICLES_FTS = table(search_index.TABLE, column("rowid"), schema=search_index.SCHEMA)
_FTS_ROWIDS = f"SELECT rowid FROM {search_index.SCHEMA}.{search_index.TABLE} WHERE {search_index.TABLE} MATCH :fts"
EXPORTS = ("articles", "quotes", "techniques", "entities", "mentions", "claims")


def filter_date(value: str | None, name: str) -> date | None:
    """A date filter as a user typed it (YYYY-MM-DD), or None when left empty."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(name, f"{value!r} is not a date (use YYYY-MM-DD)") from None


@dataclass
class Filters:
    query: str | None = None
    outlets: list[str] | None = None
    since: date | None = None
    until: date | None = None
    technique: str | None = None
    speaker: str | None = None
    entity: str | None = None


def query_filters(
    query: str | None = None, outlets: Iterable[str] | None = None, since: date | str | None = None,
    until: date | str | None = None, technique: str | None = None, speaker: str | None = None,
    entity: str | None = None,
) -> Filters:
    """Filters from query options as a front end has them: the CLI's strings or the
    server's parsed values. An empty value filters nothing; a date that is not
    YYYY-MM-DD is an InputError naming `since` or `until`."""
    return Filters(
        query=query or None, outlets=[o for o in outlets or () if o] or None,
        since=_date(since, "since"), until=_date(until, "until"),
        technique=technique or None, speaker=speaker or None, entity=entity or None,
    )


def _date(value: date | str | None, name: str) -> date | None:
    return value if isinstance(value, date) else filter_date(value, name)


@dataclass
class SearchHit:
    article_id: str
    title: str | None
    outlet: str | None
    published: date | None
    snippet: str = described("Plain text; escape it before showing it as HTML.")
    highlights: list[tuple[int, int]] = described("[start, end) offsets into the snippet.")
    score: float


@dataclass
class Page:
    items: list
    next_cursor: str | None


@dataclass
class ArticleSummary:
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    words: int
    techniques: int | None
    quotes: int | None


@dataclass
class OutletMonth:
    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    outlet: str
    month: str = described('YYYY-MM; "all" where months are combined.')
    articles: int
    words: int
    technique_rates: dict[str, float] = described("Technique spans per 1,000 words.", default_factory=dict)
    technique_shares: dict[str, float] = described("Share of articles with at least one span.", default_factory=dict)


@dataclass
class OutletSummary:
    name: str
    articles: int
    first: date | None
    last: date | None


@dataclass
class SpeakerCount:
    name: str
    entity_name: str | None
    quotes: int
    articles: int


@dataclass
class QuoteRow:
    article_id: str
    outlet: str | None
    published: date | None
    speaker: str | None
    text: str
    kind: str
    start: int
    end: int


@dataclass
class EntityCount:
    name: str
    type: str
    mentions: int
    articles: int


# Cursors and limits stay far below 2**63, so OFFSET and LIMIT + 1 fit a 64-bit integer
# in both databases; no store holds this many rows.
MAX_OFFSET = 10**15


def _offset(cursor: str | None) -> int:
    if cursor is None:
        return 0
    # isdigit() alone admits "²" and other digits int() refuses.
    if not (cursor.isascii() and cursor.isdigit()) or len(cursor) > 16 or int(cursor) > MAX_OFFSET:
        raise InputError("cursor", f"{cursor[:40]!r} is not a cursor this store gave out")
    return int(cursor)


def _page(rows: list, limit: int, offset: int, make) -> Page:
    more = len(rows) > limit
    return Page(items=[make(r) for r in rows[:limit]], next_cursor=str(offset + limit) if more else None)


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise InputError("limit", f"{limit} is not a positive number")
    if limit > MAX_OFFSET:
        raise InputError("limit", f"{limit} is over the largest limit, {MAX_OFFSET}")


def search(store: Store, filters: Filters, limit: int = 20, cursor: str | None = None) -> Page:
    """Articles matching `filters.query` (and the other filters), best first, with snippets."""
    if not filters.query or not filters.query.strip():
        raise InputError("query", "a search needs words to look for")
    _check_limit(limit)
    parsed = fulltext.parse_query(filters.query)
    offset = _offset(cursor)
    conds = article_conditions(filters)
    if store.dialect == "sqlite":
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
            stmt = stmt.where(literal_column("+articles_fts.rowid", Integer).in_(select(articles.c.seq).where(and_(*conds))))
    else:
        tsquery = func.to_tsquery("english", fulltext.to_tsquery(parsed))
        tsv = literal_column("articles.tsv")
        score = func.ts_rank_cd(tsv, tsquery)
        stmt = select(articles.c.seq, score.label("score")).where(tsv.op("@@")(tsquery), *conds).order_by(desc(score), articles.c.seq)
    stmt = stmt.limit(limit + 1).offset(offset)
    with store.bounded_connection() as conn:
        ranked = conn.execute(stmt).all()
        seqs = [r.seq for r in ranked[:limit]]
        found = {
            r.seq: r for r in conn.execute(
                select(*article_columns()).select_from(articles_with_outlet()).where(articles.c.seq.in_(seqs))
            )
        } if seqs else {}

    def hit(r) -> SearchHit:
        a = found[r.seq]
        plain, marks = fulltext.snippet(a.text, parsed)
        score_value = -float(r.score) if store.dialect == "sqlite" else float(r.score)
        return SearchHit(article_id=a.id, title=a.title, outlet=a.outlet, published=a.published,
                         snippet=plain, highlights=marks, score=score_value)

    return _page(ranked, limit, offset, hit)


def _count_layer(table):
    return (
        select(func.count()).select_from(analyses.join(table, table.c.analysis_id == analyses.c.id))
        .where(latest_of_article()).scalar_subquery()
    )


def _analysed():
    return select(analyses.c.id).where(latest_of_article()).exists()


def list_articles(store: Store, filters: Filters, limit: int = 50, cursor: str | None = None) -> Page:
    """Articles newest first; technique and quote counts are None until an article is analysed."""
    _check_limit(limit)
    offset = _offset(cursor)
    stmt = (
        select(articles.c.id, articles.c.title, outlets.c.name.label("outlet"), articles.c.published,
               articles.c.words, _analysed().label("analysed"),
               _count_layer(technique_spans).label("techniques"), _count_layer(quotes).label("quotes"))
        .select_from(articles_with_outlet())
        .where(and_(True, *article_conditions(filters)))
        .order_by(nulls_last(desc(articles.c.published)), desc(articles.c.seq))
        .limit(limit + 1).offset(offset)
    )
    if filters.query:
        hits = search(store, filters, limit=limit, cursor=cursor)
        ids = [h.article_id for h in hits.items]
        rows = {r.id: r for r in _rows(store, stmt.where(articles.c.id.in_(ids)).limit(None).offset(None))}
        return Page(items=[_summary(rows[i]) for i in ids if i in rows], next_cursor=hits.next_cursor)
    return _page(_rows(store, stmt), limit, offset, _summary)


def _summary(r) -> ArticleSummary:
    analysed = bool(r.analysed)
    return ArticleSummary(id=r.id, title=r.title, outlet=r.outlet, published=r.published, words=r.words,
                          techniques=r.techniques if analysed else None, quotes=r.quotes if analysed else None)


def _rows(store: Store, stmt) -> list:
    with store.engine.connect() as conn:
        return conn.execute(stmt).all()


def outlet_stats(store: Store, filters: Filters) -> list[OutletMonth]:
    """Per outlet and month, over analysed articles: technique rates per 1,000 words and shares."""
    outlet, month = outlet_name().label("outlet"), month_of_published().label("month")
    conds = and_(True, *article_conditions(filters), *_query_condition(store, filters))
    base = articles_with_outlet().join(analyses, latest_of_article())
    totals = (
        select(outlet, month, func.count().label("articles"), func.coalesce(func.sum(articles.c.words), 0).label("words"))
        .select_from(base).where(conds).group_by(outlet, month)
    )
    spans = (
        select(outlet, month, technique_spans.c.technique, func.count().label("spans"),
               func.count(func.distinct(articles.c.id)).label("with_technique"))
        .select_from(base.join(technique_spans, technique_spans.c.analysis_id == analyses.c.id))
        .where(conds).group_by(outlet, month, technique_spans.c.technique)
    )
    with store.engine.connect() as conn:
        groups = {
            (r.outlet, r.month): OutletMonth(outlet=r.outlet, month=r.month, articles=r.articles, words=int(r.words))
            for r in conn.execute(totals)
        }
        for r in conn.execute(spans):
            group = groups[(r.outlet, r.month)]
            group.technique_rates[r.technique] = 1000.0 * r.spans / group.words if group.words else 0.0
            group.technique_shares[r.technique] = r.with_technique / group.articles
    for group in groups.values():
        group.technique_rates = dict(sorted(group.technique_rates.items()))
        group.technique_shares = dict(sorted(group.technique_shares.items()))
    return sorted(groups.values(), key=lambda g: (g.outlet, g.month))


def combine_months(stats: list[OutletMonth]) -> list[OutletMonth]:
    """One OutletMonth per outlet (month "all"): rates and shares weighted over its months."""
    combined: dict[str, OutletMonth] = {}
    spans: dict[str, dict[str, float]] = {}
    having: dict[str, dict[str, float]] = {}
    for g in stats:
        total = combined.setdefault(g.outlet, OutletMonth(outlet=g.outlet, month="all", articles=0, words=0))
        total.articles += g.articles
        total.words += g.words
        for t, rate in g.technique_rates.items():
            spans.setdefault(g.outlet, {}).setdefault(t, 0.0)
            spans[g.outlet][t] += rate * g.words / 1000.0
        for t, share in g.technique_shares.items():
            having.setdefault(g.outlet, {}).setdefault(t, 0.0)
            having[g.outlet][t] += share * g.articles
    for outlet, total in combined.items():
        total.technique_rates = {t: 1000.0 * n / total.words if total.words else 0.0
                                 for t, n in sorted(spans.get(outlet, {}).items())}
        total.technique_shares = {t: n / total.articles for t, n in sorted(having.get(outlet, {}).items())}
    return sorted(combined.values(), key=lambda g: g.outlet)


def _query_condition(store: Store, filters: Filters) -> list:
    """A full-text condition when filters carry a query (stats and listings narrowed by words)."""
    if not filters.query:
        return []
    parsed = fulltext.parse_query(filters.query)
    if store.dialect == "sqlite":
        return [articles.c.seq.in_(text(_FTS_ROWIDS)
                                   .bindparams(fts=fulltext.to_fts5(parsed)).columns(column("rowid", Integer)))]
    return [literal_column("articles.tsv").op("@@")(func.to_tsquery("english", fulltext.to_tsquery(parsed)))]


def list_outlets(store: Store) -> list[OutletSummary]:
    name = outlet_name().label("name")
    stmt = (
        select(name, func.count().label("articles"), func.min(articles.c.published).label("first"),
               func.max(articles.c.published).label("last"))
        .select_from(articles_with_outlet()).group_by(name).order_by(name)
    )
    return [OutletSummary(name=r.name, articles=r.articles, first=r.first, last=r.last) for r in _rows(store, stmt)]


def _layer_base(table):
    return (articles_with_outlet().join(analyses, latest_of_article())
            .join(table, table.c.analysis_id == analyses.c.id))


SPEAKER_ENTITY = entities.alias("speaker_entity")


def _quotes_with_speaker_entity():
    """Quotes of latest analyses, each joined to the entity its speaker was linked to (if any)."""
    return _layer_base(quotes).outerjoin(
        SPEAKER_ENTITY,
        and_(SPEAKER_ENTITY.c.analysis_id == quotes.c.analysis_id, SPEAKER_ENTITY.c.key == quotes.c.speaker_entity))


def _speaker_name():
    # A speaker linked to an entity counts under the entity's name, so "Valen", "he" and
    # "the Leader" quoting one person add up; an unlinked speaker under the words used.
    return func.coalesce(SPEAKER_ENTITY.c.name, quotes.c.speaker)


def top_speakers(store: Store, filters: Filters, limit: int = 20) -> list[SpeakerCount]:
    """Most quoted speakers (by linked entity where there is one), with that entity's name."""
    _check_limit(limit)
    name = _speaker_name().label("name")
    n_quotes = func.count().label("quotes")
    stmt = (
        select(name, func.max(SPEAKER_ENTITY.c.name).label("entity_name"), n_quotes,
               func.count(func.distinct(articles.c.id)).label("articles"))
        .select_from(_quotes_with_speaker_entity())
        .where(and_(quotes.c.speaker.is_not(None), *article_conditions(filters), *_query_condition(store, filters)))
        .group_by(name).order_by(desc(n_quotes), name).limit(limit)
    )
    return [SpeakerCount(name=r.name, entity_name=r.entity_name, quotes=r.quotes, articles=r.articles)
            for r in _rows(store, stmt)]


def speaker_quotes(store: Store, speaker: str, filters: Filters, limit: int = 50, cursor: str | None = None) -> Page:
    """Quotes by one speaker, as `top_speakers` names them (case does not matter), newest articles first."""
    _check_limit(limit)
    offset = _offset(cursor)
    stmt = (
        select(articles.c.id.label("article_id"), outlets.c.name.label("outlet"), articles.c.published,
               quotes.c.speaker, quotes.c.text, quotes.c.kind, quotes.c.start, quotes.c.end)
        .select_from(_quotes_with_speaker_entity())
        .where(and_(func.lower(_speaker_name()) == speaker.lower(), *article_conditions(filters),
                    *_query_condition(store, filters)))
        .order_by(nulls_last(desc(articles.c.published)), articles.c.id, quotes.c.idx)
        .limit(limit + 1).offset(offset)
    )
    return _page(_rows(store, stmt), limit, offset, lambda r: QuoteRow(**r._mapping))


def top_entities(store: Store, filters: Filters, limit: int = 20) -> list[EntityCount]:
    _check_limit(limit)
    n_mentions = func.sum(entities.c.mentions).label("mentions")
    stmt = (
        select(entities.c.name, entities.c.type, n_mentions, func.count(func.distinct(articles.c.id)).label("articles"))
        .select_from(_layer_base(entities))
        .where(and_(True, *article_conditions(filters), *_query_condition(store, filters)))
        .group_by(entities.c.name, entities.c.type).order_by(desc(n_mentions), entities.c.name).limit(limit)
    )
    return [EntityCount(name=r.name, type=r.type, mentions=int(r.mentions), articles=r.articles) for r in _rows(store, stmt)]


def _export_statement(store: Store, what: str, filters: Filters):
    head = (articles.c.id.label("article_id"), outlets.c.name.label("outlet"), articles.c.published)
    conds = and_(True, *article_conditions(filters), *_query_condition(store, filters))
    if what == "articles":
        return (select(articles.c.id, outlets.c.name.label("outlet"), articles.c.published, articles.c.url,
                       articles.c.title, articles.c.language, articles.c.words, articles.c.text)
                .select_from(articles_with_outlet()).where(conds).order_by(articles.c.seq))
    tables = {"quotes": quotes, "techniques": technique_spans, "entities": entities, "mentions": mentions,
              "claims": claims}
    table = tables[what]
    columns = [c for c in table.c if c.name != "analysis_id"]
    stmt = select(*head, analyses.c.version, *columns).select_from(_layer_base(table)).where(conds)
    return stmt.order_by(articles.c.seq, *[c for c in table.primary_key.columns if c.name != "analysis_id"])


def _check_export(what: str) -> None:
    if what not in EXPORTS:
        raise InputError("what", f"{what!r} is not one of {', '.join(EXPORTS)}")


def export_columns(store: Store, what: str) -> list[tuple[str, Any]]:
    """(name, SQLAlchemy type) of every column `export_rows` yields for `what`, in order."""
    _check_export(what)
    return [(c.name, c.type) for c in _export_statement(store, what, Filters()).selected_columns]


def export_rows(store: Store, what: str, filters: Filters) -> Iterator[dict[str, Any]]:
    """Every row of one kind matching the filters, streamed from the database in order."""
    _check_export(what)
    stmt = _export_statement(store, what, filters)
    with store.engine.connect() as conn:
        result = conn.execution_options(yield_per=1000).execute(stmt)
        for row in result:
            yield dict(row._mapping)
