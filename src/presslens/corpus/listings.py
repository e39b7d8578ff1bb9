"""Listings: the articles newest first (or, given words, best match first) and the outlets,
a page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from presslens.analysis import described
from presslens.corpus.paging import Page, check_limit, check_offset, cursor_offset, page_of
from presslens.errors import InputError
from presslens.store import Store, fulltext
from presslens.store.filters import Filters


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
class OutletSummary:
    name: str
    articles: int
    analysed: int = described("How many of its articles have an analysis: what its rates and lists rest on.")
    first: date | None
    last: date | None


@dataclass
class OutletList:
    items: list[OutletSummary]
    total: int = described("How many outlets match, over every page.")


def list_articles(store: Store, filters: Filters, limit: int = 50, cursor: str | None = None) -> Page:
    """Articles newest first; technique and quote counts are None until an article is analysed."""
    check_limit(limit)
    offset = cursor_offset(cursor)
    if filters.query:
        # Ranked as search ranks, without its total and snippets, which a listing does not show.
        ranked = store.search.ranked(filters, fulltext.parse_query(filters.query), limit + 1, offset)
        rows = store.listings.article_summaries(filters, [r.seq for r in ranked[:limit]])
        return page_of(ranked, limit, offset, lambda r: _summary(rows[r.seq]))
    return page_of(store.listings.newest_articles(filters, limit + 1, offset), limit, offset, _summary)


def _summary(r: Any) -> ArticleSummary:
    analysed = bool(r.analysed)
    return ArticleSummary(id=r.id, title=r.title, outlet=r.outlet, published=r.published, words=r.words,
                          analysed=analysed, techniques=r.techniques if analysed else None,
                          quotes=r.quotes if analysed else None)


def outlet_summary(r: Any) -> OutletSummary:
    return OutletSummary(name=r.name, articles=r.articles, analysed=r.analysed, first=r.first, last=r.last)


def list_outlets(store: Store) -> list[OutletSummary]:
    """Every outlet by name, with its articles and how many of them are analysed."""
    return [outlet_summary(r) for r in store.listings.outlets()]


def outlets_page(store: Store, contains: str | None = None, limit: int = 50, offset: int = 0) -> OutletList:
    """Outlets whose name contains `contains` (ignoring case), by name, `limit` from `offset`,
    and how many match in all."""
    check_limit(limit)
    check_offset(offset)
    if contains and "\x00" in contains:
        raise InputError("contains", "a name holds no NUL character")
    rows, total = store.listings.outlets_page(contains, limit, offset)
    return OutletList(items=[outlet_summary(r) for r in rows], total=total)
