"""What both front ends, the CLI and the server, do alike, written once: query options
into Filters, an outlet or a stored article looked up, an export in one format, and a
PresslensError turned into an exit code or an HTTP status by its class, never by its
message."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from presslens.analysis import Analysis
from presslens.article import Article
from presslens.corpus import OutletSummary, list_outlets, query_filters
from presslens.corpus.export import stored_export
from presslens.errors import InputError, NotFoundError, PresslensError
from presslens.store import Store

# Written beside what they build (Filters, the export writers) and used by both front ends from here.
__all__ = ["counted", "exit_on_error", "find_outlet", "http_error", "query_filters", "stored_article", "stored_export"]


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """'1 claim', '2 claims', '1,204 articles', '3 stories': a count with its noun, singular for one."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


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
