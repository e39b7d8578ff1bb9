"""`presslens claims score`: the check-worthiness of each sentence of a file, as TSV.

Input is JSON Lines of {"id", "text"}, or CSV / TSV (by extension) with id and text
columns. Every line is checked before any is scored, and the output is written to a
temporary file renamed into place, so bad input leaves no partial output behind.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from presslens.analyzers.claims.model import load_claim_model
from presslens.errors import InputError
from presslens.predict.output import write_lines
from presslens.readers.jsonfile import json_problem
from presslens.readers.source import check_not_empty, decode_utf8

DELIMITERS = {".csv": ",", ".tsv": "\t"}


def _item(record: object, source: str, line: int) -> tuple[str, str]:
    if not isinstance(record, dict):
        raise InputError(source, f"expected an object with id and text, got {type(record).__name__}", line)
    for field in ("id", "text"):
        if record.get(field) in (None, ""):
            raise InputError(source, f"missing {field!r}", line)
    if not isinstance(record["text"], str):
        raise InputError(source, "'text' is not a string", line)
    if not isinstance(record["id"], (str, int)) or isinstance(record["id"], bool):
        raise InputError(source, "'id' must be a string or an integer", line)
    return str(record["id"]), record["text"]


def _jsonl_items(lines: list[str], source: str) -> list[tuple[str, str]]:
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(source, f"invalid JSON at column {exc.colno}: {json_problem(exc)}", number) from None
        items.append(_item(record, source, number))
    return items


def _table_items(lines: list[str], source: str, delimiter: str) -> list[tuple[str, str]]:
    reader = csv.DictReader(lines, delimiter=delimiter)
    try:
        columns = {name.strip().lower(): name for name in reader.fieldnames or []}
        missing = [name for name in ("id", "text") if name not in columns]
        if missing:
            raise InputError(source, f"no {' or '.join(missing)} column in the header", 1)
        items = []
        for row in reader:
            if None in row:
                raise InputError(source, "row has more cells than the header", reader.line_num)
            items.append(_item({"id": row[columns["id"]], "text": row[columns["text"]]}, source, reader.line_num))
        return items
    except csv.Error as exc:
        raise InputError(
            source, f"malformed {'TSV' if delimiter == chr(9) else 'CSV'}: {exc}", reader.line_num
        ) from None


def read_sentences(path: Path) -> list[tuple[str, str]]:
    """(id, text) of each item of `path`, in order; InputError names the file and line."""
    source = str(path)
    if not path.is_file():
        raise InputError(source, "no such file")
    raw_lines = path.read_bytes().splitlines(keepends=True)
    lines = [decode_utf8(raw, source, number) for number, raw in enumerate(raw_lines, start=1)]
    if lines:
        lines[0] = lines[0].lstrip("\ufeff")
    check_not_empty("".join(lines), source)
    delimiter = DELIMITERS.get(path.suffix.lower())
    items = _table_items(lines, source, delimiter) if delimiter else _jsonl_items(lines, source)
    if not items:
        raise InputError(source, "no items (expected lines with id and text)")
    return items


def score_file(input_path: Path, output_path: Path, folder: Path | None = None) -> int:
    """Writes `id<TAB>score` for each item of `input_path` to `output_path`; returns how many."""
    items = read_sentences(Path(input_path))
    scores = load_claim_model(folder).score([text for _, text in items])
    # Ids come from the user: a tab or newline in one would break the TSV.
    write_lines(output_path, (f"{item_id.replace(chr(9), ' ').replace(chr(10), ' ')}\t{score:.4f}\n"
                              for (item_id, _), score in zip(items, scores)))
    return len(items)
