"""RSS and Atom feed files: one Article per entry, by feedparser.

Each entry gives its title, link, published (or updated) date and its full content when
the feed carries it, else its summary, with the HTML stripped. The outlet is the feed's
own title. The feed is parsed from the bytes on disk; nothing is fetched.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import feedparser

from presslens.article import Article
from presslens.errors import InputError
from presslens.readers.dates import DateOrder, date_or_none, parse_date
from presslens.readers.htmltext import html_to_text
from presslens.readers.source import OnError


def read_feed(data: bytes, source: str, on_error: OnError, date_order: DateOrder | None = None) -> Iterator[Article]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError(source, f"not an RSS or Atom feed with entries{reason}")
    outlet = (parsed.feed.get("title") or "").strip() or None
    language = (parsed.feed.get("language") or "en").split("-")[0].lower() or "en"
    for number, entry in enumerate(parsed.entries, start=1):
        title = " ".join((entry.get("title") or "").split()) or None
        text = html_to_text(_body_of(entry))
        if not text:
            name = f" ({title!r})" if title else ""
            on_error(InputError(source, f"entry {number}{name} has no text"))
            continue
        yield Article(
            text=text, title=title, outlet=outlet, published=_date_of(entry, source, number, date_order),
            url=(entry.get("link") or "").strip() or None, language=language,
        )


def _body_of(entry: feedparser.FeedParserDict) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    longest = max(contents, key=len, default="")
    summary = entry.get("summary") or ""
    return longest if len(longest) >= len(summary) else summary


def _date_of(entry: feedparser.FeedParserDict, source: str, number: int, order: DateOrder | None) -> date | None:
    """The date as the feed wrote it (the outlet's local day); feedparser's UTC one if
    unreadable; else None, with a DroppedFieldWarning."""
    written = entry.get("published") or entry.get("updated")
    try:
        return parse_date(written, order)
    except ValueError:
        pass
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    field = "published" if entry.get("published") else "updated"
    return date_or_none(written, source, where=f"entry {number}: {field}: ", order=order)
