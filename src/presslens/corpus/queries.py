"""Questions asked of the whole corpus: search, listings, per-outlet rates, speakers, entities.

The CLI, the REST API and the web pages all call these functions. Every query reads the
latest stored analysis of each article. Results are plain dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, Select, and_, case, column, desc, func, literal_column, nulls_last, select, table, text

from presslens.analysis import described
from presslens.analyzers.framing.roles import MAIN_ROLES as ROLES
from presslens.analyzers.quotes.speaker_names import NOT_NAMES
from presslens.article import RESPONSE_SCHEMA_CONFIG
from presslens.errors import InputError
from presslens.store import Store
from presslens.store import fulltext, search_index
from presslens.store.filters import (
    article_conditions, latest_of_article, like_pattern, month_of_published, outlet_name,
)
from presslens.store.repository import article_columns, articles_with_outlet
from presslens.store.schema import (
    analyses, articles, claims, entities, entity_people, mentions, outlets, people, quotes, technique_spans,
)

# SQLite's FTS5 index over article titles and text, in the attached index file (not in metadata).
ARTICLES_FTS = table(search_index.TABLE, column("rowid"), schema=search_index.SCHEMA)
_FTS_ROWIDS = f"SELECT rowid FROM {search_index.SCHEMA}.{search_index.TABLE} WHERE {search_index.TABLE} MATCH :fts"
EXPORTS = ("articles", "quotes", "techniques", "entities", "mentions", "claims", "framing")


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
    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    article_id: str
    title: str | None
    outlet: str | None
    published: date | None
    snippet: str = described("Plain text; escape it before showing it as HTML.")
    highlights: list[tuple[int, int]] = described("[start, end) offsets into the snippet.")
    score: float
    title_highlights: list[tuple[int, int]] = described("[start, end) offsets into the title.", default_factory=list)
    analysed: bool = described("Whether the article has a stored analysis.", default=False)
    techniques: int | None = described("Technique spans of its latest analysis; null until analysed.", default=None)
    quotes: int | None = described("Quotes of its latest analysis; null until analysed.", default=None)


@dataclass
class Page:
    items: list
    next_cursor: str | None


# A search counts its matches up to this many; past it the total reads "10,000+".
SEARCH_COUNT_LIMIT = 10_000


@dataclass
class SearchPage(Page):
    total: int = 0  # matching articles, counted up to SEARCH_COUNT_LIMIT
    total_capped: bool = False  # True when there are more than `total`
    analysed: int = 0  # how many of the counted matches are analysed


@dataclass
class ArticleSummary:
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    words: int
    analysed: bool = described("Whether the article has an analysis; if not, techniques and quotes are null.")
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
    analysed: int = described("How many of its articles have an analysis: what its rates and lists rest on.")
    first: date | None
    last: date | None


@dataclass
class SpeakerCount:
    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    name: str = described("The person's name where the speaker is linked to one (docs/people.md), else the "
                          "entity's name, else the speaker as written.")
    entity_name: str | None
    quotes: int
    articles: int
    person_id: int | None = described("The person the speaker is (/api/people/{id}), or null.", default=None)


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


@dataclass
class OutletList:
    items: list[OutletSummary]
    total: int = described("How many outlets match, over every page.")


@dataclass
class MonthCount:
    month: str = described('YYYY-MM; "undated" for articles without a publication date.')
    articles: int
    analysed: int


@dataclass
class TechniqueCount:
    technique: str = described("PTC label.")
    spans: int
    articles: int = described("Analysed articles with at least one span of it.")


@dataclass
class CorpusOverview:
    articles: int
    analysed: int = described("Articles with an analysis: what every figure but the counts rests on.")
    outlets: int
    months: list[MonthCount] = described("Articles and analysed articles per month, oldest first.")
    top_outlets: list[OutletSummary] = described("The outlets with the most articles.")
    techniques: list[TechniqueCount] = described("Techniques by spans over the analysed articles, most first.")
    speakers: list[SpeakerCount] = described(
        "Most quoted people (speakers linked to a PERSON entity) over the analysed articles.")
    recent: list[ArticleSummary] = described("The most recently published articles (dated today or earlier).")


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


def _check_offset(offset: int) -> None:
    if not 0 <= offset <= MAX_OFFSET:
        raise InputError("offset", f"{offset} is not between 0 and {MAX_OFFSET}")


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise InputError("limit", f"{limit} is not a positive number")
    if limit > MAX_OFFSET:
        raise InputError("limit", f"{limit} is over the largest limit, {MAX_OFFSET}")


def search(store: Store, filters: Filters, limit: int = 20, cursor: str | None = None) -> SearchPage:
    """Articles matching `filters.query` (and the other filters), best first, with snippets;
    with how many match (counted up to SEARCH_COUNT_LIMIT) and how many of those are analysed."""
    if not filters.query or not filters.query.strip():
        raise InputError("query", "a search needs words to look for")
    _check_limit(limit)
    parsed = fulltext.parse_query(filters.query)
    offset = _offset(cursor)
    stmt = _ranked(store, filters, parsed)
    # The total: the first SEARCH_COUNT_LIMIT + 1 matches in index order (no ranking),
    # joined to articles only to see which are analysed.
    counted = stmt.with_only_columns(stmt.selected_columns.seq).order_by(None).limit(SEARCH_COUNT_LIMIT + 1).subquery()
    count_stmt = select(func.count(), func.count(analyses.c.id)).select_from(
        counted.join(articles, articles.c.seq == counted.c.seq).outerjoin(analyses, latest_of_article()))
    stmt = stmt.limit(limit + 1).offset(offset)
    with store.bounded_connection() as conn:
        ranked = conn.execute(stmt).all()
        total, analysed = conn.execute(count_stmt).one()
        seqs = [r.seq for r in ranked[:limit]]
        found = {
            r.seq: r for r in conn.execute(
                select(*article_columns(), _analysed().label("analysed"),
                       _count_layer(technique_spans).label("techniques"), _count_layer(quotes).label("quotes"))
                .select_from(articles_with_outlet()).where(articles.c.seq.in_(seqs))
            )
        } if seqs else {}

    def hit(r) -> SearchHit:
        a = found[r.seq]
        title_marks, text_marks = fulltext.article_highlights(a.title or "", a.text, parsed)
        plain, marks = fulltext.snippet(a.text, parsed, spans=text_marks)
        score_value = -float(r.score) if store.dialect == "sqlite" else float(r.score)
        done = bool(a.analysed)
        return SearchHit(article_id=a.id, title=a.title, outlet=a.outlet, published=a.published,
                         snippet=plain, highlights=marks, score=score_value, title_highlights=title_marks,
                         analysed=done, techniques=a.techniques if done else None, quotes=a.quotes if done else None)

    page = _page(ranked, limit, offset, hit)
    capped = total > SEARCH_COUNT_LIMIT
    return SearchPage(items=page.items, next_cursor=page.next_cursor, total=min(total, SEARCH_COUNT_LIMIT),
                      total_capped=capped, analysed=min(analysed, SEARCH_COUNT_LIMIT))


def _ranked(store: Store, filters: Filters, parsed) -> Select:
    """(seq, score) of the articles matching the parsed query and the other filters, best first."""
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
        return stmt
    tsquery = func.to_tsquery("english", fulltext.to_tsquery(parsed))
    tsv = literal_column("articles.tsv")
    score = func.ts_rank_cd(tsv, tsquery)
    return select(articles.c.seq, score.label("score")).where(tsv.op("@@")(tsquery), *conds).order_by(desc(score), articles.c.seq)


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
        # Ranked as search ranks, without its total and snippets, which a listing does not show.
        with store.bounded_connection() as conn:
            ranked = conn.execute(_ranked(store, filters, fulltext.parse_query(filters.query))
                                  .limit(limit + 1).offset(offset)).all()
        seqs = [r.seq for r in ranked[:limit]]
        rows = {r.seq: r for r in _rows(store, stmt.add_columns(articles.c.seq)
                                         .where(articles.c.seq.in_(seqs)).limit(None).offset(None))}
        return _page(ranked, limit, offset, lambda r: _summary(rows[r.seq]))
    return _page(_rows(store, stmt), limit, offset, _summary)


def _summary(r) -> ArticleSummary:
    analysed = bool(r.analysed)
    return ArticleSummary(id=r.id, title=r.title, outlet=r.outlet, published=r.published, words=r.words,
                          analysed=analysed, techniques=r.techniques if analysed else None,
                          quotes=r.quotes if analysed else None)


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
        # "+ 0" keeps SQLite from probing the articles index once per matching row for every
        # joined row (11 s for the people on "virus" over 37,000 articles, 0.1 s as a filter).
        return [(articles.c.seq + 0).in_(text(_FTS_ROWIDS)
                                         .bindparams(fts=fulltext.to_fts5(parsed)).columns(column("rowid", Integer)))]
    return [literal_column("articles.tsv").op("@@")(func.to_tsquery("english", fulltext.to_tsquery(parsed)))]


def _latest_analysed():
    """Articles joined to their latest analysis: read from the analyses, so a corpus with few
    analysed articles costs few rows."""
    return analyses.join(articles, analyses.c.article_id == articles.c.id), analyses.c.latest.is_(True)


def _outlet_summaries():
    """Per outlet: articles, analysed articles, first and last publication dates. Each count
    groups by outlet id alone, which SQLite reads from the (outlet_id, published) index
    without touching the article rows and their text."""
    totals = (
        select(articles.c.outlet_id, func.count().label("articles"), func.min(articles.c.published).label("first"),
               func.max(articles.c.published).label("last"))
        .group_by(articles.c.outlet_id).subquery("totals")
    )
    analysed_rows, latest = _latest_analysed()
    done = (select(articles.c.outlet_id, func.count().label("analysed")).select_from(analysed_rows).where(latest)
            .group_by(articles.c.outlet_id).subquery("done"))
    name = outlet_name().label("name")
    stmt = (
        select(name, totals.c.articles, func.coalesce(done.c.analysed, 0).label("analysed"), totals.c.first,
               totals.c.last)
        .select_from(totals.outerjoin(outlets, outlets.c.id == totals.c.outlet_id)
                     .outerjoin(done, done.c.outlet_id.is_not_distinct_from(totals.c.outlet_id)))
    )
    return stmt, name, totals.c.articles


def _outlet_summary(r) -> OutletSummary:
    return OutletSummary(name=r.name, articles=r.articles, analysed=r.analysed, first=r.first, last=r.last)


def list_outlets(store: Store) -> list[OutletSummary]:
    """Every outlet by name, with its articles and how many of them are analysed."""
    stmt, name, _ = _outlet_summaries()
    return [_outlet_summary(r) for r in _rows(store, stmt.order_by(name))]


def outlets_page(store: Store, contains: str | None = None, limit: int = 50, offset: int = 0) -> OutletList:
    """Outlets whose name contains `contains` (ignoring case), by name, `limit` from `offset`,
    and how many match in all."""
    _check_limit(limit)
    _check_offset(offset)
    if contains and "\x00" in contains:
        raise InputError("contains", "a name holds no NUL character")
    stmt, name, _ = _outlet_summaries()
    if contains and contains.strip():
        stmt = stmt.where(func.lower(outlet_name()).like(like_pattern(contains.strip()), escape="\\"))
    # the number of groups, counted after grouping, on every row of the page
    stmt = stmt.add_columns(func.count().over().label("total")).order_by(name).limit(limit).offset(offset)
    rows = _rows(store, stmt)
    if rows:
        return OutletList(items=[_outlet_summary(r) for r in rows], total=rows[0].total)
    past_end = _rows(store, stmt.limit(1).offset(0)) if offset else []
    return OutletList(items=[], total=past_end[0].total if past_end else 0)


def corpus_overview(store: Store, top: int = 10) -> CorpusOverview:
    """The whole corpus at a glance: articles and analysed articles in all and per month,
    the biggest outlets, the commonest techniques and most quoted speakers (over the
    analysed articles) and the most recently published articles."""
    _check_limit(top)
    month = month_of_published().label("month")
    # Counted apart and merged here: all articles from the published index alone, the
    # analysed ones from the analyses.
    per_month = select(month, func.count().label("n")).group_by(month)
    analysed_rows, latest = _latest_analysed()
    outlets_stmt, name, n_articles = _outlet_summaries()
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
    with store.engine.connect() as conn:
        totals = dict(conn.execute(per_month.select_from(articles)).all())
        done = dict(conn.execute(per_month.select_from(analysed_rows).where(latest)).all())
        months = [MonthCount(month=m, articles=n, analysed=done.get(m, 0)) for m, n in sorted(totals.items())]
        top_rows = conn.execute(biggest).all()
        counted = [TechniqueCount(technique=r.technique, spans=r.spans, articles=r.articles)
                   for r in conn.execute(techniques)]
    return CorpusOverview(
        articles=sum(m.articles for m in months), analysed=sum(m.analysed for m in months),
        outlets=top_rows[0].total if top_rows else 0, months=months,
        top_outlets=[_outlet_summary(r) for r in top_rows], techniques=counted,
        speakers=top_speakers(store, Filters(), limit=top, people_only=True),
        # published by today: a mistyped date decades ahead is not the latest news
        recent=list_articles(store, Filters(until=date.today()), limit=top).items,
    )


def _layer_base(table):
    return (articles_with_outlet().join(analyses, latest_of_article())
            .join(table, table.c.analysis_id == analyses.c.id))


SPEAKER_ENTITY = entities.alias("speaker_entity")
SPEAKER_LINK = entity_people.alias("speaker_link")
SPEAKER_PERSON = people.alias("speaker_person")


def _quotes_with_speaker_entity():
    """Quotes of latest analyses, each joined to the entity its speaker was linked to (if any)
    and to that entity's person across the corpus (if any)."""
    return (
        _layer_base(quotes)
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


def top_speakers(store: Store, filters: Filters, limit: int = 20, people_only: bool = False) -> list[SpeakerCount]:
    """Most quoted speakers (by person across the corpus, else by linked entity, where there
    is one), with the entity's name.
    `people_only` counts only speakers linked to a PERSON entity, leaving out unresolved
    pronouns ("he", "they") and organisations."""
    _check_limit(limit)
    name = _speaker_name().label("name")
    n_quotes = func.count().label("quotes")
    conds = [SPEAKER_ENTITY.c.type == "PERSON"] if people_only else []
    stmt = (
        select(name, func.max(SPEAKER_ENTITY.c.name).label("entity_name"), n_quotes,
               func.count(func.distinct(articles.c.id)).label("articles"), func.max(SPEAKER_PERSON.c.id).label("person_id"))
        .select_from(_quotes_with_speaker_entity())
        .where(and_(_speaker_name().is_not(None), *conds, *article_conditions(filters),
                    *_query_condition(store, filters)))
        .group_by(name).order_by(desc(n_quotes), name).limit(limit)
    )
    return [SpeakerCount(name=r.name, entity_name=r.entity_name, quotes=r.quotes, articles=r.articles,
                         person_id=r.person_id) for r in _rows(store, stmt)]


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
    if what == "framing":
        return _framing_statement(head, conds)
    tables = {"quotes": quotes, "techniques": technique_spans, "entities": entities, "mentions": mentions,
              "claims": claims}
    table = tables[what]
    columns = [c for c in table.c if c.name != "analysis_id"]
    stmt = select(*head, analyses.c.version, *columns).select_from(_layer_base(table)).where(conds)
    return stmt.order_by(articles.c.seq, *[c for c in table.primary_key.columns if c.name != "analysis_id"])


def _framing_statement(head, conds):
    """One row per entity that the framing analyzer cast (its framing has scores): its role,
    a score column per role, its fine roles and evidence spans (JSON)."""
    framing = entities.c.framing
    scores = [framing[("scores", role)].as_float().label(role.lower()) for role in ROLES]
    return (
        select(*head, analyses.c.version, entities.c.key.label("entity"), entities.c.name, entities.c.type,
               framing["role"].as_string().label("role"), *scores, framing["fine_roles"].label("fine_roles"),
               framing["evidence"].label("evidence"))
        .select_from(_layer_base(entities)).where(conds, framing["scores"].as_string().is_not(None))
        .order_by(articles.c.seq, entities.c.idx)
    )


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
