"""Quote provenance: where a quote appears across the corpus, in order of publication, and
how each appearance differs from the earliest (docs/quotes.md, "Provenance").

Quotes are grouped by `group_quotes` (store/quote_groups.py): a trace reads the groups as
they were last worked out. A quote's id is its article's id and its position among that
article's quotes in the latest analysis, from 0: "3f2a9c1b7d4e5a60-2".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, desc, func, nulls_last, select

from presslens.analysis import described
from presslens.article import RESPONSE_SCHEMA_CONFIG
from presslens.corpus.queries import SPEAKER_PERSON, _quotes_with_speaker_entity
from presslens.errors import InputError, NotFoundError
from presslens.store import Store, quote_groups
from presslens.store.filters import outlet_name
from presslens.store.quote_groups import GroupingRun
from presslens.store.quote_similarity import (
    MIN_WORDS, Words, WordChange, relate, shingles, text_key, word_diff, words_of,
)
from presslens.store.schema import analyses, articles, quote_appearances, quote_shingles, quote_wordings, quotes

_QUOTE_ID = re.compile(r"^([0-9a-f]{16})-(\d{1,6})$")


@dataclass
class Appearance:
    """One appearance of a quote: where, when, by whom, and how it differs from the first."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    article: str = described("The article's id.")
    outlet: str | None
    published: dt.date | None = described("Null: undated (listed last).")
    speaker: str | None = described("The speaker as the article credits them.")
    text: str = described("The quote as the article prints it.")
    first: bool = described("The first appearance in this corpus (not necessarily anywhere).")
    quote: str = described("This quote's id: ARTICLE-N.")
    person: str | None = described("The person across the corpus the speaker is linked to.")
    relation: str = described(
        "To the first appearance: first, exact, trimmed or edited; related: close to another "
        "appearance of the group rather than to the first.")
    added: int = described("Words added since the first appearance.")
    dropped: int = described("Words dropped since the first appearance.")
    replaced: int = described("Words replaced since the first appearance.")
    diff: list[WordChange] = described("The word diff from the first appearance, in the folded words compared.",
                                       default_factory=list)


@dataclass
class RecurringQuote:
    """A quote that appears in more than one article: its group and where it was first seen."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    quote: str = described("The id of its first appearance (ARTICLE-N): /quotes/{quote} traces it.")
    text: str = described("The quote as it first appeared.")
    speaker: str | None = described("The speaker as the first appearance credits them.")
    person: str | None = described("The person across the corpus that speaker is linked to.")
    outlet: str | None = described("Where it was first seen in this corpus.")
    published: dt.date | None
    appearances: int = described("Its appearances across the corpus, repetitions in one article included.")
    articles: int
    outlets: int
    wordings: int = described("How many different wordings (exact, trimmed or edited) it appears in.")


@dataclass
class RecurringQuotes:
    """How many grouped quotes recur across articles, and the most repeated."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    grouped: int = described(f"Quotes of {MIN_WORDS} or more words in the latest analyses, grouped.")
    recurring: int = described("Of those, the quotes whose group appears in two or more articles.")
    groups: int = described("Groups appearing in two or more articles.")
    across_outlets: int = described("Of those, the groups appearing in two or more outlets.")
    articles: int = described("Analysed articles holding a grouped quote: what the figures rest on.")
    top: list[RecurringQuote] = described("The groups in the most outlets, then the most articles.")


def recurring_quotes(store: Store, limit: int = 20) -> RecurringQuotes:
    """The quotes that recur across articles, as last grouped (`group_quotes`): how many, and
    the `limit` groups in the most outlets (then articles), each with its first appearance."""
    if not 1 <= limit <= 500:
        raise InputError("limit", f"{limit} is not between 1 and 500")
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
    with store.engine.connect() as conn:
        totals = conn.execute(select(func.count(), func.count(func.distinct(articles.c.id))).select_from(grouped)).one()
        counts = conn.execute(select(
            func.count(), func.coalesce(func.sum(recurring.c.appearances), 0),
            func.coalesce(func.sum(case((recurring.c.outlets > 1, 1), else_=0)), 0),
        ).select_from(recurring)).one()
        top = conn.execute(
            # outlets first: what travels, not an outlet's own boilerplate repeated in its stories
            select(recurring).order_by(desc(recurring.c.outlets), desc(recurring.c.articles),
                                       desc(recurring.c.appearances), recurring.c.group_id).limit(limit)
        ).all()
    firsts = _first_appearances(store, [row.group_id for row in top])
    found = []
    for row in top:
        first = firsts[row.group_id]
        found.append(RecurringQuote(
            quote=format_quote_id(first.article, first.idx), text=first.text, speaker=first.speaker, person=first.person,
            outlet=first.outlet, published=first.published, appearances=row.appearances, articles=row.articles,
            outlets=row.outlets, wordings=row.wordings,
        ))
    # int(): PostgreSQL sums integers as numeric
    return RecurringQuotes(grouped=totals[0], recurring=int(counts[1]), groups=counts[0],
                           across_outlets=int(counts[2]), articles=totals[1], top=found)


def group_quotes(store: Store, rebuild: bool = False) -> GroupingRun:
    """Groups the quotes saved since the last run (all of them again with `rebuild`)."""
    with store.engine.begin() as conn:
        return quote_groups.rebuild(conn) if rebuild else quote_groups.catch_up(conn)


def format_quote_id(article: str, idx: int) -> str:
    """A quote's id, ARTICLE-N: its article's id and its position in the article (from 0)."""
    return f"{article}-{idx}"


def parse_quote_id(quote_id: str) -> tuple[str, int]:
    found = _QUOTE_ID.match(quote_id.strip())
    if found is None:
        raise InputError("quote", f"{quote_id!r} is not a quote id: expected ARTICLE-N, an article id and "
                                  "the quote's position in it (from 0)")
    return found.group(1), int(found.group(2))


def trace_quote(store: Store, quote_id: str) -> list[Appearance]:
    """Every appearance of the quote `quote_id` (ARTICLE-N), its own and its group's, first published first."""
    article_id, idx = parse_quote_id(quote_id)
    with store.engine.connect() as conn:
        row = conn.execute(
            select(quotes.c.text, quote_appearances.c.wording_id, quote_appearances.c.analysis_id)
            .select_from(quotes.join(analyses, and_(analyses.c.id == quotes.c.analysis_id, analyses.c.latest.is_(True)))
                         .outerjoin(quote_appearances, and_(quote_appearances.c.analysis_id == quotes.c.analysis_id,
                                                            quote_appearances.c.quote_idx == quotes.c.idx)))
            .where(and_(analyses.c.article_id == article_id, quotes.c.idx == idx))
        ).first()
        if row is None:
            raise NotFoundError(f"quote {quote_id!r} not found")
        if row.analysis_id is None:
            raise NotFoundError(f"quote {quote_id!r} is not grouped yet: run `presslens quotes group`")
        if row.wording_id is None:
            raise InputError("quote", f"{quote_id!r} has {len(words_of(row.text))} words: quotes under {MIN_WORDS} "
                                      "words are not traced (short phrases recur without a common source)")
        group = conn.execute(select(quote_wordings.c.group_id)
                             .where(quote_wordings.c.id == row.wording_id)).scalar_one()
    return _appearances(store, group)


def trace_text(store: Store, text: str) -> list[Appearance]:
    """Every appearance of the stored quote that `text` is (by the grouping rule), first published first."""
    words = words_of(text)
    if len(words) < MIN_WORDS:
        raise InputError("text", f"{text!r} has {len(words)} words: give at least {MIN_WORDS} "
                                 "(shorter phrases are not traced)")
    with store.engine.connect() as conn:
        group = conn.execute(select(quote_wordings.c.group_id)
                             .where(quote_wordings.c.text_key == text_key(words))).scalar_one_or_none()
        if group is None:
            group = _closest_group(conn, words)
    if group is None:
        raise NotFoundError(f"no stored quote matches {text!r} (quotes saved since the last `presslens quotes group` "
                            "are not searched)")
    return _appearances(store, group)


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


def _grouped_quotes(*extra):
    """Each grouped quote of the latest analyses with its group, article, outlet, speaker and person."""
    return (
        select(articles.c.id.label("article"), outlet_name().label("outlet"), articles.c.published, quotes.c.speaker,
               quotes.c.text, quotes.c.idx, SPEAKER_PERSON.c.name.label("person"), *extra)
        .select_from(_quotes_with_speaker_entity()
                     .join(quote_appearances, and_(quote_appearances.c.analysis_id == quotes.c.analysis_id,
                                                   quote_appearances.c.quote_idx == quotes.c.idx))
                     .join(quote_wordings, quote_wordings.c.id == quote_appearances.c.wording_id))
    )


# Earliest first; undated last; then by article and position, so the order is the same every time.
_FIRST_SEEN = (nulls_last(articles.c.published), articles.c.id, quotes.c.idx)


def _first_appearances(store: Store, groups: list[int]) -> dict[int, Any]:
    """The first appearance of each of `groups`, in one query: a page of groups is one round trip."""
    if not groups:
        return {}
    rank = func.row_number().over(partition_by=quote_wordings.c.group_id, order_by=_FIRST_SEEN)
    ranked = (_grouped_quotes(quote_wordings.c.group_id, rank.label("rank"))
              .where(quote_wordings.c.group_id.in_(groups)).subquery("ranked"))
    with store.engine.connect() as conn:
        return {row.group_id: row for row in conn.execute(select(ranked).where(ranked.c.rank == 1))}


def _appearances(store: Store, group: int) -> list[Appearance]:
    stmt = _grouped_quotes().where(quote_wordings.c.group_id == group).order_by(*_FIRST_SEEN)
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    first_words = words_of(rows[0].text)
    found = []
    for position, row in enumerate(rows):
        words = words_of(row.text)
        diff = word_diff(first_words, words)
        relation = "first" if position == 0 else (relate(first_words, words) or "related")
        found.append(Appearance(
            article=row.article, outlet=row.outlet, published=row.published, speaker=row.speaker, text=row.text,
            first=position == 0, quote=format_quote_id(row.article, row.idx), person=row.person, relation=relation,
            added=diff.added, dropped=diff.dropped, replaced=diff.replaced,
            diff=[] if position == 0 else diff.changes,
        ))
    return found

