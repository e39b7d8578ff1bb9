"""Filters from query options as a front end has them: the CLI's strings or the server's
parsed values (the Filters dataclass itself is the store's, which turns it into SQL)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from presslens.errors import InputError
from presslens.store.filters import Filters

__all__ = ["Filters", "filter_date", "query_filters"]


def filter_date(value: str | None, name: str) -> date | None:
    """A date filter as a user typed it (YYYY-MM-DD), or None when left empty."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(name, f"{value!r} is not a date (use YYYY-MM-DD)") from None


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
