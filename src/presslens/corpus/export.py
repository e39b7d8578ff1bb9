"""Writes exported rows as CSV, JSON Lines or Parquet, streaming: no format holds the whole export.

Lists and mappings (entity aliases, framing) are JSON text in CSV and Parquet and plain
JSON in JSON Lines; dates are ISO 8601.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any

from sqlalchemy import JSON, Boolean, Date, Float, Integer

from presslens.errors import InputError
from presslens.store.repository import batched

FORMATS = ("csv", "jsonl", "parquet")
PARQUET_BATCH = 5000


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


def write_csv(rows: Iterable[dict], columns: list[str], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: _flat(v) for k, v in row.items()})
        n += 1
    return n


def write_jsonl(rows: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
        n += 1
    return n


def _arrow_type(sql_type: Any):
    import pyarrow as pa

    if isinstance(sql_type, Boolean):
        return pa.bool_()
    if isinstance(sql_type, Integer):
        return pa.int64()
    if isinstance(sql_type, Float):
        return pa.float64()
    if isinstance(sql_type, Date):
        return pa.date32()
    return pa.string()


def write_parquet(rows: Iterable[dict], columns: list[tuple[str, Any]], out: IO[bytes]) -> int:
    """Row groups of PARQUET_BATCH rows, each written as soon as it is full."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, _arrow_type(t)) for name, t in columns])
    json_columns = {name for name, t in columns if isinstance(t, JSON)}
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        for batch in batched(rows, PARQUET_BATCH):
            for row in batch:
                for name in json_columns:
                    row[name] = json.dumps(row[name], ensure_ascii=False)
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def write_export(rows: Iterator[dict], columns: list[tuple[str, Any]], fmt: str, out: IO[bytes]) -> int:
    """Writes every row to the binary stream `out` in `fmt`; returns how many rows."""
    if fmt not in FORMATS:
        raise InputError("--format", f"{fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return write_parquet(rows, columns, out)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        if fmt == "csv":
            return write_csv(rows, [name for name, _ in columns], text)
        return write_jsonl(rows, text)
    finally:
        text.flush()
        text.detach()
