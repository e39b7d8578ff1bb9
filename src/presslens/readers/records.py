"""One exported record (a JSON object, a CSV row) into one Article.

The record's own id, if any, is not used: Article ids are the stable hash of outlet,
date and text, so the same article exported twice gets the same id.
"""

from __future__ import annotations

from typing import Any

from presslens.article import Article
from presslens.errors import InputError
from presslens.readers import fields
from presslens.readers.dates import parse_date
from presslens.readers.text import normalise_newlines


def article_from_record(record: Any, source: str, line: int | None, limit: int, where: str = "") -> Article:
    """The Article in `record`; InputError (naming `source`, `line`) when it has none."""
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
    try:
        published = parse_date(_scalar(date_value))
    except (ValueError, OverflowError, OSError) as exc:
        raise InputError(source, f"{prefix}field {date_key!r}: {exc}", line) from None
    return Article(
        text=normalise_newlines(text),
        title=_string(_first(by_key, fields.TITLE)[1]),
        outlet=_string(_first(by_key, fields.OUTLET)[1]),
        published=published,
        url=_string(_first(by_key, fields.URL)[1]),
        language=_string(_first(by_key, fields.LANGUAGE)[1]) or "en",
    )


def _first(record: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return name, value
    return None, None


def _scalar(value: Any) -> Any:
    """A nested {"name": ...} object or a one-item list read as its value."""
    if isinstance(value, dict):
        nested = {str(k).lower(): v for k, v in value.items()}
        return _first(nested, fields.NESTED_NAME)[1]
    if isinstance(value, list) and len(value) == 1:
        return _scalar(value[0])
    return value


def _string(value: Any) -> str | None:
    value = _scalar(value)
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
