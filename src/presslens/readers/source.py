"""Raw bytes in: size limits, text-or-binary, UTF-8 decoding, and which format a file is.

Every check here fails with an InputError naming the input, so a reader never has to
think about a 50 MB file, a JPEG in a folder or a stray Latin-1 byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import BinaryIO

from presslens.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 8192

OnError = Callable[[InputError], None]

# Formats read whole (one document) and formats read record by record (streams).
DOCUMENT_FORMATS = ("text", "json", "html", "feed")
STREAM_FORMATS = ("jsonl", "csv", "tsv")
# Formats that always hold exactly one article.
ONE_ARTICLE_FORMATS = ("text", "html")

# An object with a key, or a list of objects: "[UPDATE] Officials say..." stays text.
_JSON_START = re.compile(rb'^(\{\s*["}]|\[\s*[{\]])')

_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}


def raise_error(error: InputError) -> None:
    raise error


def head_of(stream: BinaryIO) -> bytes:
    """The first bytes of a stream without consuming them (the stream must support peek)."""
    return stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[attr-defined]


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def is_utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))


def looks_binary(head: bytes) -> bool:
    """A NUL byte in the first few KB: images, PDFs, archives, UTF-16. Text never has one."""
    return b"\x00" in head


def sniff_format(name: str, head: bytes) -> str:
    """The format of a file from its name, corrected by its first bytes.

    The suffix decides when it is a known one, except that a `.txt` or suffix-less file
    whose content is plainly JSON, HTML or a feed is read as what it is, and a `.json`
    file holding one object per line is read as JSONL.
    """
    lowered = name.lower()
    suffix = lowered[lowered.rfind("."):] if "." in lowered else ""
    by_name = _BY_SUFFIX.get(suffix)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if by_name == "json" and _one_object_per_line(head):
        return "jsonl"
    if by_name not in (None, "text"):
        return by_name
    if _JSON_START.match(start):
        return "jsonl" if _one_object_per_line(head) else "json"
    if start.startswith(b"<"):
        if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
            return "feed"
        if b"<html" in start or b"<!doctype html" in start or b"<head" in start or b"<body" in start:
            return "html"
    return "text"


def _one_object_per_line(head: bytes) -> bool:
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    return len(lines) >= 2 and lines[0].startswith(b"{") and lines[0].endswith(b"}") and lines[1].startswith(b"{")


def check_size(source: str, limit: int, size: int | None) -> None:
    """Refuses a file of known size over `limit` before a byte of it is read."""
    if size is not None and size > limit:
        raise InputError(source, f"file is {_mb(size)}, over the {_mb(limit)} limit (PRESSLENS_MAX_ARTICLE_BYTES)")


def read_limited(stream: BinaryIO, source: str, limit: int) -> bytes:
    """The whole stream, refusing it once more than `limit` bytes have come (stdin, gzip)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(source, f"input is over the {_mb(limit)} limit (PRESSLENS_MAX_ARTICLE_BYTES)")
    return data


def decode_utf8(data: bytes, source: str, line: int | None = None) -> str:
    """Strict UTF-8; the error names the byte offset (within the line, when there is one)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = "in this line" if line is not None else "in the file"
        raise InputError(
            source, f"invalid UTF-8 at byte {exc.start} {where} (0x{data[exc.start]:02x}); save it as UTF-8", line
        ) from exc


def check_not_empty(text: str, source: str) -> None:
    if not text.strip():
        raise InputError(source, "empty file" if not text else "empty file (only whitespace)")


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
