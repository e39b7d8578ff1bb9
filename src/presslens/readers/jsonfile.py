"""JSON (one object, a list, or {"articles": [...]}) and JSON Lines (one object a line).

JSON is read whole, so it is held to the article size limit; JSON Lines is streamed
line by line, so a corpus of any size can be read, and a bad line is reported with its
number while the other lines go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from presslens.article import Article
from presslens.errors import InputError
from presslens.readers.dates import DateOrder
from presslens.readers.records import article_from_record
from presslens.readers.source import OnError, decode_utf8

# Wrappers that exporters put around a list of records.
LIST_KEYS = ("articles", "items", "data", "results", "records", "documents", "docs")
# Deeper JSON is refused: no article needs it, and Python's parser and the record readers
# recurse, so 100,000 nested lists would otherwise end in a RecursionError.
MAX_JSON_DEPTH = 100


def parse_json(text: str | bytes, source: str, line: int | None = None) -> Any:
    """JSON text as Python values; InputError naming `source` (and `line`, for JSON Lines)
    when it is not JSON or nests lists and objects more than MAX_JSON_DEPTH deep."""
    too_deep = InputError(source, f"JSON nested more than {MAX_JSON_DEPTH} levels deep", line)
    try:
        data = json.loads(text, parse_int=_int_or_text)
    except json.JSONDecodeError as exc:
        problem = f"invalid JSON at column {exc.colno}: {json_problem(exc)}"
        raise InputError(source, problem, line or exc.lineno) from None
    except RecursionError:
        raise too_deep from None
    if not _within_depth(data, MAX_JSON_DEPTH):
        raise too_deep
    return data


def json_problem(exc: json.JSONDecodeError) -> str:
    """What is wrong, in words: Python's own message, whole. A few of them end mid-sentence
    ("Invalid control character at"), leaving the position to the exception's str(); the
    caller gives the position, and the character is named here."""
    if not exc.msg.endswith(" at"):
        return exc.msg
    found = exc.doc[exc.pos] if exc.pos < len(exc.doc) else ""
    named = f" U+{ord(found):04X}" if found else ""
    hint = " (write a line break inside a string as \\n)" if found in ("\n", "\r") else ""
    return f"{exc.msg.removesuffix(' at')}{named}{hint}"


def _within_depth(data: Any, limit: int) -> bool:
    """Whether lists and objects in `data` nest at most `limit` deep; walked without recursion."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is None:
            continue
        if depth > limit:
            return False
        stack.extend((child, depth + 1) for child in children)
    return True


def read_json(
    text: str, source: str, limit: int, on_error: OnError, date_order: DateOrder | None = None,
) -> Iterator[Article]:
    data = parse_json(text, source)
    records = _records_of(data, source)
    for index, record in enumerate(records, start=1):
        where = f"record {index}" if len(records) > 1 or isinstance(data, list) else ""
        try:
            yield article_from_record(record, source, None, limit, where, date_order)
        except InputError as exc:
            on_error(exc)


def _records_of(data: Any, source: str) -> list[Any]:
    if isinstance(data, list):
        if not data:
            raise InputError(source, "empty JSON list: no articles")
        return data
    if isinstance(data, dict):
        lowered = {str(k).lower(): v for k, v in data.items()}
        for key in LIST_KEYS:
            if isinstance(lowered.get(key), list):
                return lowered[key]
        return [data]
    raise InputError(source, f"expected a JSON object or list, got {type(data).__name__}")


def read_jsonl(
    stream: BinaryIO, source: str, limit: int, on_error: OnError, date_order: DateOrder | None = None,
) -> Iterator[Article]:
    """One Article per non-blank line; `limit` bounds each article's text."""
    line_limit = 2 * limit + 65_536  # room for the JSON escapes and metadata around the text
    number = 0
    while True:
        raw = stream.readline(line_limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > line_limit and not raw.endswith(b"\n"):
            _skip_rest_of_line(stream)
            on_error(InputError(source, f"line is over the {line_limit / 1_000_000:.1f} MB limit", number))
            continue
        if not raw.strip():
            continue
        try:
            record = _parse_line(raw, source, number)
            yield article_from_record(record, source, number, limit, date_order=date_order)
        except InputError as exc:
            on_error(exc)


def _parse_line(raw: bytes, source: str, number: int) -> Any:
    return parse_json(decode_utf8(raw, source, number), source, number)


def _int_or_text(digits: str) -> int | str:
    """A JSON integer; kept as its digits when too long for int() (over 4,300 digits, a
    ValueError otherwise): an odd number in some field must not lose the record."""
    return int(digits) if len(digits) <= 4000 else digits


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(1_048_576)
        if not chunk or chunk.endswith(b"\n"):
            return
