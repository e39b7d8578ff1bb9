"""CSV and TSV with a header row, streamed row by row.

Columns are matched to Article fields by name (see fields.py); a file without a text
column is refused as a whole, a bad row is reported with its line and skipped.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from presslens.article import Article
from presslens.errors import InputError
from presslens.readers import fields
from presslens.readers.dates import DateOrder
from presslens.readers.records import article_from_record
from presslens.readers.source import OnError, decode_utf8


def read_csv(
    stream: BinaryIO, source: str, limit: int, on_error: OnError, delimiter: str = ",",
    date_order: DateOrder | None = None,
) -> Iterator[Article]:
    # Article bodies are far longer than the csv module's default 128 KB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), limit))
    reader = csv.DictReader(_decoded_lines(stream, source), delimiter=delimiter)
    try:
        columns = [name.lower() for name in reader.fieldnames or []]
        if not any(name in columns for name in fields.TEXT):
            raise InputError(source, f"no text column in the header (expected one of {', '.join(fields.TEXT[:3])})", 1)
        for row in reader:
            if None in row:
                on_error(InputError(source, f"row has {len(reader.fieldnames or []) + len(row[None])} cells, "
                                            f"the header has {len(reader.fieldnames or [])}", reader.line_num))
                continue
            try:
                yield article_from_record(row, source, reader.line_num, limit, date_order=date_order)
            except InputError as exc:
                on_error(exc)
    except csv.Error as exc:
        raise InputError(source, f"malformed CSV: {exc}", reader.line_num) from None


def _decoded_lines(stream: BinaryIO, source: str) -> Iterator[str]:
    for number, raw in enumerate(stream, start=1):
        line = decode_utf8(raw, source, number)
        yield line.lstrip("\ufeff") if number == 1 else line
