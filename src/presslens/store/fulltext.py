"""Full-text search: user queries to FTS5 / PostgreSQL syntax, and plain snippets with highlights.

Users type web-search style queries: words, "quoted phrases", -excluded words (or NOT
word), OR and trailing * for prefixes. Snippets are cut from the article text here, not by the
database, so both databases give the same plain text with [start, end) highlights.

Highlights come from SQLite's own FTS5 tokenizer (the search index's: Porter stems,
case and accents folded), run on the one article in an in-memory table, so "study"
marks "studies" and "cafe" marks "café" just as the index matched them.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass, field

from presslens.errors import InputError
from presslens.store.search_index import TOKENIZER

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")
SNIPPET_CHARS = 240
# The most words one query may search for, counted after repeats are dropped: each is a
# pass over its posting list, and more than this is not a search anyone types.
MAX_QUERY_TERMS = 32


@dataclass
class ParsedQuery:
    """A query as groups of alternatives (ANDed), each a list of phrases; plus excluded phrases."""

    groups: list[list[tuple[list[str], bool]]] = field(default_factory=list)
    excluded: list[list[str]] = field(default_factory=list)


def parse_query(query: str) -> ParsedQuery:
    """The query's words, NFKC-folded first: "Ｉｒａｎ" typed full-width (or "ﬁnal" with its
    ligature) is the "Iran" of the text. `NOT word` (in capitals; a lowercase "not" is a
    word) excludes as `-word` does: AND NOT."""
    parsed = ParsedQuery()
    join_next = negate_next = False
    for match in _TOKEN.finditer(unicodedata.normalize("NFKC", query)):
        bare = match.group(3)
        if bare is not None and bare.upper() == "OR":
            join_next = bool(parsed.groups)
            continue
        if bare == "NOT":
            negate_next = True
            continue
        words, prefix, negated = _term(match)
        if not words:
            continue
        if negated or negate_next:
            parsed.excluded.append(words)
        elif join_next:
            parsed.groups[-1].append((words, prefix))
        else:
            parsed.groups.append([(words, prefix)])
        join_next = negate_next = False
    if not parsed.groups:
        only = " (NOT and - only leave words out)" if parsed.excluded else ""
        raise InputError("query", f"{query!r} has no word to search for{only}")
    return _deduplicated(parsed)


def _term(match: re.Match) -> tuple[list[str], bool, bool]:
    """One typed term: its lower-case words, whether it is a prefix (`gov*`), whether excluded (`-word`)."""
    negated, phrase, bare = match.group(1), match.group(2), match.group(3)
    raw = phrase if phrase is not None else bare
    if bare is not None and bare.startswith("-") and len(bare) > 1:
        negated, raw = "-", bare[1:]
    prefix = phrase is None and raw.endswith("*")
    return [w.lower() for w in _WORD.findall(raw)], prefix, bool(negated)


def _deduplicated(parsed: ParsedQuery) -> ParsedQuery:
    """The same query without repeats (a word typed twice matches the same articles; the
    database's work grows with the square of the repeats), held to MAX_QUERY_TERMS words."""
    groups: list[list[tuple[list[str], bool]]] = []
    seen_groups: set[frozenset] = set()
    for group in parsed.groups:
        alternatives: list[tuple[list[str], bool]] = []
        for words, prefix in group:
            if (words, prefix) not in alternatives:
                alternatives.append((words, prefix))
        key = frozenset((tuple(w), p) for w, p in alternatives)
        if key not in seen_groups:
            seen_groups.add(key)
            groups.append(alternatives)
    excluded: list[list[str]] = []
    for words in parsed.excluded:
        if words not in excluded:
            excluded.append(words)
    result = ParsedQuery(groups=groups, excluded=excluded)
    count = sum(len(w) for group in groups for w, _ in group) + sum(len(w) for w in excluded)
    if count > MAX_QUERY_TERMS:
        raise InputError("query", f"{count} words to search for: at most {MAX_QUERY_TERMS} (repeats count once)")
    return result


def _fts5_phrase(words: list[str], prefix: bool) -> str:
    return '"' + " ".join(words) + '"' + (" *" if prefix else "")


def to_fts5(parsed: ParsedQuery) -> str:
    """FTS5 MATCH syntax; every word is quoted so no user text is read as an operator."""
    groups = ["(" + " OR ".join(_fts5_phrase(w, p) for w, p in group) + ")" for group in parsed.groups]
    expression = " AND ".join(groups)
    for words in parsed.excluded:
        expression = f"({expression}) NOT {_fts5_phrase(words, False)}"
    return expression


def to_tsquery(parsed: ParsedQuery) -> str:
    """PostgreSQL to_tsquery syntax; words are \\w+ only, so nothing the user typed is an operator."""
    def phrase(words: list[str], prefix: bool) -> str:
        return "(" + " <-> ".join(words) + (":*" if prefix else "") + ")"

    groups = ["(" + " | ".join(phrase(w, p) for w, p in group) + ")" for group in parsed.groups]
    return " & ".join(groups + ["!" + phrase(w, False) for w in parsed.excluded])


# highlight() brackets each matched word with these; the same characters (and NUL, which
# SQLite's text functions stop at) in the article's own text become spaces first (same
# length, so offsets hold).
_OPEN, _CLOSE = "\x01", "\x02"
_MARKERS = re.compile("[\x01\x02]")
_SPACED = re.compile("[\x00\x01\x02]")
_local = threading.local()


def _highlighter() -> sqlite3.Connection:
    """This thread's in-memory FTS5 table, tokenized as the search index is."""
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:")
        conn.execute(f"CREATE VIRTUAL TABLE shown USING fts5(title, text, tokenize='{TOKENIZER}')")
        _local.conn = conn
    return conn


def _marked(highlighted: str) -> list[tuple[int, int]]:
    """[start, end) of the bracketed runs, as offsets into the text without brackets."""
    spans, start = [], 0
    for removed, marker in enumerate(_MARKERS.finditer(highlighted)):
        position = marker.start() - removed
        if marker.group() == _OPEN:
            start = position
        else:
            spans.append((start, position))
    return spans


def article_highlights(
    title: str, text: str, parsed: ParsedQuery
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """[start, end) of every word of `title` and of `text` that the query's positive words
    or phrases match, whether or not the whole query matches (PostgreSQL's stemmer may
    have matched what Porter does not)."""
    any_phrase = " OR ".join(_fts5_phrase(words, prefix) for group in parsed.groups for words, prefix in group)
    conn = _highlighter()
    with conn:
        conn.execute("DELETE FROM shown")
        conn.execute("INSERT INTO shown(rowid, title, text) VALUES (1, ?, ?)",
                     tuple(_SPACED.sub(" ", value) for value in (title, text)))
        row = conn.execute(
            "SELECT highlight(shown, 0, ?, ?), highlight(shown, 1, ?, ?) FROM shown WHERE shown MATCH ?",
            (_OPEN, _CLOSE, _OPEN, _CLOSE, any_phrase),
        ).fetchone()
        conn.execute("DELETE FROM shown")
    return (_marked(row[0]), _marked(row[1])) if row else ([], [])


def highlight_spans(text: str, parsed: ParsedQuery) -> list[tuple[int, int]]:
    """[start, end) of every word in `text` that the query's positive words match."""
    return article_highlights("", text, parsed)[1]


def snippet(text: str, parsed: ParsedQuery, width: int = SNIPPET_CHARS,
            spans: list[tuple[int, int]] | None = None) -> tuple[str, list[tuple[int, int]]]:
    """The window of `text` with the most highlighted words, and highlights relative to it
    (`spans`: the text's highlights when the caller has them already)."""
    spans = highlight_spans(text, parsed) if spans is None else spans
    start = 0
    if spans:
        # Slide over the highlights: the window starting at highlight i covers the
        # highlights that begin within three quarters of a width after it.
        reach, best, best_count, j = width * 3 // 4, 0, 0, 0
        for i, (s, _) in enumerate(spans):
            j = max(j, i)
            while j + 1 < len(spans) and spans[j + 1][0] < s + reach:
                j += 1
            if j - i + 1 > best_count:
                best, best_count = i, j - i + 1
        start = max(0, spans[best][0] - width // 4)
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and start - space < 30 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    window = text[start:end]
    lead = window.lstrip()
    offset = start + (len(window) - len(lead))
    plain = " ".join(lead.split())
    # Whitespace is collapsed for the terminal; map highlights through the same collapse.
    mapping, out_pos, prev_space = [], 0, False
    for ch in lead:
        mapping.append(out_pos)
        if ch.isspace():
            if not prev_space:
                out_pos += 1
            prev_space = True
        else:
            out_pos += 1
            prev_space = False
    mapping.append(out_pos)
    marks = [
        (mapping[s - offset], mapping[e - offset])
        for s, e in spans if s >= offset and e <= offset + len(lead)
    ]
    marks = [(s, min(e, len(plain))) for s, e in marks if s < len(plain)]
    return plain, marks
