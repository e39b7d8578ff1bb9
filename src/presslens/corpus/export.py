"""Exports: every stored row of one kind matching the filters, as CSV, JSON Lines or Parquet
bytes, streamed: no format holds the whole export.

Each format is a stream of bytes chunks, so the server can send an export as it is made
and the CLI can write it to a file or stdout. Lists and mappings (entity aliases,
framing) are JSON text in CSV and Parquet and plain JSON in JSON Lines; dates are ISO 8601.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import chain
from typing import IO, Any

from presslens.errors import InputError, NotFoundError
from presslens.store import Store
from presslens.store.filters import Filters
from presslens.store.queries.exports import EXPORTS, value_kind
from presslens.store.rows import batched

FORMATS = ("csv", "jsonl", "parquet")
PARQUET_BATCH = 5000
# CSV and JSON Lines leave in chunks of about this size rather than a line at a time.
CHUNK_BYTES = 64 * 1024


def _flat(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__}")


def _chunked(lines: Iterable[str]) -> Iterator[bytes]:
    """UTF-8 bytes of the lines, gathered into chunks of about CHUNK_BYTES."""
    pending: list[bytes] = []
    size = 0
    for line in lines:
        encoded = line.encode("utf-8")
        pending.append(encoded)
        size += len(encoded)
        if size >= CHUNK_BYTES:
            yield b"".join(pending)
            pending, size = [], 0
    if pending:
        yield b"".join(pending)


def csv_chunks(rows: Iterable[dict], columns: list[tuple[str, Any]]) -> Iterator[bytes]:
    """A header of the column names, then a line per row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[name for name, _ in columns], lineterminator="\n")

    def taken() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    def lines() -> Iterator[str]:
        writer.writeheader()
        yield taken()
        for row in rows:
            writer.writerow({k: _flat(v) for k, v in row.items()})
            yield taken()

    return _chunked(lines())


def jsonl_chunks(rows: Iterable[dict], _columns: list[tuple[str, Any]]) -> Iterator[bytes]:
    return _chunked(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n" for row in rows)


def _arrow_type(sql_type: Any):
    # deferred: pyarrow is the optional parquet extra
    import pyarrow as pa

    kind = value_kind(sql_type)
    return {"bool": pa.bool_, "int": pa.int64, "float": pa.float64, "date": pa.date32}.get(kind, pa.string)()


class _Collected(io.RawIOBase):
    """A write-only file that keeps what is written until it is taken."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def parquet_chunks(rows: Iterable[dict], columns: list[tuple[str, Any]]) -> Iterator[bytes]:
    """Row groups of PARQUET_BATCH rows, each given out as soon as it is full; the footer last."""
    # pyarrow is the optional `parquet` extra: loaded only for a Parquet export.
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, _arrow_type(t)) for name, t in columns])
    json_columns = {name for name, t in columns if value_kind(t) == "json"}
    sink = _Collected()
    with pq.ParquetWriter(sink, schema) as writer:
        for batch in batched(rows, PARQUET_BATCH):
            for row in batch:
                for name in json_columns:
                    row[name] = json.dumps(row[name], ensure_ascii=False)
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            yield sink.take()
    yield sink.take()


WRITERS: dict[str, Callable[[Iterable[dict], list[tuple[str, Any]]], Iterator[bytes]]] = {
    "csv": csv_chunks, "jsonl": jsonl_chunks, "parquet": parquet_chunks,
}


class Export:
    """One export: iterate it (once) for its bytes in `fmt`; `rows_written` counts the
    rows turned into bytes so far. An unknown format is an InputError at once."""

    def __init__(self, rows: Iterable[dict], columns: list[tuple[str, Any]], fmt: str) -> None:
        if fmt not in FORMATS:
            raise InputError("format", f"{fmt!r} is not one of {', '.join(FORMATS)}")
        self.rows_written = 0
        self._chunks = WRITERS[fmt](self._counted(rows), columns)

    def _counted(self, rows: Iterable[dict]) -> Iterator[dict]:
        for row in rows:
            self.rows_written += 1
            yield row

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks


def write_export(rows: Iterable[dict], columns: list[tuple[str, Any]], fmt: str, out: IO[bytes]) -> int:
    """Writes every row to the binary stream `out` in `fmt`; returns how many rows."""
    export = Export(rows, columns, fmt)
    for chunk in export:
        out.write(chunk)
    return export.rows_written


def _check_export(what: str) -> None:
    if what not in EXPORTS:
        raise InputError("what", f"{what!r} is not one of {', '.join(EXPORTS)}")


def export_columns(store: Store, what: str) -> list[tuple[str, Any]]:
    """(name, SQLAlchemy type) of every column `export_rows` yields for `what`, in order."""
    _check_export(what)
    return store.exports.columns(what)


def export_rows(store: Store, what: str, filters: Filters) -> Iterator[dict[str, Any]]:
    """Every row of one kind matching the filters, streamed from the database in order."""
    _check_export(what)
    yield from store.exports.rows(what, filters)


def stored_export(store: Store, what: str, filters: Filters, fmt: str) -> Export:
    """Every stored row of kind `what` matching the filters, as bytes in `fmt`. The first
    row is read now, so that an unknown kind or format, or a bad filter, raises before
    any byte goes out (a server response would otherwise be cut short). An outlet filter
    naming no stored outlet is a NotFoundError, not an export of the header alone."""
    columns = export_columns(store, what)
    if filters.outlets and (unknown := store.listings.unknown_outlets(filters.outlets)):
        raise NotFoundError(f"outlet {unknown[0]!r} not found")
    rows = export_rows(store, what, filters)
    first = next(rows, None)
    return Export(rows if first is None else chain([first], rows), columns, fmt)
