"""Direct quotations found from quote marks alone, paragraph by paragraph.

Only double marks delimit a quotation (straight ", curly “ ”, guillemets, and the ``
'' pairs of typeset text); single marks are left alone because they are far more often
apostrophes (don't, Iran's, the '80s) or a quotation nested inside double marks.

Whether a mark opens or closes is read from its neighbours: a mark after a space and
before a word opens, a mark after a word and before a space or punctuation closes; the
curly shape decides only when the context does not. A quotation never runs past the
end of its paragraph unless the next paragraph opens with a mark (the newswire
convention for a quotation over several paragraphs), so an unbalanced mark cannot
swallow the rest of an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
QUOTE_MARK = re.compile(r"``|''|[\"“”„«»]")
_OPEN_BEFORE = set(" \t\n([{—–-/:")
_CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-/")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class MarkedQuote:
    """Text between an opening mark and its closing mark; `start`/`end` exclude the marks."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None when the paragraph ended with the quotation still open
    opens_paragraph: bool  # the opening mark is the first thing in its paragraph
    paragraphs: int  # how many paragraphs the quotation runs over


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-blank paragraph: blank-line separated when the text has
    blank lines, otherwise one paragraph a line."""
    breaks = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans, start = [], 0
    for match in breaks.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in spans) if e > s]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _role(text: str, at: int, length: int, para_start: int, para_end: int) -> str:
    """"open", "close" or "either" for the mark at text[at:at+length]."""
    mark = text[at : at + length]
    before = text[at - 1] if at > para_start else " "
    after = text[at + length] if at + length < para_end else " "
    can_open = (before in _OPEN_BEFORE or before in OPENING) and not after.isspace()
    can_close = (after in _CLOSE_AFTER or after in CLOSING) and not before.isspace()
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if mark in OPENING or mark == "``":
        return "open"
    if mark in CLOSING or mark == "''":
        return "close"
    return "either"


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    """Every double-marked quotation in `text`, in order, none overlapping."""
    quotes: list[MarkedQuote] = []
    paras = paragraphs(text)
    open_at: int | None = None  # offset of the opening mark of the quotation in progress
    open_len = 0
    opens_paragraph = False
    n_paras = 1
    for index, (p_start, p_end) in enumerate(paras):
        if open_at is not None:
            n_paras += 1
        for match in QUOTE_MARK.finditer(text, p_start, p_end):
            at, length = match.start(), len(match.group())
            if open_at is not None and at == p_start:
                continue  # the continuation mark of a quotation over several paragraphs
            role = _role(text, at, length, p_start, p_end)
            if open_at is None and role in ("open", "either"):
                open_at, open_len, n_paras = at, length, 1
                opens_paragraph = at == p_start
            elif open_at is not None and role in ("close", "either"):
                quotes.append(_quote(text, open_at, open_len, at, at, opens_paragraph, n_paras))
                open_at = None
            elif open_at is not None and role == "open":
                # An opener inside an open quotation: the earlier mark was stray.
                open_at, open_len, n_paras = at, length, 1
                opens_paragraph = at == p_start
        if open_at is None:
            continue
        next_opens = index + 1 < len(paras) and QUOTE_MARK.match(text, paras[index + 1][0]) is not None
        if not next_opens:
            quotes.append(_quote(text, open_at, open_len, p_end, None, opens_paragraph, n_paras))
            open_at = None
    return [q for q in quotes if q.end > q.start]


def _quote(
    text: str, open_at: int, open_len: int, end: int, close_mark: int | None,
    opens_paragraph: bool, n_paras: int,
) -> MarkedQuote:
    start, end = _strip(text, open_at + open_len, end)
    return MarkedQuote(start, end, open_at, close_mark, opens_paragraph, n_paras)
