"""Full-text search over the corpus: the best matching articles with highlighted snippets,
and how many match."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from presslens.analysis import described
from presslens.article import RESPONSE_SCHEMA_CONFIG
from presslens.corpus.paging import Page, check_limit, cursor_offset, page_of
from presslens.errors import InputError
from presslens.store import Store, fulltext
from presslens.store.filters import Filters


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


# A search counts its matches up to this many; past it the total reads "10,000+".
SEARCH_COUNT_LIMIT = 10_000


@dataclass
class SearchPage(Page):
    total: int = 0  # matching articles, counted up to SEARCH_COUNT_LIMIT
    total_capped: bool = False  # True when there are more than `total`
    analysed: int = 0  # how many of the counted matches are analysed


def search(store: Store, filters: Filters, limit: int = 20, cursor: str | None = None) -> SearchPage:
    """Articles matching `filters.query` (and the other filters), best first, with snippets;
    with how many match (counted up to SEARCH_COUNT_LIMIT) and how many of those are analysed."""
    if not filters.query or not filters.query.strip():
        raise InputError("query", "a search needs words to look for")
    check_limit(limit)
    parsed = fulltext.parse_query(filters.query)
    offset = cursor_offset(cursor)
    matches = store.search.matches(filters, parsed, limit, offset, count_limit=SEARCH_COUNT_LIMIT)

    def hit(r: Any) -> SearchHit:
        a = matches.articles[r.seq]
        title_marks, text_marks = fulltext.article_highlights(a.title or "", a.text, parsed)
        plain, marks = fulltext.snippet(a.text, parsed, spans=text_marks)
        done = bool(a.analysed)
        return SearchHit(article_id=a.id, title=a.title, outlet=a.outlet, published=a.published,
                         snippet=plain, highlights=marks, score=r.score, title_highlights=title_marks,
                         analysed=done, techniques=a.techniques if done else None, quotes=a.quotes if done else None)

    page = page_of(matches.ranked, limit, offset, hit)
    capped = matches.total > SEARCH_COUNT_LIMIT
    return SearchPage(items=page.items, next_cursor=page.next_cursor, total=min(matches.total, SEARCH_COUNT_LIMIT),
                      total_capped=capped, analysed=min(matches.analysed, SEARCH_COUNT_LIMIT))
