"""What both front ends, the CLI and the server, do alike, written once: query options
into Filters, an outlet or a stored article looked up, an export in one format, and a
PresslensError turned into an exit code or an HTTP status by its class, never by its
message."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from itertools import chain

from presslens.analysis import Analysis
from presslens.article import Article
from presslens.corpus import Filters, OutletSummary, export_columns, export_rows, filter_date, list_outlets
from presslens.corpus.export import Export
from presslens.errors import InputError, NotFoundError, PresslensError
from presslens.store import Store


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


def find_outlet(store: Store, name: str) -> OutletSummary:
    """The stored outlet called `name`: the one of exactly that name, else the first
    whose name differs only in case. NotFoundError when there is none."""
    outlets = list_outlets(store)
    exact = next((o for o in outlets if o.name == name), None)
    folded = name.casefold()
    found = exact or next((o for o in outlets if o.name.casefold() == folded), None)
    if found is None:
        raise NotFoundError(f"outlet {name!r} not found")
    return found


def stored_article(store: Store, article_id: str) -> tuple[Article, Analysis | None]:
    """A stored article and its latest analysis (None if it has none). NotFoundError
    when the store does not have the article."""
    article = store.get_article(article_id)
    if article is None:
        raise NotFoundError(f"article {article_id!r} not found")
    return article, store.get_analysis(article_id)


def export_of(store: Store, what: str, filters: Filters, fmt: str) -> Export:
    """Every stored row of kind `what` matching the filters, as bytes in `fmt`. The first
    row is read now, so that an unknown kind or format, or a bad filter, raises before
    any byte goes out (a server response would otherwise be cut short)."""
    columns = export_columns(store, what)
    rows = export_rows(store, what, filters)
    first = next(rows, None)
    return Export(rows if first is None else chain([first], rows), columns, fmt)


def http_error(exc: PresslensError) -> tuple[int, str]:
    """The HTTP status (from the error's class) and the message of an error."""
    return exc.http_status, str(exc)


@contextmanager
def exit_on_error(flags: Mapping[str, str] | None = None) -> Iterator[None]:
    """Around a CLI command's work: a PresslensError becomes `error: <message>` on stderr
    and the exit code of its class. Library code names its parameters, never a CLI
    flag; `flags` maps those names to the command's flags (`{"since": "--since"}`), so
    that an input error about one names the flag the user typed."""
    try:
        yield
    except PresslensError as exc:
        flag = (flags or {}).get(exc.source) if isinstance(exc, InputError) else None
        message = f"{flag}: {exc.problem}" if flag else str(exc)
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(exc.exit_code) from None
