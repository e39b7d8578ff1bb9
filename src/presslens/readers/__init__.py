"""Readers: every supported input turned into Articles.

`read_path(path)` reads one file of any supported format; `iter_articles(sources)` reads
files, folders (recursively, in sorted order), "-" (stdin) and http(s) URLs of pages and
feeds (readers/web.py); a text file holding only URLs, one a line, is read URL by URL. The format is chosen by
the file's suffix, corrected by sniffing its first bytes; `.gz` files are decompressed
on the fly. See docs/readers.md for the formats and the rules for titles and ids.

Errors in one record or one file are InputErrors naming the input (and line); with an
`on_error` callback they are reported and reading goes on, without one they are raised.
`date_order` ("mdy", "dmy") reads the slash dates that both orders could read (3/8/17);
None, the default, drops them with a DroppedFieldWarning.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from presslens.article import Article
from presslens.config import get_settings
from presslens.errors import InputError
from presslens.readers.csvfile import read_csv
from presslens.readers.dates import DateOrder
from presslens.readers.feed import read_feed
from presslens.readers.html import read_html
from presslens.readers.jsonfile import read_json, read_jsonl
from presslens.readers.source import (
    ONE_ARTICLE_FORMATS,
    SNIFF_BYTES,
    STREAM_FORMATS,
    OnError,
    check_not_empty,
    check_size,
    decode_utf8,
    head_of,
    is_gzip,
    is_utf16,
    looks_binary,
    raise_error,
    read_limited,
    sniff_format,
)
from presslens.readers.text import read_text
from presslens.readers.web import is_url, read_url, url_list

__all__ = ["count_articles", "iter_articles", "read_articles", "read_path", "read_stream"]

STDIN = "-"


def read_path(
    path: Path | str, on_error: Callable[[InputError], None] | None = None, date_order: DateOrder | None = None,
) -> Iterator[Article]:
    """The Articles in one file. Raises InputError for an unreadable file (always) and for
    a bad record (unless `on_error` takes it)."""
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise InputError(source, "no such file or folder")
    if path.is_dir():
        raise InputError(source, "is a folder (use iter_articles to read folders)")
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise InputError(source, f"cannot open: {exc.strerror or exc}") from None
    with stream:
        yield from read_stream(stream, source, path.name, on_error, size=path.stat().st_size, date_order=date_order)


def read_stream(
    stream: BinaryIO, source: str, name: str, on_error: OnError | None = None, size: int | None = None,
    date_order: DateOrder | None = None,
) -> Iterator[Article]:
    """The Articles in an open binary stream; `name` (a file name) hints at the format."""
    report = on_error or raise_error
    problems = 0

    def counting(error: InputError) -> None:
        nonlocal problems
        problems += 1
        report(error)

    found = 0
    for article in _read_stream(stream, source, name, counting, size, date_order):
        found += 1
        yield article
    if not found and not problems:
        raise InputError(source, "no articles in this file")


def _read_stream(
    stream: BinaryIO, source: str, name: str, on_error: OnError, size: int | None, date_order: DateOrder | None,
) -> Iterator[Article]:
    limit = get_settings().max_article_bytes
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    try:
        head = head_of(stream)
        if not head:
            raise InputError(source, "empty file")
        if is_gzip(head):
            inner_name = name[:-3] if name.lower().endswith(".gz") else name
            with gzip.GzipFile(fileobj=stream) as unzipped:
                yield from _read_stream(io.BufferedReader(unzipped), source, inner_name, on_error, None, date_order)
            return
        fmt = sniff_format(name, head)
        if fmt not in STREAM_FORMATS:
            check_size(source, limit, size)
        if is_utf16(head):
            raise InputError(source, "UTF-16 text is not supported; save it as UTF-8")
        if looks_binary(head):
            raise InputError(source, "not a text file (binary content)")
        if fmt == "jsonl":
            yield from read_jsonl(stream, source, limit, on_error, date_order)
        elif fmt in ("csv", "tsv"):
            yield from read_csv(stream, source, limit, on_error, delimiter="\t" if fmt == "tsv" else ",",
                                date_order=date_order)
        else:
            data = read_limited(stream, source, limit)
            yield from _read_document(fmt, data, source, name, limit, on_error, date_order)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"cannot read: {exc}") from None


def _read_document(
    fmt: str, data: bytes, source: str, name: str, limit: int, on_error: OnError, date_order: DateOrder | None,
) -> Iterator[Article]:
    # Pages and feeds declare their own encodings; their parsers decode them.
    if fmt == "feed":
        yield from read_feed(data, source, on_error, date_order)
        return
    if fmt == "html":
        yield read_html(data, source, date_order)
        return
    text = decode_utf8(data, source)
    check_not_empty(text, source)
    urls = url_list(text) if fmt == "text" else None
    if urls:
        for url in urls:
            yield from _guarded(lambda u=url: read_url(u, on_error, date_order), on_error)
        return
    if fmt == "json":
        yield from read_json(text, source, limit, on_error, date_order)
    else:
        yield read_text(text, source, name)


def iter_articles(
    sources: Iterable[str | Path], on_error: Callable[[InputError], None] | None = None,
    date_order: DateOrder | None = None,
) -> Iterator[Article]:
    """Articles from files, folders (recursive, sorted), "-" (stdin) and http(s) URLs, in that order.

    In folders, hidden files and files that are not text are skipped; a folder with no
    text file at all is an error. With `on_error`, a bad file or record is reported and
    the rest is read; without it, the first error is raised. `date_order` ("mdy", "dmy")
    reads the slash dates both orders could read; a record's own `date_order` field wins.
    """
    report = on_error or raise_error
    for item in sources:
        if str(item) == STDIN:
            yield from _guarded(
                lambda: read_stream(sys.stdin.buffer, "<stdin>", "stdin", report, date_order=date_order), report
            )
            continue
        if is_url(item):
            yield from _guarded(lambda u=item: read_url(u, report, date_order), report)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _read_folder(path, report, date_order)
        else:
            yield from _guarded(lambda p=path: read_path(p, report, date_order), report)


def read_articles(path: str | Path, date_order: DateOrder | None = None) -> Iterator[Article]:
    """The Articles in a file of any supported format (plain text, agency dump, HTML, JSON,
    JSON Lines, CSV, RSS/Atom, or a gzip of one), or in every text file of a folder,
    recursively in sorted order. Raises InputError naming the input (and line) at the
    first bad file or record. `date_order` ("mdy", "dmy") reads the slash dates both
    orders could read (3/8/17), which are otherwise dropped with a DroppedFieldWarning."""
    return iter_articles([path], date_order=date_order)


def count_articles(sources: Iterable[str | Path]) -> int | None:
    """How many articles the sources hold, when that is known without parsing them: every
    source a file (or a folder of files) of a one-article format such as plain text, an
    agency dump, a PTC article or an HTML page. None for stdin and record formats."""
    total = 0
    for item in sources:
        if str(item) == STDIN or is_url(item):
            return None
        path = Path(item)
        for file in _text_files(path) if path.is_dir() else [path]:
            try:
                with file.open("rb") as stream:
                    head = stream.read(SNIFF_BYTES)
            except OSError:
                continue  # reported when it is read
            if is_gzip(head) or sniff_format(file.name, head) not in ONE_ARTICLE_FORMATS:
                return None
            total += 1
    return total


def _text_files(folder: Path) -> list[Path]:
    return [f for f in sorted(_visible_files(folder)) if _is_readable_kind(f)]


def _read_folder(folder: Path, report: OnError, date_order: DateOrder | None = None) -> Iterator[Article]:
    files = sorted(_visible_files(folder))
    text_files = [f for f in files if _is_readable_kind(f)]
    if not text_files:
        skipped = f" ({len(files)} skipped: not text)" if files else ""
        report(InputError(str(folder), f"no text files in this folder{skipped}"))
        return
    for file in text_files:
        yield from _guarded(lambda f=file: read_path(f, report, date_order), report)


def _visible_files(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith("."):
                yield Path(root) / name


def _is_readable_kind(path: Path) -> bool:
    """Text files and gzip files; anything else with a NUL byte up front is skipped
    (UTF-16 text is kept, so that its error says how to fix it)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(8192)
    except OSError:
        return True  # let read_path report why it cannot be read
    return is_gzip(head) or is_utf16(head) or not looks_binary(head)


def _guarded(read: Callable[[], Iterator[Article]], report: OnError) -> Iterator[Article]:
    """Runs a reader, handing a file-level error to `report` instead of stopping the run."""
    try:
        yield from read()
    except InputError as exc:
        report(exc)
