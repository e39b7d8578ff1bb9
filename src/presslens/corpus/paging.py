"""Pages of results: a page's items and the cursor of the next, and the checks on the
limits, offsets and cursors a caller gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from presslens.errors import InputError

# Cursors and limits stay far below 2**63, so OFFSET and LIMIT + 1 fit a 64-bit integer
# in both databases; no store holds this many rows.
MAX_OFFSET = 10**15


@dataclass
class Page:
    items: list
    next_cursor: str | None


def cursor_offset(cursor: str | None) -> int:
    """The offset a cursor this store gave out stands for (0 for none)."""
    if cursor is None:
        return 0
    # isdigit() alone admits "²" and other digits int() refuses.
    if not (cursor.isascii() and cursor.isdigit()) or len(cursor) > 16 or int(cursor) > MAX_OFFSET:
        raise InputError("cursor", f"{cursor[:40]!r} is not a cursor this store gave out")
    return int(cursor)


def page_of(rows: list, limit: int, offset: int, make: Callable[[Any], Any]) -> Page:
    """The first `limit` of `limit` + 1 rows read from `offset`, each made an item; a next
    cursor when the extra row says there are more."""
    more = len(rows) > limit
    return Page(items=[make(r) for r in rows[:limit]], next_cursor=str(offset + limit) if more else None)


def check_offset(offset: int) -> None:
    if not 0 <= offset <= MAX_OFFSET:
        raise InputError("offset", f"{offset} is not between 0 and {MAX_OFFSET}")


def check_limit(limit: int) -> None:
    if limit < 1:
        raise InputError("limit", f"{limit} is not a positive number")
    if limit > MAX_OFFSET:
        raise InputError("limit", f"{limit} is over the largest limit, {MAX_OFFSET}")
