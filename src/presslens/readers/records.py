"""One exported record (a JSON object, a CSV row) into one Article.

The record's own id, if any, is not used: Article ids are the stable hash of outlet,
date and text, so the same article exported twice gets the same id.
"""

from __future__ import annotations

import warnings
from typing import Any

from presslens.article import Article
from presslens.errors import DroppedFieldWarning, InputError
from presslens.readers import fields
from presslens.readers.dates import DATE_ORDERS, DateOrder, date_or_none
from presslens.readers.text import normalise_newlines, repair_mojibake


def article_from_record(
    record: Any, source: str, line: int | None, limit: int, where: str = "", date_order: DateOrder | None = None,
) -> Article:
    """The Article in `record`; InputError (naming `source`, `line`) when it has none.

    `date_order` reads a slash date that both orders could read; the record's own
    `date_order` field (mdy, dmy), when it has one, overrides it.

    Odd metadata never loses the article: a field that cannot be read (a date in no known
    form, an object without a name) is dropped with a DroppedFieldWarning; anything else
    is read as text (numbers, lists joined with commas)."""
    prefix = f"{where}: " if where else ""
    if not isinstance(record, dict):
        raise InputError(source, f"{prefix}expected a JSON object, got {type(record).__name__}", line)
    by_key = {str(k).lower(): v for k, v in record.items()}
    text_key, text = _first(by_key, fields.TEXT)
    if not isinstance(text, str) or not text.strip():
        if text_key is None:
            names = "/".join(fields.TEXT[:3])
            raise InputError(source, f"{prefix}no article text (expected a field like {names})", line)
        raise InputError(source, f"{prefix}field {text_key!r} is empty or not a string", line)
    # A character is at most 4 bytes in UTF-8: most texts pass without being encoded.
    if len(text) * 4 > limit and len(text.encode("utf-8")) > limit:
        raise InputError(source, f"{prefix}article text is over the {limit / 1_000_000:.1f} MB limit", line)
    date_key, date_value = _first(by_key, fields.PUBLISHED)
    order = _date_order(by_key, date_order, source, line, prefix)
    published = date_or_none(_scalar(date_value), source, line, f"{prefix}field {date_key!r}: ", order)

    def text_field(names: tuple[str, ...], field: str) -> str | None:
        return _text_field(by_key, names, field, source, line, prefix)

    return Article(
        text=repair_mojibake(normalise_newlines(text)),
        title=text_field(fields.TITLE, "title"),
        outlet=text_field(fields.OUTLET, "outlet"),
        published=published,
        url=text_field(fields.URL, "url"),
        language=text_field(fields.LANGUAGE, "language") or "en",
    )


def _date_order(
    record: dict[str, Any], default: DateOrder | None, source: str, line: int | None, prefix: str,
) -> DateOrder | None:
    """The record's own `date_order` (mdy, dmy), else `default`; a value that is neither
    is ignored, with a DroppedFieldWarning."""
    value = record.get("date_order")
    if value in (None, ""):
        return default
    order = str(_scalar(value) or "").strip().lower()
    for known in DATE_ORDERS:
        if order == known:
            return known
    problem = f"{prefix}field 'date_order': {_shown(value)} is not mdy or dmy"
    warnings.warn(DroppedFieldWarning(source, problem, line, "date_order"), stacklevel=4)
    return default


def _text_field(
    record: dict[str, Any], names: tuple[str, ...], field: str, source: str, line: int | None, prefix: str,
) -> str | None:
    """The field read as one line of text; None, with a DroppedFieldWarning, for a value
    that holds none (an object without a name)."""
    key, value = _first(record, names)
    text = _string(value)
    if text is None and key is not None:
        problem = f"{prefix}field {key!r}: no text in {_shown(value)}"
        warnings.warn(DroppedFieldWarning(source, problem, line, field), stacklevel=4)
    return text


def _first(record: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return name, value
    return None, None


def _scalar(value: Any) -> Any:
    """A nested {"name": ...} object read as its value; a list as its items, comma-separated."""
    if isinstance(value, dict):
        nested = {str(k).lower(): v for k, v in value.items()}
        return _scalar(_first(nested, fields.NESTED_NAME)[1])
    if isinstance(value, list):
        items = [_scalar(item) for item in value]
        items = [item for item in items if item not in (None, "")]
        return items[0] if len(items) == 1 else ", ".join(str(item) for item in items) or None
    return value


def _string(value: Any) -> str | None:
    value = _scalar(value)
    if value is None:
        return None
    text = repair_mojibake(" ".join(str(value).split()))
    return text or None


def _shown(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."
