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

from presslens.analysis import described
from presslens.article import RESPONSE_SCHEMA_CONFIG
from presslens.errors import InputError, NotFoundError
from presslens.store import Store
from presslens.store.quote_groups import GroupingRun
from presslens.store.quote_similarity import MIN_WORDS, WordChange, relate, word_diff, words_of

_QUOTE_ID = re.compile(r"^([0-9a-f]{16})-(\d{1,6})$")


@dataclass
class Appearance:
    """One appearance of a quote: where, when, by whom, and how it differs from the first."""

    __pydantic_config__ = RESPONSE_SCHEMA_CONFIG

    article: str = described("The article's id.")
    title: str | None = described("The article's title.")
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
    found = store.provenance.recurring(limit)
    firsts = store.provenance.first_appearances([row.group_id for row in found.top])
    top = []
    for row in found.top:
        first = firsts[row.group_id]
        top.append(RecurringQuote(
            quote=format_quote_id(first.article, first.idx), text=first.text, speaker=first.speaker,
            person=first.person,
            outlet=first.outlet, published=first.published, appearances=row.appearances, articles=row.articles,
            outlets=row.outlets, wordings=row.wordings,
        ))
    return RecurringQuotes(grouped=found.grouped, recurring=found.recurring, groups=found.groups,
                           across_outlets=found.across_outlets, articles=found.articles, top=top)


def group_quotes(store: Store, rebuild: bool = False) -> GroupingRun:
    """Groups the quotes saved since the last run (all of them again with `rebuild`)."""
    return store.group_quotes(rebuild)


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
    row, group = store.provenance.quote(article_id, idx)
    if row is None:
        raise NotFoundError(f"quote {quote_id!r} not found")
    if row.analysis_id is None:
        raise NotFoundError(f"quote {quote_id!r} is not grouped yet: run `presslens quotes group`")
    if row.wording_id is None:
        raise InputError("quote", f"{quote_id!r} has {len(words_of(row.text))} words: quotes under {MIN_WORDS} "
                                  "words are not traced (short phrases recur without a common source)")
    return _appearances(store, group)


def trace_text(store: Store, text: str) -> list[Appearance]:
    """Every appearance of the stored quote that `text` is (by the grouping rule), first published first."""
    words = words_of(text)
    if len(words) < MIN_WORDS:
        raise InputError("text", f"{text!r} has {len(words)} words: give at least {MIN_WORDS} "
                                 "(shorter phrases are not traced)")
    group = store.provenance.group_of_words(words)
    if group is None:
        raise NotFoundError(f"no stored quote matches {text!r} (quotes saved since the last `presslens quotes group` "
                            "are not searched)")
    return _appearances(store, group)


def _appearances(store: Store, group: int) -> list[Appearance]:
    rows = store.provenance.appearances(group)
    first_words = words_of(rows[0].text)
    found = []
    for position, row in enumerate(rows):
        words = words_of(row.text)
        diff = word_diff(first_words, words)
        relation = "first" if position == 0 else (relate(first_words, words) or "related")
        found.append(Appearance(
            article=row.article, title=row.title, outlet=row.outlet, published=row.published, speaker=row.speaker,
            text=row.text,
            first=position == 0, quote=format_quote_id(row.article, row.idx), person=row.person, relation=relation,
            added=diff.added, dropped=diff.dropped, replaced=diff.replaced,
            diff=[] if position == 0 else diff.changes,
        ))
    return found

